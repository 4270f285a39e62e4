import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Emoji sequences measured as the terminal measures them: what is drawn bit by bit equals what
/// a full redraw shows (tmux is the terminal here).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct EmojiWidthEndToEndTests {
    typealias World = EndToEndTests.World

    static let names = ["👩‍💻 dev", "❤️ love", "👍🏽 ok", "🇩🇪 de", "🏳️‍🌈 flag", "☺️ smile", "e\u{301}vent"]

    /// Where `marker` starts on a captured row, in columns as tmux laid them out: tmux pads
    /// what it captures, so a row's columns are its characters' widths as tmux counts them;
    /// here counted with the rule tmux showed (each scalar's own width, wide emoji 2, flags'
    /// letters 1, joiners and selectors 0), written out independently of the app's table.
    static func column(of marker: String, in row: Substring) -> Int? {
        guard let range = row.range(of: marker) else { return nil }
        return row[..<range.lowerBound].unicodeScalars.reduce(0) { sum, scalar in
            switch scalar.value {
            case 0x200D, 0xFE0F, 0x301: sum
            case 0x1F1E6...0x1F1FF: sum + 1
            case 0x1F300...0x1FAFF: sum + (scalar.properties.isEmojiPresentation ? 2 : 1)
            case 0x2500...0x257F: sum + 1
            default: sum + (scalar.properties.isEmojiPresentation ? 2 : 1)
            }
        }
    }

    @Test func movingOverEmojiNamesLeavesNoStrayCharacters() async throws {
        let world = try await World.start()
        defer { world.end() }
        for name in Self.names {
            _ = try await world.client.createToken(TokenCreate(name: name, description: "d", externalID: nil, extensionID: "EXT-000"))
        }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("1–10 of 11")  // the seed's four and the seven made here
        // Incremental drawing: the selection walks over every row and back to the second.
        for _ in 0..<9 { try tui.press("j") }
        for _ in 0..<8 { try tui.press("k") }
        try tui.press("p")  // 25 rows per page: a reload, drawn over what is there
        let incremental = try await tui.waitUntil("the reloaded page") {
            $0.contains("Rows per page 25") && $0.contains("1–11 of 11") && !$0.contains("Loading")
        }
        // A full redraw: the terminal is resized and back, so every cell is sent again.
        try tui.resize(columns: 121, rows: 40)
        try tui.resize(columns: 120, rows: 40)
        // Drawn at 120 again: the header reaches as far as it did (at 121 it reaches one
        // further), and the last row is there (it is drawn last).
        let headerWidth = incremental.split(separator: "\n").first?.count ?? 0
        let full = try await tui.waitUntil("a full redraw at 120 columns") { screen in
            screen.split(separator: "\n").first?.count == headerWidth && screen.contains("Rows per page 25")
                && screen.contains("1–11 of 11") && screen.contains("Tutorial API Token SU-431-800-699")
        }
        // The table's rows (the status line may change with time in between).
        let rowsOf = { (screen: String) in screen.split(separator: "\n").filter { $0.contains("SU-") || $0.contains("LABEL") } }
        #expect(rowsOf(incremental) == rowsOf(full), "incremental:\n\(incremental)\nfull:\n\(full)")
        // Each name shows as typed, one space before its id, with no cell lost or doubled
        // (emoji joined by a zero-width joiner are drawn side by side: curses and tmux disagree
        // on the joined form). The extension column starts at the same place on every row.
        let rows = full.split(separator: "\n")
        let reference = try #require(rows.first { $0.contains("Tutorial API Token") })
        for name in Self.names {
            let shown = String(String.UnicodeScalarView(name.unicodeScalars.filter { $0.value != 0x200D }))
            let row = try #require(rows.first { $0.contains(shown + " SU-") }, "\(shown) as typed:\n\(full)")
            #expect(Self.column(of: "Custom", in: row) == Self.column(of: "Custom", in: reference), "aligned: \(row)")
        }
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}
