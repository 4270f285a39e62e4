import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    static func openWizard(preselected: Extension? = nil, _ state: inout AppState) -> [AppEffect] {
        if refusedReadOnly("creating a token", &state) { return [] }
        state.modals.append(.wizard(WizardUIState(machine: CreateTokenWizard(extensionsPageSize: 10, preselected: preselected))))
        // Step 2's first page is read while the user types step 1.
        let first = PageRequest(limit: 10, offset: 0)
        guard state.extensionList.recent.entry(ListQuery(), first, now: state.now) == nil else { return [] }
        return [.readAhead(.extensions, ListQuery(), first, generation: state.extensionList.recent.generation)]
    }

    /// "Resume the unfinished token?": confirm resumes it where it was left, cancel discards it.
    static func answerDraftOffer(_ draft: WizardDraft, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        switch state.keymaps.draftOffer.command(for: key) {
        case .confirm?, .press?:
            state.closeTopModal()
            guard let (machine, effects) = try? CreateTokenWizard.restoring(draft, extensionsPageSize: 10) else {
                state.status = .error("The saved draft is from another version and cannot be resumed.")
                return [.deleteDraft]
            }
            var ui = WizardUIState(machine: machine)
            for field in GeneralField.allCases { ui.fields[field] = TextField(draft.input.general[field], limit: field.limit) }
            state.route = .tokenList
            state.modals.append(.wizard(ui))
            return effects.map { .wizard($0) } + [.deleteDraft]
        case .cancel?:
            state.closeTopModal()
            return [.deleteDraft]
        case .moveFocus?, nil:
            return []
        }
    }

    /// The keymap of the wizard's state: each step has its own.
    static func wizardKeymap(_ machine: CreateTokenWizard, _ keymaps: KeymapSet) -> Keymap<FormCommand>? {
        switch machine.state {
        case .editing(.general): keymaps.wizardGeneral
        case .editing(.extension): keymaps.wizardExtension
        case .editing(.permissions): keymaps.wizardPermissions
        case .submitting: keymaps.waiting
        case .summary: keymaps.wizardSummary
        case .confirmingCancel, .closed: nil
        }
    }

    /// Keys while the wizard is open: it is modal, so it sees every key.
    static func handleWizard(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var ui = state.wizard else { return [] }
        if case .closed = ui.machine.state {
            state.wizard = nil
            return []
        }
        if case .confirmingCancel = ui.machine.state {
            return discardAnswer(key, state).map { wizardEvent($0 ? .discardConfirmed : .keepEditingTapped, &state) } ?? []
        }
        guard let keymap = wizardKeymap(ui.machine, state.keymaps) else { return [] }
        let command = keymap.command(for: key)
        var events: [CreateTokenWizard.Event] = []
        switch (ui.machine.state, command) {
        case (.summary, .cancel?): events = [.closeTapped]
        case (_, .cancel?): events = [.cancelTapped]
        case (.submitting, _):
            // Nothing the user presses can send CREATE again; cancel only stops waiting.
            break
        case (.editing(.general), .nextField?): ui.focus = GeneralField.allCases.cycled(from: ui.focus, by: 1)
        case (.editing(.general), .previousField?): ui.focus = GeneralField.allCases.cycled(from: ui.focus, by: -1)
        case (.editing(.general), .submit?), (.editing(.general), .save?): events = [.nextTapped]
        case (.editing(.general), _):
            var field = ui.field(ui.focus)
            if command == nil, field.handle(key, keymap: state.keymaps.text) {
                ui.fields[ui.focus] = field
                events = [.fieldEdited(ui.focus, field.text)]
            }
        case (.editing(.extension(let step)), let command?):
            let items = step.list.content.value?.items ?? []
            switch command {
            case .down: ui.extensionCursor = min(max(0, items.count - 1), ui.extensionCursor + 1)
            case .up: ui.extensionCursor = max(0, ui.extensionCursor - 1)
            case .toggle: if let item = items[safe: ui.extensionCursor] { events = [.extensionChosen(item)] }
            case .submit, .save:
                // NEXT on a row with nothing chosen yet chooses it and goes on.
                if step.input.extension == nil, let item = items[safe: ui.extensionCursor] { events = [.extensionChosen(item)] }
                events.append(.nextTapped)
            case .nextPage:
                events = [.extensionsNextPageTapped]
                ui.extensionCursor = 0
            case .previousPage:
                events = [.extensionsPreviousPageTapped]
                ui.extensionCursor = 0
            case .retry: events = [.retryTapped]
            case .back: events = [.backTapped]
            case .nextField, .previousField, .cancel, .reveal, .copy, .export, .removeHeader, .changeNext, .changePrevious: break
            }
        case (.editing(.permissions(let step)), let command?):
            let modules = step.modules.value ?? []
            switch command {
            case .down: ui.moduleCursor = min(modules.count, ui.moduleCursor + 1)
            case .up: ui.moduleCursor = max(0, ui.moduleCursor - 1)
            case .toggle:
                events = ui.moduleCursor == 0 ? [.allModulesToggled] : modules[safe: ui.moduleCursor - 1].map { [.moduleToggled($0.id)] } ?? []
            case .submit, .save: events = [.createTapped]
            case .retry: events = [.retryTapped]
            case .back: events = [.backTapped]
            case .nextField, .previousField, .cancel, .nextPage, .previousPage, .reveal, .copy, .export, .removeHeader, .changeNext,
                .changePrevious:
                break
            }
        case (.summary(let summary), let command?):
            switch command {
            case .reveal: ui.revealed.toggle()
            case .copy:
                state.wizard = ui
                return [.copyAPIKey(tokenID: summary.token.id)]
            case .export:
                state.wizard = ui
                state.modals.append(.export(ExportMenu(tokenID: summary.token.id)))
                return []
            case .submit, .save: events = [.goToDetailsTapped]
            case .retry: events = [.retryTapped]
            case .nextField, .previousField, .down, .up, .toggle, .back, .cancel, .nextPage, .previousPage, .removeHeader,
                .changeNext, .changePrevious:
                break
            }
        case (.editing(.extension), nil), (.editing(.permissions), nil), (.summary, nil), (.confirmingCancel, _), (.closed, _):
            break
        }
        state.wizard = ui
        return events.flatMap { wizardEvent($0, &state) }
    }

    /// Feeds one event to the machine and turns its effects into the app's.
    static func wizardEvent(_ event: CreateTokenWizard.Event, _ state: inout AppState) -> [AppEffect] {
        guard var ui = state.wizard else { return [] }
        let effects = ui.machine.handle(event)
        state.wizard = ui
        var out: [AppEffect] = []
        for effect in effects {
            switch effect {
            case .loadExtensions(let page):
                // A page read ahead (or lately) is answered at once.
                if let read = state.extensionList.recent.entry(ListQuery(), page, now: state.now) {
                    out += wizardEvent(.extensionsLoaded(page, .success(read.page)), &state)
                } else {
                    out.append(.wizard(effect))
                }
            case .loadModules, .creation, .grantPermission:
                out.append(.wizard(effect))
            case .openDetails(let tokenID):
                state.wizard = nil
                out.append(.deleteDraft)
                out.append(reload(TokenListKind.self, &state))
                out += openDetails(tokenID, &state)
            case .close(let createdTokenID):
                state.wizard = nil
                out.append(.deleteDraft)
                if let createdTokenID {
                    // The list is newest first: the new token is on the first page.
                    state.tokens.offset = 0
                    state.tokens.cursorID = createdTokenID
                    out.append(reload(TokenListKind.self, &state))
                }
            }
        }
        return out
    }
}
