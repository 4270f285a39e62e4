import ConnectCore

extension CreateTokenWizard {
    // MARK: - After CREATE

    mutating func handle(_ event: Event, submitting: Submitting) -> [Effect] {
        var submitting = submitting
        switch (event, submitting.phase) {
        case (.tokenCreated(.success(let token)), .creating):
            return created(token, submitting)
        case (.tokenCreated(.failure(let error)), .creating):
            if error.outcomeUnknown {
                submitting.phase = .checkingLostCreate(createIfMissing: false)
                state = .submitting(submitting)
                return [.findLostToken(submitting.request)]
            }
            return backToPermissions(submitting, message: error.description, mustCheck: false)
        case (.lostTokenSearched(.success(let found?)), .checkingLostCreate):
            return created(found, submitting)
        case (.lostTokenSearched(.success(nil)), .checkingLostCreate(let createIfMissing)):
            if createIfMissing {
                submitting.phase = .creating
                state = .submitting(submitting)
                return [.createToken(submitting.request)]
            }
            return backToPermissions(
                submitting,
                message: "The answer to CREATE was lost, and no such token exists: it was not created. Press CREATE to try again.",
                mustCheck: false)
        case (.lostTokenSearched(.failure(let error)), .checkingLostCreate):
            return backToPermissions(
                submitting,
                message: "It is not known whether the token was created (\(error.detail)). CREATE will look for it first.",
                mustCheck: true)
        case (.permissionGranted(let moduleID, let outcome), .granting(let token, var pending, var granted, var failures)):
            guard pending.remove(moduleID) != nil else { return [] }
            switch outcome {
            case .succeeded: granted.insert(moduleID)
            case .failed(let error): failures[moduleID] = error
            }
            guard pending.isEmpty else {
                submitting.phase = .granting(token, pending: pending, granted: granted, failures: failures)
                state = .submitting(submitting)
                return []
            }
            state = .summary(summary(token, submitting, granted: granted, failures: failures))
            return []
        case (.tokenCreated, .checkingLostCreate), (.tokenCreated, .granting),
            (.lostTokenSearched, .creating), (.lostTokenSearched, .granting),
            (.permissionGranted, .creating), (.permissionGranted, .checkingLostCreate),
            (.fieldEdited, _), (.nextTapped, _), (.backTapped, _), (.cancelTapped, _),
            (.createTapped, _), (.retryTapped, _), (.extensionsLoaded, _),
            (.extensionsNextPageTapped, _), (.extensionsPreviousPageTapped, _),
            (.extensionChosen, _), (.modulesLoaded, _), (.moduleToggled, _),
            (.allModulesToggled, _), (.discardConfirmed, _), (.keepEditingTapped, _),
            (.goToDetailsTapped, _), (.closeTapped, _):
            return []
        }
    }

    private mutating func created(_ token: Token, _ submitting: Submitting) -> [Effect] {
        var submitting = submitting
        let moduleIDs = submitting.returnStep.configurable ? submitting.returnStep.input.modules.sorted : []
        guard !moduleIDs.isEmpty else {
            state = .summary(summary(token, submitting, granted: [], failures: [:]))
            return []
        }
        submitting.phase = .granting(token, pending: Set(moduleIDs), granted: [], failures: [:])
        state = .submitting(submitting)
        return moduleIDs.map { .grantPermission(tokenID: token.id, moduleID: $0) }
    }

    private mutating func backToPermissions(_ submitting: Submitting, message: String, mustCheck: Bool)
        -> [Effect]
    {
        var step = submitting.returnStep
        step.message = message
        step.mustCheckBeforeCreate = mustCheck
        state = .editing(.permissions(step))
        return []
    }

    private func summary(
        _ token: Token, _ submitting: Submitting, granted: Set<String>, failures: [String: ConnectError]
    ) -> Summary {
        let step = submitting.returnStep
        return Summary(
            token: token, extension: step.chosen, modules: step.modules.value ?? [],
            granted: granted, failedGrants: failures, retrying: [], configurable: step.configurable)
    }

    // MARK: - Step 4

    mutating func handle(_ event: Event, summary: Summary) -> [Effect] {
        var summary = summary
        switch event {
        case .goToDetailsTapped:
            state = .closed(createdTokenID: summary.token.id)
            return [.openDetails(tokenID: summary.token.id)]
        case .closeTapped, .cancelTapped:
            state = .closed(createdTokenID: summary.token.id)
            return [.close(createdTokenID: summary.token.id)]
        case .retryTapped:
            let again = Set(summary.failedGrants.keys).subtracting(summary.retrying)
            guard !again.isEmpty else { return [] }
            summary.retrying.formUnion(again)
            state = .summary(summary)
            return again.sorted().map { .grantPermission(tokenID: summary.token.id, moduleID: $0) }
        case .permissionGranted(let moduleID, let outcome):
            guard summary.retrying.remove(moduleID) != nil else { return [] }
            switch outcome {
            case .succeeded:
                summary.failedGrants[moduleID] = nil
                summary.granted.insert(moduleID)
            case .failed(let error):
                summary.failedGrants[moduleID] = error
            }
            state = .summary(summary)
            return []
        case .fieldEdited, .nextTapped, .backTapped, .createTapped, .extensionsLoaded,
            .extensionsNextPageTapped, .extensionsPreviousPageTapped, .extensionChosen,
            .modulesLoaded, .moduleToggled, .allModulesToggled, .tokenCreated, .lostTokenSearched,
            .discardConfirmed, .keepEditingTapped:
            return []
        }
    }
}
