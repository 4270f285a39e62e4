import Foundation

/// The system keyring: the Secret Service on Linux through `secret-tool` (libsecret's own
/// tool). An entry's attributes are `service` = `connect-tui` and `account` = the account's
/// name, never the secret, so `secret-tool lookup service connect-tui account NAME` finds it.
/// The key goes to the tool on standard input, never on a command line. Every call gives up
/// after `timeout` (a locked keyring may wait for a prompt no one sees).
public struct Keyring: Sendable {
    public static let service = "connect-tui"
    public static let timeout: Duration = .seconds(3)

    let environment: [String: String]
    /// The tool's path, if it is installed.
    let tool: String?

    public init(environment: [String: String]) {
        self.environment = environment
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        tool = path.split(separator: ":").map { "\($0)/secret-tool" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Why the keyring cannot be used here, with how to fix it; nil when it can be tried.
    public var unreachable: String? {
        guard tool != nil else {
            return "no keyring tool: install libsecret-tools (secret-tool) and a Secret Service such as gnome-keyring"
        }
        let bus = environment["DBUS_SESSION_BUS_ADDRESS"].map { !$0.isEmpty } ?? false
        let runtimeBus = environment["XDG_RUNTIME_DIR"].map { FileManager.default.fileExists(atPath: "\($0)/bus") } ?? false
        guard bus || runtimeBus else {
            return "no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set): log in to a desktop session, or run inside `dbus-run-session` with an unlocked gnome-keyring-daemon"
        }
        return nil
    }

    /// Stores `key` as the account's entry (replacing one there).
    public func store(_ key: APIKey, account: String) throws(ConfigurationMessage) {
        let label = "connect-tui: \(account)"
        _ = try run(["store", "--label", label, "service", Self.service, "account", account], input: key.unmaskedValue, doing: "store the key of \(account)")
    }

    /// The account's key, or a message saying it is not there.
    public func lookup(account: String) throws(ConfigurationMessage) -> APIKey {
        let output = try run(["lookup", "service", Self.service, "account", account], input: nil, doing: "read the key of \(account)")
        do { return try APIKey(parsing: output.trimmingCharacters(in: .whitespacesAndNewlines)) } catch {
            throw ConfigurationMessage("the keyring holds no API key for \(account) (service \(Self.service)); add it again with `connect-tui accounts add \(account)`")
        }
    }

    /// Deletes the account's entry; none there is not a problem.
    public func delete(account: String) throws(ConfigurationMessage) {
        _ = try run(["clear", "service", Self.service, "account", account], input: nil, doing: "delete the key of \(account)", missingIsFine: true)
    }

    private func run(_ arguments: [String], input: String?, doing: String, missingIsFine: Bool = false) throws(ConfigurationMessage) -> String {
        if let why = unreachable { throw ConfigurationMessage("cannot \(doing) in the system keyring: \(why)") }
        switch KeyCommand.execute([tool!] + arguments, input: input, environment: environment, timeout: Self.timeout) {
        case .success(let output): return output
        case .failure(let why):
            // `lookup` and `clear` exit 1 when nothing matches.
            if missingIsFine, why.description.contains("exit status 1") { return "" }
            throw ConfigurationMessage("cannot \(doing) in the system keyring: secret-tool \(why.description) (is the keyring unlocked?)")
        }
    }
}
