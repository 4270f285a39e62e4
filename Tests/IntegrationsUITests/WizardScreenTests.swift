import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// The wizard on screen, step by step, driven by keys through the reducer.
@Suite struct WizardScreenTests {
    static let extensions = Page(
        items: [
            Extension(id: "EXT-569", name: "reports", subtitle: "Connect Reports", description: "Reports.", status: .published),
            Extension(id: "EXT-000", name: "custom", subtitle: "Custom Integration", description: "Your own systems.", status: .published),
        ],
        range: ContentRange(first: 0, last: 1, total: 2), request: PageRequest(limit: 10))

    func type(_ text: String, _ state: inout AppState) {
        for character in text { _ = UISample.press(&state, .character(character)) }
    }

    /// A wizard walked to the Permissions step of a Custom token.
    func atPermissions(_ size: TerminalSize) -> AppState {
        var state = UISample.state(size)
        _ = UISample.press(&state, .character("c"))
        type("CI token", &state)
        _ = UISample.press(&state, .tab, .tab)
        type("For CI", &state)
        #expect(UISample.press(&state, .enter) == [.wizard(.loadExtensions(PageRequest(limit: 10)))])
        _ = AppReducer.reduce(&state, .wizard(.extensionsLoaded(PageRequest(limit: 10), .success(Self.extensions))))
        #expect(UISample.press(&state, .down, .enter) == [.wizard(.loadModules)])
        _ = AppReducer.reduce(&state, .wizard(.modulesLoaded(.success(UISample.modules))))
        return state
    }

    @Test(arguments: [UISample.small, UISample.large])
    func theGeneralStepShowsWhatIsMissing(size: TerminalSize) {
        var state = UISample.state(size)
        _ = UISample.press(&state, .character("c"))
        let empty = AppView.render(state).text
        #expect(empty.contains("Create token – Step 1"))
        #expect(empty.contains("1 General  ›  2 Extension  ›  3 Permissions  ›  4 Summary"))
        #expect(UISample.press(&state, .enter).isEmpty, "NEXT is refused")
        let refused = AppView.render(state).text
        #expect(refused.contains("Name is required."))
        #expect(refused.contains("Description is required."))
        type(String(repeating: "n", count: 120), &state)
        #expect(AppView.render(state).text.contains("120/128"), "a counter near the limit")
    }

    @Test(arguments: [UISample.small, UISample.large])
    func theExtensionAndPermissionsSteps(size: TerminalSize) throws {
        var state = atPermissions(size)
        let permissions = AppView.render(state)
        #expect(permissions.text.contains("✓ General  ›  ✓ Extension  ›  3 Permissions"))
        #expect(try #require(permissions.row(containing: "All modules")).contains("[ ]"))
        _ = UISample.press(&state, .character(" "))
        let all = AppView.render(state)
        #expect(try #require(all.row(containing: "All modules")).contains("[x]"))
        #expect(try #require(all.row(containing: "Helpdesk")).contains("[x]"))
        #expect(all.text.contains("[ CREATE ]"))
        _ = UISample.press(&state, .control("b"))
        let extensions = AppView.render(state)
        #expect(try #require(extensions.row(containing: "Custom Integration")).contains("(•)"), "BACK shows the choice")
    }

