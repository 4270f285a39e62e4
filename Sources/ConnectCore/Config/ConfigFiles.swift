import Foundation

/// Reads the own config file and connect-cli's account file, turning every problem into a
/// message that names the file (and line) and never a key.
public struct ConfigFiles: Sendable {
    public let configFile: URL
    public let connectCLIFile: URL

    public init(paths: AppPaths, environment: [String: String]) {
        configFile = paths.configFile
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        connectCLIFile = URL(fileURLWithPath: home).appendingPathComponent(".ccli/config.json")
    }

    public struct Loaded: Sendable {
        /// nil when the file is missing or not readable as TOML.
        public var config: AppConfig?
        public var connectCLI: ConnectCLIAccounts?
        /// Everything worth telling the user, one line each.
        public var messages: [String]
    }

    /// The largest config file read: a config is a few kilobytes; a larger one is a mistake
    /// or an attack, and is skipped whole.
    public static let maxBytes = 1_048_576

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    public func load() -> Loaded {
        var loaded = Loaded(config: nil, connectCLI: nil, messages: [])
        let name = configFile.path
        if FileManager.default.fileExists(atPath: name) {
            if Self.size(of: name) > Self.maxBytes {
                loaded.messages.append("\(name): larger than \(Self.maxBytes / 1_048_576) MiB (the file is ignored)")
            } else if let data = FileManager.default.contents(atPath: name) {
                if let text = String(data: data, encoding: .utf8) {
                    do {
                        let (config, problems) = try AppConfig.parse(text, file: name)
                        loaded.config = config
                        loaded.messages += problems.map(\.description)
                        if let warning = permissionWarning(config) { loaded.messages.append(warning) }
                    } catch {
                        loaded.messages.append("\(error.description) (the file is ignored)")
                    }
                } else {
                    loaded.messages.append("\(name): not UTF-8 text (the file is ignored)")
                }
            } else {
                loaded.messages.append("\(name): cannot be read (the file is ignored)")
            }
        }
        if Self.size(of: connectCLIFile.path) > Self.maxBytes {
            loaded.messages.append("\(connectCLIFile.path): larger than \(Self.maxBytes / 1_048_576) MiB (ignored)")
        } else if let data = FileManager.default.contents(atPath: connectCLIFile.path) {
            switch ConnectCLIAccounts.parse(data) {
            case .success(let accounts): loaded.connectCLI = accounts
            case .failure(let why): loaded.messages.append("\(connectCLIFile.path) \(why.description) (ignored)")
            }
        }
        return loaded
    }

    /// A config holding keys that others can read gets a warning with the fix.
    func permissionWarning(_ config: AppConfig) -> String? {
        let holdsKeys = config.accounts.contains { if case .literal = $0.key { true } else { false } }
        guard holdsKeys, let mode = SecureFile.mode(of: configFile), mode & 0o077 != 0 else { return nil }
        return "\(configFile.path) holds API keys and others can read it (mode \(String(mode, radix: 8))); fix: chmod 600 '\(configFile.path)'"
    }
}
