import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// A copied key leaves the clipboard after `clear_after`, with the real binary in tmux: OSC 52
/// fills tmux's buffer, and the app reads it back and deletes it with the real `tmux`, started
/// through the same spawner as every other tool.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ClipboardEndToEndTests {
    typealias World = EndToEndTests.World

    @Test func aCopiedKeyLeavesTmuxsBufferAfterClearAfter() async throws {
        let world = try await World.start()
        defer { world.end() }
        try world.writeConfig("[clipboard]\nclear_after = 2\n")
        let key = try #require(try await world.client.token(id: "SU-431-800-699").apiKey).unmaskedValue

        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Tutorial API Token")
        try tui.press("G", "Enter")
        try await tui.waitFor("ApiKey SU-431-800-699:••••••••")
        try tui.press("y")
        try await tui.waitFor("copied to the clipboard")
        #expect(try tui.buffer() == key, "OSC 52 reached tmux's buffer")
        try await tui.waitFor("The copied secret was cleared from the clipboard.", timeout: .seconds(20))
        #expect((try? tui.buffer()) != key, "the key is no longer in tmux's buffer")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}
