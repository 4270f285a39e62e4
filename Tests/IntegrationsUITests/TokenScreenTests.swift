import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// What the Tokens pane and the frame show, at the sizes people use.
@Suite struct TokenScreenTests {
    @Test(arguments: [UISample.small, UISample.large])
    func aLoadedPageShowsThePortalsColumnsAndPaging(size: TerminalSize) throws {
        let screen = AppView.render(UISample.state(size, tokens: [UISample.tutorial], total: 57))
        let header = try #require(screen.row(containing: "Integrations"))
        #expect(header.contains("Mighty Mick's LLC"))
        #expect(header.contains("SANDBOX"))
        #expect(screen.text.contains("LABEL"))
        #expect(screen.text.contains("STATUS"))
        #expect(screen.text.contains("1–1 of 57"))
        let row = try #require(screen.row(containing: "SU-431-800-699"))
        #expect(row.contains("Tutorial API Token"))
        #expect(row.contains("Active"))
        #expect(row.contains("18/05/2021 04:28"))
        let panes = size.columns >= 100 ? [" 1 General", " 2 Tokens", " 3 Webhooks", " 4 Extensions"] : [" 1 ", " 2 ", " 3 ", " 4 "]
        for pane in panes { #expect(screen.lines.contains { $0.hasPrefix(pane) }, "\(pane)") }
        #expect(screen.text.contains("Integrations › Tokens"))
        #expect(screen.lines.last?.contains("q quit") == true)
        #expect(screen.lines.count == size.rows)
    }

    @Test func theFullHeaderAtTheWideSize() throws {
        let screen = AppView.render(UISample.state(UISample.large))
        #expect(screen.lines[0].hasPrefix(" Integrations  Mighty Mick's LLC  Distributor – Michael Goldmill"))
        #expect(screen.lines[0].hasSuffix(" SANDBOX  "))
    }

    @Test func loadingEmptyAndError() {
        var state = AppState(size: UISample.small, connection: UISample.connection, timeZone: .gmt, now: UISample.now)
        _ = AppReducer.start(&state)
        let loading = AppView.render(state)
        #expect(loading.row(containing: "Loading tokens…")?.contains("(Esc cancels)") == true)
        #expect(AppView.render(state).text.contains("connecting…"))

        let empty = UISample.state(UISample.small, tokens: [])
        #expect(empty.tokens.items.isEmpty)
        #expect(AppView.render(empty).text.contains("No data available"))

        var failed = UISample.state(UISample.small)
        _ = failed.tokens.beginLoad()  // a reload, as r starts one
        let error = ConnectError(operation: .listTokens, method: .get, kind: .http(status: 503, code: "SYS_001", messages: ["Maintenance."]))
        _ = AppReducer.reduce(&failed, .listLoaded(.tokens, loadID: failed.tokens.loadID, .failure(error)))
        let text = AppView.render(failed).text
        #expect(text.contains("List tokens failed: HTTP 503 SYS_001: Maintenance."))
        #expect(text.contains("Press r to try again."))
    }

    @Test func longCJKNamesAreCutAndTheColumnsStayAligned() throws {
        let long = UISample.token("SU-111-111-111", String(repeating: "東京トークン", count: 10))
        let screen = AppView.render(UISample.state(UISample.small, tokens: [long, UISample.tutorial]))
        let header = try #require(screen.row(containing: "STATUS"))
        let row = try #require(screen.row(containing: "東京"))
        #expect(row.contains("…"))
        // The status text starts in the same terminal column as its heading.
        func column(of needle: String, in line: String) -> Int? {
            guard let range = line.range(of: needle) else { return nil }
            return String(line[..<range.lowerBound]).displayWidth
        }
        #expect(column(of: "Active", in: row) == column(of: "STATUS", in: header))
        #expect(row.displayWidth == 80)
    }

    @Test func hostileNamesShowAsEscapesAndCannotReachTheTerminal() throws {
        let evil = UISample.token("SU-666-666-666", "\u{1b}]0;PWNED\u{07}\u{1b}]52;c;SGFjaw==\u{07}\u{1b}[2J\u{9b}31mred\u{202e}txt")
        let screen = AppView.render(UISample.state(UISample.large, tokens: [evil]))
        let row = try #require(screen.row(containing: "SU-666-666-666"))
        #expect(row.contains(#"\u{1b}]0;PWNED\u{7}"#))
        let scalars = screen.cells.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains(where: SafeText.needsEscape))
    }

    @Test func theFilterShowsWhenApplied() {
        var state = UISample.state(UISample.large)
        state.tokens.filter.text = "ci"
        state.tokens.filter.status = .inactive
        #expect(AppView.render(state).text.contains("FILTER: “ci”, Inactive"))
    }

    @Test func tooSmallTerminals() {
        for size in [TerminalSize(columns: 40, rows: 12), TerminalSize(columns: 20, rows: 5), TerminalSize(columns: 59, rows: 30)] {
            let state = UISample.state(size)
            let text = AppView.render(state).text
            #expect(text.contains("Enlarge the terminal") || size.rows < 5, "\(size)")
            #expect(text.contains("60×14") || size.columns < 20, "\(size)")
        }
    }

    @Test func theHelpListsEveryBinding() {
        var state = UISample.state(UISample.large)
        _ = UISample.press(&state, .character("?"))
        let text = AppView.render(state).text
        for needed in ["Everywhere", "Tokens (here)", "next page", "copy the token's API key", "quit"] {
            #expect(text.contains(needed), "\(needed)")
        }
        // Other contexts are further down: the search finds them.
        _ = UISample.press(&state, .character("/"), .character("r"), .character("e"), .character("v"), .character("e"), .character("a"), .character("l"))
        #expect(AppView.render(state).text.contains("reveal or mask the API key"))
    }
}
