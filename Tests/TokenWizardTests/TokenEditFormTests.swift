import ConnectCore
import Testing

@testable import TokenWizard

/// The edit form sends only the difference, and SAVE is offered only when it would do something.
@Suite struct TokenEditFormTests {
    static let token = Token(
        id: "SU-1", name: "CI token", description: "For CI", externalID: "ci-1",
        extension: ExtensionReference(id: "EXT-000", name: "custom"),
        permissions: [TokenPermission(moduleID: "MD-0001"), TokenPermission(moduleID: "MD-0007")])

    func loadedForm() -> TokenEditForm {
        var (form, effects) = TokenEditForm.editing(Self.token)
        #expect(effects == [.loadModules])
        _ = form.handle(.modulesLoaded(.success(Sample.modules)))
        return form
    }

    @Test func nothingChangedMeansNoSave() {
        var form = loadedForm()
        #expect(!form.hasChanges)
        #expect(!form.canSave)
        #expect(form.handle(.saveTapped).isEmpty)
        _ = form.handle(.fieldEdited(.name, "  CI token  "))
        #expect(!form.canSave, "white space around the same name is no change")
    }

    @Test func renamingAndRemovingAModuleSendsExactlyThat() {
        var form = loadedForm()
        _ = form.handle(.fieldEdited(.name, "Renamed"))
        _ = form.handle(.moduleToggled("MD-0007"))
        #expect(form.canSave)
        #expect(form.pendingUpdate == TokenUpdate(name: "Renamed"))
        #expect(form.pendingGrants.isEmpty)
        #expect(form.pendingRevokes == ["MD-0007"])
        let effects = form.handle(.saveTapped)
        #expect(effects == [
            .updateToken(id: "SU-1", TokenUpdate(name: "Renamed")),
            .revokePermission(tokenID: "SU-1", moduleID: "MD-0007"),
        ])
        #expect(!form.canSave, "not while saving")
        #expect(form.handle(.saveTapped).isEmpty)
        #expect(form.handle(.tokenUpdated(.success(TokenUpdate(name: "Renamed")))).isEmpty)
        #expect(form.handle(.permissionRevoked(moduleID: "MD-0007", .succeeded)) == [.close(saved: true)])
    }

    @Test func addingModulesAndClearingTheExternalID() {
        var form = loadedForm()
        _ = form.handle(.allModulesToggled)
        _ = form.handle(.fieldEdited(.externalID, ""))
        #expect(form.pendingGrants == ["MD-0023"])
        #expect(form.pendingUpdate == TokenUpdate(externalID: ""))
    }

    @Test func aPartialFailureKeepsInputAndRetriesOnlyWhatIsMissing() {
        var form = loadedForm()
        _ = form.handle(.fieldEdited(.description, "New description"))
        _ = form.handle(.moduleToggled("MD-0023"))
        _ = form.handle(.saveTapped)
        _ = form.handle(.tokenUpdated(.success(TokenUpdate(description: "New description"))))
        let failure = ConnectError(operation: .addTokenPermission, method: .post, kind: .http(status: 500, code: nil, messages: []))
        #expect(form.handle(.permissionGranted(moduleID: "MD-0023", .failed(failure))).isEmpty)
        #expect(form.phase == .editing)
        #expect(form.message == "Not everything was saved: Grant permission failed: HTTP 500: internal server error")
        #expect(form.input.description == "New description")
        #expect(form.pendingUpdate == nil, "the update already landed")
        #expect(form.handle(.saveTapped) == [.grantPermission(tokenID: "SU-1", moduleID: "MD-0023")])
    }

    @Test func invalidInputOrNoModulesBlocksSave() {
        var form = loadedForm()
        _ = form.handle(.fieldEdited(.name, ""))
        #expect(!form.canSave)
        #expect(form.handle(.saveTapped).isEmpty)
        #expect(form.problems[.name] == "Name is required.")
        _ = form.handle(.fieldEdited(.name, "ok"))
        _ = form.handle(.moduleToggled("MD-0001"))
        _ = form.handle(.moduleToggled("MD-0007"))
        #expect(!form.canSave)
        _ = form.handle(.saveTapped)
        #expect(form.message == "Choose at least one module.")
    }

    @Test func aTokenWithNoPermissionsCanBeRenamed() {
        var bare = Self.token
        bare.permissions = []
        var (form, _) = TokenEditForm.editing(bare)
        _ = form.handle(.modulesLoaded(.success(Sample.modules)))
        _ = form.handle(.fieldEdited(.name, "Renamed"))
        #expect(form.canSave)
        #expect(form.handle(.saveTapped) == [.updateToken(id: "SU-1", TokenUpdate(name: "Renamed"))])
        // Even before the modules load, or when they fail to: the name does not need them.
        var (early, _) = TokenEditForm.editing(bare)
        _ = early.handle(.fieldEdited(.name, "Renamed"))
        #expect(early.handle(.saveTapped) == [.updateToken(id: "SU-1", TokenUpdate(name: "Renamed"))])
    }

    @Test func aTokenThatSetsItsOwnPermissionsEditsTextOnly() {
        var zapier = Self.token
        zapier.extension = ExtensionReference(id: "EXT-816", name: "zapier")
        var (form, effects) = TokenEditForm.editing(zapier)
        #expect(effects.isEmpty)
        #expect(!form.configurable)
        _ = form.handle(.moduleToggled("MD-0001"))
        #expect(!form.hasChanges)
        _ = form.handle(.fieldEdited(.description, "changed"))
        #expect(form.handle(.saveTapped) == [.updateToken(id: "SU-1", TokenUpdate(description: "changed"))])
    }

    @Test func cancellingWithChangesAsksFirst() {
        var form = loadedForm()
        #expect(form.handle(.cancelTapped) == [.close(saved: false)], "nothing changed: closes at once")
        var edited = loadedForm()
        _ = edited.handle(.fieldEdited(.name, "x"))
        #expect(edited.handle(.cancelTapped).isEmpty)
        #expect(edited.phase == .confirmingDiscard)
        #expect(edited.handle(.keepEditingTapped).isEmpty)
        #expect(edited.input.name == "x")
        _ = edited.handle(.cancelTapped)
        #expect(edited.handle(.discardConfirmed) == [.close(saved: false)])
    }

    @Test func modulesThatFailToLoadCanBeRetried() {
        var (form, _) = TokenEditForm.editing(Self.token)
        _ = form.handle(.modulesLoaded(.failure(Sample.readFailed)))
        #expect(!form.canSave)
        #expect(form.handle(.retryTapped) == [.loadModules])
    }
}