    @Test(arguments: [UISample.small, UISample.large])
    func createIsSentOnceAndTheSummaryMasksTheKey(size: TerminalSize) throws {
        var state = atPermissions(size)
        _ = UISample.press(&state, .down, .character(" "), .down, .down, .character(" "))
        let request = TokenCreate(name: "CI token", description: "For CI", externalID: nil, extensionID: "EXT-000")
        #expect(UISample.press(&state, .enter) == [.wizard(.creation(.prepare(request)))])
        #expect(UISample.press(&state, .enter).isEmpty, "a second Enter sends nothing")
        let claim = TokenCreateClaim(body: request, existingIDs: [])
        #expect(AppReducer.reduce(&state, .wizard(.creation(.prepared(.success(claim))))) == [.wizard(.creation(.create(request)))])
        #expect(UISample.press(&state, .enter).isEmpty, "nor while the request is out")
        #expect(AppView.render(state).text.contains("Creating the token…"))
        let created = UISample.token("SU-123-456-789", "CI token")
        let grants = AppReducer.reduce(&state, .wizard(.creation(.created(.success(created)))))
        #expect(grants == [
            .wizard(.grantPermission(tokenID: "SU-123-456-789", moduleID: "MD-0001")),
            .wizard(.grantPermission(tokenID: "SU-123-456-789", moduleID: "MD-0023")),
        ])
        _ = AppReducer.reduce(&state, .wizard(.permissionGranted(moduleID: "MD-0001", .succeeded)))
        _ = AppReducer.reduce(&state, .wizard(.permissionGranted(moduleID: "MD-0023", .succeeded)))
        let summary = AppView.render(state).text
        #expect(summary.contains("Create token – Step 4"))
        #expect(summary.contains("Permissions   Account, Helpdesk"))
        #expect(summary.contains("ApiKey SU-123-456-789:••••••••"))
        #expect(!summary.contains("0123456789abcdef"))
        _ = UISample.press(&state, .character("v"))
        #expect(AppView.render(state).text.contains("0123456789abcdef0123456789abcdef01234567"))
        let details = UISample.press(&state, .enter)
        #expect(details.contains(.deleteDraft))
        #expect(state.wizard == nil)
        #expect(state.details?.tokenID == "SU-123-456-789")
        #expect(details.contains(.loadToken(id: "SU-123-456-789")))
    }

    /// Answers the wizard's `.prepareCreate` as the runtime would, with no look-alikes.
    static func prepare(_ state: inout AppState) {
        let request = TokenCreate(name: "CI token", description: "For CI", externalID: nil, extensionID: "EXT-000")
        _ = AppReducer.reduce(&state, .wizard(.creation(.prepared(.success(TokenCreateClaim(body: request, existingIDs: []))))))
    }

    @Test func cancelAsksOnlyWhenSomethingWasTyped() {
        var untouched = UISample.state(UISample.small)
        _ = UISample.press(&untouched, .character("c"), .escape)
        #expect(untouched.wizard == nil)

        var typed = UISample.state(UISample.small)
        _ = UISample.press(&typed, .character("c"), .character("x"), .escape)
        #expect(AppView.render(typed).text.contains("Discard the new token?"))
        _ = UISample.press(&typed, .character("n"))
        #expect(typed.wizard?.field(.name).text == "x", "keep editing keeps the input")
        _ = UISample.press(&typed, .escape, .character("y"))
        #expect(typed.wizard == nil)
    }

    @Test func aRefusedCreateReturnsWithTheErrorAndTheInput() {
        var state = atPermissions(UISample.small)
        _ = UISample.press(&state, .down, .character(" "), .enter)
        Self.prepare(&state)
        let error = ConnectError(operation: .createToken, method: .post, kind: .http(status: 500, code: "SYS_001", messages: ["Injected fault: HTTP 500."]))
        _ = AppReducer.reduce(&state, .wizard(.creation(.created(.failure(error)))))
        let text = AppView.render(state).text
        #expect(text.contains("Create token failed: HTTP 500 SYS_001"))
        #expect(text.contains("[x] Account"))
    }

    @Test func closeReloadsTheListWithTheNewTokenSelected() {
        var state = atPermissions(UISample.large)
        _ = UISample.press(&state, .down, .character(" "), .enter)
        Self.prepare(&state)
        let created = UISample.token("SU-123-456-789", "CI token")
        _ = AppReducer.reduce(&state, .wizard(.creation(.created(.success(created)))))
        _ = AppReducer.reduce(&state, .wizard(.permissionGranted(moduleID: "MD-0001", .succeeded)))
        let effects = UISample.press(&state, .escape)
        #expect(effects.contains(.loadList(.tokens, loadID: state.tokens.loadID, state.tokens.filter.query, PageRequest(limit: 10, offset: 0))))
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: state.tokens.loadID, .success(.tokens(UISample.page([created, UISample.tutorial])))))
        #expect(state.tokens.selected?.id == "SU-123-456-789")
    }
}
