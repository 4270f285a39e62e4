import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    static func openEditForm(_ token: Token, _ state: inout AppState) -> [AppEffect] {
        if refusedReadOnly("editing a token", &state) { return [] }
        let (form, effects) = TokenEditForm.editing(token)
        state.modals.append(.editForm(EditFormUIState(form: form)))
        return effects.flatMap { editEffect($0, &state) }
    }

    /// Keys while the edit form is open (modal): the fields' keymap, or the permissions'
    /// when the module list has the focus.
    static func handleEditForm(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var ui = state.editForm else { return [] }
        var events: [TokenEditForm.Event] = []
        if case .confirmingDiscard = ui.form.phase {
            events = discardAnswer(key, state).map { [$0 ? .discardConfirmed : .keepEditingTapped] } ?? []
        } else {
            let modules = ui.form.modules.value ?? []
            let keymap = ui.focus == .modules ? state.keymaps.editPermissions : state.keymaps.editForm
            switch (keymap.command(for: key), ui.focus) {
            case (.nextField?, _): ui.focus = ui.order.cycled(from: ui.focus, by: 1)
            case (.previousField?, _): ui.focus = ui.order.cycled(from: ui.focus, by: -1)
            case (.down?, _): ui.moduleCursor = min(modules.count, ui.moduleCursor + 1)
            case (.up?, _): ui.moduleCursor = max(0, ui.moduleCursor - 1)
            case (.toggle?, _):
                events = ui.moduleCursor == 0 ? [.allModulesToggled] : modules[safe: ui.moduleCursor - 1].map { [.moduleToggled($0.id)] } ?? []
            case (.retry?, _): events = [.retryTapped]
            case (.submit?, _), (.save?, _): events = [.saveTapped]
            case (.cancel?, _): events = [.cancelTapped]
            case (.back?, _), (.nextPage?, _), (.previousPage?, _), (.reveal?, _), (.copy?, _), (.export?, _), (.removeHeader?, _),
                (.changeNext?, _), (.changePrevious?, _), (nil, .modules):
                break
            case (nil, .field(let field)):
                var text = ui.fields[field] ?? TextField(limit: field.limit)
                if text.handle(key, keymap: state.keymaps.text) {
                    ui.fields[field] = text
                    events = [.fieldEdited(field, text.text)]
                }
            }
        }
        state.editForm = ui
        return events.flatMap { editFormEvent($0, &state) }
    }

    /// Feeds one event to the form and turns its effects into the app's.
    static func editFormEvent(_ event: TokenEditForm.Event, _ state: inout AppState) -> [AppEffect] {
        guard var ui = state.editForm else { return [] }
        let effects = ui.form.handle(event)
        // A save trims the fields; show them as saved.
        if case .tokenUpdated(.success) = event {
            for field in GeneralField.allCases where ui.fields[field]?.text != ui.form.input[field] {
                ui.fields[field] = TextField(ui.form.input[field], limit: field.limit)
            }
        }
        state.editForm = ui
        return effects.flatMap { editEffect($0, &state) }
    }

    static func editEffect(_ effect: TokenEditForm.Effect, _ state: inout AppState) -> [AppEffect] {
        switch effect {
        case .loadModules, .updateToken, .grantPermission, .revokePermission:
            return [.editForm(effect)]
        case .close(let saved):
            let tokenID = state.editForm?.form.tokenID
            state.editForm = nil
            guard saved, let tokenID else { return [] }
            state.status = .info("Token \(tokenID) saved.")
            state.details?.token = .loading
            return [.loadToken(id: tokenID), reload(TokenListKind.self, &state)]
        }
    }
}
