import ConnectCore
import Foundation
import Testing
import TerminalKit
@testable import IntegrationsUI

/// Marking rows with `Space` and acting on all of them: the confirmation names them, one
/// request per item goes out, each once and in turn, and the result says what happened.
@Suite struct BulkActionTests {
    static let tokens = (0..<6).map { UISample.token("SU-000-000-\(100 + $0)", "Token \($0)") }

    static func marked(_ count: Int) -> AppState {
        var state = UISample.state(UISample.large, tokens: tokens)
        for _ in 0..<count { _ = UISample.press(&state, .character(" ")) }
        return state
    }

    static func answer(_ action: TokenAction, _ id: String, _ result: Result<Token?, ConnectError>, _ state: inout AppState) -> [AppEffect] {
        AppReducer.reduce(&state, .tokenActionFinished(action, tokenID: id, result))
    }

    static let notFound = ConnectError(operation: .deleteToken, method: .delete, kind: .http(status: 404, code: "not_found", messages: ["Object not found"]))

    @Test func spaceMarksAndMovesOnAndEscapeClears() throws {
        var state = Self.marked(2)
        #expect(state.tokens.marked == [Mark(id: "SU-000-000-100", label: "Token 0"), Mark(id: "SU-000-000-101", label: "Token 1")])
        #expect(state.tokens.cursor == 2)
        let screen = AppView.render(state).text
        #expect(screen.contains("Tokens  2 marked"))
        let rows = screen.split(separator: "\n").filter { $0.contains("SU-000-000-1") }
        #expect(rows.count == 6)
        #expect(rows.filter { $0.contains("✓ Token") }.count == 2, "the marked rows carry ✓")
        // Space on a marked row unmarks it.
        _ = UISample.press(&state, .up, .character(" "))
        #expect(state.tokens.marked.map(\.id) == ["SU-000-000-100"])
        // Marks stay across pages and filters until Esc clears them.
        _ = UISample.press(&state, .escape)
        #expect(state.tokens.marked.isEmpty)
        #expect(!AppView.render(state).text.contains("marked"))
    }

    @Test func theConfirmationNamesTheCountAndTheFirstFew() throws {
        var state = Self.marked(5)
        _ = UISample.press(&state, .character("."))
        guard case .menu(let menu)? = state.topModal else { Issue.record("no menu"); return }
        #expect(menu.items.map(\.title) == ["Enable 5 tokens", "Disable 5 tokens", "Delete 5 tokens"])
        #expect(UISample.press(&state, .character("x")) == [.discardPendingInput], "nothing is sent before the answer")
        guard case .confirm(let dialog)? = state.topModal else { Issue.record("no confirmation"); return }
        #expect(dialog.title == "Delete 5 tokens")
        #expect(dialog.message == "Delete these 5 tokens? Token 0 (SU-000-000-100), Token 1 (SU-000-000-101), Token 2 (SU-000-000-102) and 2 more. This cannot be undone. One request each; none is sent twice.")
        // Cancel sends nothing and keeps the marks.
        #expect(UISample.press(&state, .escape).isEmpty)
        #expect(state.modals.isEmpty)
        #expect(state.tokens.marked.count == 5)
    }

    @Test func oneRequestPerItemInTurnAndTheFailedStayMarked() throws {
        var state = Self.marked(3)
        _ = UISample.press(&state, .character("."), .character("x"))
        let first = UISample.press(&state, .character("y"))
        #expect(first == [.perform(.token(.delete), id: "SU-000-000-100")])
        // An answer for a row outside the run does not move it on.
        var unrelated = state
        _ = Self.answer(.delete, "SU-000-000-105", .success(nil), &unrelated)
        guard case .bulk(let stillWaiting)? = unrelated.topModal else { Issue.record("the run closed"); return }
        #expect(stillWaiting.sending?.id == "SU-000-000-100")

        #expect(Self.answer(.delete, "SU-000-000-100", .success(nil), &state) == [.perform(.token(.delete), id: "SU-000-000-101")])
        #expect(Self.answer(.delete, "SU-000-000-101", .failure(Self.notFound), &state) == [.perform(.token(.delete), id: "SU-000-000-102")])
        let last = Self.answer(.delete, "SU-000-000-102", .success(nil), &state)
        #expect(last == [.loadList(.tokens, loadID: state.tokens.loadID, state.tokens.query, PageRequest(limit: 10, offset: 0))], "read again once, at the end")
        // A second answer for the same item sends nothing.
        var repeated = state
        #expect(Self.answer(.delete, "SU-000-000-102", .success(nil), &repeated).allSatisfy { if case .perform = $0 { false } else { true } })

        guard case .bulk(let run)? = state.topModal else { Issue.record("no result"); return }
        var expected = BulkRun(
            operation: .token(.delete), marks: Array(Self.tokens.prefix(3)).map { Mark(id: $0.id, label: $0.name ?? "") }, waiting: [], sending: nil)
        expected.succeeded = [expected.marks[0], expected.marks[2]]
        expected.failed = [BulkRun.Failure(mark: expected.marks[1], reason: Self.notFound.description)]
        StateDiff.expectEqual(run, expected)
        #expect(state.tokens.marked == [expected.marks[1]], "the failed one stays marked")
        #expect(state.status?.text == "Delete 3 tokens: 2 deleted, 1 failed (still marked).")
        let screen = AppView.render(state).text
        #expect(screen.contains("Done: 2 deleted, 1 failed (still marked)."))
        #expect(screen.contains("✗ Token 1 (SU-000-000-101)"))
        #expect(screen.contains("  \(Self.notFound.description)"), "the reason whole, under it")
        #expect(screen.contains("✓ Token 0 (SU-000-000-100)"))
        _ = UISample.press(&state, .enter)
        #expect(state.modals.isEmpty)
    }

