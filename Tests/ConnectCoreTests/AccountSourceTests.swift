import Foundation
import Testing

@testable import ConnectCore

/// Which account is used, where keys come from, and how files are written.
@Suite(.serialized) struct AccountSourceTests {
    static let key = ConfigTests.key
    static let otherKey = "ApiKey SU-999-888-777:fedcba9876543210fedcba9876543210fedcba98"

    static func config(active: String? = "prod") throws -> AppConfig {
        var text = active.map { "active = \"\($0)\"\n" } ?? ""
        text += "[[accounts]]\nname = \"prod\"\nendpoint = \"https://prod.example.com/public/v1\"\napi_key = \"\(key)\"\n"
        text += "[[accounts]]\nname = \"test\"\nendpoint = \"https://test.example.com/public/v1\"\napi_key_cmd = \"echo x\"\n"
        return try AppConfig.parse(text, file: "c.toml").0
    }

    static let connectCLI: ConnectCLIAccounts = {
        let json = """
            {"active": "VA-000-001", "accounts": [
              {"id": "VA-000-000", "name": "Old", "api_key": "\(otherKey)", "endpoint": "https://old.example.com/public/v1"},
              {"id": "VA-000-001", "name": "Vendor", "api_key": "\(otherKey)", "endpoint": "https://cli.example.com/public/v1"}
            ]}
            """
        guard case .success(let accounts) = ConnectCLIAccounts.parse(Data(json.utf8)) else { fatalError("the sample parses") }
        return accounts
    }()

    @Test func everySourceInOrderFirstMatchWins() throws {
        var sources = AccountSources(
            apiKeyFileFlag: "/keys/prod", environment: ["CONNECT_API_KEY": Self.otherKey],
            config: try Self.config(), connectCLI: Self.connectCLI)
        #expect(try sources.initial().origin == .flags)
        #expect(try sources.initial().key == .file("/keys/prod"))
        sources.apiKeyFileFlag = nil
        #expect(try sources.initial().origin == .environment)
        #expect(try sources.initial().endpoint == ConnectClient.defaultEndpoint)
        sources.environment["CONNECT_ENDPOINT"] = "http://127.0.0.1:9/public/v1"
        #expect(try sources.initial().endpoint?.absoluteString == "http://127.0.0.1:9/public/v1")
        sources.environment = [:]
        #expect(try sources.initial() == AccountChoice(name: "prod", origin: .config, endpoint: URL(string: "https://prod.example.com/public/v1"), key: .literal(Secret(Self.key))))
        sources.config = try Self.config(active: nil)
        #expect(try sources.initial().origin == .connectCLI, "two accounts and none active: on to connect-cli")
        #expect(try sources.initial().name == "Vendor VA-000-001")
        sources.connectCLI = nil
        #expect(try sources.initial() == .sandbox)
        sources.config = nil
        #expect(try sources.initial() == .sandbox)
    }

    @Test func accountFlagPicksByNameAndUnknownNamesAreRefused() throws {
        let sources = AccountSources(accountFlag: "test", environment: ["CONNECT_API_KEY": Self.otherKey], config: try Self.config(), connectCLI: Self.connectCLI)
        #expect(try sources.initial().name == "test", "--account beats the environment")
        #expect(try sources.initial().key == .command("echo x"))
        var byID = sources
        byID.accountFlag = "VA-000-000"
        #expect(try byID.initial().name == "Old VA-000-000")
        var unknown = sources
        unknown.accountFlag = "nope"
        #expect(throws: ConfigurationMessage("there is no account named nope; known: prod, test, Old VA-000-000, Vendor VA-000-001")) { try unknown.initial() }
    }

    @Test func anEndpointWithoutAKeyIsRefused() {
        let sources = AccountSources(endpointFlag: "https://x.example.com", config: nil)
        #expect(throws: ConfigurationMessage.self) { try sources.initial() }
        let bad = AccountSources(environment: ["CONNECT_API_KEY": Self.key, "CONNECT_ENDPOINT": "not a url"])
        #expect(throws: ConfigurationMessage("the endpoint not a url is not an http(s) URL")) { try bad.initial() }
    }

