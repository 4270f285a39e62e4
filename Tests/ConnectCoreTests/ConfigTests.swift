import Foundation
import Testing
import ConnectTestSupport

@testable import ConnectCore

/// config.toml: its syntax, its checks, and where each problem is reported.
@Suite struct ConfigTests {
    static let key = "ApiKey SU-111-222-333:0123456789abcdef0123456789abcdef01234567"

    static let sample = """
        # My accounts
        active = "production"
        theme = "light"
        rows_per_page = 25

        [clipboard]
        mode = "osc52"
        clear_after = 30

        [keys]
        quit = ["x", "ctrl-q"]
        refresh = "f5"

        [[accounts]]
        name = "production"
        endpoint = "https://api.connect.cloudblue.com/public/v1"
        api_key_cmd = "pass show connect/prod"

        [[accounts]]
        name = 'test'   # a literal string
        endpoint = "http://127.0.0.1:5555/public/v1"
        api_key = "\(key)"
        """

    @Test func aFullFileIsRead() throws {
        let (config, problems) = try AppConfig.parse(Self.sample, file: "config.toml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(config.active == "production")
        #expect(config.theme == "light")
        #expect(config.rowsPerPage == 25)
        #expect(config.clipboardMode == .osc52)
        #expect(config.clipboardClearAfter == 30)
        #expect(config.keys["quit"] == ["x", "ctrl-q"])
        #expect(config.keys["refresh"] == ["f5"])
        #expect(config.keyLines["refresh"] == 12)
        #expect(config.accounts.map(\.name) == ["production", "test"])
        #expect(config.accounts[0].key == .command("pass show connect/prod"))
        #expect(config.accounts[1].key == .literal(Secret(Self.key)))
        #expect(config.accounts[1].endpoint.absoluteString == "http://127.0.0.1:5555/public/v1")
        #expect(config.accounts[1].line == 19)
    }

    @Test(arguments: [
        ("theme = dark", 1, "`dark` is not a value this file understands (strings need quotes)"),
        ("[clipboard]\nmode = \"auto\"\n[clipboard]", 3, "[clipboard] appears twice"),
        ("a = 1\na = 2", 2, "a is set twice"),
        ("name \"x\"", 1, "expected `=` after name"),
        ("x = \"open", 1, "a string is not closed on its line"),
        ("x = [1, 2", 1, "a list must end with ] on the same line"),
        ("x = { a = 1 }", 1, "inline tables are not supported here; use a [table]"),
        ("a.b = 1", 1, "dotted keys are not supported here; use a [table]"),
        ("x = \"\\q\"", 1, "unknown escape \\q"),
        ("[accounts\nx = 1", 1, "a table header ends with ]"),
        ("x = 1 2", 1, "unexpected `2` after the value"),
    ])
    func brokenSyntaxNamesTheLine(text: String, line: Int, message: String) {
        #expect(throws: ConfigProblem(file: "c.toml", line: line, key: nil, message: message)) {
            try AppConfig.parse(text, file: "c.toml")
        }
    }

    @Test func escapesAndCommentsAreRead() throws {
        let document = try ConfigDocument.parse("x = \"a\\\"b\\u00e9\\n\" # note\ny = 'c:\\\\path'\nz = 1_000\nw = [\"a\", 'b',]")
        #expect(document.root["x"]?.kind == .string("a\"bé\n"))
        #expect(document.root["y"]?.kind == .string("c:\\\\path"))
        #expect(document.root["z"]?.kind == .integer(1000))
        #expect(document.root["w"]?.kind == .array([.init(kind: .string("a"), line: 4), .init(kind: .string("b"), line: 4)]))
    }

    @Test func anEmptyFileIsAnEmptyConfig() throws {
        let (config, problems) = try AppConfig.parse("", file: "config.toml")
        #expect(problems.isEmpty)
        #expect(config == AppConfig())
        #expect(try AppConfig.parse("\n# only a comment\n\n", file: "config.toml").0 == AppConfig())
    }

