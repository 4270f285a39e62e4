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
            clipboard: Clipboard(environment: ["TERM": "xterm"], findTool: { _ in nil }), timeZone: .gmt)
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
}
