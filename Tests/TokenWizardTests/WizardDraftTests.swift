import ConnectCore
import Foundation
import Testing

@testable import TokenWizard

/// A draft taken at any step comes back on that step, validated again, without secrets.
@Suite struct WizardDraftTests {
    func roundTrip(_ draft: WizardDraft) throws -> WizardDraft {
        try JSONDecoder().decode(WizardDraft.self, from: JSONEncoder().encode(draft))
    }

    @Test func eachStepComesBackWhereItWas() throws {
        let cases: [([CreateTokenWizard.Event], WizardDraft.Step, [CreateTokenWizard.Effect])] = [
            (States.typedGeneral, .general, []),
            (States.customChosen, .extension, [.loadExtensions(Sample.firstPage)]),
            (States.oneModule, .permissions, [.loadModules]),
            (States.typedGeneral + [.cancelTapped], .general, []),
        ]
        for (events, step, effects) in cases {
            let original = States.wizard(events)
            let draft = try #require(original.draft)
            #expect(draft.step == step)
            let (restored, restoreEffects) = try CreateTokenWizard.restoring(try roundTrip(draft))
            #expect(restoreEffects == effects)
            #expect(restored.draft == draft, "restoring loses nothing the draft held")
        }
    }

    @Test func aRestoredPermissionsStepKeepsTheChoicesOnceModulesLoad() throws {
        let draft = try #require(States.wizard(States.oneModule).draft)
        var (restored, _) = try CreateTokenWizard.restoring(draft)
        _ = restored.handle(.modulesLoaded(.success(Sample.modules)))
        #expect(restored.handle(.createTapped) == [.creation(.prepare(Sample.request))])
        #expect(restored.handle(.creation(.prepared(.success(Sample.claim)))) == [.creation(.create(Sample.claim.body))])
        #expect(restored.handle(.creation(.created(.success(Sample.token)))).count == 1)
    }

    @Test func backFromARestoredPermissionsStepFetchesTheExtensions() throws {
        let draft = try #require(States.wizard(States.oneModule).draft)
        var (restored, _) = try CreateTokenWizard.restoring(draft)
        #expect(restored.handle(.backTapped) == [.loadExtensions(Sample.firstPage)])
    }

    @Test func inputThatNoLongerValidatesLandsOnGeneralWithMessages() throws {
        var draft = try #require(States.wizard(States.customChosen).draft)
        draft.input.general.name = String(repeating: "x", count: 200)
        let (restored, effects) = try CreateTokenWizard.restoring(draft)
        #expect(effects.isEmpty)
        guard case .editing(.general(let step)) = restored.state else { Issue.record(); return }
        #expect(step.problems[.name] == "Name must be at most 128 characters (it has 200).")
    }

    @Test func aPermissionsDraftWithoutAnExtensionLandsOnExtension() throws {
        var draft = try #require(States.wizard(States.oneModule).draft)
        draft.input.extension = nil
        let (restored, effects) = try CreateTokenWizard.restoring(draft)
        #expect(effects == [.loadExtensions(Sample.firstPage)])
        guard case .editing(.extension) = restored.state else { Issue.record(); return }
    }

    @Test func aDraftTakenMidCreateMakesTheNextCreateCheckFirst() throws {
        let draft = try #require(States.wizard(States.creating).draft)
        #expect(draft.step == .permissions)
        #expect(draft.createMayHaveHappened)
        var (restored, _) = try CreateTokenWizard.restoring(draft)
        _ = restored.handle(.modulesLoaded(.success(Sample.modules)))
        guard case .editing(.permissions(let step)) = restored.state else { Issue.record(); return }
        #expect(step.message == "connect-tui stopped while creating this token; CREATE will first look for it.")
        #expect(restored.handle(.createTapped) == [.creation(.find(Sample.claim))], "the same claim: found by its marker")
    }

    @Test func nothingIsSavedOnceTheTokenExists() {
        #expect(States.wizard(States.granting).draft == nil)
        #expect(States.wizard(States.summary).draft == nil)
        #expect(States.wizard([.cancelTapped]).draft == nil)
    }

    @Test func aDraftFromAnotherFormatIsRefused() throws {
        var draft = try #require(States.wizard(States.typedGeneral).draft)
        draft.version = 99
        #expect(throws: CreateTokenWizard.RestoreError.unsupportedVersion(99)) {
            _ = try CreateTokenWizard.restoring(draft)
        }
    }

    @Test func draftsHoldNoSecrets() throws {
        // Walk as far as a draft exists, with a secret-bearing token created along the way.
        let draft = try #require(States.wizard(States.creating).draft)
        let json = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
        #expect(!json.contains(Sample.token.token!.unmaskedValue))
        #expect(json.contains("CI token"))
    }
}
