import ConnectCore
import Testing

@testable import TokenWizard

/// Whole walks through the wizard, as the app drives it.
@Suite struct WizardScenarioTests {
    @Test func aCustomTokenWithTwoModulesFromStartToDetails() throws {
        var wizard = CreateTokenWizard()
        #expect(wizard.handle(.fieldEdited(.name, "  CI token ")).isEmpty)
        #expect(wizard.handle(.fieldEdited(.externalID, "ci-1")).isEmpty)
        #expect(wizard.handle(.fieldEdited(.description, "For CI")).isEmpty)
        #expect(wizard.handle(.nextTapped) == [.loadExtensions(Sample.firstPage)])
        #expect(wizard.handle(.extensionsLoaded(Sample.firstPage, .success(Sample.extensionsPage))).isEmpty)
        #expect(wizard.handle(.extensionChosen(Sample.custom)).isEmpty)
        #expect(wizard.handle(.nextTapped) == [.loadModules])
        #expect(wizard.handle(.modulesLoaded(.success(Sample.modules))).isEmpty)
        #expect(wizard.handle(.moduleToggled("MD-0007")).isEmpty)
        #expect(wizard.handle(.moduleToggled("MD-0023")).isEmpty)
        let request = TokenCreate(name: "CI token", description: "For CI", externalID: "ci-1", extensionID: "EXT-000")
        #expect(wizard.handle(.createTapped) == [.creation(.prepare(request))])
        #expect(wizard.handle(.createTapped).isEmpty, "a second Enter on CREATE sends nothing")
        let claim = TokenCreateClaim(body: request, existingIDs: [])
        #expect(wizard.handle(.creation(.prepared(.success(claim)))) == [.creation(.create(request))])
        #expect(wizard.handle(.createTapped).isEmpty, "nor does one while the request is out")
        #expect(wizard.handle(.backTapped).isEmpty)
        #expect(
            wizard.handle(.creation(.created(.success(Sample.token)))) == [
                .grantPermission(tokenID: "SU-111-222-333", moduleID: "MD-0007"),
                .grantPermission(tokenID: "SU-111-222-333", moduleID: "MD-0023"),
            ])
        #expect(wizard.handle(.permissionGranted(moduleID: "MD-0023", .succeeded)).isEmpty)
        guard case .submitting = wizard.state else { Issue.record("still granting"); return }
        #expect(wizard.handle(.permissionGranted(moduleID: "MD-0007", .succeeded)).isEmpty)
        guard case .summary(let summary) = wizard.state else { Issue.record("expected Summary"); return }
        #expect(summary.token == Sample.token)
        #expect(summary.granted == ["MD-0007", "MD-0023"])
        #expect(summary.warning == nil)
        #expect(summary.extension == Sample.custom)
        #expect(wizard.handle(.goToDetailsTapped) == [.openDetails(tokenID: "SU-111-222-333")])
        #expect(wizard.state == .closed(createdTokenID: "SU-111-222-333"))
        #expect(wizard.handle(.closeTapped).isEmpty)
    }

    @Test func anExtensionThatSetsItsOwnPermissionsSkipsTheChecklist() {
        var wizard = States.wizard(States.extensionLoaded + [.extensionChosen(Sample.zapier)])
        #expect(wizard.handle(.nextTapped).isEmpty, "no modules to load")
        guard case .editing(.permissions(let step)) = wizard.state else { Issue.record(); return }
        #expect(!step.configurable)
        #expect(wizard.handle(.moduleToggled("MD-0001")).isEmpty)
        let request = TokenCreate(name: "CI token", description: "For CI", externalID: nil, extensionID: "EXT-816")
        #expect(wizard.handle(.createTapped) == [.creation(.prepare(request))])
        #expect(wizard.handle(.creation(.prepared(.success(TokenCreateClaim(body: request, existingIDs: []))))) == [.creation(.create(request))])
        #expect(wizard.handle(.creation(.created(.success(Sample.token)))).isEmpty, "nothing to grant")
        guard case .summary(let summary) = wizard.state else { Issue.record(); return }
        #expect(summary.granted.isEmpty)
        #expect(!summary.configurable)
    }

    @Test func aRefusedCreateReturnsToPermissionsWithEverythingKept() {
        var wizard = States.wizard(States.creating)
        guard case .submitting(let before) = wizard.state else { Issue.record(); return }
        #expect(wizard.handle(.creation(.created(.failure(Sample.rejected)))).isEmpty)
        guard case .editing(.permissions(let step)) = wizard.state else { Issue.record(); return }
        #expect(step.message == "Create token failed: HTTP 400 VAL_001: name: already taken")
        #expect(step.input == before.returnStep.input)
        #expect(step.input.modules.chosen == ["MD-0001"])
        #expect(wizard.handle(.createTapped) == [.creation(.prepare(Sample.request))], "CREATE can be tried again")
    }

    @Test func aLostAnswerIsCheckedBeforeAnythingElse() {
        var wizard = States.wizard(States.creating)
        #expect(wizard.handle(.creation(.created(.failure(Sample.lost)))) == [.creation(.find(Sample.claim))])
        #expect(wizard.handle(.createTapped).isEmpty)
        #expect(
            wizard.handle(.creation(.searched(.success(.found(Sample.token)))))
                == [.grantPermission(tokenID: "SU-111-222-333", moduleID: "MD-0001")],
            "the token existed after all: carry on with it")
    }

    @Test func whenTheCheckItselfFailsTheNextCreateLooksFirst() {
        var wizard = States.wizard(States.creating + [.creation(.created(.failure(Sample.lost)))])
        let searchFailed = ConnectError(operation: .listTokens, method: .get, kind: .network("could not connect to the server"))
        #expect(wizard.handle(.creation(.searched(.failure(searchFailed)))).isEmpty)
        guard case .editing(.permissions(let step)) = wizard.state else { Issue.record(); return }
        #expect(step.pendingClaim != nil, "the next CREATE looks first")
        #expect(step.message == "It is not known whether the token was created (could not connect to the server). CREATE will look for it first.")
        #expect(wizard.handle(.createTapped) == [.creation(.find(Sample.claim))])
        guard case .submitting(let submitting) = wizard.state, case .attempt(.checking(_, let then?)) = submitting.phase else {
            Issue.record("CREATE should be looking first"); return
        }
        #expect(wizard.handle(.creation(.searched(.success(.absent)))) == [.creation(.prepare(then))], "not there: now a CREATE of what is on screen")
        #expect(wizard.handle(.creation(.prepared(.success(Sample.claim)))) == [.creation(.create(Sample.claim.body))])
        #expect(wizard.handle(.creation(.created(.success(Sample.token)))).count == 1)
    }

    @Test func severalMatchesAreNeverAdoptedAndStoppingTheWaitSendsNothing() {
        var wizard = States.wizard(States.creating + [.creation(.created(.failure(Sample.lost)))])
        let twin = Token(id: "SU-999-999-999", name: "CI token")
        #expect(wizard.handle(.creation(.searched(.success(.several([Sample.token, twin]))))).isEmpty, "nothing granted")
        guard case .editing(.permissions(let step)) = wizard.state else { Issue.record(); return }
        #expect(step.message == "2 tokens match this CREATE exactly (SU-111-222-333, SU-999-999-999); none was given modules. Check them on the Tokens list; CREATE will look again first.")
        #expect(step.pendingClaim == Sample.claim)
        // Looking again, then stopping the wait: back, still owing a look, nothing sent.
        #expect(wizard.handle(.createTapped) == [.creation(.find(Sample.claim))])
        #expect(wizard.handle(.cancelTapped).isEmpty)
        guard case .editing(.permissions(let stopped)) = wizard.state else { Issue.record(); return }
        #expect(stopped.pendingClaim == Sample.claim)
        #expect(wizard.handle(.creation(.searched(.success(.found(Sample.token))))).isEmpty, "a late answer is ignored; CREATE looks again")
        #expect(wizard.handle(.createTapped) == [.creation(.find(Sample.claim))])
    }

    @Test func aFailedGrantShowsAWarningAndRetriesOnlyWhatFailed() throws {
        var wizard = States.wizard(States.modulesLoaded + [.allModulesToggled, .createTapped, .creation(.prepared(.success(Sample.claim))), .creation(.created(.success(Sample.token)))])
        _ = wizard.handle(.permissionGranted(moduleID: "MD-0001", .succeeded))
        _ = wizard.handle(.permissionGranted(moduleID: "MD-0007", .failed(Sample.rejected)))
        _ = wizard.handle(.permissionGranted(moduleID: "MD-0023", .failed(Sample.rejected)))
        guard case .summary(let summary) = wizard.state else { Issue.record(); return }
        #expect(summary.warning == "The token was created, but these permissions were not granted: Integrations, Helpdesk (HTTP 400 VAL_001: name: already taken). Press RETRY to grant them.")
        #expect(
            wizard.handle(.retryTapped) == [
                .grantPermission(tokenID: "SU-111-222-333", moduleID: "MD-0007"),
                .grantPermission(tokenID: "SU-111-222-333", moduleID: "MD-0023"),
            ])
        #expect(wizard.handle(.retryTapped).isEmpty, "no second retry while one runs")
        _ = wizard.handle(.permissionGranted(moduleID: "MD-0007", .succeeded))
        _ = wizard.handle(.permissionGranted(moduleID: "MD-0023", .succeeded))
        guard case .summary(let after) = wizard.state else { Issue.record(); return }
        #expect(after.warning == nil)
        #expect(after.granted == ["MD-0001", "MD-0007", "MD-0023"])
    }

    @Test func theAllModulesBoxFollowsTheModules() {
        var wizard = States.wizard(States.modulesLoaded)
        func selection() -> ModuleSelection {
            guard case .editing(.permissions(let step)) = wizard.state else { return ModuleSelection() }
            return step.input.modules
        }
        _ = wizard.handle(.allModulesToggled)
        #expect(selection().isAll(of: Sample.modules))
        _ = wizard.handle(.moduleToggled("MD-0007"))
        #expect(!selection().isAll(of: Sample.modules), "clearing one clears All")
        _ = wizard.handle(.moduleToggled("MD-0007"))
        #expect(selection().isAll(of: Sample.modules), "choosing the last one sets All")
        _ = wizard.handle(.allModulesToggled)
        #expect(selection().isEmpty, "All again clears everything")
        #expect(wizard.handle(.createTapped).isEmpty)
        guard case .editing(.permissions(let step)) = wizard.state else { Issue.record(); return }
        #expect(step.message == "Choose at least one module.")
        #expect(wizard.handle(.moduleToggled("MD-9999")).isEmpty)
    }

    @Test func pagingTheExtensionsIgnoresStaleAnswers() {
        let pageOne = Page(items: [Sample.custom], range: ContentRange(first: 0, last: 0, total: 2), request: PageRequest(limit: 1))
        let pageTwo = Page(items: [Sample.zapier], range: ContentRange(first: 1, last: 1, total: 2), request: PageRequest(limit: 1, offset: 1))
        var wizard = CreateTokenWizard(extensionsPageSize: 1)
        States.run(&wizard, States.typedGeneral)
        #expect(wizard.handle(.nextTapped) == [.loadExtensions(PageRequest(limit: 1))])
        #expect(wizard.handle(.extensionsLoaded(PageRequest(limit: 1, offset: 1), .success(pageTwo))).isEmpty)
        guard case .editing(.extension(let loading)) = wizard.state else { Issue.record(); return }
        #expect(loading.list.content.isLoading, "an answer for another page is ignored")
        _ = wizard.handle(.extensionsLoaded(PageRequest(limit: 1), .success(pageOne)))
        #expect(wizard.handle(.extensionsPreviousPageTapped).isEmpty, "no page before the first")
        #expect(wizard.handle(.extensionChosen(Sample.custom)).isEmpty)
        #expect(wizard.handle(.extensionsNextPageTapped) == [.loadExtensions(PageRequest(limit: 1, offset: 1))])
        _ = wizard.handle(.extensionsLoaded(PageRequest(limit: 1, offset: 1), .success(pageTwo)))
        #expect(wizard.handle(.extensionsNextPageTapped).isEmpty, "no page after the last")
        #expect(wizard.handle(.extensionChosen(Sample.custom)).isEmpty, "only what the page offers can be chosen")
        guard case .editing(.extension(let step)) = wizard.state else { Issue.record(); return }
        #expect(step.input.extension == Sample.custom, "the choice survives paging")
    }

    @Test func aPreselectedExtensionIsChosenAndIsNotTypedInput() {
        var wizard = CreateTokenWizard(preselected: Sample.reports)
        #expect(wizard.handle(.cancelTapped) == [.close(createdTokenID: nil)], "nothing typed: closes at once")

        var typed = CreateTokenWizard(preselected: Sample.reports)
        States.run(&typed, States.typedGeneral)
        _ = typed.handle(.nextTapped)
        #expect(typed.handle(.nextTapped).isEmpty, "reports sets its own permissions")
        guard case .editing(.permissions(let step)) = typed.state else { Issue.record(); return }
        #expect(step.chosen == Sample.reports)
    }

    @Test func cancellingAsksOnlyWhenSomethingWouldBeLost() {
        var wizard = CreateTokenWizard()
        _ = wizard.handle(.fieldEdited(.name, "   "))
        #expect(wizard.handle(.cancelTapped) == [.close(createdTokenID: nil)], "white space is not input")

        var typed = States.wizard(States.toPermissions)
        #expect(typed.handle(.cancelTapped).isEmpty)
        guard case .confirmingCancel(.permissions) = typed.state else { Issue.record(); return }
        #expect(typed.handle(.modulesLoaded(.success(Sample.modules))).isEmpty)
        #expect(typed.handle(.keepEditingTapped).isEmpty)
        guard case .editing(.permissions(let step)) = typed.state else { Issue.record(); return }
        #expect(step.modules == .loaded(Sample.modules), "answers that came behind the dialog were kept")
        _ = typed.handle(.cancelTapped)
        #expect(typed.handle(.discardConfirmed) == [.close(createdTokenID: nil)])
    }

    @Test func backFromPermissionsToGeneralKeepsEverything() {
        var wizard = States.wizard(States.oneModule)
        guard case .editing(.permissions(let before)) = wizard.state else { Issue.record(); return }
        #expect(wizard.handle(.backTapped).isEmpty, "the extension list is kept, not fetched again")
        #expect(wizard.handle(.backTapped).isEmpty)
        guard case .editing(.general(let general)) = wizard.state else { Issue.record(); return }
        #expect(general.input == before.input)
        _ = wizard.handle(.nextTapped)
        _ = wizard.handle(.extensionsLoaded(Sample.firstPage, .success(Sample.extensionsPage)))
        _ = wizard.handle(.nextTapped)
        _ = wizard.handle(.modulesLoaded(.success(Sample.modules)))
        guard case .editing(.permissions(let again)) = wizard.state else { Issue.record(); return }
        #expect(again.input.modules.chosen == ["MD-0001"])
    }

    @Test func modulesThatDisappearedAreDropped() {
        var wizard = States.wizard(States.oneModule + [.backTapped, .nextTapped])
        _ = wizard.handle(.modulesLoaded(.success([Module(id: "MD-0007", name: "Integrations")])))
        guard case .editing(.permissions(let step)) = wizard.state else { Issue.record(); return }
        #expect(step.input.modules.isEmpty)
    }

    @Test func theModuleListCanFailAndBeRetried() {
        var wizard = States.wizard(States.toPermissions)
        _ = wizard.handle(.modulesLoaded(.failure(Sample.readFailed)))
        #expect(wizard.handle(.createTapped).isEmpty)
        guard case .editing(.permissions(let step)) = wizard.state else { Issue.record(); return }
        #expect(step.message == "The modules could not be loaded; press RETRY.")
        #expect(wizard.handle(.retryTapped) == [.loadModules])
    }
}
