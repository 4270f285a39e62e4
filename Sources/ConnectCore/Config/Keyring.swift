import Foundation

/// The system keyring: the Secret Service on Linux through `secret-tool` (libsecret's own
/// tool), the Keychain on macOS through `security`. An entry is found by `service` =
/// `connect-tui` and `account` = the account's name, never by the secret, so
/// `secret-tool lookup service connect-tui account NAME` (or `security find-generic-password
/// -s connect-tui -a NAME -w`) finds it. The key goes to the tool on standard input, never on
/// a command line. Every call gives up after `timeout` (a locked keyring may wait for a
/// prompt no one sees).
public struct Keyring: Sendable {
    public static let service = "connect-tui"
    public static let timeout: Duration = .seconds(3)

    let environment: [String: String]
    /// The tool's path, if it is installed.
    let tool: String?

    public init(environment: [String: String]) {
        self.environment = environment
        #if os(macOS)
            tool = FileManager.default.isExecutableFile(atPath: "/usr/bin/security") ? "/usr/bin/security" : nil
        #else
            tool = KeyCommand.locate("secret-tool", path: environment["PATH"])
        #endif
    }

    /// Why the keyring cannot be used here, with how to fix it; nil when it can be tried.
    public var unreachable: String? {
        #if os(macOS)
            return tool == nil ? "no /usr/bin/security (the Keychain's tool)" : nil
        #endif
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
        #if os(macOS)
            // `security -i` reads its command from standard input, so the key is on no command line.
            let line = "add-generic-password -U -s \(Self.service) -a \(Self.quoted(account)) -w \(Self.quoted(key.unmaskedValue))\n"
            _ = try run(["-i"], input: line, doing: "store the key of \(account)")
        #else
            let label = "connect-tui: \(account)"
            _ = try run(["store", "--label", label, "service", Self.service, "account", account], input: key.unmaskedValue, doing: "store the key of \(account)")
        #endif
    }

    /// `"text"` for `security -i`'s command line.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The account's key, or a message saying it is not there.
    public func lookup(account: String) throws(ConfigurationMessage) -> APIKey {
        #if os(macOS)
            let arguments = ["find-generic-password", "-s", Self.service, "-a", account, "-w"]
        #else
            let arguments = ["lookup", "service", Self.service, "account", account]
        #endif
        let output = try run(arguments, input: nil, doing: "read the key of \(account)")
        do { return try APIKey(parsing: output.trimmingCharacters(in: .whitespacesAndNewlines)) } catch {
            throw ConfigurationMessage("the keyring holds no API key for \(account) (service \(Self.service)); add it again with `connect-tui accounts add \(account)`")
        }
    }

    /// Deletes the account's entry; none there is not a problem.
    public func delete(account: String) throws(ConfigurationMessage) {
        #if os(macOS)
            let arguments = ["delete-generic-password", "-s", Self.service, "-a", account]
        #else
            let arguments = ["clear", "service", Self.service, "account", account]
        #endif
        _ = try run(arguments, input: nil, doing: "delete the key of \(account)", missingIsFine: true)
    }

    private func run(_ arguments: [String], input: String?, doing: String, missingIsFine: Bool = false) throws(ConfigurationMessage) -> String {
        if let why = unreachable { throw ConfigurationMessage("cannot \(doing) in the system keyring: \(why)") }
        switch KeyCommand.execute([tool!] + arguments, input: input, environment: environment, timeout: Self.timeout) {
        case .success(let output): return output
        case .failure(let why):
            // Nothing to delete is not a problem (secret-tool exits 1, security 44).
            if missingIsFine, why.description.contains("exit status 1)") || why.description.contains("exit status 44)") { return "" }
            throw ConfigurationMessage("cannot \(doing) in the system keyring: secret-tool \(why.description) (is the keyring unlocked?)")
        }
    }
}
