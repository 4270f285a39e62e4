import Foundation

/// Where an account's key comes from. The key is read only when the account is used, so a
/// password manager is asked only for the account chosen.
public enum KeySource: Hashable, Sendable {
    case literal(Secret)
    /// A shell command whose standard output is the key (`pass show connect/prod`).
    case command(String)
    /// A file holding the key (`--api-key-file`).
    case file(String)
    /// The system keyring's entry for the account (`api_key_source = "keyring"`).
    case keyring
}

/// An account connect-tui can work on, from whichever source offered it.
public struct AccountChoice: Hashable, Sendable, Identifiable {
    public enum Origin: Hashable, Sendable {
        /// `--endpoint` / `--api-key-file` on the command line.
        case flags
        /// `CONNECT_API_KEY` / `CONNECT_ENDPOINT`.
        case environment
        /// An `[[accounts]]` entry of config.toml.
        case config
        /// connect-cli's `~/.ccli/config.json` (read only).
        case connectCLI
        /// The built-in local Connect.
        case sandbox
    }

    public var name: String
    public var origin: Origin
    public var endpoint: URL?
    public var key: KeySource?
    /// Nothing but reads on this account (`read_only = true`).
    public var readOnly: Bool

    public init(name: String, origin: Origin, endpoint: URL? = nil, key: KeySource? = nil, readOnly: Bool = false) {
        self.name = name
        self.origin = origin
        self.endpoint = endpoint
        self.key = key
        self.readOnly = readOnly
    }

    public var id: String { "\(origin.label):\(name)" }

    public static let sandbox = AccountChoice(name: "sandbox", origin: .sandbox)

    /// "production (config.toml)", for the header and the switcher.
    public var label: String {
        origin == .sandbox ? "sandbox" : "\(name) (\(origin.label))"
    }
}

extension AccountChoice.Origin {
    public var label: String {
        switch self {
        case .flags: "command line"
        case .environment: "CONNECT_API_KEY"
        case .config: "config.toml"
        case .connectCLI: "connect-cli"
        case .sandbox: "sandbox"
        }
    }
}

/// connect-cli's account file, `~/.ccli/config.json`: `{"active": id, "accounts": [{id, name,
/// api_key, endpoint}]}`. Read only; connect-tui never writes it.
public struct ConnectCLIAccounts: Hashable, Sendable {
    public var accounts: [AccountChoice]
    /// The one connect-cli has active, if it is among them.
    public var activeAccount: AccountChoice?

    public init(accounts: [AccountChoice], activeAccount: AccountChoice?) {
        self.accounts = accounts
        self.activeAccount = activeAccount
    }

    /// Reads the file's bytes; nil with a reason when they are not connect-cli's format.
    public static func parse(_ data: Data) -> Result<ConnectCLIAccounts, ConfigurationMessage> {
        struct File: Decodable {
            struct Entry: Decodable {
                var id: String
                var name: String?
                var api_key: String
                var endpoint: String?
            }
            var active: String?
            var accounts: [Entry]?
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            return .failure(ConfigurationMessage("is not connect-cli's account file (\(Self.reason(error)))"))
        }
        var accounts: [AccountChoice] = []
        var active: AccountChoice?
        for entry in file.accounts ?? [] {
            guard (try? APIKey(parsing: entry.api_key)) != nil else { continue }
            let endpoint = entry.endpoint.flatMap(URL.init(string:)) ?? ConnectClient.defaultEndpoint
            let name = entry.name.map { "\($0) \(entry.id)" } ?? entry.id
            let choice = AccountChoice(name: name, origin: .connectCLI, endpoint: endpoint, key: .literal(Secret(entry.api_key)))
            accounts.append(choice)
            if entry.id == file.active { active = choice }
        }
        return .success(ConnectCLIAccounts(accounts: accounts, activeAccount: active))
    }

    /// A decoding error in a few words, never with the file's content.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "unexpected shape" : "bad or missing \(path)"
        default:
            return "not JSON"
        }
    }
}

/// A message about the setup, safe to print (it never holds a key).
public struct ConfigurationMessage: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
