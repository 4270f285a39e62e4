import ConnectCore

extension CreateTokenWizard {
    /// Applies one event and returns the effects to perform. Events that make no sense where
    /// the wizard is leave it unchanged and return nothing.
    public mutating func handle(_ event: Event) -> [Effect] {
        switch state {
        case .editing(let step):
            return handle(event, editing: step)
        case .confirmingCancel(let step):
            return handle(event, confirming: step)
        case .submitting(let submitting):
            return handle(event, submitting: submitting)
        case .summary(let summary):
            return handle(event, summary: summary)
        case .closed:
            return []
        }
    }

    // MARK: - Steps 1–3

    private mutating func handle(_ event: Event, editing step: Step) -> [Effect] {
        if case .cancelTapped = event {
            if hasTypedInput(step.input) {
                state = .confirmingCancel(step)
                return []
            }
            state = .closed(createdTokenID: nil)
            return [.close(createdTokenID: nil)]
        }
        switch step {
        case .general(let general):
            return handle(event, general: general)
        case .extension(let choosing):
            return handle(event, extension: choosing)
        case .permissions(let permissions):
            return handle(event, permissions: permissions)
        }
    }

    private mutating func handle(_ event: Event, general step: GeneralStep) -> [Effect] {
        var step = step
        switch event {
        case .fieldEdited(let field, let text):
            step.input.general[field] = text
            state = .editing(.general(step))
            return []
        case .nextTapped:
            guard let valid = step.input.general.validated else {
                step.showsProblems = true
                state = .editing(.general(step))
                return []
            }
            let list = ExtensionList(page: firstExtensionsPage, content: .loading)
            state = .editing(.extension(ExtensionStep(input: step.input, general: valid, list: list)))
            return [.loadExtensions(list.page)]
        case .backTapped, .cancelTapped, .createTapped, .retryTapped, .extensionsLoaded,
            .extensionsNextPageTapped, .extensionsPreviousPageTapped, .extensionChosen,
            .modulesLoaded, .moduleToggled, .allModulesToggled, .creation,
            .permissionGranted, .discardConfirmed, .keepEditingTapped, .goToDetailsTapped,
            .closeTapped:
            return []
        }
    }

    private mutating func handle(_ event: Event, extension step: ExtensionStep) -> [Effect] {
        var step = step
        switch event {
        case .extensionsLoaded(let page, let result):
            guard page == step.list.page, step.list.content.isLoading else { return [] }
            step.list.content = Loadable(result)
            state = .editing(.extension(step))
            return []
        case .retryTapped:
            guard step.list.content.failure != nil else { return [] }
            step.list.content = .loading
            state = .editing(.extension(step))
            return [.loadExtensions(step.list.page)]
        case .extensionsNextPageTapped, .extensionsPreviousPageTapped:
            guard let loaded = step.list.content.value else { return [] }
            let forward = event == .extensionsNextPageTapped
            guard forward ? loaded.hasNext : loaded.hasPrevious else { return [] }
            step.list = ExtensionList(
                page: forward ? step.list.page.next : step.list.page.previous, content: .loading)
            state = .editing(.extension(step))
            return [.loadExtensions(step.list.page)]
        case .extensionChosen(let chosen):
            guard let offered = step.list.content.value?.items.first(where: { $0.id == chosen.id })
            else { return [] }
            step.input.extension = offered
            step.message = nil
            state = .editing(.extension(step))
            return []
        case .nextTapped:
            guard let chosen = step.input.extension else {
                step.message = "Choose an extension to continue."
                state = .editing(.extension(step))
                return []
            }
            let configurable = rule.isConfigurable(chosen)
            let permissions = PermissionsStep(
                input: step.input, general: step.general, chosen: chosen,
                configurable: configurable, modules: configurable ? .loading : .loaded([]),
                message: nil, pendingClaim: nil, extensions: step.list)
            state = .editing(.permissions(permissions))
            return configurable ? [.loadModules] : []
        case .backTapped:
            state = .editing(.general(GeneralStep(input: step.input)))
            return []
        case .fieldEdited, .cancelTapped, .createTapped, .modulesLoaded, .moduleToggled,
            .allModulesToggled, .creation, .permissionGranted,
            .discardConfirmed, .keepEditingTapped, .goToDetailsTapped, .closeTapped:
            return []
        }
    }

