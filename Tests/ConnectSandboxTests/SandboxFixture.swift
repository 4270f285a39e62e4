import ConnectCore
import ConnectSandbox
import ConnectTestSupport
import Foundation
import Testing

/// A sandbox on 127.0.0.1 with its own database in a temporary folder, and a client for it
/// that goes through the live transport.
struct Sandbox {
    let server: SandboxServer
    let directory: URL
    let key: APIKey
    let sleeps: SleepRecorder

    var store: SandboxStore { server.store }
    var endpoint: URL { server.endpoint }

    /// A client with the sandbox's own key; retries wait for nothing but are recorded.
    func client(
        key: APIKey? = nil, retryPolicy: RetryPolicy = RetryPolicy(), timeout: TimeInterval = 10
    ) -> ConnectClient {
        let recorder = sleeps
        return ConnectClient(
            endpoint: endpoint, apiKey: key ?? self.key,
            transport: LiveTransport.make(.init(connectTimeout: timeout, requestTimeout: timeout)),
            retryPolicy: retryPolicy,
            environment: RetryEnvironment(sleep: { recorder.record($0) }, now: { Date() }, random: { 0.5 }))
    }

    var client: ConnectClient { client() }

    /// Runs `body` against a fresh sandbox and stops it afterwards, whatever happens.
    static func with<T>(
        faults: [Fault] = [], seedTokens: Int = 0, _ body: (Sandbox) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("connect-tui-sandbox-\(UUID().uuidString)")
        let store = try SandboxStore(path: directory.appendingPathComponent("sandbox.sqlite").path)
        if seedTokens > 0 { try await store.seedTokens(count: seedTokens) }
        let server = try await SandboxServer.start(store: store, faults: FaultInjector(faults))
        let sandbox = Sandbox(server: server, directory: directory, key: try await store.ownerKey(), sleeps: SleepRecorder())
        do {
            let result = try await body(sandbox)
            await server.stop()
            try? FileManager.default.removeItem(at: directory)
            return result
        } catch {
            await server.stop()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }
}

/// The request body of a Custom token named `name`.
func customToken(_ name: String, description: String = "Made by a test", externalID: String? = nil) -> TokenCreate {
    TokenCreate(name: name, description: description, externalID: externalID, extensionID: "EXT-000")
}

/// A webhook body the sandbox accepts.
func webhookBody(label: String = "Test hook", url: String = "https://hooks.example.com/in") -> WebhookWrite {
    WebhookWrite(
        objectClass: .fulfillmentRequest, label: label, productID: "PRD-276-377-545", externalURL: url,
        jwtSecret: Secret("jwt-secret-for-tests"), active: true, description: "Created by a test")
}

/// The ConnectError a call throws, or a recorded issue when it does not throw.
func connectError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> ConnectError? {
    do {
        try await body()
        Issue.record("expected a ConnectError", sourceLocation: sourceLocation)
        return nil
    } catch let error as ConnectError {
        return error
    } catch {
        Issue.record("expected a ConnectError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
