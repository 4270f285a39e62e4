import ConnectCore
import Foundation
import Testing
import TerminalKit

@testable import IntegrationsUI

/// The mouse does what the keys do: a button, a toolbar word or a paging arrow presses its
/// key; the wheel moves like the arrows; a second click on a row opens it.
@Suite struct MouseTests {
    /// Where `text` starts on the screen the state draws (its last place on the first row
    /// holding `row`, which is `text` unless said).
    static func position(of text: String, inRowWith row: String? = nil, _ state: AppState) throws -> (x: Int, y: Int) {
        let lines = AppView.render(state).lines
        let y = try #require(lines.firstIndex { $0.contains(row ?? text) }, "\(row ?? text) is on screen")
        let line = lines[y]
        let start = try #require(line.range(of: text, options: .backwards)).lowerBound
        return (String(line[..<start]).displayWidth, y)
    }

    static func click(_ state: inout AppState, on text: String, inRowWith row: String? = nil, at now: Date = UISample.now) throws -> [AppEffect] {
        let (x, y) = try position(of: text, inRowWith: row, state)
        return AppReducer.reduce(&state, .key(.mouse(MouseEvent(x: x, y: y)), now: now))
    }

    /// Clicking `text` leaves the same state and effects as pressing `key`, and does something.
    static func expectClickPresses(_ state: AppState, _ text: String, inRowWith row: String? = nil, _ key: Key?) throws {
        var clicked = state
        var pressed = state
        let key = try #require(key, "\(text) has a key")
        let fromClick = try click(&clicked, on: text, inRowWith: row)
        let fromKey = UISample.press(&pressed, key)
        #expect(fromClick == fromKey, "\(text)")
        StateDiff.expectEqual(clicked, pressed)
        #expect(clicked != state || !fromClick.isEmpty, "a click on \(text) did something")
    }

    @Test func theToolbarsWordsPressTheirKeys() throws {
        let state = UISample.state(UISample.large, tokens: (0..<10).map { UISample.token("SU-000-000-\(100 + $0)", "Token \($0)") }, total: 30)
        let keys = state.keymaps
        try Self.expectClickPresses(state, "REFRESH", keys.global.key(.refresh))
        try Self.expectClickPresses(state, "FILTER", keys.tokenList.key(.filterPanel))
        try Self.expectClickPresses(state, "COLUMNS", keys.tokenList.key(.columns))
        try Self.expectClickPresses(state, "+ CREATE TOKEN", keys.tokenList.key(.create))
        try Self.expectClickPresses(state, "Rows per page", keys.tokenList.key(.rowsPerPage))
        try Self.expectClickPresses(state, "›", inRowWith: "Rows per page", keys.tokenList.key(.nextPage))
    }

    @Test func theWizardsButtonsPressTheirKeysAndWhatIsBeneathIsOutOfReach() throws {
        var state = UISample.state(UISample.large)
        let refresh = try Self.position(of: "REFRESH", state)
        _ = UISample.press(&state, try #require(state.keymaps.tokenList.key(.create)))
        #expect(AppView.render(state).text.contains("Create token – Step 1"))
        // Under the wizard, where REFRESH was: nothing happens.
        var under = state
        #expect(AppReducer.reduce(&under, .key(.mouse(MouseEvent(x: refresh.x + 1, y: refresh.y)), now: UISample.now)).isEmpty)
        #expect(under == state)
        try Self.expectClickPresses(state, "[ CANCEL ]", state.keymaps.wizardGeneral.key(.cancel))
        try Self.expectClickPresses(state, "[ NEXT ]", state.keymaps.wizardGeneral.key(.submit))
    }

    @Test func aRemappedKeyIsWhatTheButtonPresses() throws {
        var state = UISample.state(UISample.large)
        let (rebound, problems) = KeymapSet.defaults.rebinding(["wizard-general.cancel": ["f5"]]) { "config.toml:\($0)" }
        #expect(problems.isEmpty, "\(problems)")
        state.keymaps = rebound
        _ = UISample.press(&state, .character("c"))
        #expect(AppView.render(state).text.contains("[ CANCEL ] F5"))
        _ = try Self.click(&state, on: "[ CANCEL ]")
        #expect(state.topModal == nil, "the wizard closed (nothing typed, so nothing to discard)")
    }

    @Test func theWheelMovesLikeTheArrows() throws {
        let tokens = (0..<10).map { UISample.token("SU-000-000-\(100 + $0)", "Token \($0)") }
        var state = UISample.state(UISample.large, tokens: tokens)
        var arrows = state
        let row = try Self.position(of: "Token 4", state)
        _ = AppReducer.reduce(&state, .key(.mouse(MouseEvent(x: row.x, y: row.y, kind: .wheelDown)), now: UISample.now))
        _ = AppReducer.reduce(&state, .key(.mouse(MouseEvent(x: row.x, y: row.y, kind: .wheelDown)), now: UISample.now))
        _ = AppReducer.reduce(&state, .key(.mouse(MouseEvent(x: row.x, y: row.y, kind: .wheelUp)), now: UISample.now))
        _ = UISample.press(&arrows, .down, .down, .up)
        StateDiff.expectEqual(state, arrows)
        #expect(state.tokens.cursor == 1)
    }

    @Test func aSecondClickSoonOnTheSameRowOpensIt() throws {
        let tokens = (0..<10).map { UISample.token("SU-000-000-\(100 + $0)", "Token \($0)") }
        var state = UISample.state(UISample.large, tokens: tokens)
        _ = try Self.click(&state, on: "Token 3")
        #expect(state.tokens.selected?.id == "SU-000-000-103")
        // Slow: a second selection, not an opening.
        _ = try Self.click(&state, on: "Token 3", at: UISample.now.addingTimeInterval(2))
        #expect(state.route == .tokenList, "a slow second click only selects")
        let effects = try Self.click(&state, on: "Token 3", at: UISample.now.addingTimeInterval(2.3))
        guard case .tokenDetails = state.route else {
            Issue.record("details did not open: \(state.route)")
            return
        }
        var opened = tokensOpened(tokens)
        #expect(effects == UISample.press(&opened, try #require(state.keymaps.tokenList.key(.open))))
    }

    /// The same list with the cursor on Token 3, to compare with pressing Enter there.
    func tokensOpened(_ tokens: [Token]) -> AppState {
        var state = UISample.state(UISample.large, tokens: tokens)
        _ = UISample.press(&state, .down, .down, .down)
        return state
    }
}
