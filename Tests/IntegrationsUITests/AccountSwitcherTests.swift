import ConnectCore
import Foundation
import TerminalKit
import Testing

@testable import IntegrationsUI

/// The account switcher, key remapping and the theme choice.
@Suite struct AccountSwitcherTests {
    static let prod = AccountChoice(name: "prod", origin: .config, endpoint: URL(string: "https://prod.example.com/public/v1"), key: .command("pass prod"))
    static let cli = AccountChoice(name: "Vendor VA-1", origin: .connectCLI, endpoint: URL(string: "https://cli.example.com/public/v1"), key: .literal(Secret("ApiKey SU-1:x")))

    static func state(_ size: TerminalSize = UISample.large) -> AppState {
        var state = UISample.state(size)
        state.accountChoices = [prod, cli, .sandbox]
        state.currentAccount = .sandbox
        return state
    }

    @Test(arguments: [UISample.small, UISample.large])
    func aOpensTheSwitcherOnTheCurrentAccount(size: TerminalSize) throws {
        var state = Self.state(size)
        #expect(UISample.press(&state, .character("a")).isEmpty)
        #expect(state.switcher?.cursor == 2)
        let screen = AppView.render(state)
        #expect(screen.text.contains("Switch account"))
        #expect(try #require(screen.row(containing: "prod")).contains("config.toml · prod.example.com"))
        #expect(try #require(screen.row(containing: "Vendor VA-1")).contains("connect-cli"))
        #expect(try #require(screen.row(containing: "● sandbox")).contains("built-in local Connect"))
        #expect(!screen.text.contains("pass prod") && !screen.text.contains("SU-1:x"), "keys and commands are not shown")
        _ = UISample.press(&state, .escape)
        #expect(state.switcher == nil)
    }

    @Test func choosingAnAccountConnectsAndEveryPaneStartsAgain() {
        var state = Self.state()
        state.refreshInterval = 30
        state.clipboardClearAfter = 20
        _ = UISample.press(&state, .character("3"))
        _ = AppReducer.reduce(&state, .listLoaded(.webhooks, loadID: state.webhooks.loadID, .success(.webhooks(UISample.webhookPage([UISample.erpHook])))))
        #expect(UISample.press(&state, .character("a"), .up, .up, .enter) == [.switchAccount(Self.prod)])
        #expect(state.status?.text == "Connecting to prod (config.toml)…")
        let connection = Connection(endpoint: URL(string: "https://prod.example.com/public/v1")!, isSandbox: false, source: "config.toml", accountName: "prod")
        let effects = AppReducer.reduce(&state, .accountSwitched(Self.prod, .success(connection)))
        #expect(effects.contains(.loadAccount))
        #expect(effects.contains { if case .loadList(.tokens, _, _, _) = $0 { true } else { false } })
        #expect(effects.contains { if case .loadList(.webhooks, _, _, _) = $0 { true } else { false } }, "the pane on screen reloads too")
        #expect(state.pane == .webhooks)
        #expect(state.webhooks.items.isEmpty, "nothing of the old account stays")
        #expect(state.currentAccount == Self.prod)
        #expect(state.accountChoices.count == 3)
        #expect(state.refreshInterval == 30 && state.clipboardClearAfter == 20, "the setup's timings stay with the next account")
        #expect(AppView.render(state).lines[0].contains("prod · prod.example.com"))
    }

    @Test func aFailedSwitchStaysOnTheAccountAndSaysWhy() {
        var state = Self.state()
        _ = UISample.press(&state, .character("a"), .up, .up, .enter)
        _ = AppReducer.reduce(&state, .accountSwitched(Self.prod, .failure(ConfigurationMessage("api_key_cmd of prod failed (exit status 1)"))))
        #expect(state.status?.kind == .error)
        #expect(state.status?.text == "Could not switch to prod (config.toml): api_key_cmd of prod failed (exit status 1)")
        #expect(state.currentAccount == .sandbox)
        #expect(!state.tokens.items.isEmpty)
    }

    @Test func withoutOtherAccountsTheSwitcherSaysHowToAddOne() {
        var state = UISample.state(UISample.large)
        _ = UISample.press(&state, .character("a"))
        #expect(state.switcher == nil)
        #expect(state.status?.text.contains("connect-tui accounts add") == true)
    }

    // MARK: Key remapping

