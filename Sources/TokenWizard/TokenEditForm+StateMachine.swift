import ConnectCore

extension TokenEditForm {
    /// Applies one event and returns the effects to perform; events that make no sense in the
    /// current phase change nothing.
    public mutating func handle(_ event: Event) -> [Effect] {
        switch phase {
        case .editing:
            return handleEditing(event)
        case .saving(let pending):
            return handleSaving(event, pending: pending)
        case .confirmingDiscard:
            return handleConfirming(event)
        case .closed:
            return []
        }
    }

    private mutating func handleEditing(_ event: Event) -> [Effect] {
        switch event {
        case .fieldEdited(let field, let text):
            input[field] = text
            message = nil
            return []
        case .moduleToggled(let moduleID):
            guard configurable, let modules = modules.value else { return [] }
            selection.toggle(moduleID, in: modules)
            return []
        case .allModulesToggled:
            guard configurable, let modules = modules.value, !modules.isEmpty else { return [] }
            selection.toggleAll(in: modules)
            return []
        case .modulesLoaded:
            return applyModules(event)
        case .retryTapped:
            guard configurable, modules.failure != nil else { return [] }
            modules = .loading
            return [.loadModules]
        case .saveTapped:
            return save()
        case .cancelTapped:
            if hasChanges {
                phase = .confirmingDiscard
                return []
            }
            phase = .closed(saved: savedSomething)
            return [.close(saved: savedSomething)]
        case .tokenUpdated, .permissionGranted, .permissionRevoked, .discardConfirmed,
            .keepEditingTapped:
            return []
        }
    }

    private mutating func applyModules(_ event: Event) -> [Effect] {
        guard case .modulesLoaded(let result) = event, configurable, modules.isLoading else {
            return []
        }
        modules = Loadable(result)
        return []
    }

    private mutating func save() -> [Effect] {
        guard canSave else {
            if !input.problems.isEmpty { showsProblems = true }
            if configurable, modules.value != nil, selection.isEmpty, !pendingRevokes.isEmpty {
                message = "Choose at least one module."
            }
            return []
        }
        var pending: Set<Change> = []
        var effects: [Effect] = []
        if let update = pendingUpdate {
            pending.insert(.update)
            effects.append(.updateToken(id: tokenID, update))
        }
        for moduleID in pendingGrants {
            pending.insert(.grant(moduleID))
            effects.append(.grantPermission(tokenID: tokenID, moduleID: moduleID))
        }
        for moduleID in pendingRevokes {
            pending.insert(.revoke(moduleID))
            effects.append(.revokePermission(tokenID: tokenID, moduleID: moduleID))
        }
        message = nil
        phase = .saving(pending: pending)
        return effects
    }

    private mutating func handleSaving(_ event: Event, pending: Set<Change>) -> [Effect] {
        var pending = pending
        let change: Change
        let failure: ConnectError?
        switch event {
        case .tokenUpdated(let result):
            change = .update
            guard pending.contains(change) else { return [] }
            switch result {
            case .success:
                for field in GeneralField.allCases {
                    input[field] = GeneralField.trimmed(input[field])
                    saved[field] = input[field]
                }
                failure = nil
            case .failure(let error):
                failure = error
            }
        case .permissionGranted(let moduleID, let outcome):
            change = .grant(moduleID)
            guard pending.contains(change) else { return [] }
            failure = outcome.failure
            if failure == nil { savedModules.insert(moduleID) }
        case .permissionRevoked(let moduleID, let outcome):
            change = .revoke(moduleID)
            guard pending.contains(change) else { return [] }
            failure = outcome.failure
            if failure == nil { savedModules.remove(moduleID) }
        case .modulesLoaded:
            return applyModules(event)
        case .fieldEdited, .moduleToggled, .allModulesToggled, .retryTapped, .saveTapped,
            .cancelTapped, .discardConfirmed, .keepEditingTapped:
            return []
        }
        pending.remove(change)
        if failure == nil { savedSomething = true }
        if let failure, message == nil { message = "Not everything was saved: \(failure.description)" }
        guard pending.isEmpty else {
            phase = .saving(pending: pending)
            return []
        }
        if message == nil {
            phase = .closed(saved: true)
            return [.close(saved: true)]
        }
        phase = .editing
        return []
    }

    private mutating func handleConfirming(_ event: Event) -> [Effect] {
        switch event {
        case .discardConfirmed:
            phase = .closed(saved: savedSomething)
            return [.close(saved: savedSomething)]
        case .keepEditingTapped, .cancelTapped:
            phase = .editing
            return []
        case .modulesLoaded:
            return applyModules(event)
        case .fieldEdited, .moduleToggled, .allModulesToggled, .retryTapped, .saveTapped,
            .tokenUpdated, .permissionGranted, .permissionRevoked:
            return []
        }
    }
}

extension WriteOutcome {
    /// The error, when the write failed.
    public var failure: ConnectError? {
        switch self {
        case .succeeded: nil
        case .failed(let error): error
        }
    }
}
