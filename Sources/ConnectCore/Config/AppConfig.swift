import Foundation

/// `$XDG_CONFIG_HOME/connect-tui/config.toml`: accounts, the active one, the look, the
/// clipboard and key bindings. Reading is lenient: a bad key or value becomes a `ConfigProblem`
/// naming its line and the rest still applies; only a file that is not TOML at all is refused.
public struct AppConfig: Hashable, Sendable {
    /// One `[[accounts]]` entry.
    public struct Account: Hashable, Sendable {
        public var name: String
        public var endpoint: URL
        public var key: KeySource
        public var line: Int
        /// `read_only = true`: nothing but reads on this account.
        public var readOnly = false
    }

    public enum ClipboardMode: String, CaseIterable, Hashable, Sendable {
        case auto, osc52, native, off
    }

    public var accounts: [Account] = []
    public var active: String?
    public var theme: String?
    public var rowsPerPage: Int?
    /// Seconds between quiet reloads of the list on screen; nil (or 0) never.
    public var refreshInterval: Int?
    /// `mouse = false`: clicks and the wheel stay with the terminal (its own selection).
    public var mouse = true
    public var clipboardMode: ClipboardMode = .auto
    /// Seconds after which a copied key is cleared (if the clipboard still holds it); nil never.
    public var clipboardClearAfter: Int?
    /// Command name → the keys bound to it instead of the defaults.
    public var keys: [String: [String]] = [:]
    /// Where a key was rebound, for messages about conflicts.
    public var keyLines: [String: Int] = [:]

    public init() {}

    public func account(named name: String) -> Account? { accounts.first { $0.name == name } }

    /// The sizes the list offers.
    public static let rowsPerPageChoices = [10, 25, 50, 100]
}

/// Something wrong in the config file: where, which key, and what.
public struct ConfigProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var key: String?
    public var message: String

    public init(file: String, line: Int, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// "config.toml:12: clipboard.mode: must be one of auto, osc52, native, off".
    public var description: String {
        "\(file):\(line): " + (key.map { "\($0): " } ?? "") + message
    }
}

extension AppConfig {
    /// Reads a config file's text; `file` names it in messages. Throws only when the text is
    /// not TOML this file understands (then none of it applies).
    public static func parse(_ text: String, file: String) throws(ConfigProblem) -> (AppConfig, [ConfigProblem]) {
        let document: ConfigDocument
        do {
            document = try ConfigDocument.parse(text)
        } catch {
            throw ConfigProblem(file: file, line: error.line, key: nil, message: error.message)
        }
        var reader = Reader(file: file)
        var config = AppConfig()
        reader.readRoot(document.root, into: &config)
        for table in document.tables {
            switch (table.name, table.isArrayElement) {
            case ("accounts", true): if let account = reader.account(table) { config.accounts.append(account) }
            case ("clipboard", false): reader.readClipboard(table, into: &config)
            case ("keys", false): reader.readKeys(table, context: nil, into: &config)
            case (let name, false) where name.hasPrefix("keys.") && name.count > 5:
                reader.readKeys(table, context: String(name.dropFirst(5)), into: &config)
            default:
                reader.problem(table.line, nil, "unknown table [\(table.isArrayElement ? "[" : "")\(table.name)\(table.isArrayElement ? "]" : "")]; known: [[accounts]], [clipboard], [keys], [keys.CONTEXT]")
            }
        }
        var names: Set<String> = []
        for account in config.accounts where !names.insert(account.name).inserted {
            reader.problem(account.line, "accounts.name", "\(account.name) is defined twice; the first one is used")
        }
        if let active = config.active, config.account(named: active) == nil {
            reader.problem(document.root["active"]?.line ?? 0, "active", "there is no account named \(active)")
        }
        return (config, reader.problems)
    }

    /// Checks values and collects problems.
    struct Reader {
        let file: String
        var problems: [ConfigProblem] = []

        mutating func problem(_ line: Int, _ key: String?, _ message: String) {
            problems.append(ConfigProblem(file: file, line: line, key: key, message: message))
        }

        mutating func string(_ value: ConfigDocument.Value, _ key: String) -> String? {
            if case .string(let text) = value.kind { return text }
            problem(value.line, key, "must be a string, not \(value.typeName)")
            return nil
        }

        mutating func integer(_ value: ConfigDocument.Value, _ key: String, in range: ClosedRange<Int>) -> Int? {
            guard case .integer(let number) = value.kind else {
                problem(value.line, key, "must be a whole number, not \(value.typeName)")
                return nil
            }
            guard range.contains(number) else {
                problem(value.line, key, "must be between \(range.lowerBound) and \(range.upperBound)")
                return nil
            }
            return number
        }