    @Test func escapeStopsWhatIsNotSentYet() throws {
        var state = Self.marked(4)
        _ = UISample.press(&state, .character("."), .character("d"), .character("y"))
        #expect(UISample.press(&state, .enter).isEmpty, "Enter does not close a run in progress")
        #expect(UISample.press(&state, .escape).isEmpty)
        guard case .bulk? = state.topModal else { Issue.record("the run closed before its answer"); return }
        let afterStop = Self.answer(.disable, "SU-000-000-100", .success(UISample.token("SU-000-000-100", "Token 0", status: .inactive)), &state)
        #expect(!afterStop.contains { if case .perform = $0 { true } else { false } }, "nothing more is sent")
        #expect(state.status?.text == "Disable 4 tokens: 1 disabled, 3 not sent.")
        #expect(state.tokens.marked.map(\.id) == ["SU-000-000-101", "SU-000-000-102", "SU-000-000-103"])
        #expect(AppView.render(state).text.contains("– Token 3 (SU-000-000-103) not sent"))
    }

    @Test func webhooksToo() throws {
        var state = UISample.webhookState(UISample.large, hooks: [UISample.erpHook, UISample.webhook("WB-111-222-444", "Second")])
        _ = UISample.press(&state, .character(" "), .character(" "), .character("."), .character("e"))
        guard case .confirm(let dialog)? = state.topModal else { Issue.record("no confirmation"); return }
        #expect(dialog.title == "Enable 2 webhooks")
        let effects = UISample.press(&state, .character("y"))
        #expect(effects == [.perform(.webhook(.enable), id: "WB-111-222-333")])
        let next = AppReducer.reduce(&state, .webhookActionFinished(.enable, webhookID: "WB-111-222-333", .success(nil)))
        #expect(next == [.perform(.webhook(.enable), id: "WB-111-222-444")])
    }

    @Test func aReadOnlyAccountMarksButDoesNotAct() {
        var state = Self.marked(2)
        state.connection.readOnly = true
        #expect(UISample.press(&state, .character(".")).isEmpty)
        #expect(state.modals.isEmpty)
        #expect(state.status?.text.hasPrefix("Read-only") == true)
    }

    @Test func cuttingOffConnectTuisOwnKeyIsNeverASurprise() {
        let warning = "SU-000-000-101 is the key connect-tui itself is using: it stops working here too."
        var state = Self.marked(3)
        state.connection.ownTokenID = "SU-000-000-101"
        _ = UISample.press(&state, .character("."), .character("d"))
        guard case .confirm(let bulk)? = state.topModal else { Issue.record("no confirmation"); return }
        #expect(bulk.message.hasSuffix(warning))
        // One token: disabling it warns, enabling or renewing it does not.
        var single = UISample.state(UISample.large, tokens: Self.tokens)
        single.connection.ownTokenID = "SU-000-000-101"
        _ = UISample.press(&single, .down, .character("."), .character("d"))
        guard case .confirm(let one)? = single.topModal else { Issue.record("no confirmation"); return }
        #expect(one.message.hasSuffix(warning))
        _ = UISample.press(&single, .escape, .character("."), .character("n"))
        guard case .confirm(let renew)? = single.topModal else { Issue.record("no renew confirmation"); return }
        #expect(!renew.message.contains("connect-tui itself"))
    }

    @Test func aLongResultScrolls() throws {
        var state = UISample.state(UISample.small)
        let marks = (0..<30).map { Mark(id: "SU-000-000-\(200 + $0)", label: "Token \($0)") }
        var run = BulkRun(operation: .token(.delete), marks: marks, waiting: [], sending: nil)
        run.succeeded = marks
        state.modals.append(.bulk(run))
        let first = AppView.render(state).text
        #expect(first.contains("Done: 30 deleted."))
        #expect(first.contains("more (↓ scrolls)"))
        #expect(!first.contains("Token 29 "))
        for _ in 0..<40 { _ = UISample.press(&state, .character("j")) }
        let last = AppView.render(state).text
        #expect(last.contains("✓ Token 29 (SU-000-000-229)"), "scrolled to the end")
        #expect(!last.contains("more (↓ scrolls)"))
        _ = UISample.press(&state, .enter)
        #expect(state.modals.isEmpty)
    }
}

