import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// What the Webhooks pane, its details, form and dialogs show, and what its keys do.
@Suite struct WebhookScreenTests {
    static let sizes = [UISample.small, UISample.large]

    @Test func thePaneLoadsWhenFirstShownNotAtStart() {
        var state = UISample.state(UISample.small)
        #expect(state.webhooks.loadID == 0)
        let effects = UISample.press(&state, .character("3"))
        guard case .loadList(.webhooks, _, let query, let page)? = effects.first else { Issue.record("no load: \(effects)"); return }
        #expect(page == PageRequest(limit: 10, offset: 0))
        #expect(query.queryString(page: page).contains("ordering(-created_at)"))
        #expect(AppView.render(state).row(containing: "Loading webhooks…")?.contains("(Esc cancels)") == true)
        // Shown again later: no second load unless refreshed.
        _ = UISample.press(&state, .character("2"))
        #expect(UISample.press(&state, .character("3")).isEmpty)
    }

    @Test(arguments: sizes)
    func aLoadedPageShowsLabelIDStatusAndLastResult(size: TerminalSize) throws {
        var inactive = UISample.webhook("WB-444-555-666", "Usage files", active: false)
        inactive.lastSuccess = nil
        inactive.lastFailure = nil
        let screen = AppView.render(UISample.webhookState(size, hooks: [UISample.erpHook, inactive], total: 23))
        #expect(screen.text.contains("Integrations › Webhooks"))
        #expect(screen.text.contains("1–2 of 23"))
        let row = try #require(screen.row(containing: "WB-111-222-333"))
        #expect(row.contains("Fulfillment to ERP"))
        #expect(row.contains("Active"))
        #expect(row.contains("✖ 21/11/26 11:30"), "the newer of last success and last failure")
        let other = try #require(screen.row(containing: "WB-444-555-666"))
        #expect(other.contains("Inactive"))
        #expect(other.contains("—"))
        if size.columns >= 100 {
            #expect(row.contains("Cloud Back"))
            #expect(row.contains("Fulfillment"))
            #expect(row.contains("https://erp."))
        } else {
            #expect(!screen.text.contains("PRODUCT"), "at 80 columns the product gives way first")
            #expect(row.contains("https://erp"))
        }
        #expect(screen.lines.last?.contains("c create") == true)
    }

    @Test(arguments: sizes)
    func emptyAndFailedStates(size: TerminalSize) {
        #expect(AppView.render(UISample.webhookState(size, hooks: [])).text.contains("No data available"))
        var state = UISample.webhookState(size)
        _ = UISample.press(&state, .character("r"))
        let error = ConnectError(operation: .listWebhooks, method: .get, kind: .http(status: 502, code: nil, messages: []))
        _ = AppReducer.reduce(&state, .listLoaded(.webhooks, loadID: state.webhooks.loadID, .failure(error)))
        let text = AppView.render(state).text
        #expect(text.contains("List webhooks failed: HTTP 502: bad gateway"))
        #expect(text.contains("Press r to try again."))
    }

    @Test func escCancelsASlowLoadAndAStaleAnswerIsIgnored() {
        var state = UISample.webhookState(UISample.small)
        let old = state.webhooks.loadID
        _ = UISample.press(&state, .character("r"))
        #expect(UISample.press(&state, .escape) == [.cancelListLoad(.webhooks)])
        #expect(AppView.render(state).text.contains("cancelled"))
        _ = AppReducer.reduce(&state, .listLoaded(.webhooks, loadID: old, .success(.webhooks(UISample.webhookPage([UISample.webhook("WB-000-000-009", "Stale")])))))
        #expect(!AppView.render(state).text.contains("Stale"))
    }

    @Test func theFilterSearchesAndNarrowsByStatusAndClass() throws {
        var state = UISample.webhookState(UISample.large)
        _ = UISample.press(&state, .character("f"))
        for character in "erp" { _ = UISample.press(&state, .character(character)) }
        _ = UISample.press(&state, .tab, .right, .tab, .right)
        let dialog = AppView.render(state).text
        #expect(dialog.contains("Filter webhooks"))
        #expect(dialog.contains("‹ Active ›"))
        #expect(dialog.contains("‹ Fulfillment request ›"))
        let effects = UISample.press(&state, .enter)
        guard case .loadList(.webhooks, _, let query, let page)? = effects.first else { Issue.record("no load"); return }
        #expect(page.offset == 0)
        let sent = query.queryString(page: page)
        #expect(sent.contains("search=erp"))
        #expect(sent.contains("eq(active,true)"))
        #expect(sent.contains("eq(object_class,fulfillment_request)"))
        #expect(AppView.render(state).text.contains("FILTER: “erp”, Active, Fulfillment "))
        // Esc in the editor clears the filter.
        _ = UISample.press(&state, .character("f"))
        guard case .loadList(.webhooks, _, let cleared, _)? = UISample.press(&state, .escape).first else { Issue.record("no reload"); return }
        #expect(cleared.search == nil)
        #expect(state.webhooks.filter.isEmpty)
    }

