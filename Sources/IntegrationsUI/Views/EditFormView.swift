import ConnectCore
import TerminalKit
import TokenWizard

/// The token edit form as a modal over the content area.
enum EditFormView {
    static func render(_ ui: EditFormUIState, _ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let outer = layout.content
        let inner = Overlays.panel(outer, title: "Edit token \(ui.form.tokenID)", &screen)
        let body = Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 3)
        var focusedField: GeneralField?
        if case .field(let field) = ui.focus { focusedField = field }
        var y = FormFields.render(ui.fields, focus: focusedField, problems: ui.form.problems, body, &screen)
        if ui.form.configurable {
            let focused = ui.focus == .modules
            screen.put("Permissions (\(state.keymaps.editPermissions.label(.toggle)) checks)", x: body.x, y: y, style: Style(focused ? .accent : .muted, bold: focused))
            y += 1
            FormChrome.renderModules(
                ui.form.modules, ui.form.selection, cursor: focused ? ui.moduleCursor : -1, retryKey: state.keymaps.editPermissions.label(.retry),
                Rect(x: body.x, y: y, width: body.width, height: max(1, body.maxY - y - 2)), &screen)
        } else {
            screen.put("Its extension sets this token's permissions.", x: body.x, y: y, style: Style(.muted), maxWidth: body.width)
        }
        if let message = ui.form.message {
            screen.putWrapped(message, in: Rect(x: body.x, y: body.maxY - 1, width: body.width, height: 2), style: Style(.error))
        }
        let buttonsY = inner.maxY - 1
        if case .saving = ui.form.phase {
            screen.put("\(Spinner.frame(state.tick)) Saving…", x: body.x, y: buttonsY, style: Style(.muted))
        }
        let keymap = ui.focus == .modules ? state.keymaps.editPermissions : state.keymaps.editForm
        FormChrome.renderButtons([
            .init("CANCEL", keymap, .cancel),
            .init("SAVE", keymap, .submit, primary: true, enabled: ui.form.canSave),
        ], rightEdge: inner.maxX - 1, y: buttonsY, &screen)
    }
}
