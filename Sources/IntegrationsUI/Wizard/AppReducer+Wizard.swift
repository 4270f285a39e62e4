import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    static func openWizard(preselected: Extension? = nil, _ state: inout AppState) -> [AppEffect] {
        state.wizard = WizardUIState(machine: CreateTokenWizard(extensionsPageSize: 10, preselected: preselected))
        return []
    }

    /// "Resume the unfinished token?": `y` resumes it where it was left, `n` discards it.
    static func answerDraftOffer(_ draft: WizardDraft, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        switch key {
        case .character("y"), .enter:
            state.offeredDraft = nil
            guard let (machine, effects) = try? CreateTokenWizard.restoring(draft, extensionsPageSize: 10) else {
                state.status = .error("The saved draft is from another version and cannot be resumed.")
                return [.deleteDraft]
            }
            var ui = WizardUIState(machine: machine)
            for field in GeneralField.allCases { ui.fields[field] = TextField(draft.input.general[field], limit: field.limit) }
            state.wizard = ui
            state.pane = .tokens
            state.details = nil
            return effects.map { .wizard($0) } + [.deleteDraft]
        case .character("n"), .escape:
            state.offeredDraft = nil
            return [.deleteDraft]
        default:
            return []
        }
    }

    /// Keys while the wizard is open: it is modal, so it sees every key.
    static func handleWizard(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var ui = state.wizard else { return [] }
        var events: [CreateTokenWizard.Event] = []
        switch ui.machine.state {
        case .editing(.general):
            switch key {
            case .tab, .down: ui.focus = GeneralField.allCases[(ui.focus.index + 1) % 3]
            case .backTab, .up: ui.focus = GeneralField.allCases[(ui.focus.index + 2) % 3]
            case .enter: events = [.nextTapped]
            case .escape: events = [.cancelTapped]
            default:
                var field = ui.field(ui.focus)
                if field.handle(key) {
                    ui.fields[ui.focus] = field
                    events = [.fieldEdited(ui.focus, field.text)]
                }
            }
        case .editing(.extension(let step)):
            let items = step.list.content.value?.items ?? []
            switch key {
            case .down, .character("j"): ui.extensionCursor = min(max(0, items.count - 1), ui.extensionCursor + 1)
            case .up, .character("k"): ui.extensionCursor = max(0, ui.extensionCursor - 1)
            case .character(" "): if items.indices.contains(ui.extensionCursor) { events = [.extensionChosen(items[ui.extensionCursor])] }
            case .enter:
                // Enter on a row with nothing chosen yet chooses it and goes on.
                if step.input.extension == nil, items.indices.contains(ui.extensionCursor) {
                    events = [.extensionChosen(items[ui.extensionCursor])]
                }
                events.append(.nextTapped)
            case .character("]"):
                events = [.extensionsNextPageTapped]
                ui.extensionCursor = 0
            case .character("["):
                events = [.extensionsPreviousPageTapped]
                ui.extensionCursor = 0
            case .character("r"): events = [.retryTapped]
            case .control("b"): events = [.backTapped]
            case .escape: events = [.cancelTapped]
            default: break
            }
        case .editing(.permissions(let step)):
            let modules = step.modules.value ?? []
            switch key {
            case .down, .character("j"): ui.moduleCursor = min(modules.count, ui.moduleCursor + 1)
            case .up, .character("k"): ui.moduleCursor = max(0, ui.moduleCursor - 1)
            case .character(" "):
                events = ui.moduleCursor == 0 ? [.allModulesToggled] : modules.indices.contains(ui.moduleCursor - 1) ? [.moduleToggled(modules[ui.moduleCursor - 1].id)] : []
            case .enter: events = [.createTapped]
            case .character("r"): events = [.retryTapped]
            case .control("b"): events = [.backTapped]
            case .escape: events = [.cancelTapped]
            default: break
            }
        case .confirmingCancel:
            switch key {
            case .character("y"), .character("d"): events = [.discardConfirmed]
            case .character("n"), .escape, .enter: events = [.keepEditingTapped]
            default: break
            }
        case .submitting:
            // Nothing the user presses can send CREATE again; Esc only stops waiting.
            if key == .escape { events = [.cancelTapped] }
        case .summary(let summary):
            switch key {
            case .character("v"): ui.revealed.toggle()
            case .character("y"):
                state.wizard = ui
                return [.copyAPIKey(tokenID: summary.token.id)]
            case .enter: events = [.goToDetailsTapped]
            case .escape: events = [.closeTapped]
            case .character("r"): events = [.retryTapped]
            default: break
            }
        case .closed:
            state.wizard = nil
            return []
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
            case .loadExtensions, .loadModules, .prepareCreate, .createToken, .findLostToken, .grantPermission:
                out.append(.wizard(effect))
            case .openDetails(let tokenID):
                state.wizard = nil
                out.append(.deleteDraft)
                out.append(reloadTokens(&state))
                out += openDetails(tokenID, &state)
            case .close(let createdTokenID):
                state.wizard = nil
                out.append(.deleteDraft)
                if let createdTokenID {
                    // The list is newest first: the new token is on the first page.
                    state.tokens.offset = 0
                    state.tokens.cursorID = createdTokenID
                    out.append(reloadTokens(&state))
                }
            }
        }
        return out
    }
}

extension GeneralField {
    var index: Int { GeneralField.allCases.firstIndex(of: self) ?? 0 }
}
