import ConnectCore
import Foundation
import TerminalKit
import Testing

@testable import IntegrationsUI

/// The webhook form's checks and its save machine, without a screen.
@Suite struct WebhookFormTests {
    /// A create form filled with valid input.
    static func filled() -> WebhookForm {
        var form = WebhookForm()
        form.label = TextField("Orders to CRM")
        form.productID = TextField("PRD-276-377-545")
        form.externalURL = TextField("https://crm.example.com/hooks")
        form.jwtSecret = TextField("s3cr3t")
        return form
    }

    static let lost = ConnectError(operation: .createWebhook, method: .post, kind: .timedOut)

    @Test(arguments: [
        ("", "External URL is required."),
        ("crm.example.com/hooks", "Enter an http:// or https:// URL with a host."),
        ("ftp://crm.example.com", "Enter an http:// or https:// URL with a host."),
        ("https://", "Enter an http:// or https:// URL with a host."),
        ("https://crm example.com", "Enter an http:// or https:// URL with a host."),
        ("javascript:alert(1)", "Enter an http:// or https:// URL with a host."),
        ("https://" + String(repeating: "a", count: 4100) + ".com", "At most 4096 characters."),
    ])
    func badURLsAreRefusedWithAReason(url: String, reason: String) {
        #expect(WebhookForm.urlProblem(url) == reason)
    }

    @Test(arguments: ["https://crm.example.com/hooks?x=1", "http://10.0.0.5:8080/h", "HTTPS://Example.COM"])
    func webURLsAreAccepted(url: String) {
        #expect(WebhookForm.urlProblem(url) == nil)
    }

    @Test func saveSendsTheTrimmedBodyWithHeaders() throws {
        var form = Self.filled()
        form.label = TextField("  Orders to CRM  ")
        form.addHeader()
        form.headers[0].name = TextField("X-Api-Key")
        form.headers[0].value = TextField("abc 123")
        form.addHeader()  // an empty row is dropped, not refused
        guard case .creation(.prepare(let body))? = form.handle(.saveTapped).first else { Issue.record("expected a claim first"); return }
        #expect(form.handle(.saveTapped).isEmpty, "a second SAVE while preparing sends nothing")
        #expect(form.handle(.creation(.prepared(.success(WebhookCreateClaim(body: body, existingIDs: []))))) == [.creation(.create(body))])
        #expect(body.label == "Orders to CRM")
        #expect(body.headers == .object(["X-Api-Key": .string("abc 123")]))
        #expect(body.jwtSecret.unmaskedValue == "s3cr3t")
        #expect(body.active)
        #expect(form.isBusy)
        #expect(form.handle(.saveTapped).isEmpty, "a second SAVE while the first is on its way sends nothing")
    }

    @Test func invalidInputIsNotSentAndTheFocusGoesToTheFirstProblem() {
        var form = Self.filled()
        form.label = TextField("")
        form.addHeader()
        form.headers[0].name = TextField("Bad Name")
        form.headers[0].value = TextField("v")
        #expect(form.handle(.saveTapped).isEmpty)
        #expect(form.showsProblems)
        #expect(form.focus == .label)
        #expect(form.problems[.label] == "Label is required.")
        #expect(form.problems[.headerName(0)] == "Letters, digits and - only.")
    }

    @Test func duplicateHeaderNamesAreRefused() {
        var form = Self.filled()
        for name in ["X-Key", "x-key"] {
            form.addHeader()
            form.headers[form.headers.count - 1].name = TextField(name)
        }
        #expect(form.problems[.headerName(1)] == "x-key is there twice.")
    }

    /// SAVE on a create form, answered with a claim (no identical webhook exists).
    static func sent(_ form: inout WebhookForm) -> WebhookCreateClaim? {
        guard case .creation(.prepare(let body))? = form.handle(.saveTapped).first else { return nil }
        let claim = WebhookCreateClaim(body: body, existingIDs: [])
        _ = form.handle(.creation(.prepared(.success(claim))))
        return claim
    }