    @Test func unknownKeysAndBadValuesAreReportedWithFileLineAndKeyAndTheRestApplies() throws {
        let text = """
            colour = "red"
            rows_per_page = 33
            theme = 7
            [clipboard]
            mode = "sometimes"
            clear_after = -1
            [ui]
            [[accounts]]
            name = "broken"
            endpoint = "ftp://x"
            api_key = "\(Self.key)"
            [[accounts]]
            name = "no key"
            [[accounts]]
            name = "leaky"
            api_key = "not a key but a secret"
            [[accounts]]
            name = "good"
            api_key = "\(Self.key)"
            """
        let (config, problems) = try AppConfig.parse(text, file: "/home/u/.config/connect-tui/config.toml")
        let lines = problems.map(\.description)
        let expected = [
            "/home/u/.config/connect-tui/config.toml:1: colour: unknown key; known at the top: active, theme, rows_per_page, refresh_interval, mouse",
            "/home/u/.config/connect-tui/config.toml:2: rows_per_page: must be one of 10, 25, 50, 100",
            "/home/u/.config/connect-tui/config.toml:3: theme: must be a string, not an integer",
            "/home/u/.config/connect-tui/config.toml:5: clipboard.mode: must be one of auto, osc52, native, off",
            "/home/u/.config/connect-tui/config.toml:6: clipboard.clear_after: must be between 0 and 86400",
            "/home/u/.config/connect-tui/config.toml:7: unknown table [ui]; known: [[accounts]], [clipboard], [keys], [keys.CONTEXT]",
            "/home/u/.config/connect-tui/config.toml:10: accounts.endpoint: must be an http(s) URL",
            "/home/u/.config/connect-tui/config.toml:12: accounts.api_key: no key needs api_key, api_key_cmd or api_key_source = \"keyring\"",
            "/home/u/.config/connect-tui/config.toml:16: accounts.api_key: is not an API key (expected ApiKey SU-…:…); its value is not shown",
        ]
        #expect(lines == expected)
        #expect(!lines.joined().contains("not a key but a secret"), "a value that may be a secret is never echoed")
        #expect(config.accounts.map(\.name) == ["good"])
        #expect(config.clipboardMode == .auto)
        #expect(config.rowsPerPage == nil)
    }

    @Test func mouseCanBeLeftToTheTerminal() throws {
        #expect(try AppConfig.parse("", file: "c").0.mouse == true, "on unless said otherwise")
        let (off, none) = try AppConfig.parse("mouse = false\n", file: "c")
        #expect(off.mouse == false)
        #expect(none.isEmpty)
        let (kept, problems) = try AppConfig.parse("mouse = \"no\"\n", file: "c")
        #expect(kept.mouse == true)
        #expect(problems.map(\.description) == ["c:1: mouse: must be true or false, not a string"])
    }

    @Test func anActiveAccountThatDoesNotExistIsReported() throws {
        let (_, problems) = try AppConfig.parse("active = \"gone\"\n[[accounts]]\nname = \"x\"\napi_key = \"\(Self.key)\"", file: "c.toml")
        #expect(problems.map(\.description) == ["c.toml:1: active: there is no account named gone"])
    }

    // MARK: Editing

    @Test func addingUsingAndRemovingAccountsKeepsTheUsersComments() throws {
        let original = "# keep me\ntheme = \"light\"\n\n[clipboard]\nmode = \"off\" # and me\n"
        let key = try APIKey(parsing: Self.key)
        var text = try ConfigEditor.addingAccount("prod", endpoint: URL(string: "https://api.example.com/public/v1")!, key: .file(key), to: original)
        text = try ConfigEditor.addingAccount("test \"quoted\"", endpoint: URL(string: "http://127.0.0.1:1/public/v1")!, key: .file(key), to: text)
        text = try ConfigEditor.settingActive("prod", in: text)
        #expect(text.hasPrefix("# keep me\ntheme = \"light\"\n\nactive = \"prod\"\n[clipboard]\nmode = \"off\" # and me\n"))
        var (config, problems) = try AppConfig.parse(text, file: "c.toml")
        #expect(problems.isEmpty)
        #expect(config.accounts.map(\.name) == ["prod", "test \"quoted\""])
        #expect(config.active == "prod")
        #expect(throws: ConfigurationMessage.self) { try ConfigEditor.addingAccount("prod", endpoint: ConnectClient.defaultEndpoint, key: .file(key), to: text) }

        text = try ConfigEditor.removingAccount("prod", from: text)
        (config, problems) = try AppConfig.parse(text, file: "c.toml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(config.accounts.map(\.name) == ["test \"quoted\""])
        #expect(config.active == nil, "removing the active account unsets active")
        #expect(text.contains("# keep me") && text.contains("mode = \"off\" # and me"))
        #expect(throws: ConfigurationMessage.self) { try ConfigEditor.removingAccount("prod", from: text) }
        #expect(throws: ConfigurationMessage.self) { try ConfigEditor.settingActive("nobody", in: text) }
    }
}

