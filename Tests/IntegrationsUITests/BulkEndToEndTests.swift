import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Marking rows and deleting them together, in the built binary against a sandbox that writes
/// down every request: one DELETE per token, none twice, and the one that failed (deleted
/// behind the app's back) said why and stayed marked.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct BulkEndToEndTests {
    typealias World = EndToEndTests.World

    @Test func markThreeDeleteThemOneFailsAndStaysMarked() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("requests-\(UUID().uuidString).log")
        let world = try await World.start(serveArguments: ["--request-log", log.path])
        defer {
            try? FileManager.default.removeItem(at: log)
            world.end()
        }
        var made: [Token] = []
        for name in ["Bulk A", "Bulk B", "Bulk C"] {
            made.append(try await world.client.createToken(TokenCreate(name: name, description: "d", externalID: nil, extensionID: "EXT-000")))
        }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Tutorial API Token")
        try tui.press("/")
        try await tui.waitFor("Esc clears")
        try tui.type("Bulk")
        try await tui.waitFor("1–3 of 3")
        try tui.press("Enter", "Space", "Space", "Space")
        let marked = try await tui.waitFor("3 marked")
        let rows = marked.split(separator: "\n").filter { $0.contains("✓ Bulk") }
        #expect(rows.count == 3)
        // The order they were marked in: the list's, top down.
        let listed = rows.compactMap { row in made.first { row.contains($0.id) }?.id }
        // Somebody else deletes one meanwhile.
        try await world.client.deleteToken(id: made[1].id)
        try tui.press(".")
        try await tui.waitFor("Delete 3 tokens")
        try tui.press("x")
        try await tui.waitFor("Delete these 3 tokens?")
        try tui.press("y")
        let result = try await tui.waitFor("Done: 2 deleted, 1 failed (still marked).")
        #expect(result.contains("✗ Bulk B (\(made[1].id))"))
        #expect(result.contains("HTTP 404"))
        #expect(result.contains("✓ Bulk A (\(made[0].id))") && result.contains("✓ Bulk C (\(made[2].id))"))
        // One DELETE per token, in the order marked, none twice; the first is the other user's.
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let deletes = text.split(separator: "\n").filter { $0.hasPrefix("DELETE ") }.map { String($0.split(separator: "/").last ?? "") }
        #expect(listed.count == 3)
        #expect(deletes == [made[1].id] + listed)
        try tui.press("Enter")
        let after = try await tui.waitUntil("the result closed") { !$0.contains("Done:") && $0.contains("1 marked") }
        #expect(after.contains("✓ Bulk B") == false, "B is gone from the list")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}
