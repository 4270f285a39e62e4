import ConnectCore
import ConnectTestSupport
import Testing

@testable import TokenWizard

/// Thousands of random walks: the user presses anything, the app answers effects late, out of
/// order, with failures; the wizard must hold its promises throughout.
@Suite struct WizardPropertyTests {
    static let texts = ["", " ", "CI token", "d", String(repeating: "x", count: 300), "a\nb", "東京👩‍💻", "e\u{301}"]
    static let extensionsChoices = [Sample.custom, Sample.zapier, Sample.reports]

    @Test(arguments: 0..<40)
    func randomWalksKeepTheInvariants(seed: UInt64) {
        var random = SeededGenerator(seed: seed &* 7919 &+ 17)
        var summaries = 0
        for _ in 0..<100 where walk(&random, seed: seed) { summaries += 1 }
        #expect(summaries >= 20, "the walks must reach Summary often enough to test it (seed \(seed), \(summaries) of 100)")
    }

    /// One walk; returns whether it reached Summary.
    func walk(_ random: inout SeededGenerator, seed: UInt64) -> Bool {
        var wizard = CreateTokenWizard(preselected: Bool.random(using: &random) ? Sample.reports : nil)
        var outstanding: [CreateTokenWizard.Effect] = []
        var createsInFlight = 0
        var tokenDelivered = false
        var summaryReached = false

        for _ in 0..<150 {
            let event: CreateTokenWizard.Event
            if !outstanding.isEmpty, Bool.random(using: &random) {
                let effect = outstanding.remove(at: Int.random(in: 0..<outstanding.count, using: &random))
                event = answer(effect, &random)
                if case .creation(.create) = effect { createsInFlight -= 1 }
                if case .creation(.searched(.success(.absent))) = event {
                    // `.absent` is only said once a create could no longer land (the client
                    // looks until then): an unanswered create is over.
                    createsInFlight -= outstanding.filter { if case .creation(.create) = $0 { true } else { false } }.count
                    outstanding.removeAll { if case .creation(.create) = $0 { true } else { false } }
                }
                if case .creation(.created(.success)) = event, case .submitting = wizard.state { tokenDelivered = true }
                if case .creation(.searched(.success(.found))) = event, case .submitting = wizard.state { tokenDelivered = true }
            } else {
                event = userEvent(&random)
            }

            let inputBefore = editingInput(wizard.state)
            let wasClosed: Bool = if case .closed = wizard.state { true } else { false }
            let before = wizard
            let effects = wizard.handle(event)

            if wasClosed { #expect(wizard == before && effects.isEmpty, "closed is final (seed \(seed))") }
            if case .backTapped = event, let inputBefore, let after = editingInput(wizard.state) {
                #expect(after == inputBefore, "BACK lost input (seed \(seed))")
            }
            for effect in effects {
                if case .creation(.create) = effect {
                    createsInFlight += 1
                    #expect(createsInFlight == 1, "two creates in flight (seed \(seed))")
                    #expect(!summaryReached, "a create after the token exists (seed \(seed))")
                }
            }
            outstanding += effects.filter {
                switch $0 {
                case .loadExtensions, .loadModules, .creation, .grantPermission: true
                case .openDetails, .close: false
                }
            }
            if case .summary = wizard.state {
                #expect(tokenDelivered, "Summary without a created token (seed \(seed))")
                summaryReached = true
            }
        }
        return summaryReached
    }

    func editingInput(_ state: CreateTokenWizard.State) -> WizardInput? {
        if case .editing(let step) = state { return step.input }
        return nil
    }

    /// A user who mostly moves forward, with detours: typing (sometimes invalid text), going
    /// back, cancelling, pressing buttons that do nothing where they are.
    func userEvent(_ random: inout SeededGenerator) -> CreateTokenWizard.Event {
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<16:
            let field = GeneralField.allCases.randomElement(using: &random)!
            let valid = Int.random(in: 0..<4, using: &random) > 0
            return .fieldEdited(field, valid ? "CI token" : Self.texts.randomElement(using: &random)!)
        case 16..<36: return .nextTapped
        case 36..<50: return .createTapped
        case 50..<58: return .extensionChosen(Self.extensionsChoices.randomElement(using: &random)!)
        case 58..<66:
            return Bool.random(using: &random)
                ? .moduleToggled(Sample.modules.randomElement(using: &random)!.id) : .allModulesToggled
        case 66..<72: return .backTapped
        case 72..<76: return .retryTapped
        case 76..<79: return .cancelTapped
        case 79..<84: return [.discardConfirmed, .keepEditingTapped, .keepEditingTapped].randomElement(using: &random)!
        case 84..<90: return [.extensionsNextPageTapped, .extensionsPreviousPageTapped].randomElement(using: &random)!
        default: return [.goToDetailsTapped, .closeTapped].randomElement(using: &random)!
        }
    }

    func answer(_ effect: CreateTokenWizard.Effect, _ random: inout SeededGenerator) -> CreateTokenWizard.Event {
        let fails = Int.random(in: 0..<4, using: &random) == 0
        switch effect {
        case .loadExtensions(let page):
            return .extensionsLoaded(page, fails ? .failure(Sample.readFailed) : .success(Sample.extensionsPage))
        case .loadModules:
            return .modulesLoaded(fails ? .failure(Sample.readFailed) : .success(Sample.modules))
        case .creation(.create):
            if fails { return .creation(.created(.failure(Bool.random(using: &random) ? Sample.lost : Sample.rejected))) }
            return .creation(.created(.success(Sample.token)))
        case .creation(.prepare):
            return .creation(.prepared(fails ? .failure(Sample.readFailed) : .success(Sample.claim)))
        case .creation(.find):
            if fails { return .creation(.searched(.failure(Sample.readFailed))) }
            return .creation(.searched(.success([.found(Sample.token), .absent, .several([Sample.token, Sample.token])].randomElement(using: &random)!)))
        case .grantPermission(_, let moduleID):
            return .permissionGranted(moduleID: moduleID, fails ? .failed(Sample.rejected) : .succeeded)
        case .openDetails, .close:
            return .closeTapped
        }
    }
}