    @Test func columnsCanBeHiddenButNotAll() {
        var state = UISample.webhookState(UISample.large)
        _ = UISample.press(&state, .character("C"), .down, .character(" "), .enter)
        #expect(state.webhooks.columns.shown == [.label, .product, .url, .status, .lastResult])
        #expect(!AppView.render(state).text.contains("CLASS"))
    }

    @Test(arguments: sizes)
    func detailsShowSettingsWithTheSecretMasked(size: TerminalSize) throws {
        var state = UISample.webhookState(size)
        #expect(UISample.press(&state, .enter) == [.loadWebhook(id: "WB-111-222-333")])
        let screen = AppView.render(state)
        let text = screen.text
        #expect(text.contains("Integrations › Webhooks › Webhook details"))
        #expect(text.contains("Status: ● Active"))
        #expect(text.contains("Cloud Backup Pro PRD-276-377-545"))
        #expect(text.contains("X-Tenant: mighty"))
        #expect(screen.row(containing: "JWT secret")?.contains("••••••••••••") == true)
        #expect(!text.contains("jwt-secret-value"), "the secret is masked until revealed")
        _ = UISample.press(&state, .character("v"))
        #expect(AppView.render(state).text.contains("jwt-secret-value-0123456789"))
        #expect(UISample.press(&state, .character("y")) == [.copyJWTSecret(webhookID: "WB-111-222-333")])
    }

    @Test(arguments: sizes)
    func theDeliveriesTabShowsStatsAndLastResults(size: TerminalSize) throws {
        var state = UISample.webhookState(size)
        _ = UISample.press(&state, .enter, .right)
        let screen = AppView.render(state)
        #expect(screen.row(containing: "Triggers")?.contains("5  (3 succeeded, 2 failed)") == true)
        #expect(screen.row(containing: "Failing streak")?.contains("1 failures since the last success") == true)
        #expect(screen.row(containing: "Last success")?.contains("20/11/2026 10:00  success, HTTP 200 in 42 ms") == true)
        #expect(screen.row(containing: "Last failure")?.contains("21/11/2026 11:30  failure in 3000 ms") == true)
    }

    @Test(arguments: sizes)
    func enableRunsAtOnceWhileDisableTriggerAndDeleteAsk(size: TerminalSize) throws {
        var state = UISample.webhookState(size, hooks: [UISample.webhook("WB-1", "Off", active: false), UISample.erpHook])
        #expect(UISample.press(&state, .character("."), .character("e")) == [.perform(.webhook(.enable), id: "WB-1")])
        _ = UISample.press(&state, .down)
        for (letter, action, words) in [("d", WebhookAction.disable, "stops calling its URL"), ("t", .trigger, "Send a test delivery"), ("x", .delete, "This cannot")] {
            #expect(UISample.press(&state, .character("."), .character(Character(letter))) == [.discardPendingInput], "asks; typed-ahead input is dropped")
            #expect(state.confirm?.action == .one(.webhook(action), id: "WB-111-222-333"))
            #expect(AppView.render(state).text.contains(words))
            #expect(UISample.press(&state, .enter).isEmpty, "Enter presses CANCEL, which has the focus")
            _ = UISample.press(&state, .character("."), .character(Character(letter)))
            #expect(UISample.press(&state, .character("y")) == [.perform(.webhook(action), id: "WB-111-222-333")])
        }
    }

    @Test func anInactiveWebhookIsNotTriggered() {
        var state = UISample.webhookState(UISample.large, hooks: [UISample.webhook("WB-1", "Off", active: false)])
        #expect(UISample.press(&state, .character("t")).isEmpty)
        #expect(state.confirm == nil)
        #expect(state.status?.text.contains("inactive") == true)
    }

