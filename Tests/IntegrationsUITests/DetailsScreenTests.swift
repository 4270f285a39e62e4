import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// Token details: the key is masked until revealed; permissions list "All" first.
@Suite struct DetailsScreenTests {
    func opened(_ size: TerminalSize) -> AppState {
        var state = UISample.state(size)
        let effects = UISample.press(&state, .enter)
        #expect(effects == [.loadToken(id: "SU-431-800-699")])
        _ = AppReducer.reduce(&state, .tokenLoaded(.success(UISample.tutorial)))
        return state
    }

    @Test(arguments: [UISample.small, UISample.large])
    func theGeneralTabMasksTheKeyUntilRevealed(size: TerminalSize) throws {
        var state = opened(size)
        let masked = AppView.render(state).text
        #expect(masked.contains("Token details"))
        #expect(masked.contains("Status: ● Active"))
        #expect(masked.contains("The following represents a tutorial API token."))
        #expect(masked.contains("ApiKey SU-431-800-699:••••••••"))
        #expect(!masked.contains("0123456789abcdef"))
        #expect(masked.contains("Created: 18/05/2021 04:28 Michael Goldmill"))
        _ = UISample.press(&state, .character("v"))
        #expect(AppView.render(state).text.contains("ApiKey SU-431-800-699:0123456789abcdef0123456789abcdef01234567"))
        _ = UISample.press(&state, .character("v"))
        #expect(!AppView.render(state).text.contains("0123456789abcdef"))
    }

    @Test(arguments: [UISample.small, UISample.large])
    func thePermissionsTab(size: TerminalSize) throws {
        var state = opened(size)
        _ = UISample.press(&state, .right)
        let screen = AppView.render(state)
        #expect(screen.text.contains("MODULE"))
        let all = try #require(screen.row(containing: "All "))
        #expect(all.contains("Disabled"), "not every module is granted")
        #expect(try #require(screen.row(containing: "Account")).contains("● Enabled"))
        #expect(try #require(screen.row(containing: "Helpdesk")).contains("Disabled"))
        let rows = screen.lines.filter { $0.contains("Enabled") || $0.contains("Disabled") }
        #expect(rows.first?.contains("All") == true)
        _ = UISample.press(&state, .character("/"), .character("h"), .character("e"), .enter)
        let filtered = AppView.render(state)
        #expect(filtered.row(containing: "Helpdesk")?.contains("Disabled") == true)
        #expect(filtered.row(containing: "Account") == nil, "modules not matching 'he' are hidden")
    }

    @Test func escGoesBackToTheList() {
        var state = opened(UISample.small)
        _ = UISample.press(&state, .escape)
        #expect(state.details == nil)
        #expect(AppView.render(state).text.contains("LABEL"))
    }

    @Test func copyingAsksTheRuntimeForTheKeyNotTheScreen() {
        var state = opened(UISample.small)
        #expect(UISample.press(&state, .character("y")) == [.copyAPIKey(tokenID: "SU-431-800-699")])
        _ = AppReducer.reduce(&state, .copied(what: "The API key of SU-431-800-699", .copied(osc52: true, tool: nil, secret: true)))
        let text = AppView.render(state).text
        #expect(text.contains("The API key of SU-431-800-699 copied to the clipboard (OSC 52)."))
        #expect(!text.contains("0123456789abcdef"))
    }
}