    @Test func anIdenticalWebhookIsNamedBeforeAnotherIsMade() {
        var form = Self.filled()
        guard case .creation(.prepare(let body))? = form.handle(.saveTapped).first else { Issue.record("no claim"); return }
        let twin = WebhookCreateClaim(body: body, existingIDs: ["WB-000-000-001"])
        #expect(form.handle(.creation(.prepared(.success(twin)))).isEmpty, "nothing is created yet")
        #expect(form.message == "An identical webhook exists (WB-000-000-001). SAVE again makes another.")
        #expect(form.handle(.saveTapped) == [.creation(.prepare(body))])
        #expect(form.handle(.creation(.prepared(.success(twin)))) == [.creation(.create(body))], "the user asked twice")
    }

    @Test func aRefusedSaveKeepsEverythingTypedAndMarksTheServersFields() {
        var form = Self.filled()
        _ = Self.sent(&form)
        let refusal = ConnectError(operation: .createWebhook, method: .post, kind: .http(status: 400, code: "VAL_001", messages: ["product_id: Product PRD-276-377-545 does not exist."]))
        #expect(form.handle(.creation(.created(.failure(refusal)))).isEmpty)
        #expect(form.label.text == "Orders to CRM")
        #expect(form.jwtSecret.text == "s3cr3t")
        #expect(form.message?.contains("VAL_001") == true)
        #expect(form.problems[.productID] == "product_id: Product PRD-276-377-545 does not exist.")
        // Editing the field clears the server's message for it.
        form[text: .productID] = TextField("PRD-561-716-033")
        #expect(form.problems[.productID] == nil)
    }

    @Test func aLostCreateIsLookedUpAndAFoundWebhookClosesTheForm() {
        var form = Self.filled()
        let claim = try? #require(Self.sent(&form))
        let effects = form.handle(.creation(.created(.failure(Self.lost))))
        #expect(effects == claim.map { [.creation(.find($0))] }, "the lookup is by the claim")
        #expect(form.state == claim.map { .creating(.checking($0, then: nil)) })
        let made = UISample.webhook("WB-999-000-111", "Orders to CRM")
        #expect(form.handle(.creation(.searched(.success(.found(made))))) == [.close(saved: made)])
    }

    @Test func aLostCreateThatMadeNothingCanBeSentAgain() {
        var form = Self.filled()
        _ = Self.sent(&form)
        _ = form.handle(.creation(.created(.failure(Self.lost))))
        #expect(form.handle(.creation(.searched(.success(.absent)))).isEmpty)
        #expect(form.message == "The answer to SAVE was lost, and the webhook did not appear while connect-tui waited: it was not created. Press SAVE to try again.")
        guard case .creation(.prepare)? = form.handle(.saveTapped).first else { Issue.record("SAVE should create again"); return }
    }

    @Test func whenTheLookupFailsTheNextSaveLooksAgainInsteadOfCreating() {
        var form = Self.filled()
        let claim = Self.sent(&form)
        _ = form.handle(.creation(.created(.failure(Self.lost))))
        _ = form.handle(.creation(.searched(.failure(ConnectError(operation: .listWebhooks, method: .get, kind: .network("connection refused"))))))
        #expect(form.pendingClaim == claim)
        #expect(form.message?.contains("not known") == true)
        #expect(form.handle(.saveTapped) == claim.map { [.creation(.find($0))] }, "SAVE must look before creating")
    }

    @Test func severalLookAlikesAreNeverTakenForTheNewWebhook() {
        var form = Self.filled()
        _ = Self.sent(&form)
        _ = form.handle(.creation(.created(.failure(Self.lost))))
        let twins = [UISample.webhook("WB-1", "Orders to CRM"), UISample.webhook("WB-2", "Orders to CRM")]
        #expect(form.handle(.creation(.searched(.success(.several(twins))))).isEmpty, "the form stays open")
        #expect(form.message == "2 webhooks match this SAVE exactly (WB-1, WB-2). Check them on the Webhooks list; SAVE will look again first.")
    }

