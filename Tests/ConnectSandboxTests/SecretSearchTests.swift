import ConnectCore
import ConnectSandbox
import Foundation
import Logging
import Synchronization
import Testing

/// A full run of the client at the most talkative log level, with retries and failures, then
/// a search of everything logged and every error for any secret that passed by.
@Suite struct SecretSearchTests {
    /// Keeps every log line with its metadata.
    final class Capture: Sendable {
        let lines = Mutex<[String]>([])

        var handler: Handler { Handler(capture: self) }

        struct Handler: LogHandler {
            let capture: Capture
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace

            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }

            func log(event: LogEvent) {
                let all = metadata.merging(event.metadata ?? [:]) { $1 }
                capture.lines.withLock { $0.append("\(event.level) \(event.message) \(all) \(event.source) \(event.file):\(event.line)") }
            }
        }
    }

    @Test func noSecretReachesTheLogsOrTheErrors() async throws {
        let capture = Capture()
        let faults = [
            Fault(.status(503), method: "GET", path: "/auth/tokens", times: 2),
            Fault(.tooManyRequests(retryAfter: "1"), path: "/modules", times: 1),
            Fault(.dropConnection(afterHandling: true), method: "POST", path: "/auth/tokens", times: 1),
            Fault(.status(500), method: "PUT", path: "/notifications/webhooks", times: 1),
        ]
        try await Sandbox.with(faults: faults) { sandbox in
            var logger = Logger(label: "secret-search") { _ in capture.handler }
            logger.logLevel = .trace
            let client = ConnectClient(
                endpoint: sandbox.server.endpoint, apiKey: sandbox.key, transport: LiveTransport.make(),
                environment: RetryEnvironment(sleep: { _ in }, now: { Date() }, random: { 0.5 }), logger: logger)
            var secrets = [sandbox.key.secretPart]
            var errors: [String] = []
            func note(_ body: () async throws(ConnectError) -> Void) async {
                do { try await body() } catch { errors.append(error.description) }
            }
            await note { () async throws(ConnectError) in _ = try await client.listTokens(page: PageRequest()) }
            await note { () async throws(ConnectError) in _ = try await client.listModules(page: PageRequest()) }
            await note { () async throws(ConnectError) in _ = try await client.createToken(TokenCreate(name: "Lost answer", description: nil, externalID: nil, extensionID: "EXT-000")) }
            let made = try await client.createToken(TokenCreate(name: "Secret keeper", description: nil, externalID: nil, extensionID: "EXT-000"))
            secrets += [made.apiKey?.secretPart].compactMap { $0 }
            let rotated = try await client.rotateToken(id: made.id)
            secrets += [rotated.apiKey?.secretPart].compactMap { $0 }
            let hooks = try await client.listWebhooks(page: PageRequest())
            secrets += hooks.items.compactMap { $0.jwtSecret?.unmaskedValue }
            if let hook = hooks.items.first, var body = WebhookWrite(editing: hook) {
                body.label += " (edited)"
                await note { () async throws(ConnectError) in _ = try await client.updateWebhook(id: hook.id, body) }
            }
            // A key the server refuses: its error must not echo it either.
            let stranger = ConnectClient(endpoint: sandbox.server.endpoint, apiKey: try APIKey(parsing: "ApiKey SU-000-000-000:0123456789abcdef0123456789abcdef01234567"), transport: LiveTransport.make(), logger: logger)
            secrets.append("0123456789abcdef0123456789abcdef01234567")
            await note { () async throws(ConnectError) in _ = try await stranger.myAccount() }

            let logged = capture.lines.withLock { $0 }
            #expect(logged.count >= 8, "the run was logged: \(logged.count) lines")
            #expect(errors.count >= 2, "failures happened: \(errors)")
            #expect(secrets.count >= 5)
            for secret in secrets where !secret.isEmpty {
                #expect(!logged.contains { $0.contains(secret) }, "a secret in the logs")
                #expect(!errors.contains { $0.contains(secret) }, "a secret in an error")
            }
        }
    }
}
