import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// Editing a token from its details, and starting the wizard from an extension.
@Suite struct EditFormTests {
    func editing(_ size: TerminalSize) -> AppState {
        var state = UISample.state(size)
        _ = UISample.press(&state, .enter)
        _ = AppReducer.reduce(&state, .tokenLoaded(.success(UISample.tutorial)))
        #expect(UISample.press(&state, .character("e")) == [.editForm(.loadModules)])
        _ = AppReducer.reduce(&state, .editForm(.modulesLoaded(.success(UISample.modules))))
        return state
    }

    @Test(arguments: [UISample.small, UISample.large])
    func theFormShowsTheTokenAndItsModules(size: TerminalSize) throws {
        let screen = AppView.render(editing(size))
        #expect(screen.text.contains("Edit token SU-431-800-699"))
        #expect(screen.text.contains("Tutorial API Token"))
        #expect(try #require(screen.row(containing: "Account")).contains("[x]"))
        #expect(try #require(screen.row(containing: "All modules")).contains("[ ]"))
    }

    @Test func saveSendsOnlyWhatChanged() {
        var state = editing(UISample.large)
        #expect(UISample.press(&state, .enter).isEmpty, "nothing changed: SAVE does nothing")
        _ = UISample.press(&state, .control("u"))
        for character in "Renamed" { _ = UISample.press(&state, .character(character)) }
        _ = UISample.press(&state, .tab, .tab, .tab, .down, .down, .character(" "))
        let effects = UISample.press(&state, .enter)
        #expect(effects == [
            .editForm(.updateToken(id: "SU-431-800-699", TokenUpdate(name: "Renamed"))),
            .editForm(.revokePermission(tokenID: "SU-431-800-699", moduleID: "MD-0007")),
        ])
        #expect(AppView.render(state).text.contains("Saving…"))
        _ = AppReducer.reduce(&state, .editForm(.tokenUpdated(.success(TokenUpdate(name: "Renamed")))))
        let closing = AppReducer.reduce(&state, .editForm(.permissionRevoked(moduleID: "MD-0007", .succeeded)))
        #expect(state.editForm == nil)
        #expect(closing.first == .loadToken(id: "SU-431-800-699"))
        #expect(state.status?.text == "Token SU-431-800-699 saved.")
    }

    @Test func aFailedSaveKeepsTheFormAndItsInput() {
        var state = editing(UISample.small)
        _ = UISample.press(&state, .character("!"))
        _ = UISample.press(&state, .enter)
        let error = ConnectError(operation: .updateToken, method: .put, kind: .http(status: 400, code: "VAL_001", messages: ["name: too long"]))
        _ = AppReducer.reduce(&state, .editForm(.tokenUpdated(.failure(error))))
        #expect(state.editForm?.fields[.name]?.text == "Tutorial API Token!")
        let text = AppView.render(state).text
        #expect(text.contains("Not everything was saved"))
        #expect(text.contains("too long"))
    }

    @Test func cancellingChangesAsksFirst() {
        var state = editing(UISample.small)
        _ = UISample.press(&state, .character("x"), .escape)
        #expect(AppView.render(state).text.contains("Discard your changes?"))
        _ = UISample.press(&state, .character("y"))
        #expect(state.editForm == nil)
        #expect(state.details != nil)
    }

    @Test(arguments: [UISample.small, UISample.large])
    func fromAnExtensionTheWizardStartsWithItChosen(size: TerminalSize) throws {
        let zapier = Extension(id: "EXT-816", name: "zapier", subtitle: "Zapier", description: "Automate.", status: .published, categories: [.init(name: "Automation")])
        var state = UISample.extensionsState(size, [Extension(id: "EXT-000", name: "custom", subtitle: "Custom Integration"), zapier])
        _ = UISample.press(&state, .down)
        let pane = AppView.render(state)
        #expect(try #require(pane.row(containing: "Zapier")).contains("EXT-816"))
        _ = UISample.press(&state, .character("c"))
        #expect(state.wizard?.machine.preselectedExtensionID == "EXT-816")
        for character in "Z token" { _ = UISample.press(&state, .character(character)) }
        _ = UISample.press(&state, .tab, .tab, .character("d"), .enter)
        _ = AppReducer.reduce(&state, .wizard(.extensionsLoaded(PageRequest(limit: 10), .success(Page(items: [zapier], range: ContentRange(first: 0, last: 0, total: 1), request: PageRequest(limit: 10))))))
        #expect(try #require(AppView.render(state).row(containing: "Zapier")).contains("(•)"))
    }
}

/// Extension details, and the jump to its tokens.
@Suite struct ExtensionDetailsTests {
    let zapier = Extension(
        id: "EXT-816", name: "zapier", subtitle: "Zapier", description: "Automate.", overview: "Zaps on Connect data.",
        portal: .any, status: .published, websites: ["https://zapier.example"], categories: [.init(name: "Automation")],
        constraints: .init(account: .init(tokens: 5)))

    @Test(arguments: [UISample.small, UISample.large])
    func detailsShowTheLimitAndHowManyTokensUseIt(size: TerminalSize) throws {
        var state = UISample.extensionsState(size, [zapier])
        #expect(UISample.press(&state, .enter) == [.countTokens(extensionID: "EXT-816")])
        #expect(AppView.render(state).text.contains("counting…"))
        _ = AppReducer.reduce(&state, .extensionTokensCounted(extensionID: "EXT-816", .success(2)))
        let screen = AppView.render(state)
        #expect(try #require(screen.row(containing: "Tokens        ")).contains("2 of 5 allowed"))
        #expect(try #require(screen.row(containing: "Token limit")).contains("5 per account"))
        #expect(screen.text.contains("Zaps on Connect data."))
        _ = UISample.press(&state, .escape)
        #expect(state.openExtension == nil)
    }

    @Test func tJumpsToTheTokensOfTheExtension() {
        var state = UISample.extensionsState(UISample.large, [zapier])
        _ = UISample.press(&state, .enter)
        let effects = UISample.press(&state, .character("t"))
        #expect(state.pane == .tokens)
        #expect(state.tokens.filter.extensionID == "EXT-816")
        #expect(effects == [.loadList(.tokens, loadID: state.tokens.loadID, ListQuery(filter: .eq("extension.id", "EXT-816"), ordering: [.descending("events.created.at")]), PageRequest(limit: 10))])
        #expect(AppView.render(state).text.contains("FILTER: EXT-816"))
    }
}
