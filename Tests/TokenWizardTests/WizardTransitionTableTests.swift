import ConnectCore
import Testing

@testable import TokenWizard

typealias Wizard = CreateTokenWizard
typealias Expectation = (state: Wizard.State, effects: [Wizard.Effect])

/// Every state × every event: the rows say exactly what changes and which effects go out; an
/// event without a row must leave the wizard as it was and emit nothing.
@Suite struct WizardTransitionTableTests {
    @Test(arguments: States.named.keys.sorted())
    func everyEventInState(_ name: String) throws {
        let start = States.wizard(States.named[name]!)
        let rows = try Self.rows(for: name, start.state)
        for event in everyEvent {
            var wizard = start
            let effects = wizard.handle(event)
            if let row = rows[event.name] {
                #expect(wizard.state == row.state, "\(name) × \(event.name): state")
                #expect(effects == row.effects, "\(name) × \(event.name): effects")
            } else {
                #expect(wizard == start, "\(name) × \(event.name) must change nothing")
                #expect(effects.isEmpty, "\(name) × \(event.name) must emit nothing")
            }
        }
        #expect(Set(rows.keys).isSubset(of: everyEvent.map(\.name)), "rows name real events")
    }

    // MARK: - The table

    static func rows(for name: String, _ state: Wizard.State) throws -> [String: Expectation] {
        let closedEmpty: Expectation = (.closed(createdTokenID: nil), [.close(createdTokenID: nil)])
        switch state {
        case .editing(.general(let step)):
            var renamed = step
            renamed.input.general.name = "Renamed"
            var shown = step
            shown.showsProblems = true
            var rows: [String: Expectation] = ["fieldEdited": (.editing(.general(renamed)), [])]
            if step.input.general.hasText {
                let valid = ValidGeneral(name: "CI token", externalID: nil, description: "For CI")
                let next = Wizard.ExtensionStep(
                    input: step.input, general: valid,
                    list: .init(page: Sample.firstPage, content: .loading), message: nil)
                rows["next"] = (.editing(.extension(next)), [.loadExtensions(Sample.firstPage)])
                rows["cancel"] = (.confirmingCancel(.general(step)), [])
            } else {
                rows["next"] = (.editing(.general(shown)), [])
                rows["cancel"] = closedEmpty
            }
            return rows

        case .editing(.extension(let step)):
            var refused = step
            refused.message = "Choose an extension to continue."
            var rows: [String: Expectation] = [
                "back": (.editing(.general(Wizard.GeneralStep(input: step.input))), []),
                "cancel": (.confirmingCancel(.extension(step)), []),
                "next": (.editing(.extension(refused)), []),
            ]
            switch step.list.content {
            case .loading:
                var loaded = step
                loaded.list.content = .loaded(Sample.extensionsPage)
                rows["extensionsLoaded"] = (.editing(.extension(loaded)), [])
            case .failed:
                var retrying = step
                retrying.list.content = .loading
                rows["retry"] = (.editing(.extension(retrying)), [.loadExtensions(Sample.firstPage)])
            case .loaded:
                var zapier = step
                zapier.input.extension = Sample.zapier
                rows["extensionChosen"] = (.editing(.extension(zapier)), [])
                let permissions = Wizard.PermissionsStep(
                    input: step.input, general: step.general, chosen: Sample.custom,
                    configurable: true, modules: .loading, message: nil,
                    pendingClaim: nil, extensions: step.list)
                rows["next"] = (.editing(.permissions(permissions)), [.loadModules])
            }
            return rows

        case .editing(.permissions(let step)):
            let back = Wizard.ExtensionStep(
                input: step.input, general: step.general, list: try #require(step.extensions), message: nil)
            var rows: [String: Expectation] = [
                "back": (.editing(.extension(back)), []),
                "cancel": (.confirmingCancel(.permissions(step)), []),
            ]
            let request = TokenCreate(
                name: "CI token", description: "For CI", externalID: nil, extensionID: step.chosen.id)
            let submitting = Wizard.State.submitting(
                Wizard.Submitting(returnStep: step, phase: .attempt(.preparing(request))))
            if !step.configurable {
                rows["create"] = (submitting, [.creation(.prepare(request))])
            } else if step.modules.isLoading {
                var loaded = step
                loaded.modules = .loaded(Sample.modules)
                rows["modulesLoaded"] = (.editing(.permissions(loaded)), [])
                var refused = step
                refused.message = "Wait until the modules have loaded."
                rows["create"] = (.editing(.permissions(refused)), [])
            } else {
                var two = step
                two.input.modules = ModuleSelection(["MD-0001", "MD-0007"])
                rows["moduleToggled"] = (.editing(.permissions(two)), [])
                var all = step
                all.input.modules = ModuleSelection(["MD-0001", "MD-0007", "MD-0023"])
                rows["allModules"] = (.editing(.permissions(all)), [])
                rows["create"] = (submitting, [.creation(.prepare(request))])
            }
            return rows

        case .submitting(let submitting):
            switch submitting.phase {
            case .attempt(.preparing):
                var creating = submitting
                creating.phase = .attempt(.creating(Sample.claim))
                return ["createPrepared": (.submitting(creating), [.creation(.create(Sample.claim.body))])]
            case .attempt(.creating):
                var granting = submitting
                granting.phase = .granting(Sample.token, pending: ["MD-0001"], granted: [], failures: [:])
                var stopped = submitting.returnStep
                stopped.message = "Stopped waiting: it is not known yet whether the token was created. CREATE will look for it first."
                stopped.pendingClaim = Sample.claim
                return [
                    "tokenCreated": (.submitting(granting), [.grantPermission(tokenID: Sample.token.id, moduleID: "MD-0001")]),
                    "cancel": (.editing(.permissions(stopped)), []),
                ]
            case .attempt(.checking):
                var back = submitting.returnStep
                back.message = "The answer to CREATE was lost, and the token did not appear while connect-tui waited: it was not created. Press CREATE to try again."
                var stopped = submitting.returnStep
                stopped.message = "Stopped waiting: it is not known yet whether the token was created. CREATE will look for it first."
                stopped.pendingClaim = Sample.claim
                return ["lostTokenSearched": (.editing(.permissions(back)), []), "cancel": (.editing(.permissions(stopped)), [])]
            case .granting:
                let summary = Wizard.Summary(
                    token: Sample.token, extension: Sample.custom, modules: Sample.modules,
                    granted: ["MD-0001"], failedGrants: [:], retrying: [], configurable: true)
                return ["permissionGranted": (.summary(summary), [])]
            }

        case .summary(let summary):
            let id = summary.token.id
            var rows: [String: Expectation] = [
                "goToDetails": (.closed(createdTokenID: id), [.openDetails(tokenID: id)]),
                "close": (.closed(createdTokenID: id), [.close(createdTokenID: id)]),
                "cancel": (.closed(createdTokenID: id), [.close(createdTokenID: id)]),
            ]
            if !summary.failedGrants.isEmpty {
                var retrying = summary
                retrying.retrying = ["MD-0001"]
                rows["retry"] = (.summary(retrying), [.grantPermission(tokenID: id, moduleID: "MD-0001")])
            }
            return rows

        case .confirmingCancel(let step):
            return [
                "discard": closedEmpty,
                "keepEditing": (.editing(step), []),
                "cancel": (.editing(step), []),
            ]

        case .closed:
            return [:]
        }
    }
}
