import ConnectCore

extension CreateTokenWizard {
    /// How the wizard speaks of a CREATE whose answer was lost.
    static let lostCreate = LostCreateWording(noun: "token", button: "CREATE", list: "Tokens")
}

extension CreateTokenWizard {
    // MARK: - After CREATE

    mutating func handle(_ event: Event, submitting: Submitting) -> [Effect] {
        var submitting = submitting
        switch (event, submitting.phase) {
        case (.createPrepared(.success(let claim)), .preparing):
            submitting.claim = claim
            submitting.phase = .creating
            state = .submitting(submitting)
            return [.createToken(claim.body)]
        case (.createPrepared(.failure(let error)), .preparing):
            // Nothing was sent: CREATE can simply be pressed again.
            return backToPermissions(submitting, message: "Nothing was created: \(error.description).", pending: nil)
        case (.tokenCreated(.success(let token)), .creating):
            return created(token, submitting)
        case (.tokenCreated(.failure(let error)), .creating):
            if error.outcomeUnknown, let claim = submitting.claim {
                submitting.phase = .checkingLostCreate(createIfMissing: false)
                state = .submitting(submitting)
                return [.findLostToken(claim)]
            }
            return backToPermissions(submitting, message: error.description, pending: nil)
        case (.lostTokenSearched(.success(.found(let token))), .checkingLostCreate):
            return created(token, submitting)
        case (.lostTokenSearched(.success(.several(let tokens))), .checkingLostCreate):
            return backToPermissions(
                submitting, message: Self.lostCreate.several(tokens.map(\.id), note: "; none was given modules"),
                pending: submitting.claim)
        case (.lostTokenSearched(.success(.absent)), .checkingLostCreate(let createIfMissing)):
            if createIfMissing, let claim = submitting.claim {
                submitting.phase = .creating
                state = .submitting(submitting)
                return [.createToken(claim.body)]
            }
            return backToPermissions(submitting, message: Self.lostCreate.absent, pending: nil)
        case (.lostTokenSearched(.failure(let error)), .checkingLostCreate):
            return backToPermissions(submitting, message: Self.lostCreate.unknown(error.detail), pending: submitting.claim)
        case (.cancelTapped, .creating), (.cancelTapped, .checkingLostCreate):
            // Stop waiting: the request may still land, so the next CREATE looks first.
            return backToPermissions(submitting, message: Self.lostCreate.stoppedWaiting, pending: submitting.claim)
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
        case (.createPrepared, .creating), (.createPrepared, .checkingLostCreate), (.createPrepared, .granting),
            (.tokenCreated, .preparing), (.tokenCreated, .checkingLostCreate), (.tokenCreated, .granting),
            (.lostTokenSearched, .preparing), (.lostTokenSearched, .creating), (.lostTokenSearched, .granting),
            (.permissionGranted, .preparing), (.permissionGranted, .creating), (.permissionGranted, .checkingLostCreate),
            (.cancelTapped, .preparing), (.cancelTapped, .granting),
            (.fieldEdited, _), (.nextTapped, _), (.backTapped, _),
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
            .modulesLoaded, .moduleToggled, .allModulesToggled, .createPrepared, .tokenCreated, .lostTokenSearched,
            .discardConfirmed, .keepEditingTapped:
            return []
        }
    }
}
