import ArgumentParser
import ConnectCore
import ConnectSandbox
import Foundation
import IntegrationsUI

/// `--endpoint`, `--api-key-file` and `--account`, shared by the app and the script commands.
struct AccountOptions: ParsableArguments {
    @Option(help: "The Connect API endpoint (default: $CONNECT_ENDPOINT, else the real Connect when a key is given).")
    var endpoint: String?

    @Option(name: .customLong("api-key-file"), help: "A file holding the API key (never pass a key on the command line).")
    var apiKeyFile: String?

    @Option(help: "An account of config.toml (or connect-cli's, by name or id) to work on.")
    var account: String?

    @Flag(help: "Change nothing: every request but GET is refused before it is sent.")
    var readOnly = false
}

/// The account to work on and how to reach it.
struct Target: Sendable {
    let client: ConnectClient
    let connection: Connection
    let sandbox: SandboxServer?

    /// Everything the config files and flags offer, and the messages about them.
    struct Setup {
        let sources: AccountSources
        let config: AppConfig?
        let messages: [String]
        let paths: AppPaths

        init(_ options: AccountOptions, environment: [String: String]) {
            paths = AppPaths(environment: environment)
            let loaded = ConfigFiles(paths: paths, environment: environment).load()
            config = loaded.config
            messages = loaded.messages
            var sources = AccountSources(
                endpointFlag: options.endpoint, apiKeyFileFlag: options.apiKeyFile, accountFlag: options.account,
                environment: environment, config: loaded.config, connectCLI: loaded.connectCLI)
            sources.readOnlyFlag = options.readOnly
            self.sources = sources
        }
    }

    /// Flags, then `CONNECT_API_KEY` / `CONNECT_ENDPOINT`, then config.toml, then connect-cli,
    /// else the in-process sandbox.
    static func resolve(_ options: AccountOptions, environment: [String: String]) async throws -> Target {
        let setup = Setup(options, environment: environment)
        for message in setup.messages { FileHandle.standardError.write(Data("connect-tui: \(message)\n".utf8)) }
        return try await connect(try setup.sources.initial(), paths: setup.paths)
    }

    /// A client for one account: its key read now (file, command), or the sandbox started.
    static func connect(_ choice: AccountChoice, paths: AppPaths) async throws -> Target {
        guard choice.origin != .sandbox, let key = choice.key else {
            let store = try SandboxStore(path: paths.sandboxDatabase.path)
            let server = try await SandboxServer.start(store: store)
            let key = try await store.ownerKey()
            var client = ConnectClient(endpoint: server.endpoint, apiKey: key, transport: LiveTransport.make())
            client.readOnly = choice.readOnly
            return Target(
                client: client,
                connection: Connection(
                    endpoint: server.endpoint, isSandbox: true, source: "sandbox", accountName: "sandbox", readOnly: choice.readOnly,
                    ownTokenID: key.tokenID),
                sandbox: server)
        }
        let endpoint = choice.endpoint ?? ConnectClient.defaultEndpoint
        let apiKey = try key.load(account: choice.name)
        var client = ConnectClient(endpoint: endpoint, apiKey: apiKey, transport: LiveTransport.make())
        client.readOnly = choice.readOnly
        return Target(
            client: client,
            connection: Connection(
                endpoint: endpoint, isSandbox: false, source: choice.origin.label, accountName: choice.name, readOnly: choice.readOnly,
                ownTokenID: apiKey.tokenID),
            sandbox: nil)
    }
}