    @Test func aTriggerSaysHowTheDeliveryWent() {
        var state = UISample.webhookState(UISample.large)
        var after = UISample.erpHook
        after.lastSuccess = Webhook.Delivery(time: Timestamp(rawValue: "2026-11-22T09:00:00+00:00"), duration: 12, status: .success, statusCode: 204)
        _ = AppReducer.reduce(&state, .webhookActionFinished(.trigger, webhookID: after.id, .success(after)))
        #expect(state.status?.kind == .info)
        #expect(state.status?.text == "Triggered WB-111-222-333: success, HTTP 204 in 12 ms")
        #expect(AppView.render(state).row(containing: "WB-111-222-333")?.contains("✔ 22/11/26 09:00") == true)

        var failing = after
        failing.lastFailure = Webhook.Delivery(time: Timestamp(rawValue: "2026-11-22T09:05:00+00:00"), duration: 3000, status: .failure, errors: "timeout")
        _ = AppReducer.reduce(&state, .webhookActionFinished(.trigger, webhookID: after.id, .success(failing)))
        #expect(state.status?.kind == .error, "a failed delivery stays on screen")
    }

    @Test func aDeleteReloadsAndALostWriteIsNotRetried() {
        var state = UISample.webhookState(UISample.large)
        let effects = AppReducer.reduce(&state, .webhookActionFinished(.delete, webhookID: "WB-111-222-333", .success(nil)))
        guard case .loadList(.webhooks, _, _, _)? = effects.first else { Issue.record("no reload"); return }
        let lost = ConnectError(operation: .deleteWebhook, method: .delete, kind: .timedOut)
        _ = AppReducer.reduce(&state, .webhookActionFinished(.delete, webhookID: "WB-111-222-333", .failure(lost)))
        #expect(state.status?.retry == nil)
        #expect(state.status?.text.contains("It is not known whether it happened") == true)
    }

    @Test func clicksSelectRowsAndTabs() {
        var state = UISample.webhookState(UISample.large, hooks: [UISample.erpHook, UISample.webhook("WB-2", "Second")])
        let layout = Layout(state.size)
        _ = UISample.press(&state, .mouse(MouseEvent(x: 40, y: layout.listTable.y + 2)))
        #expect(state.webhooks.selected?.id == "WB-2")
        _ = UISample.press(&state, .enter, .mouse(MouseEvent(x: layout.content.x + 12, y: layout.content.y + 3)))
        #expect(state.webhookDetails?.tab == .deliveries)
        #expect(state.webhooks.selected?.id == "WB-2", "a click in details does not move the list's cursor")
    }

    @Test func copyingFromTheListCopiesTheURL() {
        var state = UISample.webhookState(UISample.large)
        #expect(UISample.press(&state, .character("y")) == [.copyText("https://erp.example.com/connect/hook", what: "The URL of WB-111-222-333")])
    }

    @Test(arguments: sizes)
    func theFormShowsEveryFieldAndItsProblems(size: TerminalSize) throws {
        var state = UISample.webhookState(size)
        _ = UISample.press(&state, .character("c"))
        var text = AppView.render(state).text
        for label in ["Create webhook", "Object class *", "‹ Fulfillment request ›", "Label *", "Product ID *", "External URL *", "JWT secret *", "Description", "Active", "[x]", "Headers", "+ add header", "[ SAVE ]", "[ CANCEL ]"] {
            #expect(text.contains(label), "\(label)")
        }
        _ = UISample.press(&state, .right)
        #expect(AppView.render(state).text.contains("‹ Tier config request ›"))
        _ = UISample.press(&state, .tab)
        for character in "Hook" { _ = UISample.press(&state, .character(character)) }
        _ = UISample.press(&state, .tab, .tab, .tab)
        for character in "pa55" { _ = UISample.press(&state, .character(character)) }
        text = AppView.render(state).text
        #expect(text.contains("••••"))
        #expect(!text.contains("pa55"), "the secret is masked while typed")
        _ = UISample.press(&state, .control("r"))
        #expect(AppView.render(state).text.contains("pa55"))
        #expect(UISample.press(&state, .enter).isEmpty, "nothing is sent while fields are missing")
        text = AppView.render(state).text
        #expect(text.contains("Product ID is required"))
        #expect(text.contains("External URL is required."))
        #expect(state.webhookForm?.label.text == "Hook")
    }