        mutating func readRoot(_ root: ConfigDocument.Table, into config: inout AppConfig) {
            for (key, value) in root.entries {
                switch key {
                case "active": config.active = string(value, key)
                case "theme": config.theme = string(value, key)
                case "rows_per_page":
                    guard let number = integer(value, key, in: 1...1000) else { continue }
                    if AppConfig.rowsPerPageChoices.contains(number) {
                        config.rowsPerPage = number
                    } else {
                        problem(value.line, key, "must be one of \(AppConfig.rowsPerPageChoices.map(String.init).joined(separator: ", "))")
                    }
                case "refresh_interval":
                    guard let seconds = integer(value, key, in: 0...86400) else { continue }
                    config.refreshInterval = seconds == 0 ? nil : max(5, seconds)
                case "mouse":
                    guard case .bool(let flag) = value.kind else {
                        problem(value.line, key, "must be true or false, not \(value.typeName)")
                        continue
                    }
                    config.mouse = flag
                default:
                    problem(value.line, key, "unknown key; known at the top: active, theme, rows_per_page, refresh_interval, mouse")
                }
            }
        }

        mutating func readClipboard(_ table: ConfigDocument.Table, into config: inout AppConfig) {
            for (key, value) in table.entries {
                let name = "clipboard.\(key)"
                switch key {
                case "mode":
                    guard let text = string(value, name) else { continue }
                    guard let mode = ClipboardMode(rawValue: text) else {
                        problem(value.line, name, "must be one of \(ClipboardMode.allCases.map(\.rawValue).joined(separator: ", "))")
                        continue
                    }
                    config.clipboardMode = mode
                case "clear_after":
                    guard let seconds = integer(value, name, in: 0...86_400) else { continue }
                    config.clipboardClearAfter = seconds == 0 ? nil : seconds
                default:
                    problem(value.line, name, "unknown key; known in [clipboard]: mode, clear_after")
                }
            }
        }

        /// `[keys]` (every context) or `[keys.CONTEXT]` (one): stored as `command` or
        /// `CONTEXT.command`.
        mutating func readKeys(_ table: ConfigDocument.Table, context: String?, into config: inout AppConfig) {
            for (entry, value) in table.entries {
                let command = context.map { "\($0).\(entry)" } ?? entry
                let name = "keys.\(command)"
                var keys: [String] = []
                switch value.kind {
                case .string(let key): keys = [key]
                case .array(let items):
                    for item in items {
                        guard case .string(let key) = item.kind else {
                            problem(item.line, name, "each key must be a string")
                            continue
                        }
                        keys.append(key)
                    }
                default:
                    problem(value.line, name, "must be a key (\"x\", \"ctrl-r\", \"f5\") or a list of keys")
                    continue
                }
                guard !keys.isEmpty else {
                    problem(value.line, name, "needs at least one key")
                    continue
                }
                config.keys[command] = keys
                config.keyLines[command] = value.line
            }
        }

        mutating func account(_ table: ConfigDocument.Table) -> AppConfig.Account? {
            var name: String?
            var endpoint = ConnectClient.defaultEndpoint
            var literal: String?
            var command: String?
            var keyring = false
            var readOnly = false
            var usable = true
            for (key, value) in table.entries {
                let qualified = "accounts.\(key)"
                switch key {
                case "name": name = string(value, qualified)
                case "endpoint":
                    guard let text = string(value, qualified) else { usable = false; continue }
                    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                        problem(value.line, qualified, "must be an http(s) URL")
                        usable = false
                        continue
                    }
                    endpoint = url
                case "api_key":
                    literal = string(value, qualified)
                    if let text = literal, (try? APIKey(parsing: text)) == nil {
                        problem(value.line, qualified, "is not an API key (expected ApiKey SU-…:…); its value is not shown")
                        usable = false
                    }
                case "api_key_cmd": command = string(value, qualified)
                case "api_key_source":
                    guard let source = string(value, qualified) else { usable = false; continue }
                    guard source == "keyring" else {
                        problem(value.line, qualified, "must be \"keyring\" (or leave it out and give api_key or api_key_cmd)")
                        usable = false
                        continue
                    }
                    keyring = true
                case "read_only":
                    guard case .bool(let flag) = value.kind else {
                        problem(value.line, qualified, "must be true or false, not \(value.typeName)")
                        continue
                    }
                    readOnly = flag
                default:
                    problem(value.line, qualified, "unknown key; known in [[accounts]]: name, endpoint, api_key, api_key_cmd, api_key_source, read_only")
                }
            }
            guard let name, !name.isEmpty else {
                problem(table.line, "accounts.name", "every [[accounts]] needs a name")
                return nil
            }
            let key: KeySource
            switch (literal, command, keyring) {
            case (let literal?, nil, false): key = .literal(Secret(literal))
            case (nil, let command?, false): key = .command(command)
            case (nil, nil, true): key = .keyring
            case (nil, nil, false):
                problem(table.line, "accounts.api_key", "\(name) needs api_key, api_key_cmd or api_key_source = \"keyring\"")
                return nil
            case (.some, _, _), (_, .some, _):
                problem(table.line, "accounts.api_key", "\(name) has more than one of api_key, api_key_cmd and api_key_source; keep one")
                return nil
            }
            guard usable else { return nil }
            return AppConfig.Account(name: name, endpoint: endpoint, key: key, line: table.line, readOnly: readOnly)
        }
    }
}
