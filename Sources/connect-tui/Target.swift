import ArgumentParser
import ConnectCore
import ConnectSandbox
import Foundation
import IntegrationsUI

/// `--endpoint` and `--api-key-file`, shared by the app and the script commands.
struct AccountOptions: ParsableArguments {
    @Option(help: "The Connect API endpoint (default: $CONNECT_ENDPOINT, else the real Connect when a key is given).")
    var endpoint: String?

    @Option(name: .customLong("api-key-file"), help: "A file holding the API key (never pass a key on the command line).")
    var apiKeyFile: String?
}

/// The account to work on and how to reach it.
struct Target {
    let client: ConnectClient
    let connection: Connection
    let sandbox: SandboxServer?

    /// Flags, then `CONNECT_API_KEY` / `CONNECT_ENDPOINT`, else the in-process sandbox.
    static func resolve(_ options: AccountOptions, environment: [String: String]) async throws -> Target {
        var keyText = environment["CONNECT_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        var source = "CONNECT_API_KEY"
        if let file = options.apiKeyFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ConfigurationError("cannot read the API key file \(file)")
            }
            keyText = text
            source = file
        }
        if let keyText {
            let key: APIKey
            do { key = try APIKey(parsing: keyText) } catch { throw ConfigurationError("the API key from \(source): \(error)") }
            let endpointText = options.endpoint ?? environment["CONNECT_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
            guard let endpoint = endpointText.map({ URL(string: $0) }) ?? ConnectClient.defaultEndpoint,
                let scheme = endpoint.scheme, ["http", "https"].contains(scheme), endpoint.host != nil
            else { throw ConfigurationError("the endpoint is not an http(s) URL") }
            return Target(
                client: ConnectClient(endpoint: endpoint, apiKey: key, transport: URLSessionTransport()),
                connection: Connection(endpoint: endpoint, isSandbox: false, source: source),
                sandbox: nil)
        }
        if options.endpoint != nil { throw ConfigurationError("--endpoint needs a key: set CONNECT_API_KEY or --api-key-file") }
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
