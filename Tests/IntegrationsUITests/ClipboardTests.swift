import Foundation
import Testing

@testable import IntegrationsUI

/// OSC 52 for terminals (plain in tmux, wrapped in screen), and a desktop tool only locally.
@Suite struct ClipboardTests {
    @Test func osc52CarriesTheTextInBase64() {
        let clipboard = Clipboard(environment: ["TERM": "xterm-256color"], findTool: { _ in nil })
        #expect(clipboard.osc52("ApiKey SU-1:abc").map { String(decoding: $0, as: UTF8.self) } == "\u{1b}]52;c;QXBpS2V5IFNVLTE6YWJj\u{07}")
    }

    @Test func tmuxGetsThePlainSequenceScreenAWrappedOne() {
        let tmux = Clipboard(environment: ["TERM": "screen-256color", "TMUX": "/tmp/tmux-0/default,1,0"], findTool: { _ in nil })
        #expect(tmux.osc52("x").map { String(decoding: $0, as: UTF8.self) } == "\u{1b}]52;c;eA==\u{07}")
        let screen = Clipboard(environment: ["TERM": "screen"], findTool: { _ in nil })
        #expect(screen.osc52("x").map { String(decoding: $0, as: UTF8.self) } == "\u{1b}P\u{1b}]52;c;eA==\u{07}\u{1b}\\")
    }

    @Test func tooLongForTheTerminal() {
        let clipboard = Clipboard(environment: [:], findTool: { _ in nil })
        #expect(clipboard.osc52(String(repeating: "x", count: 60_000)) == nil)
    }

    @Test func aDesktopToolOnlyOnALocalDesktop() {
        let tools: @Sendable (String) -> String? = { "/usr/bin/\($0)" }
        #expect(Clipboard(environment: ["WAYLAND_DISPLAY": "wayland-0"], findTool: tools).nativeTool == ["/usr/bin/wl-copy"])
        #expect(Clipboard(environment: ["DISPLAY": ":0"], findTool: tools).nativeTool == ["/usr/bin/xclip", "-selection", "clipboard"])
        #expect(Clipboard(environment: ["DISPLAY": ":0", "SSH_CONNECTION": "1.2.3.4 5 6.7.8.9 22"], findTool: tools).nativeTool == nil)
        #expect(Clipboard(environment: ["DISPLAY": ":0"], findTool: { $0 == "xsel" ? "/bin/xsel" : nil }).nativeTool == ["/bin/xsel", "--clipboard", "--input"])
        #expect(Clipboard(environment: [:], findTool: { _ in nil }).nativeTool == nil)
    }
}
