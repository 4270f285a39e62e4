import ConnectCore

extension CreateTokenWizard {
    /// How the wizard speaks of a CREATE whose answer was lost.
    public static let lostCreate = LostCreateWording(noun: "token", button: "CREATE", list: "Tokens", severalNote: "; none was given modules")

    // MARK: - After CREATE

    mutating func handle(_ event: Event, submitting: Submitting) -> [Effect] {
        var submitting = submitting
        switch (event, submitting.phase) {
        case (.creation(let answer), .attempt(let attempt)):
            return go(attempt.answered(answer, Self.lostCreate), submitting)
        case (.cancelTapped, .attempt(let attempt)):
            return go(attempt.stopWaiting(Self.lostCreate), submitting)
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
        case (.creation, .granting), (.permissionGranted, .attempt), (.cancelTapped, .granting),
            (.fieldEdited, _), (.nextTapped, _), (.backTapped, _),
            (.createTapped, _), (.retryTapped, _), (.extensionsLoaded, _),
            (.extensionsNextPageTapped, _), (.extensionsPreviousPageTapped, _),
            (.extensionChosen, _), (.modulesLoaded, _), (.moduleToggled, _),
            (.allModulesToggled, _), (.discardConfirmed, _), (.keepEditingTapped, _),
            (.goToDetailsTapped, _), (.closeTapped, _):
            return []
        }
    }

    /// Where the CREATE's attempt went: on, to the grants, or back to Permissions.
    private mutating func go(_ next: TokenCreation.Next, _ submitting: Submitting) -> [Effect] {
        var submitting = submitting
        switch next {
        case .going(let attempt, let request):
            submitting.phase = .attempt(attempt)
            state = .submitting(submitting)
            return request.map { [.creation($0)] } ?? []
        case .made(let token):
            return created(token, submitting)
        case .stopped(let message, let pending):
            return backToPermissions(submitting, message: message, pending: pending)
        case .refused(let error):
            return backToPermissions(submitting, message: error.description, pending: nil)
        case .ignored:
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

    private mutating func backToPermissions(_ submitting: Submitting, message: String, pending: TokenCreateClaim?)
        -> [Effect]
    {
        var step = submitting.returnStep
        step.message = message
        step.pendingClaim = pending
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
            .modulesLoaded, .moduleToggled, .allModulesToggled, .creation,
            .discardConfirmed, .keepEditingTapped:
            return []
        }
    }
}
