import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// A paste goes whole into the focused text field, or nowhere: it is never read as keys,
    /// so pasted text cannot press `.`, `x` or `y`. What does not fit is refused at once.
    /// Returns nil when the paste should go on to the focused field as a key.
    static func refusePaste(_ text: String, now: Date, _ state: inout AppState) -> [AppEffect]? {
        guard let field = focusedTextField(state) else {
            state.status = .info("Pasted text is ignored here: it is never read as keys. Paste into a text field.", now: now)
            return []
        }
        guard field.pasteText(text) == nil else { return nil }
        state.status = .error(
            "Paste refused: \(text.count) characters where \(field.limit - field.characters.count) fit (the field holds \(field.limit)). Nothing was inserted.")
        return []
    }

    /// The text field that typing would edit now, if any; in the order `handle` routes keys.
    static func focusedTextField(_ state: AppState) -> TextField? {
        if state.isTooSmall || state.showsHelp || state.offeredDraft != nil { return nil }
        if let ui = state.editForm {
            guard case .field(let field) = ui.focus else { return nil }
            return ui.fields[field] ?? TextField(limit: field.limit)
        }
        if let form = state.webhookForm { return form[text: form.focus] }
        if let ui = state.wizard {
            guard case .editing(.general) = ui.machine.state else { return nil }
            return ui.field(ui.focus)
        }
        if state.switcher != nil || state.confirm != nil || state.menu != nil { return nil }
        if let editor = state.tokens.filterEditor { return editor.field == .name ? editor.name : nil }
        if let editor = state.webhooks.filterEditor { return editor.field == .search ? editor.search : nil }
        if state.webhooks.columns.isOpen || state.tokens.columns.isOpen { return nil }
        if let details = state.details, details.editingPermissionFilter, state.pane == .tokens {
            return TextField(details.permissionFilter)
        }
        return nil
    }
}
