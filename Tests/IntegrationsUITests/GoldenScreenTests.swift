import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// Every screen, whole, at 80×24 and 120×40, against its committed golden text (see
/// `Golden`). Each scenario first checks it reached the screen it names.
@Suite struct GoldenScreenTests {
    typealias Scenario = (name: String, reached: String, build: @Sendable (TerminalSize) -> AppState)

    static func press(_ state: AppState, _ keys: Key...) -> AppState {
        var state = state
        for key in keys { _ = AppReducer.reduce(&state, .key(key, now: UISample.now)) }
        return state
    }

    static func typed(_ state: AppState, _ text: String) -> AppState {
        var state = state
        for character in text { _ = AppReducer.reduce(&state, .key(.character(character), now: UISample.now)) }
        return state
    }

    static func details(_ size: TerminalSize) -> AppState {
        var state = press(UISample.state(size), .enter)
        _ = AppReducer.reduce(&state, .tokenLoaded(.success(UISample.tutorial)))
        return state
    }

    /// Four tokens, the first two marked.
    static func marked(_ size: TerminalSize) -> AppState {
        press(UISample.state(size, tokens: Array(BulkActionTests.tokens.prefix(4))), .character(" "), .character(" "))
    }

    static func extensions(_ size: TerminalSize) -> AppState {
        UISample.extensionsState(size, WizardScreenTests.extensions.items)
    }

    static func wizardGeneral(_ size: TerminalSize) -> AppState {
        typed(press(UISample.state(size), .character("c")), "CI token")
    }

    static func wizardExtension(_ size: TerminalSize) -> AppState {
        var state = typed(press(wizardGeneral(size), .tab, .tab), "For CI")
        _ = AppReducer.reduce(&state, .key(.enter, now: UISample.now))
        _ = AppReducer.reduce(&state, .wizard(.extensionsLoaded(PageRequest(limit: 10), .success(WizardScreenTests.extensions))))
        return state
    }

    static func wizardPermissions(_ size: TerminalSize) -> AppState {
        var state = press(wizardExtension(size), .down, .enter)
        _ = AppReducer.reduce(&state, .wizard(.modulesLoaded(.success(UISample.modules))))
        return press(state, .character(" "))
    }

    static func wizardSummary(_ size: TerminalSize) -> AppState {
        var state = press(wizardPermissions(size), .enter)
        WizardScreenTests.prepare(&state)
        _ = AppReducer.reduce(&state, .wizard(.creation(.created(.success(UISample.token("SU-123-456-789", "CI token"))))))
        for module in UISample.modules {
            _ = AppReducer.reduce(&state, .wizard(.permissionGranted(moduleID: module.id, .succeeded)))
        }
        return state
    }

    /// A token whose key ends in three days, beside one that never ends.
    static let expiring: Token = {
        var token = UISample.token("SU-244-212-986", "Nightly report export", status: .expiring)
        token.expirationDate = Timestamp(rawValue: Timestamp.format(UISample.now.addingTimeInterval(3 * 86400 + 3600)))
        return token
    }()

    static func expiringDetails(_ size: TerminalSize) -> AppState {
        var state = press(UISample.state(size, tokens: [expiring, UISample.tutorial]), .enter)
        _ = AppReducer.reduce(&state, .tokenLoaded(.success(expiring)))
        return state
    }

