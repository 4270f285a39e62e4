import ConnectCore
import ConnectTestSupport
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// Every hostile string, in every field a server fills, on every screen that shows it: no
/// control character reaches a cell, and nothing outside the field's row changes.
@Suite struct HostileStringTests {
    static let payloads = HostileStrings.corpus

    @Test func theCorpusIsBigEnough() {
        #expect(Self.payloads.count >= 100)
    }

    func assertSafe(_ screen: Screen, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = screen.cells.flatMap { $0.text.unicodeScalars }.filter(SafeText.needsEscape)
        #expect(bad.isEmpty, "\(what): \(bad.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        for line in screen.lines {
            #expect(line.displayWidth == screen.size.columns, "\(what): a row is not the screen's width", sourceLocation: sourceLocation)
        }
    }

    /// Plain text as wide on screen as `payload` is once made safe.
    static func sameWidth(_ payload: String) -> String {
        String(repeating: "x", count: max(1, SafeText.visible(payload).displayWidth))
    }

    /// Rows that differ between two screens.
    func changedRows(_ a: Screen, _ b: Screen) -> [Int] {
        zip(a.lines, b.lines).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    }

    @Test(arguments: [UISample.small, UISample.large])
    func inTheTokenList(size: TerminalSize) {
        for (index, payload) in Self.payloads.enumerated() {
            // Columns take the width their cells need, so the baseline is a plain name as
            // wide as the payload shows: then only the payload's own row may differ.
            let plain = Self.sameWidth(payload)
            var benign = UISample.token("SU-666-666-666", plain)
            benign.extension = ExtensionReference(id: "EXT-000", name: plain)
            let baseline = AppView.render(UISample.state(size, tokens: [benign, UISample.tutorial]))
            let rowOfToken = baseline.lines.firstIndex { $0.contains("SU-666-666-666") }!
            var token = UISample.token("SU-666-666-666", payload)
            token.extension = ExtensionReference(id: "EXT-000", name: payload)
            let screen = AppView.render(UISample.state(size, tokens: [token, UISample.tutorial]))
            assertSafe(screen, "list payload \(index)")
            #expect(changedRows(baseline, screen).allSatisfy { $0 == rowOfToken }, "payload \(index) changed more than its row")
        }
    }

    @Test func inDetailsDialogsAndTheStatusLine() {
        for (index, payload) in Self.payloads.enumerated() {
            var token = UISample.token("SU-666-666-666", payload)
            token.description = payload
            var state = UISample.state(UISample.large, tokens: [token])
            _ = UISample.press(&state, .enter)
            _ = AppReducer.reduce(&state, .tokenLoaded(.success(token)))
            assertSafe(AppView.render(state), "details payload \(index)")
            _ = UISample.press(&state, .escape, .character("."), .character("x"))
            assertSafe(AppView.render(state), "delete dialog payload \(index)")
            _ = UISample.press(&state, .character("n"))
            let error = ConnectError(operation: .deleteToken, method: .delete, kind: .http(status: 400, code: payload, messages: [payload]))
            _ = AppReducer.reduce(&state, .tokenActionFinished(.delete, tokenID: token.id, .failure(error)))
            assertSafe(AppView.render(state), "status line payload \(index)")
        }
    }

    @Test func inTheWizardAndTheExtensionsPane() {
        for (index, payload) in Self.payloads.enumerated() {
            let hostile = Extension(id: "EXT-\(index)", name: payload, subtitle: payload, description: payload, status: .unknown(payload))
            var state = UISample.state(UISample.small)
            _ = AppReducer.reduce(&state, .extensionsLoaded(.success([hostile])))
            _ = UISample.press(&state, .character("4"))
            assertSafe(AppView.render(state), "extensions pane payload \(index)")
            _ = UISample.press(&state, .enter)
            assertSafe(AppView.render(state), "extension details payload \(index)")
            _ = UISample.press(&state, .character("c"))
            for character in "Name" { _ = UISample.press(&state, .character(character)) }
            _ = UISample.press(&state, .tab, .tab, .character("d"), .enter)
            _ = AppReducer.reduce(&state, .wizard(.extensionsLoaded(PageRequest(limit: 10), .success(Page(items: [hostile], range: ContentRange(first: 0, last: 0, total: 1), request: PageRequest(limit: 10))))))
            assertSafe(AppView.render(state), "wizard extension step payload \(index)")
        }
    }

    @Test(arguments: [UISample.small, UISample.large])
    func inTheWebhookList(size: TerminalSize) {
        for (index, payload) in Self.payloads.enumerated() {
            let plain = Self.sameWidth(payload)
            var benign = UISample.webhook("WB-666-666-666", plain, url: plain)
            benign.product = Webhook.Product(id: plain, name: plain)
            benign.objectClass = .unknown(plain)
            let baseline = AppView.render(UISample.webhookState(size, hooks: [benign, UISample.erpHook]))
            let rowOfHook = baseline.lines.firstIndex { $0.contains("WB-666-666-666") }!
            var hook = UISample.webhook("WB-666-666-666", payload, url: payload)
            hook.product = Webhook.Product(id: payload, name: payload)
            hook.objectClass = .unknown(payload)
            let screen = AppView.render(UISample.webhookState(size, hooks: [hook, UISample.erpHook]))
            assertSafe(screen, "webhook list payload \(index)")
            #expect(changedRows(baseline, screen).allSatisfy { $0 == rowOfHook }, "payload \(index) changed more than its row")
        }
    }

    @Test func inWebhookDetailsFormsDialogsAndTheStatusLine() {
        for (index, payload) in Self.payloads.enumerated() {
            var hook = UISample.webhook("WB-666-666-666", payload, url: payload)
            hook.description = payload
            hook.jwtSecret = Secret(payload)
            hook.headers = .object([payload: .string(payload)])
            hook.lastFailure = Webhook.Delivery(time: Timestamp(rawValue: payload), response: .string(payload), status: .unknown(payload), errors: payload)
            var state = UISample.webhookState(UISample.large, hooks: [hook])
            _ = UISample.press(&state, .enter, .character("v"))
            assertSafe(AppView.render(state), "webhook details payload \(index)")
            _ = UISample.press(&state, .right)
            assertSafe(AppView.render(state), "webhook deliveries payload \(index)")
            _ = UISample.press(&state, .character("."), .character("x"))
            assertSafe(AppView.render(state), "webhook delete dialog payload \(index)")
            _ = UISample.press(&state, .character("n"), .character("e"), .control("r"))
            assertSafe(AppView.render(state), "webhook form payload \(index)")
            _ = UISample.press(&state, .escape, .character("y"))
            _ = AppReducer.reduce(&state, .webhookActionFinished(.trigger, webhookID: hook.id, .success(hook)))
            assertSafe(AppView.render(state), "webhook trigger status payload \(index)")
        }
    }

    @Test func realTextKeepsItsWidth() {
        let cases = ["東京の新しいトークン", "한국어 토큰", "👩‍💻🏳️‍🌈🇩🇪👍🏽", "e\u{301}e\u{301}"]
        for text in cases {
            var screen = Screen(size: TerminalSize(columns: 40, rows: 1))
            let used = screen.put(text, x: 0, y: 0)
            #expect(used == text.displayWidth)
            // Emoji joined by a zero-width joiner are drawn side by side, as the terminal counts them.
            #expect(screen.lines[0].hasPrefix(String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value != 0x200D }))), "\(text) shown as itself")
        }
    }
}
