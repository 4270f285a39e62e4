import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// Keys become the right effects; answers land where they belong.
@Suite struct ReducerTests {
    let tokens = (1...3).map { UISample.token("SU-000-000-00\($0)", "Token \($0)") }

    @Test func startLoadsTheAccountTheListsAndTheFirstPage() {
        var state = AppState(size: UISample.large, connection: UISample.connection, now: UISample.now)
        let effects = AppReducer.start(&state)
        #expect(effects == [
            .loadAccount, .loadModules, .loadExtensions,
            .loadList(.tokens, loadID: 1, ListQuery(ordering: [.descending("events.created.at")]), PageRequest(limit: 10, offset: 0)),
        ])
    }

    @Test func pagingIsDoneByTheServer() {
        var state = UISample.state(UISample.large, tokens: tokens, total: 57)
        let next = UISample.press(&state, .character("]"))
        #expect(next == [.loadList(.tokens, loadID: 2, state.tokens.filter.query, PageRequest(limit: 10, offset: 10))])
        #expect(state.tokens.content.isLoading)
        // Back to the first page, read a moment ago: drawn again at once, nothing asked.
        #expect(UISample.press(&state, .character("[")).isEmpty)
        #expect(state.tokens.offset == 0 && state.tokens.items == tokens)
        #expect(UISample.press(&state, .character("[")).isEmpty, "no page before the first")
        let perPage = UISample.press(&state, .character("p"))
        #expect(perPage == [.loadList(.tokens, loadID: 4, state.tokens.filter.query, PageRequest(limit: 25, offset: 0))])
    }

    @Test func anOldAnswerNeverOverwritesANewerOne() {
        var state = UISample.state(UISample.large, tokens: tokens)
        _ = UISample.press(&state, .character("r"))
        let stale = state.tokens.loadID - 1
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: stale, .success(.tokens(UISample.page([UISample.tutorial])))))
        #expect(state.tokens.content.isLoading)
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: state.tokens.loadID, .success(.tokens(UISample.page(tokens)))))
        #expect(state.tokens.items == tokens)
    }

    @Test func theSelectionFollowsItsTokenAcrossARefresh() {
        var state = UISample.state(UISample.large, tokens: tokens)
        _ = UISample.press(&state, .down, .down)
        #expect(state.tokens.selected?.id == "SU-000-000-003")
        _ = UISample.press(&state, .character("r"))
        let newFirst = UISample.token("SU-999-000-000", "Newest")
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: state.tokens.loadID, .success(.tokens(UISample.page([newFirst] + tokens)))))
        #expect(state.tokens.selected?.id == "SU-000-000-003")
        #expect(state.tokens.cursor == 3)
    }

    @Test func theFilterBecomesRQL() {
        var state = UISample.state(UISample.large, tokens: tokens)
        state.extensions = .loaded([Extension(id: "EXT-000", name: "custom")])
        _ = UISample.press(&state, .character("f"), .character("c"), .character("i"), .tab, .right, .right, .tab, .right)
        let effects = UISample.press(&state, .enter)
        let expected = ListQuery(
            filter: .and([.or([.ilike("name", "*ci*"), .ilike("id", "*ci*")]), .eq("status", "inactive"), .eq("extension.id", "EXT-000")]),
            ordering: [.descending("events.created.at")])
        #expect(effects == [.loadList(.tokens, loadID: state.tokens.loadID, expected, PageRequest(limit: 10, offset: 0))])
        _ = UISample.press(&state, .character("f"))
        let cleared = UISample.press(&state, .escape)
        #expect(cleared == [.loadList(.tokens, loadID: state.tokens.loadID, ListQuery(ordering: [.descending("events.created.at")]), PageRequest(limit: 10, offset: 0))])
    }

    @Test func destructiveActionsAskWithCancelFocused() {
        var state = UISample.state(UISample.large, tokens: tokens)
        #expect(UISample.press(&state, .character("."), .character("x")) == [.discardPendingInput], "asks; typed-ahead input is dropped")
        #expect(state.confirm?.action == .one(.token(.delete), id: "SU-000-000-001"))
        #expect(state.confirm?.confirmFocused == false)
        #expect(AppView.render(state).text.contains("Delete Token 1 (SU-000-000-001)? This cannot be undone."))
        #expect(UISample.press(&state, .enter).isEmpty, "Enter presses the focused CANCEL")
        #expect(state.confirm == nil)
        _ = UISample.press(&state, .character("."), .character("x"))
        #expect(UISample.press(&state, .character("n")).isEmpty)
        _ = UISample.press(&state, .character("."), .character("x"))
        #expect(UISample.press(&state, .character("y")) == [.perform(.token(.delete), id: "SU-000-000-001")])
        _ = UISample.press(&state, .character("."), .character("d"), .tab)
        #expect(UISample.press(&state, .enter) == [.perform(.token(.disable), id: "SU-000-000-001")])
    }

    @Test func enablingNeedsNoConfirmationAndUpdatesTheRow() {
        let inactive = UISample.token("SU-000-000-001", "Token 1", status: .inactive)
        var state = UISample.state(UISample.large, tokens: [inactive])
        #expect(UISample.press(&state, .character("."), .character("e")) == [.perform(.token(.enable), id: "SU-000-000-001")])
        _ = AppReducer.reduce(&state, .tokenActionFinished(.enable, tokenID: "SU-000-000-001", .success(UISample.token("SU-000-000-001", "Token 1"))))
        #expect(state.tokens.items.first?.status == .active)
        #expect(state.status?.text == "Token SU-000-000-001 enabled.")
        let later = UISample.now.addingTimeInterval(5)
        _ = AppReducer.reduce(&state, .tick(later))
        #expect(state.status == nil, "info clears itself")
    }

    @Test func errorsStayUntilDismissed() {
        var state = UISample.state(UISample.large, tokens: tokens)
        let error = ConnectError(operation: .deleteToken, method: .delete, kind: .timedOut)
        _ = AppReducer.reduce(&state, .tokenActionFinished(.delete, tokenID: "SU-000-000-001", .failure(error)))
        #expect(state.status?.text == "Delete token failed: no answer from the server in time It is not known whether it happened; press r to look again.")
        _ = AppReducer.reduce(&state, .tick(UISample.now.addingTimeInterval(60)))
        #expect(state.status != nil)
        _ = UISample.press(&state, .escape)
        #expect(state.status == nil)
    }

    /// Every list (one list feature) stops a slow load on Esc and says so.
    @Test(arguments: [(ListID.tokens, "tokens"), (.webhooks, "webhooks"), (.extensions, "extensions")])
    func escCancelsASlowLoad(list: ListID, noun: String) {
        var state: AppState
        switch list {
        case .tokens: state = UISample.state(UISample.large, tokens: tokens)
        case .webhooks: state = UISample.webhookState(UISample.large)
        case .extensions: state = UISample.extensionsState(UISample.large, [Extension(id: "EXT-000", name: "custom", subtitle: "Custom Integration")])
        }
        _ = UISample.press(&state, .character("r"))
        #expect(AppView.render(state).text.contains("Loading \(noun)… (Esc cancels)"))
        #expect(UISample.press(&state, .escape) == [.cancelListLoad(list)])
        #expect(AppView.render(state).text.contains("List \(noun) failed: cancelled"))
    }

    @Test func panesAndMouse() {
        var state = UISample.state(UISample.large, tokens: tokens)
        _ = UISample.press(&state, .character("1"))
        #expect(state.pane == .general)
        #expect(AppView.render(state).text.contains("http://127.0.0.1:5555/public/v1"))
        #expect(UISample.press(&state, .character("y")) == [.copyText("http://127.0.0.1:5555/public/v1", what: "The API endpoint")])
        _ = UISample.press(&state, .tab)
        #expect(state.pane == .tokens)
        _ = UISample.press(&state, .backTab, .backTab)
        #expect(state.pane == .extensions)
        let layout = Layout(state.size)
        _ = UISample.press(&state, .mouse(MouseEvent(x: 2, y: layout.paneRow(.tokens))))
        #expect(state.pane == .tokens)
        _ = UISample.press(&state, .mouse(MouseEvent(x: 30, y: layout.listTable.y + 3)))
        #expect(state.tokens.selected?.id == "SU-000-000-003")
    }

    @Test func quitAndSignals() {
        var state = UISample.state(UISample.large)
        #expect(UISample.press(&state, .character("q")) == [.quit])
        var signalled = UISample.state(UISample.large)
        #expect(AppReducer.reduce(&signalled, .stopSignal) == [.quit])
        var small = UISample.state(TerminalSize(columns: 30, rows: 8))
        #expect(UISample.press(&small, .character("j")).isEmpty)
        #expect(UISample.press(&small, .character("q")) == [.quit])
    }

    @Test func columnsCanBeHiddenButNotAll() {
        var state = UISample.state(UISample.large, tokens: tokens)
        _ = UISample.press(&state, .character("C"), .down, .character(" "), .enter)
        #expect(state.tokens.columns.shown == [.label, .created, .status])
        #expect(!AppView.render(state).text.contains("EXTENSION"))
        _ = UISample.press(&state, .character("C"), .character(" "), .down, .down, .character(" "), .down, .character(" "), .enter)
        #expect(state.tokens.columns.shown == [.status], "the last column stays")
    }
}

