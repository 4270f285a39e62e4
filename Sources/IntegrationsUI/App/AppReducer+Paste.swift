import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// A paste goes whole into the focused text field, or nowhere: it is never read as keys,
    /// so pasted text cannot press `.`, `x` or `y`. What does not fit is refused at once.
    /// Returns nil when the paste should go on to the focused field as a key.
    static func refusePaste(_ text: String, _ state: inout AppState) -> [AppEffect]? {
        guard let field = focusedTextField(state) else {
            state.status = .info("Pasted text is ignored here: it is never read as keys. Paste into a text field.")
            return []
        }
        guard field.pasteText(text) == nil else { return nil }
        state.status = .error(
            "Paste refused: \(text.count) characters where \(field.limit - field.characters.count) fit (the field holds \(field.limit)). Nothing was inserted.")
        return []
    }

    /// The text field that typing would edit now, if any: the top modal's focused field.
    static func focusedTextField(_ state: AppState) -> TextField? {
        if state.isTooSmall || state.topModal?.discardQuestion != nil { return nil }
        switch state.topModal {
        case .editForm(let ui)?:
            guard case .field(let field) = ui.focus else { return nil }
            return ui.fields[field] ?? TextField(limit: field.limit)
        case .webhookForm(let form)?:
            return form.isBusy ? nil : form[text: form.focus]
        case .wizard(let ui)?:
            guard case .editing(.general) = ui.machine.state else { return nil }
            return ui.field(ui.focus)
        case .filterLine(_, let line)?: return line.text
        case .filter(_, let editor)?: return editor.onText ? editor.text : nil
        case .permissionFilter(let field)?: return field
        case .exportFile(let file)?: return file.asksToReplace ? nil : file.path
        case .help(let help)?: return help.search
        case .draftOffer?, .switcher?, .menu?, .confirm?, .bulk?, .columns?, .export?, nil: return nil
        }
    }
}