    @Test(arguments: sizes)
    func theEditFormScrollsToKeepManyHeadersInView(size: TerminalSize) throws {
        var hook = UISample.erpHook
        hook.headers = .object(Dictionary(uniqueKeysWithValues: (1...30).map { ("X-Header-\(String(format: "%02d", $0))", JSONValue.string("value \($0)")) }))
        var state = UISample.webhookState(size, hooks: [hook])
        _ = UISample.press(&state, .character("e"))
        #expect(AppView.render(state).text.contains("Edit webhook WB-111-222-333"))
        for _ in 0..<(6 + 29 * 2 + 1) { _ = UISample.press(&state, .tab) }  // from Label to the last value
        #expect(state.webhookForm?.focus == .headerValue(29))
        let text = AppView.render(state).text
        #expect(text.contains("X-Header-30"))
        #expect(text.contains("↑ more"))
    }

    @Test func aSavedFormClosesAndReloadsWithTheCursorOnTheWebhook() {
        var state = UISample.webhookState(UISample.large)
        _ = UISample.press(&state, .character("c"))
        state.webhookForm = WebhookFormTests.filled()
        guard case .webhookForm(.creation(.prepare(let body)))? = UISample.press(&state, .enter).first else { Issue.record("no claim"); return }
        #expect(AppView.render(state).text.contains("Getting ready to create the webhook…"))
        let claim = WebhookCreateClaim(body: body, existingIDs: [])
        #expect(AppReducer.reduce(&state, .webhookForm(.creation(.prepared(.success(claim))))) == [.webhookForm(.creation(.create(body)))])
        let made = UISample.webhook("WB-999-000-111", "Orders to CRM")
        let effects = AppReducer.reduce(&state, .webhookForm(.creation(.created(.success(made)))))
        #expect(state.webhookForm == nil)
        #expect(state.status?.text == "Webhook WB-999-000-111 created.")
        guard case .loadList(.webhooks, _, _, _)? = effects.first else { Issue.record("no reload"); return }
        _ = AppReducer.reduce(&state, .listLoaded(.webhooks, loadID: state.webhooks.loadID, .success(.webhooks(UISample.webhookPage([UISample.erpHook, made])))))
        #expect(state.webhooks.selected?.id == "WB-999-000-111")
    }

    @Test(arguments: [UISample.small, UISample.large])
    func credentialsInTheURLAndHeadersStayMaskedUntilRevealed(size: TerminalSize) {
        var hook = UISample.webhook("WB-9", "Leaky", url: "https://bob:hunter2@h.example.com/in?token=t0k3n&x=1")
        hook.headers = .object(["Authorization": .string("Bearer b3arer"), "X-Tenant": .string("mighty")])
        var state = UISample.webhookState(size, hooks: [hook])
        let list = AppView.render(state).text
        #expect(list.contains("Leaky"), "on the list")
        for secret in ["hunter2", "t0k3n"] { #expect(!list.contains(secret)) }
        _ = UISample.press(&state, .enter)
        _ = AppReducer.reduce(&state, .webhookLoaded(.success(hook)))
        let details = AppView.render(state).text
        #expect(details.contains("Webhook details"))
        for secret in ["hunter2", "t0k3n", "b3arer"] { #expect(!details.contains(secret), "\(secret) masked") }
        #expect(details.contains("X-Tenant: mighty"), "ordinary headers show")
        _ = UISample.press(&state, .character("v"))
        let revealed = AppView.render(state).text
        for secret in ["hunter2", "b3arer"] { #expect(revealed.contains(secret), "\(secret) shown when asked") }
    }

    @Test func theFormsSecretMaskDoesNotTellItsLength() {
        func shown(_ secret: String) -> String {
            var state = UISample.webhookState(UISample.large)
            _ = UISample.press(&state, .character("c"))
            state.webhookForm?.jwtSecret = TextField(secret)
            return AppView.render(state).text
        }
        let short = shown("abc")
        let long = shown(String(repeating: "s", count: 60))
        #expect(short.contains("Create webhook"))
        #expect(short == long, "three characters and sixty look the same")
        #expect(!short.contains("abc"))
        #expect(short.contains("JWT secret") && short.contains(Secret.mask), "the masked field is on screen")
    }

    @Test func theHelpListsTheWebhookKeys() {
        var state = UISample.webhookState(UISample.large)
        _ = UISample.press(&state, .character("?"))
        let text = AppView.render(state).text
        #expect(text.contains("Webhooks (here)"))
        #expect(text.contains("trigger the webhook now"))
        _ = UISample.press(&state, .character("/"), .character("J"), .character("W"), .character("T"))
        #expect(AppView.render(state).text.contains("reveal or mask the JWT secret"))
    }
}
