import Foundation

/// Every place an account can come from, and the rule that picks one: flags, then
/// `CONNECT_API_KEY` / `CONNECT_ENDPOINT`, then config.toml's active account, then
/// connect-cli's active account, then the sandbox. First match wins.
public struct AccountSources: Hashable, Sendable {
    public var endpointFlag: String?
    public var apiKeyFileFlag: String?
    /// `--account NAME`: an account of config.toml or connect-cli by name.
    public var accountFlag: String?
    public var environment: [String: String]
    public var config: AppConfig?
    public var connectCLI: ConnectCLIAccounts?
    /// `--read-only`: every account offered is read-only.
    public var readOnlyFlag = false

    public init(
        endpointFlag: String? = nil, apiKeyFileFlag: String? = nil, accountFlag: String? = nil,
        environment: [String: String] = [:], config: AppConfig? = nil, connectCLI: ConnectCLIAccounts? = nil
    ) {
        self.endpointFlag = endpointFlag
        self.apiKeyFileFlag = apiKeyFileFlag
        self.accountFlag = accountFlag
        self.environment = environment
        self.config = config
        self.connectCLI = connectCLI
    }

    private func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }

    private func endpoint(_ text: String?) throws(ConfigurationMessage) -> URL {
        guard let text else { return ConnectClient.defaultEndpoint }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw ConfigurationMessage("the endpoint \(text) is not an http(s) URL")
        }
        return url
    }

    /// The account to start on.
    public func initial() throws(ConfigurationMessage) -> AccountChoice { flagged(try pick()) }

    private func flagged(_ choice: AccountChoice) -> AccountChoice {
        var choice = choice
        choice.readOnly = choice.readOnly || readOnlyFlag
        return choice
    }

    private func pick() throws(ConfigurationMessage) -> AccountChoice {
        if let name = accountFlag {
            guard let found = named(name) else {
                let known = (config?.accounts.map(\.name) ?? []) + (connectCLI?.accounts.map(\.name) ?? [])
                throw ConfigurationMessage("there is no account named \(name)" + (known.isEmpty ? "; add one with `connect-tui accounts add`" : "; known: \(known.joined(separator: ", "))"))
            }
            return found
        }
        if let file = apiKeyFileFlag {
            return AccountChoice(name: file, origin: .flags, endpoint: try endpoint(endpointFlag ?? variable("CONNECT_ENDPOINT")), key: .file(file))
        }
        if let key = variable("CONNECT_API_KEY") {
            return AccountChoice(name: "CONNECT_API_KEY", origin: .environment, endpoint: try endpoint(endpointFlag ?? variable("CONNECT_ENDPOINT")), key: .literal(Secret(key)))
        }
        if endpointFlag != nil { throw ConfigurationMessage("--endpoint needs a key: --api-key-file, CONNECT_API_KEY or --account") }
        if let config, let active = config.active.flatMap(config.account(named:)) ?? (config.active == nil && config.accounts.count == 1 ? config.accounts.first : nil) {
            return Self.choice(active)
        }
        if let active = connectCLI?.activeAccount { return active }
        return .sandbox
    }

    /// An account of config.toml or connect-cli by name (connect-cli's by id too).
    public func named(_ name: String) -> AccountChoice? {
        if let own = config?.account(named: name) { return flagged(Self.choice(own)) }
        return connectCLI?.accounts.first { $0.name == name || $0.name.hasSuffix(" \(name)") }.map(flagged)
    }

    /// What the account switcher offers: the one from flags or the environment, own
    /// accounts, connect-cli's, and the sandbox.
    public func all() -> [AccountChoice] {
        var choices: [AccountChoice] = []
        if let first = try? initial(), first.origin == .flags || first.origin == .environment { choices.append(first) }
        choices += (config?.accounts ?? []).map(Self.choice)
        choices += connectCLI?.accounts ?? []
        choices.append(.sandbox)
        return choices.map(flagged)
    }

    static func choice(_ account: AppConfig.Account) -> AccountChoice {
        AccountChoice(name: account.name, origin: .config, endpoint: account.endpoint, key: account.key, readOnly: account.readOnly)
    }
}
