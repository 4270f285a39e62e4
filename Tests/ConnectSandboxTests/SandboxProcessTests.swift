import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// `connect-tui sandbox serve` as a process: it stops cleanly when asked and loses nothing it
/// acknowledged when killed.
@Suite final class SandboxProcessTests {
    let data = FileManager.default.temporaryDirectory
        .appendingPathComponent("connect-tui-serve-\(UUID().uuidString)").appendingPathComponent("sandbox.sqlite")

    /// Each test gets its own folder, removed after it.
    deinit { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }

    func serve(faults: [String] = []) async throws -> (RunningProcess, ConnectClient) {
        let server = try RunningProcess(BuiltBinary.url, ["sandbox", "serve", "--data", data.path, "--port", "0"] + faults.flatMap { ["--fault", $0] })
        let output = try await server.waitForOutput(containing: "Serving until interrupted")
        let endpoint = try #require(output.split(separator: "\n").first { $0.hasPrefix("Sandbox endpoint:") }?
            .split(separator: " ").last.map(String.init))
        let keyLine = try #require(output.split(separator: "\n").first { $0.hasPrefix("API key:") })
        let key = try APIKey(parsing: String(keyLine.dropFirst("API key:".count)))
        let client = ConnectClient(
            endpoint: try #require(URL(string: endpoint)), apiKey: key,
            transport: LiveTransport.make(.init(connectTimeout: 5, requestTimeout: 5)),
            retryPolicy: .none)
        return (server, client)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsItCleanly(signal: Int32) async throws {
        let (server, client) = try await serve()
        _ = try await client.authContext()
        server.signal(signal)
        #expect(try await server.waitForExit() == 0)
        #expect(server.output.contains("The sandbox stopped."))
    }

    @Test func sigtermStopsItWhileARequestHangs() async throws {
        let (server, client) = try await serve(faults: ["hang,path=/auth/context"])
        let hanging = Task { try? await client.authContext() }
        // The request is in: the server answers nothing else on that path until it stops.
        _ = try await client.listModules(page: PageRequest(limit: 1))
        try await Task.sleep(for: .milliseconds(200))  // let the hanging request reach the server
        server.signal(SIGTERM)
        #expect(try await server.waitForExit(timeout: .seconds(10)) == 0, "graceful shutdown does not wait for the hang")
        #expect(server.output.contains("The sandbox stopped."))
        _ = await hanging.value
    }

    @Test func aKillDuringWritesLosesNothingAcknowledged() async throws {
        let (server, client) = try await serve()
        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            group.addTask {
                var ids: [String] = []
                for number in 0..<10_000 {
                    do {
                        ids.append(try await client.createToken(customToken("Durable \(number)")).id)
                    } catch {
                        break
                    }
                }
                return ids
            }
            // Kill once a good number of writes have been acknowledged, while more are under way.
            while try await client.listTokens(ListQuery(filter: .ilike("name", "durable*")), page: PageRequest(limit: 0)).total ?? 0 < 25 {
                try await Task.sleep(for: .milliseconds(10))
            }
            server.signal(SIGKILL)
            var all: [String] = []
            for try await ids in group { all += ids }
            return all
        }
        #expect(acknowledged.count >= 25)
        _ = try await server.waitForExit()

        let (again, reopened) = try await serve()
        let stored = try await reopened.listTokens(
            ListQuery(filter: .ilike("name", "durable*"), select: ["-permissions"]), page: PageRequest(limit: 1000))
        let ids = Set(stored.items.map(\.id))
        #expect(Set(acknowledged).isSubset(of: ids), "every acknowledged create survived the kill")
        #expect(ids.count <= acknowledged.count + 1, "at most the one unanswered create may have landed")
        again.signal(SIGTERM)
        #expect(try await again.waitForExit() == 0)
    }

    @Test func seedKeyAndResetFromTheCommandLine() async throws {
        let seed = try RunningProcess(BuiltBinary.url, ["sandbox", "seed", "--tokens", "500", "--data", data.path])
        #expect(try await seed.waitForExit() == 0)
        #expect(seed.output.contains("Added 500 tokens"))
        let key = try RunningProcess(BuiltBinary.url, ["sandbox", "key", "--data", data.path])
        #expect(try await key.waitForExit() == 0)
        let printed = key.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try APIKey(parsing: printed).tokenID != nil)
        #expect(printed.split(separator: "\n").count == 1, "the key and nothing else")

        let (server, client) = try await serve()
        #expect(try await client.listTokens(page: PageRequest(limit: 0)).total == 504)
        server.signal(SIGTERM)
        _ = try await server.waitForExit()

        let reset = try RunningProcess(BuiltBinary.url, ["sandbox", "reset", "--yes", "--data", data.path])
        #expect(try await reset.waitForExit() == 0)
        let (again, fresh) = try await serve()
        #expect(try await fresh.listTokens(page: PageRequest(limit: 0)).total == 4, "the owner token, the tutorial one, one expiring and one expired")
        again.signal(SIGTERM)
        _ = try await again.waitForExit()
    }
}
