import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// A paste fills the focused field whole or not at all, and is never read as keys.
@Suite struct PasteTests {
    let tokens = (1...3).map { UISample.token("SU-000-000-00\($0)", "Token \($0)") }

    @Test func aPasteOnTheListRunsNoCommand() {
        var state = UISample.state(UISample.large, tokens: tokens)
        let effects = UISample.press(&state, .paste("see README.txt: yes"))
        #expect(effects.isEmpty)
        #expect(state.menu == nil && state.confirm == nil)
        #expect(state.status?.text == "Pasted text is ignored here: it is never read as keys. Paste into a text field.")
    }

    @Test func aPasteIntoTheWizardIsOneLineWithoutControls() {
        var state = UISample.state(UISample.large, tokens: tokens)
        _ = UISample.press(&state, .character("c"), .paste("CI\ntoken\u{1b}[31m\r\n\u{202E}x"))
        #expect(state.wizard?.fields[.name]?.text == "CI token[31m x")
        guard case .editing(.general(let step))? = state.wizard?.machine.state else {
            Issue.record("the newline pressed NEXT")
            return
        }
        #expect(step.input.general.name == "CI token[31m x")
    }

    @Test func aPasteLongerThanTheFieldIsRefusedWhole() {
        var state = UISample.state(UISample.large, tokens: tokens)
        _ = UISample.press(&state, .character("c"), .character("a"), .paste(String(repeating: "b", count: 128)))
        #expect(state.wizard?.fields[.name]?.text == "a")
        #expect(state.status?.text == "Paste refused: 128 characters where 127 fit (the field holds 128). Nothing was inserted.")
        _ = UISample.press(&state, .paste(String(repeating: "b", count: 127)))
        #expect(state.wizard?.fields[.name]?.text == "a" + String(repeating: "b", count: 127))
    }

    @Test func typingStopsAtTheFieldsLimit() {
        var field = TextField("abc", limit: 4)
        _ = field.handle(.character("d"))
        _ = field.handle(.character("e"))
        #expect(field.text == "abcd")
    }

    @Test func aMegabytePasteIsLinear() {
        // A million characters into a field that takes them all: one insert, not a million
        // (quadratic, this would not finish within the suite's time).
        var field = TextField("ab", limit: 1 << 20)
        _ = field.handle(.left)
        let inserted = field.handle(.paste(String(repeating: "x", count: (1 << 20) - 2)))
        #expect(inserted)
        #expect(field.characters.count == 1 << 20)
        #expect(field.text.hasPrefix("ax") && field.text.hasSuffix("xb"))
        #expect(field.cursor == (1 << 20) - 1)
    }

    @Test func openingAQuestionThrowsAwayInputTypedBeforeIt() {
        var state = UISample.state(UISample.large, tokens: tokens)
        #expect(UISample.press(&state, .character(".")) == [])
        let effects = UISample.press(&state, .character("x"))
        #expect(state.confirm != nil)
        #expect(effects == [.discardPendingInput])
        #expect(UISample.press(&state, .tab) == [], "a question already open asks nothing new")
    }
}
