import ConnectCore
import ConnectSandbox
import CursesTerminal
import Foundation
import IntegrationsUI
import Logging
import TerminalKit

/// Starts the full-screen app: picks the account, opens the terminal, runs, restores.
enum TerminalUI {
    static func run(environment: [String: String]) async throws -> Int32 {
        // Nothing may print while curses owns the screen.
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let target: Target
        do {
            target = try await Target.resolve(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("connect-tui: \(error)\n".utf8))
            return 1
        }
        defer { if let sandbox = target.sandbox { Task { await sandbox.stop() } } }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: environment["NO_COLOR"]?.isEmpty == false ? .monochrome : .dark)
        } catch {
            FileHandle.standardError.write(Data("connect-tui: \(error)\n".utf8))
            return 1
        }
        let runtime = AppRuntime(
            terminal: terminal, client: target.client, connection: target.connection,
            clipboard: Clipboard(environment: environment),
            draftFile: DraftFile(url: AppPaths(environment: environment).dataDirectory.appendingPathComponent("wizard-draft.json")),
            takeSignal: { terminal.takeSignal() })
        runtime.run()
        terminal.close()
        return 0
    }

    /// The account to work on and how to reach it.
    struct Target {
        let client: ConnectClient
        let connection: Connection
        let sandbox: SandboxServer?

        /// `CONNECT_API_KEY` (+ `CONNECT_ENDPOINT`), else the in-process sandbox.
        static func resolve(environment: [String: String]) async throws -> Target {
            if let text = environment["CONNECT_API_KEY"], !text.isEmpty {
                let key = try APIKey(parsing: text)
                let endpointText = environment["CONNECT_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
                guard let endpoint = endpointText.map({ URL(string: $0) }) ?? ConnectClient.defaultEndpoint,
                    let scheme = endpoint.scheme, ["http", "https"].contains(scheme)
                else { throw ConfigurationError("CONNECT_ENDPOINT is not an http(s) URL") }
                return Target(
                    client: ConnectClient(endpoint: endpoint, apiKey: key, transport: URLSessionTransport()),
                    connection: Connection(endpoint: endpoint, isSandbox: false, source: "CONNECT_API_KEY"),
                    sandbox: nil)
            }
            let path = AppPaths(environment: environment).sandboxDatabase.path
            let store = try SandboxStore(path: path)
            let server = try await SandboxServer.start(store: store)
            let key = try await store.ownerKey()
            return Target(
                client: ConnectClient(endpoint: server.endpoint, apiKey: key, transport: URLSessionTransport()),
                connection: Connection(endpoint: server.endpoint, isSandbox: true, source: "sandbox"),
                sandbox: server)
        }
    }

    struct ConfigurationError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
