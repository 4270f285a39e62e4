import ConnectCore
import ConnectTestSupport
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// An unfinished wizard survives a stop and is offered back.
@Suite final class DraftTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connect-tui-draft-\(UUID().uuidString)")
    var drafts: URL { folder.appendingPathComponent("data/drafts") }
    /// One instance's store (its own file) for the whole test.
    let file: DraftFile

    /// Each test gets its own folder, removed after it.
    deinit { try? FileManager.default.removeItem(at: folder) }

    init() { file = DraftFile(folder: folder.appendingPathComponent("data/drafts"), instance: UUID()) }
    static let here = "http://127.0.0.1:5555/public/v1 SU-111-111-111"
    static let elsewhere = "https://api.connect.cloudblue.com/public/v1 SU-222-222-222"

    static func draft(_ name: String, account: String? = here) -> WizardDraft {
        WizardDraft(step: .general, input: WizardInput(general: GeneralInput(name: name)), account: account)
    }

    @Test(arguments: [0o000, 0o022, 0o077] as [mode_t])
    func theFileIsPrivateWhateverTheUmask(umaskValue: mode_t) throws {
        let previous = umask(umaskValue)
        defer { umask(previous) }
        let draft = Self.draft("CI")
        try file.save(draft)
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: drafts.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode.map { $0 & 0o077 } == 0, "the folder is not open to others")
        guard case .draft(let loaded, let from) = file.load(account: Self.here) else { Issue.record("no draft"); return }
        #expect(loaded == draft)
        file.delete(from)
        guard case .none = file.load(account: Self.here) else { Issue.record("still there"); return }
    }

    @Test func aDraftIsOfferedOnlyOnItsOwnAccount() throws {
        try file.save(Self.draft("Production token", account: Self.elsewhere))
        guard case .none = file.load(account: Self.here) else { Issue.record("offered on another account"); return }
        guard case .draft(let draft, _) = file.load(account: Self.elsewhere) else { Issue.record("not offered at home"); return }
        #expect(draft.input.general.name == "Production token")
    }

    @Test func twoInstancesQuittingKeepBothDrafts() throws {
        let first = DraftFile(folder: drafts, instance: UUID())
        let second = DraftFile(folder: drafts, instance: UUID())
        try first.save(Self.draft("First"))
        try second.save(Self.draft("Second"))
        var names: [String] = []
        while case .draft(let draft, let from) = file.load(account: Self.here) {
            names.append(draft.input.general.name)
            file.delete(from)
        }
        #expect(names.sorted() == ["First", "Second"], "neither overwrote the other")
    }

    @Test func aDraftFromBeforeAccountsIsStillOffered() throws {
        let legacy = folder.appendingPathComponent("data/wizard-draft.json")
        try FileManager.default.createDirectory(at: legacy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONEncoder().encode(Self.draft("Old", account: nil)).write(to: legacy)
        let store = DraftFile(folder: drafts, instance: UUID(), legacy: legacy)
        guard case .draft(let draft, let from) = store.load(account: Self.here) else { Issue.record("lost"); return }
        #expect(draft.input.general.name == "Old")
        #expect(from == legacy)
    }

    @Test func aDraftThatCannotBeSavedIsSaidAtExit() throws {
        // A file where the drafts folder should be: nothing can be written there.
        try FileManager.default.createDirectory(at: drafts.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: drafts)
        let terminal = MemoryTerminal(size: UISample.large)
        let runtime = AppRuntime(
            terminal: terminal, client: ConnectClient.testing(RecordingTransport([])), connection: UISample.connection,
            clipboard: Clipboard(environment: ["TERM": "xterm"], findTool: { _ in nil }), draftFile: file, settings: UISample.settings)
        runtime.dispatch(.key(.character("c"), now: UISample.now))
        for character in "Unsaved" { runtime.dispatch(.key(.character(character), now: UISample.now)) }
        runtime.saveUnfinishedWizard()
        #expect(runtime.exitMessages.count == 1)
        #expect(runtime.exitMessages.first?.hasPrefix("the unfinished token \"Unsaved\" could not be saved for next time: ") == true)
    }

    @Test func anUnreadableDraftIsKeptAsideNotLost() throws {
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try Data("{ truncated".utf8).write(to: file.url)
        guard case .unreadable(let aside) = file.load(account: Self.here) else { Issue.record("expected unreadable"); return }
        #expect(try String(contentsOf: aside, encoding: .utf8) == "{ truncated")
        guard case .none = file.load(account: Self.here) else { Issue.record("the bad file should have moved"); return }
    }

    @Test func theOfferResumesOnTheStepWithTheInput() throws {
        var state = UISample.state(UISample.large)
        let draft = WizardDraft(step: .extension, input: WizardInput(general: GeneralInput(name: "Resumed", description: "d")))
        _ = AppReducer.reduce(&state, .draftFound(draft))
        let offer = AppView.render(state).text
        #expect(offer.contains("Unfinished token"))
        #expect(offer.contains("“Resumed”"))
        #expect(offer.contains("y resume · n discard"))
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
        #expect(!state.modals.contains { if case .draftOffer = $0 { true } else { false } })
        #expect(state.wizard == nil)
    }
}