    static let scenarios: [Scenario] = [
        ("general", "Integrations › General", { press(UISample.state($0), .character("1")) }),
        ("tokens", "Tutorial API Token", { UISample.state($0) }),
        ("tokens-loading", "Loading tokens", { size in
            var state = AppState(size: size, connection: UISample.connection, timeZone: TimeZone(identifier: "UTC")!, now: UISample.now)
            _ = AppReducer.start(&state)
            return state
        }),
        ("tokens-empty", "No data available", { UISample.state($0, tokens: []) }),
        ("tokens-error", "Press r to try again", { size in
            var state = UISample.state(size)
            _ = AppReducer.reduce(&state, .key(.character("r"), now: UISample.now))
            let error = ConnectError(operation: .listTokens, method: .get, kind: .http(status: 503, code: nil, messages: []))
            _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: state.tokens.loadID, .failure(error)))
            return state
        }),
        ("token-details", "API Key/Handle", { details($0) }),
        ("token-details-permissions", "MODULE", { press(details($0), .character("l")) }),
        ("token-actions-menu", "Rotate secret", { press(UISample.state($0), .character(".")) }),
        ("token-delete-confirm", "be undone.", { press(UISample.state($0), .character("."), .character("x")) }),
        ("token-filter", "Filter tokens", { press(UISample.state($0), .character("f")) }),
        ("token-filter-line", "Esc clears", { typed(press(UISample.state($0), .character("/")), "tutorial") }),
        ("tokens-marked", "2 marked", { press(marked($0), .up) }),
        ("bulk-confirm", "DELETE 2 TOKENS", { press(marked($0), .character("."), .character("x")) }),
        ("bulk-result", "Done: 1 deleted", { size in
            var state = press(marked(size), .character("."), .character("x"), .character("y"))
            _ = AppReducer.reduce(&state, .tokenActionFinished(.delete, tokenID: "SU-000-000-100", .success(nil)))
            _ = AppReducer.reduce(&state, .tokenActionFinished(.delete, tokenID: "SU-000-000-101", .failure(BulkActionTests.notFound)))
            return state
        }),
        ("token-columns", "Columns", { press(UISample.state($0), .character("C")) }),
        ("token-details-expiring", "renew it soon", { size in
            var state = press(expiringDetails(size), .character("K"))
            let check = KeyCheck(status: 200, duration: .milliseconds(42), account: AccountReference(id: "PA-431-800", name: "Mighty Mick's LLC"), error: nil)
            _ = AppReducer.reduce(&state, .keyChecked(tokenID: "SU-244-212-986", .success(check)))
            return state
        }),
        ("token-details-key-refused", "The key is refused", { size in
            var state = press(details(size), .character("K"))
            let refused = ConnectError(operation: .authContext, method: .get, kind: .http(status: 401, code: "AUTH_001", messages: ["API request is unauthorized."]))
            let check = KeyCheck(status: 401, duration: .milliseconds(9), account: nil, error: refused)
            _ = AppReducer.reduce(&state, .keyChecked(tokenID: "SU-431-800-699", .success(check)))
            return state
        }),
        ("tokens-expires-column", "Expiring ⚠", { size in
            press(UISample.state(size, tokens: [expiring, UISample.tutorial]), .character("C"), .down, .down, .down, .down, .character(" "), .escape)
        }),
        ("token-renew-confirm", "RENEW SECRET", { press(UISample.state($0), .character("."), .character("n")) }),
        ("token-export-menu", "Export the key of SU-431-800-699", { press(details($0), .character("E")) }),
        ("token-export-file", "connect-SU-431-800-699.env", { press(details($0), .character("E"), .down, .character("w")) }),
        ("token-export-replace", "It exists. Replace it?", { size in
            var state = details(size)
            _ = AppReducer.reduce(&state, .exportWritten(tokenID: "SU-431-800-699", .env, path: "connect-SU-431-800-699.env", .exists))
            return state
        }),
        ("token-edit-form", "Edit token SU-431-800-699", { size in
            var state = press(details(size), .character("e"))
            _ = AppReducer.reduce(&state, .editForm(.modulesLoaded(.success(UISample.modules))))
            return state
        }),
        ("webhooks", "Fulfillment to ERP", { UISample.webhookState($0) }),
        ("webhook-details", "Webhook details", { press(UISample.webhookState($0), .enter) }),
        ("webhook-deliveries", "DELIVERIES", { press(UISample.webhookState($0), .enter, .character("l")) }),
        ("webhook-form", "Create webhook", { press(UISample.webhookState($0), .character("c")) }),
        ("webhook-form-discard", "Discard your changes?", { press(typed(press(UISample.webhookState($0), .character("c"), .tab), "ERP"), .escape) }),
        ("webhook-filter", "Filter webhooks", { press(UISample.webhookState($0), .character("f")) }),
        ("extension-filter", "Filter extensions", { press(extensions($0), .character("f"), .tab, .right) }),
        ("webhook-actions-menu", "Trigger now", { press(UISample.webhookState($0), .character(".")) }),
        ("webhook-trigger-confirm", "Trigger webhook", { press(UISample.webhookState($0), .character("t")) }),
        ("webhook-columns", "LAST RESULT", { press(UISample.webhookState($0), .character("C")) }),
        ("webhooks-empty", "No data available", { UISample.webhookState($0, hooks: []) }),
        ("webhooks-loading", "Loading webhooks", { press(UISample.state($0), .character("3")) }),
        ("token-edit-discard", "Discard your changes?", { size in
            var state = press(details(size), .character("e"))
            _ = AppReducer.reduce(&state, .editForm(.modulesLoaded(.success(UISample.modules))))
            return press(typed(state, "!"), .escape)
        }),
        ("extensions-loading", "Loading extensions", { press(UISample.state($0), .character("4")) }),
        ("extensions", "Connect Reports", { extensions($0) }),
        ("extension-details", "Extension details", { press(extensions($0), .enter) }),
        ("wizard-general", "Create token – Step 1", { wizardGeneral($0) }),
        ("wizard-discard", "Discard the new token?", { press(wizardGeneral($0), .escape) }),
        ("wizard-extension", "Create token – Step 2", { wizardExtension($0) }),
        ("wizard-permissions", "Create token – Step 3", { wizardPermissions($0) }),
        ("wizard-summary", "Create token – Step 4", { wizardSummary($0) }),
        ("help", "Tokens (here)", { press(UISample.state($0), .character("?")) }),
        ("help-search", "copy", { typed(press(UISample.state($0), .character("?"), .character("/")), "copy") }),
        ("switcher", "Switch account", { press(AccountSwitcherTests.state($0), .character("a")) }),
        ("draft-offer", "Unfinished token", { size in
            var state = UISample.state(size)
            let draft = WizardDraft(step: .general, input: WizardInput(general: GeneralInput(name: "Half done")))
            _ = AppReducer.reduce(&state, .draftFound(draft))
            return state
        }),
        ("tokens-read-only", "Read-only: creating a token is off", { size in
            var state = UISample.state(size)
            state.connection.readOnly = true
            return press(state, .character("c"))
        }),
        ("status-error", "R retries", { size in
            var state = UISample.state(size)
            let error = ConnectError(operation: .deactivateToken, method: .post, kind: .http(status: 503, code: nil, messages: []))
            _ = AppReducer.reduce(&state, .tokenActionFinished(.disable, tokenID: "SU-431-800-699", .failure(error)))
            return state
        }),
    ]

    @Test(arguments: scenarios.map(\.name))
    func screen(name: String) throws {
        let scenario = try #require(Self.scenarios.first { $0.name == name })
        for size in Golden.sizes {
            let state = scenario.build(size)
            #expect(Golden.text(state).contains(scenario.reached), "\(name) at \(size) did not reach its screen")
            Golden.check(name, state)
        }
    }

    /// The lists on a wide terminal: every table uses the whole width, the spare columns going
    /// to what would be cut.
    @Test(arguments: ["tokens", "webhooks", "extensions", "tokens-marked"])
    func wide(name: String) throws {
        let scenario = try #require(Self.scenarios.first { $0.name == name })
        let state = scenario.build(TerminalSize(columns: 200, rows: 50))
        let text = Golden.text(state)
        #expect(text.contains(scenario.reached), "\(name) at 200×50 did not reach its screen")
        // The table spreads over the width: its last column starts in the last quarter.
        let header = try #require(text.split(separator: "\n").first { $0.contains("LABEL") || $0.contains("NAME ") })
        let lastTitle = try #require(header.split(separator: "  ").last)
        let start = header.distance(from: header.startIndex, to: try #require(header.range(of: lastTitle)).lowerBound)
        #expect(start >= 150, "the last column starts at \(start)")
        Golden.check(name, state)
    }

    @Test func tooSmall() {
        let state = UISample.state(TerminalSize(columns: 50, rows: 12))
        #expect(Golden.text(state).contains("Enlarge the terminal"))
        Golden.check("too-small", state)
    }
}
