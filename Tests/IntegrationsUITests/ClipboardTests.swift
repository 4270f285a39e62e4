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

    /// A tool started from a thread that blocks every signal (as the threads async code runs
    /// on do) must start with none blocked, or it could not be stopped: xclip and wl-copy stay
    /// behind serving the selection.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "reads /proc"))
    func toolsStartWithNoSignalBlocked() async throws {
        let copied = FileManager.default.temporaryDirectory.appendingPathComponent("connect-tui-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copied) }
        let (copy, paste) = await withCheckedContinuation { (done: CheckedContinuation<(String?, String?), Never>) in
            let thread = Thread {
                var all = sigset_t()
                sigfillset(&all)
                pthread_sigmask(SIG_BLOCK, &all, nil)
                // A "copy tool" that writes its own status, and a "paste tool" that prints it.
                let copy = Clipboard.runTool(["/bin/cp", "/proc/self/status", copied.path], "the text")
                let paste = Clipboard.runTool(["/usr/bin/env", "grep", "^SigBlk:", "/proc/self/status"], nil)
                done.resume(returning: (copy, paste))
            }
            thread.start()
        }
        #expect(copy == "", "the copy tool took the text")
        #expect(try String(contentsOf: copied, encoding: .utf8).contains("SigBlk:\t0000000000000000\n"))
        #expect(paste == "SigBlk:\t0000000000000000\n")
    }

    @Test func aCopyToolThatStaysBehindHasTakenTheTextAndOneThatFailsHasNot() {
        let started = ContinuousClock.now
        #expect(Clipboard.runTool(["/bin/sh", "-c", "cat >/dev/null; sleep 4"], "the text") == "", "still serving after 2 s: left running")
        #expect(ContinuousClock.now - started < .seconds(4), "not waited for")
        #expect(Clipboard.runTool(["/bin/sh", "-c", "cat >/dev/null; exit 3"], "the text") == nil)
        #expect(Clipboard.runTool(["/bin/sh", "-c", "exit 1"], nil) == nil, "a paste tool that fails reads as unknown")
    }
}
