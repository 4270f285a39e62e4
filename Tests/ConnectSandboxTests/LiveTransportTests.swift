import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// The live transport against real peers: a TLS server (`openssl s_server`, started here), where
/// a certificate no trusted authority signed is refused before any request is sent (a key
/// never goes to a server that merely claims the name), and a port nothing listens on.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs openssl"))
final class LiveTransportTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connect-tui-tls-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A self-signed certificate for 127.0.0.1 and a server that answers HTTP over TLS with it.
    func server() async throws -> (RunningProcess, Int) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = folder.appendingPathComponent("key.pem").path
        let certificate = folder.appendingPathComponent("cert.pem").path
        let make = try RunningProcess(URL(fileURLWithPath: "/usr/bin/openssl"), [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        #expect(try await make.waitForExit() == 0)
        let port = Int.random(in: 20_000..<60_000)
        let server = try RunningProcess(URL(fileURLWithPath: "/usr/bin/openssl"), [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet",
        ])
        // s_server says nothing when quiet: wait until the port answers a TCP connect.
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if Self.listening(port) { return (server, port) }
            try await Task.sleep(for: .milliseconds(50))
        }
        server.signal(SIGKILL)
        Issue.record("openssl s_server did not listen: \(server.output)")
        throw CancellationError()
    }

    /// Whether something listens on 127.0.0.1:`port` (state 0A in the kernel's table).
    static func listening(_ port: Int) -> Bool {
        // Read to the end: procfs files say they are empty, so a sized read gets nothing.
        let text = String(decoding: FileHandle(forReadingAtPath: "/proc/net/tcp")?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        let hex = String(port, radix: 16, uppercase: true)
        return text.contains(":\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex) 00000000:0000 0A")
    }

    @Test func aCertificateNoAuthoritySignedIsRefusedBeforeTheKeyIsSent() async throws {
        let (server, port) = try await server()
        // Foundation's Process starts it with the mask of the pool thread this runs on, which
        // blocks signals: a SIGTERM would stay pending for good (it did: servers outlived every
        // run). SIGKILL cannot be blocked.
        defer { server.signal(SIGKILL) }
        let request = HTTPRequest(
            method: .get, url: URL(string: "https://127.0.0.1:\(port)/public/v1/auth/context")!,
            headers: ["Authorization": "ApiKey SU-000-000-000:0123456789abcdef0123456789abcdef01234567"])
        let refused = await #expect(throws: TransportError.self) { _ = try await LiveTransport.make().send(request) }
        #expect(refused == .connectionFailed("TLS connection failed"), "refused in the handshake, before the request is written")
    }

    /// Nothing listens: the transport says so at once (not a timeout after its connect time
    /// has run out), and the client's own retry policy decides what happens next.
    @Test func aPortNothingListensOnIsCouldNotConnectNotATimeout() async throws {
        let transport = LiveTransport.make(.init(connectTimeout: 30, requestTimeout: 30))
        // The answer must come well before the 30 s connect time (a deadline, not a figure).
        let outcome = await withTaskGroup(of: TransportError?.self) { group in
            group.addTask {
                do {
                    _ = try await transport.send(HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:1/public/v1/auth/context")!))
                    return nil
                } catch { return error as? TransportError }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                return .timedOut
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(outcome == .connectionFailed("could not connect to the server"))
    }
}