    @Test func theSwitcherOffersEverySource() throws {
        let sources = AccountSources(environment: ["CONNECT_API_KEY": Self.otherKey], config: try Self.config(), connectCLI: Self.connectCLI)
        #expect(sources.all().map(\.label) == [
            "CONNECT_API_KEY (CONNECT_API_KEY)", "prod (config.toml)", "test (config.toml)",
            "Old VA-000-000 (connect-cli)", "Vendor VA-000-001 (connect-cli)", "sandbox",
        ])
    }

    @Test(arguments: [
        ("not json", "is not connect-cli's account file (not JSON)"),
        ("{\"active\": 3, \"accounts\": []}", "is not connect-cli's account file (bad or missing active)"),
        ("[]", "is not connect-cli's account file (unexpected shape)"),
    ])
    func aBrokenConnectCLIFileIsRefusedWithoutItsContent(text: String, message: String) {
        guard case .failure(let why) = ConnectCLIAccounts.parse(Data(text.utf8)) else { Issue.record("accepted"); return }
        #expect(why.description == message)
    }

    @Test func connectCLIVariantsAreRead() {
        // No accounts, an empty active, an entry whose key is not a key, no endpoint.
        let json = """
            {"active": "", "accounts": [
              {"id": "VA-1", "name": "Bad", "api_key": "not a key", "endpoint": "https://x/public/v1"},
              {"id": "VA-2", "api_key": "\(Self.key)"}
            ]}
            """
        guard case .success(let accounts) = ConnectCLIAccounts.parse(Data(json.utf8)) else { Issue.record("refused"); return }
        #expect(accounts.accounts.map(\.name) == ["VA-2"])
        #expect(accounts.accounts.first?.endpoint == ConnectClient.defaultEndpoint)
        #expect(accounts.activeAccount == nil)
        guard case .success(let empty) = ConnectCLIAccounts.parse(Data("{\"active\": \"\", \"accounts\": []}".utf8)) else { Issue.record("refused"); return }
        #expect(empty.accounts.isEmpty)
    }

    // MARK: api_key_cmd

    @Test func aKeyCommandsOutputIsTheKey() throws {
        let key = try KeySource.command("printf '%s\\n' '\(Self.key)'").load(account: "prod")
        #expect(key.unmaskedValue == Self.key)
    }

    @Test func aFailingKeyCommandIsReportedWithoutItsOutput() {
        let command = KeySource.command("echo 'ApiKey SU-1:leaked-secret'; echo oops >&2; exit 3")
        #expect(throws: ConfigurationMessage("api_key_cmd of prod failed (exit status 3)")) { try command.load(account: "prod") }
        let noise = KeySource.command("echo 'hunter2 is my password'")
        #expect(throws: ConfigurationMessage("api_key_cmd of prod printed something that is not an API key (ApiKey SU-…:…); it is not shown")) {
            try noise.load(account: "prod")
        }
    }

    @Test func aHangingKeyCommandIsStoppedAtTheTimeout() {
        let started = ContinuousClock.now
        #expect(throws: ConfigurationMessage("api_key_cmd of prod did not finish within 1 s and was stopped")) {
            try KeySource.command("sleep 30; echo \(Self.key)").load(account: "prod", timeout: .seconds(1))
        }
        #expect(ContinuousClock.now - started < .seconds(20), "the child was killed, not waited for")
    }

    /// A child inherits the signal mask of the thread that starts it, and some threads block
    /// every signal (NIO's event loops, libdispatch's workers on some systems): a command must
    /// start with none blocked all the same, or a `timeout` or `trap` in it cannot work.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "reads /proc"))
    func aKeyCommandStartsWithNoSignalBlocked() async throws {
        let mask = try await withCheckedContinuation { (done: CheckedContinuation<Result<String, ConfigurationMessage>, Never>) in
            let thread = Thread {
                var all = sigset_t()
                sigfillset(&all)
                pthread_sigmask(SIG_BLOCK, &all, nil)
                done.resume(returning: KeyCommand.execute(["/usr/bin/env", "grep", "^SigBlk:", "/proc/self/status"], timeout: .seconds(30)))
            }
            thread.start()
        }.get()
        #expect(mask == "SigBlk:\t0000000000000000\n")
    }

    // MARK: Files

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("connect-tui-config-\(UUID().uuidString)")
        return url
    }

    @Test(arguments: [0o000, 0o022, 0o077] as [mode_t])
    func writtenFilesAre0600In0700FoldersWhateverTheUmask(mask: mode_t) throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("deep/config.toml")
        let old = umask(mask)
        defer { umask(old) }
        try SecureFile.write(Data("a = 1\n".utf8), to: file)
        try SecureFile.write(Data("a = 2\n".utf8), to: file)  // replacing keeps the mode
        #expect(SecureFile.mode(of: file) == 0o600)
        #expect(SecureFile.mode(of: file.deletingLastPathComponent()) == 0o700)
        #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == "a = 2\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == ["config.toml"], "no temporary file is left behind")
    }

    @Test func aReadableConfigWithKeysGetsAWarningWithTheFix() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = AppPaths(environment: ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path])
        try SecureFile.write(Data("[[accounts]]\nname = \"p\"\napi_key = \"\(Self.key)\"\n".utf8), to: paths.configFile)
        let files = ConfigFiles(paths: paths, environment: ["HOME": folder.path])
        #expect(files.load().messages.isEmpty)
        chmod(paths.configFile.path, 0o644)
        #expect(files.load().messages == ["\(paths.configFile.path) holds API keys and others can read it (mode 644); fix: chmod 600 '\(paths.configFile.path)'"])
    }

    @Test func aConfigOfMoreThanAMegabyteIsSkippedUnread() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = AppPaths(environment: ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path])
        let padding = String(repeating: "# padding\n", count: 110_000)
        try SecureFile.write(Data(("theme = \"light\"\n" + padding).utf8), to: paths.configFile)
        let loaded = ConfigFiles(paths: paths, environment: ["HOME": folder.path]).load()
        #expect(loaded.config == nil)
        #expect(loaded.messages == ["\(paths.configFile.path): larger than 1 MiB (the file is ignored)"])
    }

    @Test func brokenAndUnreadableConfigsAreSkippedWithAMessage() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = AppPaths(environment: ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path])
        let files = ConfigFiles(paths: paths, environment: ["HOME": folder.path])
        try SecureFile.write(Data("active = prod\n".utf8), to: paths.configFile)
        var loaded = files.load()
        #expect(loaded.config == nil)
        #expect(loaded.messages == ["\(paths.configFile.path):1: `prod` is not a value this file understands (strings need quotes) (the file is ignored)"])
        try SecureFile.write(Data([0xff, 0xfe, 0x00]), to: paths.configFile)
        #expect(files.load().messages == ["\(paths.configFile.path): not UTF-8 text (the file is ignored)"])
        // A folder where the file should be cannot be read (root reads any file, so this is
        // the unreadable case a test can make).
        try FileManager.default.removeItem(at: paths.configFile)
        try FileManager.default.createDirectory(at: paths.configFile, withIntermediateDirectories: true)
        loaded = files.load()
        #expect(loaded.messages == ["\(paths.configFile.path): cannot be read (the file is ignored)"])
        // connect-cli's file in HOME/.ccli.
        let cli = folder.appendingPathComponent(".ccli/config.json")
        try SecureFile.write(Data("{\"active\": \"VA-1\", \"accounts\": [{\"id\": \"VA-1\", \"name\": \"V\", \"api_key\": \"\(Self.key)\", \"endpoint\": \"https://c.example.com/public/v1\"}]}".utf8), to: cli)
        #expect(files.load().connectCLI?.activeAccount?.name == "V VA-1")
    }
}