    @Test func editingSendsTheFieldsItDoesNotShowBackUnchanged() {
        var hook = UISample.erpHook
        hook.type = .validator
        hook.data = .object(["kept": .bool(true)])
        var form = WebhookForm(editing: hook)
        #expect(!form.hasChanges)
        #expect(form.headers.map(\.name.text) == ["X-Tenant"])
        form.externalURL = TextField("https://erp.example.com/v2")
        #expect(form.hasChanges)
        guard case .update(let id, let base, let body, let overwrite)? = form.handle(.saveTapped).first else { Issue.record("expected an update"); return }
        #expect(id == hook.id)
        #expect(base == WebhookWrite(editing: hook), "sent against the copy the form opened")
        #expect(!overwrite)
        #expect(body.type == .validator)
        #expect(body.data == .object(["kept": .bool(true)]))
        #expect(body.externalURL == "https://erp.example.com/v2")
        #expect(body.headers == .object(["X-Tenant": .string("mighty")]))
    }

    @Test func escWhileACreateIsOutStopsWaitingAndTheNextSaveLooksFirst() {
        var form = Self.filled()
        let claim = Self.sent(&form)
        #expect(form.isBusy)
        #expect(form.handle(.cancelTapped).isEmpty, "nothing is sent")
        #expect(form.state == .editing)
        #expect(form.pendingClaim == claim)
        #expect(form.message == "Stopped waiting: it is not known yet whether the webhook was created. SAVE will look for it first.")
        #expect(form.handle(.creation(.created(.success(UISample.erpHook)))).isEmpty, "a late answer changes nothing")
        #expect(form.handle(.saveTapped) == claim.map { [.creation(.find($0))] })
    }

    @Test func aConflictIsShownAndTheNextSaveOverwritesOnlyThen() throws {
        var form = WebhookForm(editing: UISample.erpHook)
        form.label = TextField("Mine")
        _ = form.handle(.saveTapped)
        var theirs = UISample.erpHook
        theirs.label = "Theirs"
        theirs.externalURL = "https://erp.example.com/moved"
        #expect(form.handle(.edited(.success(.conflict(fields: ["label"], server: theirs)))).isEmpty)
        #expect(form.message == "Changed elsewhere: label. SAVE again overwrites; Esc keeps theirs.")
        #expect(form.label.text == "Mine", "nothing typed is lost")
        #expect(form.externalURL.text == "https://erp.example.com/moved", "a field left alone shows the server's value now")
        guard case .update(_, let base, let edited, let overwrite)? = form.handle(.saveTapped).first else { Issue.record("expected an update"); return }
        #expect(overwrite, "the user saw the conflict")
        #expect(base.label == "Theirs", "merged against the server's copy now")
        #expect(edited.externalURL == "https://erp.example.com/moved", "their URL is not undone")
    }

    @Test func cancelAsksOnlyWhenSomethingWouldBeLost() {
        var untouched = WebhookForm(editing: UISample.erpHook)
        #expect(untouched.handle(.cancelTapped) == [.close(saved: nil)])
        var productOnly = WebhookForm()
        productOnly.productID = TextField("PRD-276-377-545")
        #expect(productOnly.handle(.cancelTapped).isEmpty, "a typed product id alone is worth asking about")
        var typed = Self.filled()
        #expect(typed.handle(.cancelTapped).isEmpty)
        #expect(typed.state == .confirmingDiscard)
        #expect(typed.handle(.keepEditingTapped).isEmpty)
        #expect(typed.label.text == "Orders to CRM")
        _ = typed.handle(.cancelTapped)
        #expect(typed.handle(.discardConfirmed) == [.close(saved: nil)])
    }

    @Test func headersCanBeRemovedAndTheFocusStaysInTheForm() {
        var form = Self.filled()
        form.addHeader()
        form.addHeader()
        #expect(form.focus == .headerName(1))
        form.removeFocusedHeader()
        #expect(form.headers.count == 1)
        #expect(form.focus == .headerName(0))
        form.focus = .headerValue(0)
        form.removeFocusedHeader()
        #expect(form.headers.isEmpty)
        #expect(form.focus == .addHeader)
    }

    @Test func theFocusCyclesThroughEveryPart() {
        var form = Self.filled()
        form.addHeader()
        form.focus = .objectClass
        var seen: [WebhookForm.Slot] = []
        for _ in form.order {
            seen.append(form.focus)
            form.moveFocus(by: 1)
        }
        #expect(seen == [.objectClass, .label, .productID, .externalURL, .jwtSecret, .description, .active, .headerName(0), .headerValue(0), .addHeader])
        #expect(form.focus == .objectClass, "Tab wraps around")
    }
}
