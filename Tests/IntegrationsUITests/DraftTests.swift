import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// An unfinished wizard survives a stop and is offered back.
@Suite struct DraftTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connect-tui-draft-\(UUID().uuidString)")
    var file: DraftFile { DraftFile(url: folder.appendingPathComponent("data/wizard-draft.json")) }

    @Test(arguments: [0o000, 0o022, 0o077] as [mode_t])
    func theFileIsPrivateWhateverTheUmask(umaskValue: mode_t) throws {
        let previous = umask(umaskValue)
        defer { umask(previous) }
        let draft = WizardDraft(step: .general, input: WizardInput(general: GeneralInput(name: "CI")))
        try file.save(draft)
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: file.url.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode.map { $0 & 0o077 } == 0, "the folder is not open to others")
        guard case .draft(let loaded) = file.load() else { Issue.record("no draft"); return }
        #expect(loaded == draft)
        file.delete()
        guard case .none = file.load() else { Issue.record("still there"); return }
    }

    @Test func anUnreadableDraftIsKeptAsideNotLost() throws {
        try FileManager.default.createDirectory(at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{ truncated".utf8).write(to: file.url)
        guard case .unreadable(let aside) = file.load() else { Issue.record("expected unreadable"); return }
        #expect(try String(contentsOf: aside, encoding: .utf8) == "{ truncated")
        guard case .none = file.load() else { Issue.record("the bad file should have moved"); return }
    }

    @Test func theOfferResumesOnTheStepWithTheInput() throws {
        var state = UISample.state(UISample.large)
        let draft = WizardDraft(step: .extension, input: WizardInput(general: GeneralInput(name: "Resumed", description: "d")))
        _ = AppReducer.reduce(&state, .draftFound(draft))
        let offer = AppView.render(state).text
        #expect(offer.contains("Unfinished token"))
        #expect(offer.contains("“Resumed”"))
        #expect(offer.contains("y resume  ·  n discard"))
        #expect(UISample.press(&state, .character("j")).isEmpty, "other keys wait for an answer")
        let effects = UISample.press(&state, .character("y"))
        #expect(effects == [.wizard(.loadExtensions(PageRequest(limit: 10))), .deleteDraft])
        #expect(AppView.render(state).text.contains("Create token – Step 2"))
        _ = UISample.press(&state, .control("b"))
        #expect(AppView.render(state).text.contains("Resumed"))
    }

    @Test func declinedDraftsAreDeleted() {
        var state = UISample.state(UISample.small)
        _ = AppReducer.reduce(&state, .draftFound(WizardDraft(step: .general, input: WizardInput())))
        #expect(UISample.press(&state, .character("n")) == [.deleteDraft])
        #expect(state.offeredDraft == nil)
        #expect(state.wizard == nil)
    }
}
