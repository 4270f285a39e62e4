import ConnectCore
import Foundation
import TerminalKit
import Testing

@testable import IntegrationsUI

/// The answer to an action, the same for every list: the item and its details follow, a delete
/// closes the details and reads the list again, a failure follows the one rule.
@Suite struct ActionAnswerTests {
    /// Tokens or webhooks, with the first item's details open.
    static func detailsOpen(_ list: ListID) -> AppState {
        var state: AppState
        switch list {
        case .tokens:
            state = UISample.state(UISample.large)
            _ = UISample.press(&state, .enter)
            _ = AppReducer.reduce(&state, .tokenLoaded(.success(UISample.tutorial)))
        case .webhooks, .extensions:
            state = UISample.webhookState(UISample.large)
            _ = UISample.press(&state, .enter)
            _ = AppReducer.reduce(&state, .webhookLoaded(.success(UISample.erpHook)))
        }
        return state
    }

    static func deleted(_ list: ListID, _ state: inout AppState) -> [AppEffect] {
        switch list {
        case .tokens: AppReducer.reduce(&state, .tokenActionFinished(.delete, tokenID: UISample.tutorial.id, .success(nil)))
        case .webhooks, .extensions:
            AppReducer.reduce(&state, .webhookActionFinished(.delete, webhookID: UISample.erpHook.id, .success(nil)))
        }
    }

    @Test(arguments: [ListID.tokens, .webhooks])
    func aDeleteFromDetailsClosesThemAndReadsTheListAgain(list: ListID) {
        var state = Self.detailsOpen(list)
        #expect(state.route.list == nil, "the details are open")
        var expected = state
        let effects = Self.deleted(list, &state)
        expected.route = .list(of: expected.pane)
        let id = list == .tokens ? UISample.tutorial.id : UISample.erpHook.id
        expected.status = .info("\(list == .tokens ? "Token" : "Webhook") \(id) deleted.")
        expected.status?.expires = state.now + StatusMessage.shownFor
        switch list {
        case .tokens: expected.tokens.loadID += 1; expected.tokens.content = .loading
        case .webhooks, .extensions: expected.webhooks.loadID += 1; expected.webhooks.content = .loading
        }
        // Deleting also forgets the pages read before it.
        AppReducer.forgetRecentPages(&expected)
        StateDiff.expectEqual(state, expected)
        #expect(effects.count == 1 && effects.first.map { if case .loadList(list, _, _, _) = $0 { true } else { false } } == true)
    }

    @Test func aTriggerWhoseDeliveryFailedReadsAsAnError() {
        var state = Self.detailsOpen(.webhooks)
        var hook = UISample.erpHook
        hook.lastFailure = Webhook.Delivery(time: Timestamp(rawValue: "2026-11-29T10:00:00+00:00"), status: .failure, errors: "Could not resolve host")
        _ = AppReducer.reduce(&state, .webhookActionFinished(.trigger, webhookID: hook.id, .success(hook)))
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.hasPrefix("Triggered \(hook.id): failure") == true)
        #expect(state.webhookDetails?.webhook.value == hook, "the details show the webhook as read after the trigger")
    }
}