    private mutating func handle(_ event: Event, permissions step: PermissionsStep) -> [Effect] {
        var step = step
        switch event {
        case .modulesLoaded(let result):
            guard step.configurable, step.modules.isLoading else { return [] }
            switch result {
            case .success(let modules):
                step.modules = .loaded(modules)
                step.input.modules.keepOnly(modules)
            case .failure(let error):
                step.modules = .failed(error)
            }
            state = .editing(.permissions(step))
            return []
        case .retryTapped:
            guard step.configurable, step.modules.failure != nil else { return [] }
            step.modules = .loading
            state = .editing(.permissions(step))
            return [.loadModules]
        case .moduleToggled(let moduleID):
            guard step.configurable, let modules = step.modules.value else { return [] }
            let before = step.input.modules
            step.input.modules.toggle(moduleID, in: modules)
            guard step.input.modules != before else { return [] }
            step.message = nil
            state = .editing(.permissions(step))
            return []
        case .allModulesToggled:
            guard step.configurable, let modules = step.modules.value, !modules.isEmpty else {
                return []
            }
            step.input.modules.toggleAll(in: modules)
            step.message = nil
            state = .editing(.permissions(step))
            return []
        case .createTapped:
            return create(from: step)
        case .backTapped:
            let list = step.extensions ?? ExtensionList(page: firstExtensionsPage, content: .loading)
            let reload = step.extensions == nil || list.content.isLoading
            state = .editing(.extension(ExtensionStep(input: step.input, general: step.general, list: list)))
            return reload ? [.loadExtensions(list.page)] : []
        case .fieldEdited, .nextTapped, .cancelTapped, .extensionsLoaded, .extensionsNextPageTapped,
            .extensionsPreviousPageTapped, .extensionChosen, .creation,
            .permissionGranted, .discardConfirmed, .keepEditingTapped, .goToDetailsTapped,
            .closeTapped:
            return []
        }
    }

    private mutating func create(from step: PermissionsStep) -> [Effect] {
        var step = step
        if step.configurable {
            let refusal: String? =
                switch step.modules {
                case .loading: "Wait until the modules have loaded."
                case .failed: "The modules could not be loaded; press RETRY."
                case .loaded: step.input.modules.isEmpty ? "Choose at least one module." : nil
                }
            if let refusal {
                step.message = refusal
                state = .editing(.permissions(step))
                return []
            }
        }
        let request = TokenCreate(
            name: step.general.name, description: step.general.description,
            externalID: step.general.externalID, extensionID: step.chosen.id)
        step.message = nil
        let (attempt, first) = TokenCreation.start(request, pending: step.pendingClaim)
        state = .submitting(Submitting(returnStep: step, phase: .attempt(attempt)))
        return [.creation(first)]
    }

    /// Whether leaving now would throw away something the user entered.
    func hasTypedInput(_ input: WizardInput) -> Bool {
        input.general.hasText || !input.modules.isEmpty
            || input.extension?.id != preselectedExtensionID
    }

    // MARK: - Cancel confirmation

    private mutating func handle(_ event: Event, confirming step: Step) -> [Effect] {
        switch event {
        case .discardConfirmed:
            state = .closed(createdTokenID: nil)
            return [.close(createdTokenID: nil)]
        case .keepEditingTapped, .cancelTapped:
            state = .editing(step)
            return []
        case .extensionsLoaded, .modulesLoaded:
            // Answers keep arriving behind the dialog; the step must not stay loading.
            state = .editing(step)
            let effects = handle(event, editing: step)
            if case .editing(let updated) = state { state = .confirmingCancel(updated) }
            return effects
        case .fieldEdited, .nextTapped, .backTapped, .createTapped, .retryTapped,
            .extensionsNextPageTapped, .extensionsPreviousPageTapped, .extensionChosen,
            .moduleToggled, .allModulesToggled, .creation,
            .permissionGranted, .goToDetailsTapped, .closeTapped:
            return []
        }
    }
}