    @Test func remappedKeysWorkAndShowInHelp() {
        let (keymaps, problems) = KeymapSet.defaults.rebinding(["quit": ["x"], "refresh": ["f5"]]) { "c.toml:\($0 == "quit" ? 3 : 4)" }
        #expect(problems.isEmpty)
        var state = UISample.state(UISample.large)
        state.keymaps = keymaps
        #expect(UISample.press(&state, .character("q")).isEmpty, "q no longer quits")
        #expect(!state.quitting)
        #expect(UISample.press(&state, .function(5)).contains(.loadAccount), "F5 refreshes")
        _ = UISample.press(&state, .character("?"))
        #expect(AppView.render(state).text.contains("x                quit"))
        _ = UISample.press(&state, .escape)
        #expect(UISample.press(&state, .character("x")) == [.quit])
    }

    @Test func badRemappingsAreReportedAndLeaveTheDefaults() {
        let (keymaps, problems) = KeymapSet.defaults.rebinding(
            ["frobnicate": ["z"], "refresh": ["q"], "filter": ["hyper-x"]], where: { "c.toml:\($0.count)" })
        #expect(problems == [
            "c.toml:6: keys.filter: \"hyper-x\" is not a key (try \"x\", \"ctrl-r\", \"f5\", \"pgdn\")",
            "c.toml:10: keys.frobnicate: not a command; see the names in the README",
            "c.toml:7: keys.refresh: q already does quit in Everywhere ([keys.global]); unchanged there",
        ])
        #expect(keymaps.global.command(for: .character("r")) == .refresh)
        #expect(keymaps.global.command(for: .character("q")) == .quit)
    }

    // MARK: Themes

    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")
    static let noUserThemes = URL(fileURLWithPath: "/nonexistent/themes")

    @Test func theThemeComesFromTheFlagThenNOCOLORThenTheConfig() {
        func choose(_ flag: String?, _ config: String?, _ environment: [String: String]) -> String {
            ThemeChoice.choose(flag: flag, config: config, environment: environment, userFolder: Self.noUserThemes, shippedFolder: Self.shipped).theme.name
        }
        #expect(choose(nil, nil, [:]) == "dark")
        #expect(choose(nil, "light", [:]) == "light")
        #expect(choose(nil, "light", ["NO_COLOR": "1"]) == "monochrome")
        #expect(choose(nil, "light", ["NO_COLOR": ""]) == "light", "an empty NO_COLOR does not count")
        #expect(choose("cloudblue", "light", ["NO_COLOR": "1"]) == "cloudblue", "--theme is asked for explicitly")
        #expect(choose(Self.shipped.appendingPathComponent("high-contrast.toml").path, nil, [:]) == "high-contrast")
    }

    @Test func userThemesComeFirstAndMissingThemesFallBackWithAMessage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[roles]\naccent = { fg = \"magenta\" }\n".write(to: folder.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        let mine = ThemeChoice.choose(flag: "light", config: nil, environment: [:], userFolder: folder, shippedFolder: Self.shipped)
        #expect(mine.theme.roles[.accent] == RoleStyle(.basic(5)))
        let missing = ThemeChoice.choose(flag: "solarized", config: nil, environment: [:], userFolder: folder, shippedFolder: Self.shipped)
        #expect(missing.theme == .dark)
        #expect(missing.messages.first?.hasPrefix("no theme solarized in ") == true)
        let noFolder = ThemeChoice.choose(flag: "light", config: nil, environment: [:], userFolder: Self.noUserThemes, shippedFolder: nil)
        #expect(noFolder.theme == .dark)
        #expect(noFolder.messages.first?.contains("set CONNECT_TUI_THEMES") == true)
        #expect(ThemeChoice.choose(flag: nil, config: nil, environment: [:], userFolder: Self.noUserThemes, shippedFolder: nil).messages.isEmpty,
                "the default needs no folder")
    }

    @Test func clipboardModes() {
        let environment = ["DISPLAY": ":0", "TERM": "xterm"]
        let tool: @Sendable (String) -> String? = { $0 == "xclip" ? "/usr/bin/xclip" : nil }
        #expect(Clipboard(environment: environment, mode: .auto, findTool: tool).osc52("k") != nil)
        #expect(Clipboard(environment: environment, mode: .auto, findTool: tool).nativeTool != nil)
        #expect(Clipboard(environment: environment, mode: .osc52, findTool: tool).nativeTool == nil)
        #expect(Clipboard(environment: environment, mode: .native, findTool: tool).osc52("k") == nil)
        #expect(Clipboard(environment: environment.merging(["SSH_TTY": "/dev/pts/1"]) { $1 }, mode: .native, findTool: tool).nativeTool != nil,
                "native asked for explicitly is used even over SSH")
        let off = Clipboard(environment: environment, mode: .off, findTool: tool)
        #expect(off.osc52("k") == nil && off.nativeTool == nil)
    }
}
