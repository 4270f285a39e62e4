import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// `connect-tui tokens …` for scripts, against a standalone sandbox: output, JSON, exit codes.
@Suite final class ScriptCommandTests {
    let data = FileManager.default.temporaryDirectory
        .appendingPathComponent("connect-tui-cli-\(UUID().uuidString)").appendingPathComponent("sandbox.sqlite")

    /// Each test gets its own folder, removed after it.
    deinit { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }

    /// Runs the binary with the sandbox's account in the environment; returns exit code and output.
    func cli(_ arguments: [String], _ environment: [String: String]) async throws -> (Int32, String) {
        let process = try RunningProcess(BuiltBinary.url, arguments, environment: environment)
        let status = try await process.waitForExit()
        return (status, process.output)
    }

    func withSandbox(_ body: ([String: String], ConnectClient) async throws -> Void) async throws {
        let server = try RunningProcess(BuiltBinary.url, ["sandbox", "serve", "--data", data.path, "--port", "0"])
        let output = try await server.waitForOutput(containing: "Serving until interrupted")
        let lines = output.split(separator: "\n")
        let endpoint = String(try #require(lines.first { $0.hasPrefix("Sandbox endpoint:") }?.split(separator: " ").last))
        let key = try APIKey(parsing: String(try #require(lines.first { $0.hasPrefix("API key:") }).dropFirst("API key:".count)))
        let environment = ["CONNECT_API_KEY": key.unmaskedValue, "CONNECT_ENDPOINT": endpoint, "HOME": data.deletingLastPathComponent().path, "PATH": "/usr/bin:/bin"]
        let client = ConnectClient(endpoint: try #require(URL(string: endpoint)), apiKey: key, transport: LiveTransport.make())
        do {
            try await body(environment, client)
        } catch {
            server.signal(SIGTERM)
            throw error
        }
        server.signal(SIGTERM)
        _ = try await server.waitForExit()
    }

    @Test func listShowAndKey() async throws {
        try await withSandbox { environment, client in
            let (status, output) = try await cli(["tokens", "list", "--json"], environment)
            #expect(status == 0)
            let tokens = try JSONDecoder().decode([Token].self, from: Data(output.utf8))
            #expect(tokens.map(\.name).contains("Tutorial API Token"))
            #expect(tokens.allSatisfy { $0.token == nil }, "secrets are left out of JSON")

            let (_, text) = try await cli(["tokens", "list", "--filter", "ilike(name,*tutorial*)"], environment)
            #expect(text == "SU-431-800-699\tActive\tEXT-000\tTutorial API Token\n")

            let (keyStatus, key) = try await cli(["tokens", "key", "SU-431-800-699"], environment)
            #expect(keyStatus == 0)
            #expect(key.trimmingCharacters(in: .newlines) == (try await client.token(id: "SU-431-800-699").apiKey?.unmaskedValue))

            let (_, shown) = try await cli(["tokens", "show", "SU-431-800-699", "--json"], environment)
            let token = try JSONDecoder().decode(Token.self, from: Data(shown.utf8))
            #expect(token.id == "SU-431-800-699")
            #expect(token.token == nil)
        }
    }

    @Test func createEnableDisableDelete() async throws {
        try await withSandbox { environment, client in
            let (status, output) = try await cli(
                ["tokens", "create", "--name", "CLI token", "--description", "From a script", "--extension", "EXT-000",
                 "--module", "MD-0001", "--module", "MD-0007", "--json"], environment)
            #expect(status == 0)
            let created = try JSONDecoder().decode(Token.self, from: Data(output.utf8))
            #expect(Set(created.permissions?.map(\.moduleID) ?? []) == ["MD-0001", "MD-0007"])
            #expect(try await cli(["tokens", "disable", created.id], environment) == (0, "\(created.id) disabled\n"))
            #expect(try await client.token(id: created.id).status == .inactive)
            #expect(try await cli(["tokens", "enable", created.id], environment).0 == 0)
            #expect(try await client.token(id: created.id).status == .active)
            #expect(try await cli(["tokens", "delete", created.id], environment) == (0, "\(created.id) deleted\n"))
            let gone = await #expect(throws: ConnectError.self) { _ = try await client.token(id: created.id) }
            #expect(gone?.status == 404)
        }
    }

    @Test func severalIdsAreEachDoneOnceInTurnAndAFailureFailsTheCommand() async throws {
        try await withSandbox { environment, client in
            let first = try await client.createToken(TokenCreate(name: "Bulk one", description: "d", externalID: nil, extensionID: "EXT-000"))
            let second = try await client.createToken(TokenCreate(name: "Bulk two", description: "d", externalID: nil, extensionID: "EXT-000"))
            let (status, output) = try await cli(["tokens", "disable", first.id, second.id, first.id, "SU-000-000-404"], environment)
            #expect(status == 1)
            let lines = output.split(separator: "\n").map(String.init)
            #expect(lines.filter { $0 == "\(first.id) disabled" }.count == 1, "a repeated id is done once")
            #expect(lines.contains("\(second.id) disabled"))
            #expect(lines.contains { $0.hasPrefix("connect-tui: SU-000-000-404: ") && $0.contains("404") })
            #expect(lines.last == "connect-tui: 1 of 3 failed")
            #expect(try await client.token(id: first.id).status == .inactive)
            #expect(try await client.token(id: second.id).status == .inactive)
            #expect(try await cli(["tokens", "delete", first.id, second.id], environment) == (0, "\(first.id) deleted\n\(second.id) deleted\n"))
            // A bad id is refused before any request: nothing is deleted.
            let third = try await client.createToken(TokenCreate(name: "Bulk three", description: "d", externalID: nil, extensionID: "EXT-000"))
            #expect(try await cli(["tokens", "delete", third.id, "not-an-id"], environment).0 == 2)
            #expect(try await client.token(id: third.id).status == .active)
        }
    }

    @Test func exitCodesSayWhatWentWrong() async throws {
        try await withSandbox { environment, _ in
            let (apiStatus, apiOutput) = try await cli(["tokens", "show", "SU-000-000-404"], environment)
            #expect(apiStatus == 1)
            #expect(apiOutput == "connect-tui: Read token failed: HTTP 404 NFND_000: Token SU-000-000-404 not found.\n")
            #expect(try await cli(["tokens", "show"], environment).0 == 2)
            #expect(try await cli(["tokens", "list", "--filter", "eq(name"], environment).0 == 2)
            #expect(try await cli(["tokens", "create", "--name", "", "--description", "d", "--extension", "EXT-000"], environment).0 == 2)
            var wrongKey = environment
            wrongKey["CONNECT_API_KEY"] = "SU-000-000-000:nope"
            let (authStatus, authOutput) = try await cli(["tokens", "list"], wrongKey)
            #expect(authStatus == 1)
            #expect(authOutput == "connect-tui: List tokens failed: HTTP 401 AUTH_001: API request is unauthorized.\n")
        }
    }

    @Test func aKeyFileInsteadOfTheEnvironment() async throws {
        try await withSandbox { environment, _ in
            let file = data.deletingLastPathComponent().appendingPathComponent("key.txt")
            try (environment["CONNECT_API_KEY"]! + "\n").write(to: file, atomically: true, encoding: .utf8)
            var fromFile = environment
            fromFile["CONNECT_API_KEY"] = nil
            let (status, output) = try await cli(["tokens", "list", "--api-key-file", file.path, "--endpoint", environment["CONNECT_ENDPOINT"]!], fromFile)
            #expect(status == 0)
            #expect(output.contains("Tutorial API Token"))
        }
    }

    @Test func aKeyFromAPipeStandardInputOrAProcessSubstitution() async throws {
        try await withSandbox { environment, _ in
            var piped = environment
            let key = piped.removeValue(forKey: "CONNECT_API_KEY")!
            let endpoint = environment["CONNECT_ENDPOINT"]!
            let stdin = try RunningProcess(
                BuiltBinary.url, ["tokens", "list", "--api-key-file", "/dev/stdin", "--endpoint", endpoint],
                environment: piped, standardInput: key + "\n")
            #expect(try await stdin.waitForExit() == 0, "\(stdin.output)")
            #expect(stdin.output.contains("Tutorial API Token"))
            // bash's <(…) hands over /dev/fd/N, a pipe, as `pass show` users write it.
            piped["KEY"] = key
            let script = "'\(BuiltBinary.url.path)' tokens list --api-key-file <(printf '%s\\n' \"$KEY\") --endpoint '\(endpoint)'"
            let substituted = try RunningProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script], environment: piped)
            #expect(try await substituted.waitForExit() == 0, "\(substituted.output)")
            #expect(substituted.output.contains("Tutorial API Token"))
        }
    }
}
