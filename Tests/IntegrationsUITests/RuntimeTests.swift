import ConnectCore
import ConnectTestSupport
import Foundation
import TerminalKit
import Testing

@testable import IntegrationsUI

/// The runtime on a terminal in memory: it draws, answers keys, performs effects, and writes
/// the clipboard escape to the terminal itself.
@Suite struct RuntimeTests {
    func runtime(_ terminal: MemoryTerminal, _ transport: RecordingTransport) -> AppRuntime {
        AppRuntime(
            terminal: terminal, client: .testing(transport, retryPolicy: .none), connection: UISample.connection,
            clipboard: Clipboard(environment: ["TERM": "xterm"], findTool: { _ in nil }), timeZone: .gmt, settings: UISample.settings)
    }

    @Test func itDrawsTheFrameAndQuitsOnQ() {
        let terminal = MemoryTerminal(size: UISample.large, keys: [.character("q")])
        let app = runtime(terminal, RecordingTransport([]))
        app.run()
        #expect(app.state.quitting)
        #expect(terminal.screen?.text.contains("Integrations › Tokens") == true)
    }

    @Test func copyingTheEndpointWritesOSC52AndSaysSo() async {
        let terminal = MemoryTerminal(size: UISample.large)
        let app = runtime(terminal, RecordingTransport([]))
        app.dispatch(.key(.character("1"), now: UISample.now))
        app.dispatch(.key(.character("y"), now: UISample.now))
        #expect(await app.settle(), "the effects finished")
        let encoded = Data("http://127.0.0.1:5555/public/v1".utf8).base64EncodedString()
        #expect(terminal.controlSequences == [Array("\u{1b}]52;c;\(encoded)\u{07}".utf8)])
        #expect(app.state.status?.text == "The API endpoint copied to the clipboard (OSC 52).")
    }

    @Test func answersFromTheClientBecomeState() async {
        let page = RecordingTransport.Reply.page("[\(Fixtures.token)]", range: "items 0-0/1")
        let terminal = MemoryTerminal(size: UISample.large)
        let transport = RecordingTransport([page])
        let app = runtime(terminal, transport)
        app.dispatch(.key(.character("p"), now: UISample.now))  // one request: the page at 25 rows
        #expect(await app.settle(), "the effects finished")
        #expect(app.state.tokens.items.map(\.id) == ["SU-431-800-699"])
        #expect(transport.onlyRequest.target.hasSuffix("limit=25&offset=0"))
    }

    // MARK: Clearing a copied secret

    /// A desktop clipboard in memory, filled and read through the tool runner.
    final class FakeDesktop: @unchecked Sendable {
        let lock = NSLock()
        var held = ""

        /// `[clipboard] clear_after = 30`.
        static var settings: AppRuntime.Settings {
            var settings = UISample.settings
            settings.setup.clipboardClearAfter = 30
            return settings
        }

        var clipboard: Clipboard {
            Clipboard(
                environment: ["TERM": "xterm", "DISPLAY": ":0"],
                findTool: { "/usr/bin/\($0)" },
                run: { command, input in
                    self.lock.withLock {
                        if let input { self.held = input; return "" }
                        return command.contains("-o") ? self.held : nil
                    }
                })
        }
    }

    @Test func theClipboardIsClearedOnlyIfItStillHoldsTheSecret() {
        let desktop = FakeDesktop()
        let clipboard = desktop.clipboard
        #expect(clipboard.copyNatively("ApiKey SU-1:abc") == "xclip")
        #expect(clipboard.clear(ifStillHolding: Secret("something else")) == .replaced)
        #expect(desktop.held == "ApiKey SU-1:abc", "another copy is left alone")
        guard case .cleared = clipboard.clear(ifStillHolding: Secret("ApiKey SU-1:abc")) else { Issue.record("not cleared"); return }
        #expect(desktop.held == "")
        let unreadable = Clipboard(environment: ["TERM": "xterm"], findTool: { _ in nil })
        #expect(unreadable.clear(ifStillHolding: Secret("x")) == .unknown, "OSC 52 alone cannot be read back")
    }

    /// The Tutorial token's key copied to a desktop clipboard that clears after 30 s.
    func copiedKey() async -> (FakeDesktop, MemoryTerminal, AppRuntime) {
        let desktop = FakeDesktop()
        let terminal = MemoryTerminal(size: UISample.large)
        let transport = RecordingTransport([.json(200, Fixtures.token)])
        let app = AppRuntime(terminal: terminal, client: .testing(transport, retryPolicy: .none), connection: UISample.connection, clipboard: desktop.clipboard, timeZone: .gmt, settings: FakeDesktop.settings)
        app.perform(testing: [.copyAPIKey(tokenID: "SU-431-800-699")])
        #expect(await app.settle())
        return (desktop, terminal, app)
    }

    @Test func aCopiedKeyIsClearedAfterTheConfiguredTime() async throws {
        let (desktop, terminal, app) = await copiedKey()
        let key = try #require(try JSONDecoder().decode(Token.self, from: Data(Fixtures.token.utf8)).apiKey).unmaskedValue
        #expect(desktop.held == key)
        // Counted from the time the copy came (the state's time: no tick came since).
        let copiedAt = app.state.now
        app.dispatch(.tick(copiedAt.addingTimeInterval(20)))
        #expect(await app.settle())
        #expect(desktop.held == key, "not before its time")
        app.dispatch(.tick(copiedAt.addingTimeInterval(31)))
        #expect(await app.settle())
        #expect(desktop.held == "")
        #expect(app.state.status?.text == "The copied secret was cleared from the clipboard.")
        #expect(terminal.controlSequences.last == Array("\u{1b}]52;c;\u{07}".utf8), "the terminal's clipboard is emptied too")
    }

    @Test func quittingBeforeTheTimeClearsTheCopiedKeyAtOnce() async throws {
        let (desktop, terminal, app) = await copiedKey()
        #expect(desktop.held.hasPrefix("ApiKey SU-431-800-699:"))
        terminal.keys = [.character("q")]
        app.run()
        #expect(desktop.held == "", "quit 30 s early: cleared on the way out")
        #expect(terminal.controlSequences.last == Array("\u{1b}]52;c;\u{07}".utf8))
    }

    @Test func copiedURLsAreNotCleared() async {
        let desktop = FakeDesktop()
        let terminal = MemoryTerminal(size: UISample.large)
        let app = AppRuntime(terminal: terminal, client: .testing(RecordingTransport([]), retryPolicy: .none), connection: UISample.connection, clipboard: desktop.clipboard, timeZone: .gmt, settings: FakeDesktop.settings)
        app.dispatch(.key(.character("1"), now: UISample.now))
        app.dispatch(.key(.character("y"), now: UISample.now))
        #expect(await app.settle())
        app.dispatch(.tick(Date().addingTimeInterval(3600)))
        #expect(await app.settle())
        #expect(desktop.held == "http://127.0.0.1:5555/public/v1")
    }
}