/// Hostile nesting gives a line, never a crash.
@Suite struct ConfigNestingTests {
    @Test func fiftyThousandNestedBracketsAreOneProblem() {
        let deep = String(repeating: "[", count: 50_000)
        for text in ["theme = \(deep)\n", "\(deep)\n", "x = [1, \(deep)\n"] {
            #expect(throws: ConfigSyntaxError.self) { _ = try ConfigDocument.parse(text) }
        }
        let nested = #expect(throws: ConfigSyntaxError.self) { _ = try ConfigDocument.parse("keys = [[\"q\"]]\n") }
        #expect(nested?.line == 1)
    }
}

/// Keys kept in the keyring, read-only accounts, and a client that refuses to write.
@Suite struct KeyringConfigTests {
    static let key = "ApiKey SU-431-800-699:0123456789abcdef"

    @Test func anAccountMaySayItsKeyIsInTheKeyringAndThatItIsReadOnly() throws {
        let text = "[[accounts]]\nname = \"prod\"\napi_key_source = \"keyring\"\nread_only = true\n"
        let (config, problems) = try AppConfig.parse(text, file: "c.toml")
        #expect(problems.isEmpty, "\(problems)")
        let account = try #require(config.account(named: "prod"))
        #expect(account.key == .keyring)
        #expect(account.readOnly)
        let (_, bad) = try AppConfig.parse("[[accounts]]\nname = \"x\"\napi_key_source = \"vault\"\nread_only = \"yes\"\n", file: "c.toml")
        #expect(bad.map(\.message).contains { $0.contains("must be \"keyring\"") })
        #expect(bad.map(\.message).contains { $0.contains("must be true or false") })
    }

    @Test func movingAKeyToTheKeyringLeavesOnlyWhereItIs() throws {
        let key = try APIKey(parsing: Self.key)
        let text = try ConfigEditor.addingAccount("prod", endpoint: ConnectClient.defaultEndpoint, key: .file(key), to: "# mine\n")
        #expect(text.contains("0123456789abcdef"))
        let moved = try ConfigEditor.movingKeyToKeyring("prod", in: text)
        #expect(!moved.contains("0123456789abcdef"))
        #expect(moved.hasPrefix("# mine\n"))
        #expect(try AppConfig.parse(moved, file: "c.toml").0.account(named: "prod")?.key == .keyring)
        #expect(throws: ConfigurationMessage.self) { try ConfigEditor.movingKeyToKeyring("prod", in: moved) }
    }

    @Test func aReadOnlyClientSendsNothingButReads() async throws {
        let transport = RecordingTransport([.json(200, "[]", headers: [("Content-Range", "items 0-0/0")])])
        var client = ConnectClient.testing(transport, retryPolicy: .none)
        client.readOnly = true
        let refused = await #expect(throws: ConnectError.self) { _ = try await client.deactivateToken(id: "SU-431-800-699") }
        #expect(refused?.kind == .readOnly)
        #expect(refused?.description == "Disable token failed: read-only: nothing was sent (--read-only, or read_only = true on the account)")
        #expect(refused?.outcomeUnknown == false, "nothing can have happened")
        #expect(transport.requests.isEmpty, "refused before it left the process")
        _ = try await client.listTokens(page: PageRequest(limit: 10))
        #expect(transport.requests.map(\.method) == [.get])
    }
}
