import ArgumentParser
import ConnectCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `connect-tui accounts add|list|use|remove`: the accounts of config.toml.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Add, list, choose and remove the Connect accounts of config.toml; keys go to the system keyring.",
        subcommands: [Add.self, List.self, Use.self, Remove.self, MoveToKeyring.self])

    static func keyring() -> Keyring { Keyring(environment: ProcessInfo.processInfo.environment) }

    /// The `[[accounts]]` entry of config.toml by that name.
    static func configured(_ name: String) throws -> AppConfig.Account {
        let setup = Target.Setup(try AccountOptions.parse([]), environment: ProcessInfo.processInfo.environment)
        guard let account = setup.config?.account(named: name) else { throw fail("there is no account named \(name) in config.toml") }
        return account
    }

    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("connect-tui: \(message)\n".utf8))
        return ExitCode.failure
    }

    static func paths() -> AppPaths { AppPaths(environment: ProcessInfo.processInfo.environment) }

    /// Changes config.toml under its lock, following a symlink to its target.
    static func edit(_ paths: AppPaths, _ change: (String) throws(ConfigurationMessage) -> String) throws {
        do { try SecureFile.update(paths.configFile, change) } catch { throw fail(error.description) }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account: the key is read from standard input or a hidden prompt, checked with the API, and stored in the system keyring.",
            discussion: """
                config.toml then says only where the key is (api_key_source = "keyring"). With no keyring \
                reachable nothing is stored, unless --insecure-storage puts the key in config.toml (0600).
                """)

        @Argument(help: "A name for the account (\"production\").")
        var name: String

        /// `--endpoint` (the root command shares the option, so it is declared the same way).
        @OptionGroup var account: AccountOptions

        @Flag(help: "Make it the active account.")
        var activate = false

        @Flag(help: "Keep the key in config.toml (0600) when no keyring is reachable.")
        var insecureStorage = false

        func run() async throws {
            let endpoint = account.endpoint ?? ConnectClient.defaultEndpoint.absoluteString
            guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                throw AccountsCommand.fail("the endpoint \(endpoint) is not an http(s) URL")
            }
            let input = isatty(0) != 0 ? Self.hiddenPrompt("API key for \(name) (hidden): ") : readLine(strippingNewline: true)
            let key: APIKey
            do { key = try APIKey(parsing: (input ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) } catch {
                throw AccountsCommand.fail("that is not an API key (expected ApiKey SU-…:… or SU-…:…)")
            }
            // As connect-cli does: the key must read the account; 401 means it is invalid.
            let client = ConnectClient(endpoint: url, apiKey: key, transport: LiveTransport.make())
            let account: Account
            do { account = try await client.myAccount() } catch {
                if error.status == 401 { throw AccountsCommand.fail("Unauthorized: the API key is invalid for \(url.absoluteString)") }
                throw AccountsCommand.fail(error.description)
            }
            // The keyring first; the file only when the user asked for it.
            let keyring = AccountsCommand.keyring()
            let place: ConfigEditor.KeyPlace
            do {
                try keyring.store(key, account: name)
                place = .keyring
            } catch {
                guard insecureStorage else {
                    throw AccountsCommand.fail("\(error.description). Nothing was stored; with --insecure-storage the key goes to config.toml (0600) instead.")
                }
                place = .file(key)
            }
            do {
                try AccountsCommand.edit(AccountsCommand.paths()) { (old) throws(ConfigurationMessage) in
                    let text = try ConfigEditor.addingAccount(name, endpoint: url, key: place, to: old)
                    return activate ? try ConfigEditor.settingActive(name, in: text) : text
                }
            } catch {
                if place == .keyring { try? keyring.delete(account: name) }  // nothing half-added
                throw error
            }
            let whereKey = place == .keyring
                ? "the key is in the system keyring (service connect-tui, account \(name))"
                : "the key is in \(AccountsCommand.paths().configFile.path) (0600), as --insecure-storage asked"
            print("Added \(name): \(account.name ?? account.id) (\(account.id)) at \(url.absoluteString)\(activate ? ", now active" : ""); \(whereKey).")
        }

        /// Reads a line with echo off, restoring the terminal whatever happens.
        static func hiddenPrompt(_ prompt: String) -> String? {
            FileHandle.standardError.write(Data(prompt.utf8))
            var saved = termios()
            guard tcgetattr(0, &saved) == 0 else { return readLine() }
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
            defer {
                tcsetattr(0, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
            return readLine(strippingNewline: true)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts connect-tui can use; keys masked.")

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let setup = Target.Setup(try AccountOptions.parse([]), environment: environment)
            for message in setup.messages { FileHandle.standardError.write(Data("connect-tui: \(message)\n".utf8)) }
            let current = try? setup.sources.initial()
            for choice in setup.sources.all() {
                let marker = choice == current ? "*" : " "
                let endpoint = choice.endpoint?.absoluteString ?? "(local)"
                let key: String
                switch choice.key {
                case .literal(let secret)?: key = (try? APIKey(parsing: secret.unmaskedValue))?.masked ?? "(not a key)"
                case .command?: key = "(api_key_cmd)"
                case .file(let path)?: key = "(file \(path))"
                case .keyring?: key = "(keyring)"
                case nil: key = ""
                }
                print("\(marker) \(choice.name)\t\(choice.origin.label)\t\(endpoint)\t\(key)")
            }
        }
    }

    struct Use: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an account of config.toml the active one.")

        @Argument(help: "The account's name.")
        var name: String

        func run() async throws {
            try AccountsCommand.edit(AccountsCommand.paths()) { (old) throws(ConfigurationMessage) in try ConfigEditor.settingActive(name, in: old) }
            print("\(name) is the active account.")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account from config.toml, and its key from the keyring.")

        @Argument(help: "The account's name.")
        var name: String

        func run() async throws {
            let account = try AccountsCommand.configured(name)
            if account.key == .keyring {
                do { try AccountsCommand.keyring().delete(account: name) } catch {
                    throw AccountsCommand.fail("\(error.description); config.toml is unchanged")
                }
            }
            try AccountsCommand.edit(AccountsCommand.paths()) { (old) throws(ConfigurationMessage) in try ConfigEditor.removingAccount(name, from: old) }
            print("Removed \(name)\(account.key == .keyring ? " and its key in the keyring" : "").")
        }
    }

    struct MoveToKeyring: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move-to-keyring", abstract: "Move an account's key out of config.toml into the system keyring.")

        @Argument(help: "The account's name.")
        var name: String

        func run() async throws {
            let account = try AccountsCommand.configured(name)
            guard case .literal(let secret) = account.key, let key = try? APIKey(parsing: secret.unmaskedValue) else {
                throw AccountsCommand.fail("\(name) keeps no key in config.toml (api_key_cmd or the keyring already)")
            }
            let keyring = AccountsCommand.keyring()
            do { try keyring.store(key, account: name) } catch { throw AccountsCommand.fail("\(error.description); config.toml is unchanged") }
            // Read back before the file forgets it: the keyring must really hold it.
            guard (try? keyring.lookup(account: name)) == key else {
                throw AccountsCommand.fail("the keyring did not give the key back; config.toml is unchanged")
            }
            try AccountsCommand.edit(AccountsCommand.paths()) { (old) throws(ConfigurationMessage) in try ConfigEditor.movingKeyToKeyring(name, in: old) }
            print("Moved the key of \(name) to the system keyring; config.toml no longer holds it.")
        }
    }
}