/// A failed operation can be tried again from the status line, unless its outcome is unknown.
@Suite struct RetryFromStatusTests {
    @Test func aRefusedWriteOffersRetry() {
        var state = UISample.state(UISample.large)
        let refused = ConnectError(operation: .deactivateToken, method: .post, kind: .http(status: 503, code: nil, messages: []))
        _ = AppReducer.reduce(&state, .tokenActionFinished(.disable, tokenID: "SU-431-800-699", .failure(refused)))
        #expect(AppView.render(state).text.contains("R retries · Esc dismisses"))
        #expect(UISample.press(&state, .character("R")) == [.perform(.token(.disable), id: "SU-431-800-699")])
    }

    @Test func aWriteWithAnUnknownOutcomeIsNotRetriedBlindly() {
        var state = UISample.state(UISample.large)
        let lost = ConnectError(operation: .deleteToken, method: .delete, kind: .timedOut)
        _ = AppReducer.reduce(&state, .tokenActionFinished(.delete, tokenID: "SU-431-800-699", .failure(lost)))
        #expect(!AppView.render(state).text.contains("R retries"))
        #expect(UISample.press(&state, .character("R")).isEmpty)
    }

    @Test func aFailedAccountLoadRetries() {
        var state = UISample.state(UISample.large)
        let down = ConnectError(operation: .myAccount, method: .get, kind: .network("could not connect to the server"))
        _ = AppReducer.reduce(&state, .accountLoaded(.failure(down)))
        #expect(UISample.press(&state, .character("R")) == [.loadAccount])
    }
}
