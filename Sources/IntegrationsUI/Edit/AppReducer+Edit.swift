import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    static func openEditForm(_ token: Token, now: Date, _ state: inout AppState) -> [AppEffect] {
        let (form, effects) = TokenEditForm.editing(token)
        state.editForm = EditFormUIState(form: form)
        return effects.flatMap { editEffect($0, now: now, &state) }
    }

    /// Keys while the edit form is open (modal).
    static func handleEditForm(_ key: Key, now: Date, _ state: inout AppState) -> [AppEffect] {
        guard var ui = state.editForm else { return [] }
        var events: [TokenEditForm.Event] = []
        if case .confirmingDiscard = ui.form.phase {
            switch key {
            case .character("y"), .character("d"): events = [.discardConfirmed]
            case .character("n"), .escape, .enter: events = [.keepEditingTapped]
            default: break
            }
        } else {
            let order = ui.order
            let position = order.firstIndex(of: ui.focus) ?? 0
            let modules = ui.form.modules.value ?? []
            switch (key, ui.focus) {
            case (.tab, _), (.down, .field):
                ui.focus = order[(position + 1) % order.count]
            case (.backTab, _), (.up, .field):
                ui.focus = order[(position + order.count - 1) % order.count]
            case (.down, .modules), (.character("j"), .modules): ui.moduleCursor = min(modules.count, ui.moduleCursor + 1)
            case (.up, .modules), (.character("k"), .modules): ui.moduleCursor = max(0, ui.moduleCursor - 1)
            case (.character(" "), .modules):
                events = ui.moduleCursor == 0 ? [.allModulesToggled] : modules.indices.contains(ui.moduleCursor - 1) ? [.moduleToggled(modules[ui.moduleCursor - 1].id)] : []
            case (.character("r"), .modules): events = [.retryTapped]
            case (.enter, _), (.control("s"), _): events = [.saveTapped]
            case (.escape, _): events = [.cancelTapped]
            case (_, .field(let field)):
                var text = ui.fields[field] ?? TextField(limit: field.limit)
                if text.handle(key) {
                    ui.fields[field] = text
                    events = [.fieldEdited(field, text.text)]
                }
            case (_, .modules): break
            }
        }
        state.editForm = ui
        return events.flatMap { editFormEvent($0, now: now, &state) }
    }

    /// Feeds one event to the form and turns its effects into the app's.
    static func editFormEvent(_ event: TokenEditForm.Event, now: Date, _ state: inout AppState) -> [AppEffect] {
        guard var ui = state.editForm else { return [] }
        let effects = ui.form.handle(event)
        // A save trims the fields; show them as saved.
        if case .tokenUpdated(.success) = event {
            for field in GeneralField.allCases where ui.fields[field]?.text != ui.form.input[field] {
                ui.fields[field] = TextField(ui.form.input[field], limit: field.limit)
            }
        }
        state.editForm = ui
        return effects.flatMap { editEffect($0, now: now, &state) }
    }

    static func editEffect(_ effect: TokenEditForm.Effect, now: Date, _ state: inout AppState) -> [AppEffect] {
        switch effect {
        case .loadModules, .updateToken, .grantPermission, .revokePermission:
            return [.editForm(effect)]
        case .close(let saved):
            let tokenID = state.editForm?.form.tokenID
            state.editForm = nil
            guard saved, let tokenID else { return [] }
            state.status = .info("Token \(tokenID) saved.", now: now)
            state.details?.token = .loading
            return [.loadToken(id: tokenID), reloadTokens(&state)]
        }
    }
}
