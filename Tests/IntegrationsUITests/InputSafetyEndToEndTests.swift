import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Pasted and typed-ahead text in the real binary: it can fill a field, never press keys.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct InputSafetyEndToEndTests {
    typealias World = EndToEndTests.World

    /// Every token id the sandbox holds.
    static func tokenIDs(_ world: World) async throws -> Set<String> {
        Set(try await world.client.listTokens(page: PageRequest(limit: 100)).items.map(\.id))
    }

    /// A sandbox, its tokens now, and the app on its Tokens list.
    static func start() async throws -> (World, Set<String>, TmuxSession) {
        let world = try await World.start()
        let before = try await tokenIDs(world)
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Tutorial API Token")
        return (world, before, tui)
    }

    @Test func aPasteOnTheListIsNotReadAsKeys() async throws {
        let (world, before, tui) = try await Self.start()
        defer { world.end() }
        // `.` opens the actions, `x` asks to delete, `y` would confirm.
        try tui.paste("to ROADMAP.txt: yes")
        try await tui.waitFor("Pasted text is ignored here")
        let screen = try tui.screen()
        #expect(!screen.contains("Delete token"), "no dialog opened:\n\(screen)")
        #expect(try await Self.tokenIDs(world) == before)
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func typedAheadKeysDoNotAnswerTheConfirmationTheyOpen() async throws {
        let (world, before, tui) = try await Self.start()
        defer { world.end() }
        // The same text typed in one burst (a terminal without bracketed paste): the dialog
        // opens, and the `y` that came with it is thrown away.
        try tui.type("to ROADMAP.txt: yes")
        try await tui.waitFor("This cannot be undone.")
        // Keys are handled in order: a kept `y` would have closed the dialog and started the
        // delete ("Delete…") before this Esc is read.
        try tui.press("Escape")
        let after = try await tui.waitUntil("the dialog to close") { !$0.contains("This cannot be undone.") }
        #expect(!after.contains("Delete…") && !after.contains("deleted"), "nothing was deleted:\n\(after)")
        #expect(try await Self.tokenIDs(world) == before)
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aPasteFillsAFieldAsOneLineAndAHugeOneIsRefusedAtOnce() async throws {
        let (world, _, tui) = try await Self.start()
        defer { world.end() }
        try tui.press("c")
        try await tui.waitFor("Create token – Step 1")
        try tui.paste("CI\ntoken\tone\r\n")
        try await tui.waitFor("CI token one")
        #expect(try tui.screen().contains("Create token – Step 1"), "the newline did not press NEXT")
        try tui.press("Tab")
        try tui.paste(String(repeating: "A", count: 100_000))
        try await tui.waitFor("Paste refused: 100000 characters where 128 fit")
        #expect(!(try tui.screen()).contains("AAAA"))
        // Ctrl-C is not stuck behind the paste.
        try tui.press("C-c")
        try await tui.waitFor("EXIT=0")
    }

    @Test func bracketedPasteIsOnAgainAfterCtrlZAndFg() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try await world.appInShell(extraEnvironment: "TERM=screen-256color")
        try await tui.suspendAndResume()
        // Marked as a paste only if the app turned the mode on again after the shell had it.
        try tui.paste("zzz")
        try await tui.waitFor("Pasted text is ignored here")
        try tui.press("q")
        try await tui.waitUntil("the shell's prompt back") { $0.contains("prompt$") && !$0.contains("LABEL") }
    }
}
