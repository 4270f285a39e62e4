import ConnectCore
import TerminalKit
import TokenWizard

/// What opens over the route: one switch draws each modal, one says where it is (for clicks).
enum Overlays {
    static func render(_ modal: Modal, _ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let frame = frame(of: modal, state, layout)
        switch modal {
        case .wizard(let ui): WizardView.render(ui, state, layout, &screen)
        case .editForm(let ui): EditFormView.render(ui, state, layout, &screen)
        case .webhookForm(let form): WebhookFormView.render(form, state, layout, &screen)
        case .draftOffer(let draft): renderDraftOffer(draft, state, frame, &screen)
        case .switcher(let switcher): renderSwitcher(switcher, state, frame, &screen)
        case .menu(let menu): renderMenu(menu, state, frame, &screen)
        case .confirm(let dialog): renderConfirm(dialog, state, frame, &screen)
        case .bulk(let run): BulkView.render(run, state, frame, &screen)
        case .export(let menu): renderExport(menu, state, frame, &screen)
        case .exportFile(let file): renderExportFile(file, state, frame, &screen)
        case .filterLine(let id, let line): renderFilterLine(id, line, state, frame, &screen)
        case .filter(_, let editor): renderFilter(editor, state, frame, &screen)
        case .columns(let id, let cursor): renderColumns(id.kind, cursor: cursor, state, frame, &screen)
        case .permissionFilter:
            break  // it draws in the details' FILTER row
        case .help(let help): HelpView.render(help, state, &screen)
        }
        if let question = modal.discardQuestion { FormChrome.renderDiscard(question, state, in: layout.content, &screen) }
    }

    /// Where a modal is on screen.
    static func frame(of modal: Modal, _ state: AppState, _ layout: Layout) -> Rect {
        let content = layout.content
        switch modal {
        case .wizard, .editForm, .webhookForm: return content
        case .draftOffer: return content.centered(width: min(60, content.width), height: 7)
        case .switcher:
            return content.centered(width: min(72, content.width), height: min(content.height, state.accountChoices.count + 4))
        case .menu(let menu): return content.centered(width: 30, height: menu.items.count + 2)
        case .export: return content.centered(width: min(84, content.width), height: KeyExport.Format.allCases.count + 5)
        case .exportFile(let file): return content.centered(width: min(72, content.width), height: file.asksToReplace ? 8 : 7)
        case .confirm(let dialog):
            let width = min(60, content.width)
            return content.centered(width: width, height: confirmLines(dialog, width: width, content).count + 5)
        case .bulk(let run):
            let width = BulkView.width(in: content.width)
            return content.centered(width: width, height: min(content.height, BulkView.lines(run, tick: 0, width: width - 4).count + 5))
        case .filterLine: return Rect(x: content.x, y: content.y + 1, width: content.width, height: 1)
        case .filter(_, let editor): return content.centered(width: min(64, content.width), height: editor.choices.count * 2 + 5)
        case .columns(let id, _): return content.centered(width: 34, height: AppReducer.columnCount(id.kind) + 4)
        case .permissionFilter: return Rect(x: content.x, y: content.y + 5, width: content.width, height: 1)
        case .help: return Rect(x: 0, y: 0, width: state.size.columns, height: state.size.rows)
        }
    }

    static func renderDraftOffer(_ draft: WizardDraft, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        let inner = panel(frame, title: "Unfinished token", &screen)
        let name = draft.input.general.name.isEmpty ? "a new token" : "“\(draft.input.general.name)”"
        screen.putWrapped("connect-tui stopped while you were creating \(name). Resume where you left off?", in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 3))
        screen.put(FormChrome.hintLine(state.keymaps.draftOffer.hints), x: inner.x + 1, y: inner.maxY - 1, style: Style(.keyHint))
    }

    /// The filter line, over the list's toolbar: `/`, the text, its keys, and how many rows
    /// match so far (at the edge, where the toolbar shows it).
    static func renderFilterLine(_ id: ListID, _ line: FilterLine, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        screen.fill(frame)
        let hints = FormChrome.hintLine(state.keymaps.filterLine.hints)
        let range = rangeText(id.kind, state)
        let used = screen.put("/ ", x: frame.x, y: frame.y, style: Style(.accent, bold: true))
        let width = max(1, min(48, frame.width - used - hints.displayWidth - range.displayWidth - 4))
        screen.drawTextField(line.text, x: frame.x + used, y: frame.y, width: width, focused: true)
        let hintsX = frame.x + used + width + 2
        let drawn = screen.put(hints, x: hintsX, y: frame.y, style: Style(.muted), maxWidth: frame.maxX - hintsX)
        let rangeX = max(hintsX + drawn + 2, frame.maxX - range.displayWidth)
        screen.put(range, x: rangeX, y: frame.y, style: Style(.muted), maxWidth: frame.maxX - rangeX)
    }

    private static func rangeText<K: ListKind>(_ kind: K.Type, _ state: AppState) -> String {
        state[keyPath: K.path].rangeText
    }

    /// A box over what is below; its keys (when given) on its last inner row.
    static func panel(_ rect: Rect, title: String, hints: String? = nil, _ screen: inout Screen) -> Rect {
        screen.fill(rect)
        screen.drawBox(rect, title: title, focused: true)
        let inner = rect.inset(1)
        if let hints { screen.put(hints, x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width - 2) }
        return inner
    }

    /// A list's filter: the text, then each choice as ‹ value ›; the keys at the foot.
    static func renderFilter(_ editor: FilterEditor, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        let hints = FormChrome.hintLine(state.keymaps.filter.hints)
        let inner = panel(frame, title: editor.title, hints: editor.note.map { "\($0) · \(hints)" } ?? hints, &screen)
        let labels = [editor.textLabel] + editor.choices.map(\.label)
        let valueX = inner.x + 2 + (labels.map(\.displayWidth).max() ?? 0) + 2
        for (index, label) in labels.enumerated() {
            let y = inner.y + index * 2
            let focused = editor.field == index
            screen.put(label, x: inner.x + 1, y: y, style: Style(focused ? .accent : .muted, bold: focused))
            if index == 0 {
                screen.drawTextField(editor.text, x: valueX, y: y, width: inner.maxX - valueX - 1, focused: focused)
            } else {
                let choice = editor.choices[index - 1]
                screen.put("‹ \(choice.options[choice.selected].title) ›", x: valueX, y: y, style: Style(focused ? .accent : .text), maxWidth: inner.maxX - valueX - 1)
            }
        }
    }

    static func renderColumns<K: ListKind>(_ kind: K.Type, cursor: Int, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        let all = K.Column.allCases
        let shown = state[keyPath: K.path].columns.shown
        let inner = panel(frame, title: "Columns", hints: FormChrome.hintLine(state.keymaps.columns.hints), &screen)
        Checklist(items: all.map { (title: $0.title, checked: shown.contains($0)) }, cursor: cursor)
            .render(into: &screen, Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: all.count))
    }

    static func renderMenu(_ menu: ActionsMenu, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        let inner = panel(frame, title: "Actions", &screen)
        for (index, item) in menu.items.enumerated() {
            let style = index == menu.selected ? Style(.selection) : Style(.text)
            let key = state.keymaps.menu.label(item.action.pick)
            screen.put(" \(key)  \(item.title)".fitted(toWidth: inner.width), x: inner.x, y: inner.y + index, style: style)
            screen.put(key, x: inner.x + 1, y: inner.y + index, style: Style(index == menu.selected ? .selection : .keyHint, underline: true))
        }
    }

    /// The confirmation's message, wrapped whole to the dialog's width.
    static func confirmLines(_ confirm: ConfirmDialog, width: Int, _ content: Rect) -> [String] {
        Screen.wrap(SafeText.visible(confirm.message), width: width - 4, maxLines: max(1, content.height - 7))
    }

    static func renderConfirm(_ confirm: ConfirmDialog, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        let lines = confirmLines(confirm, width: frame.width, Layout(state.size).content)
        // Border, message, a blank row, the buttons, the key hint.
        let inner = panel(frame, title: confirm.title, hints: FormChrome.hintLine(state.keymaps.confirm.hints), &screen)
        for (index, line) in lines.enumerated() {
            screen.put(line, x: inner.x + 1, y: inner.y + index, maxWidth: inner.width - 2)
        }
        let buttonsY = inner.maxY - 2
        var x = inner.maxX - 1 - "[ CANCEL ]".displayWidth - 2 - "[ \(confirm.confirmTitle) ]".displayWidth
        let keymap = state.keymaps.confirm
        let cancelWidth = screen.drawButton("CANCEL", x: x, y: buttonsY, focused: !confirm.confirmFocused)
        if let key = keymap.key(.cancel) { screen.addTarget(Rect(x: x, y: buttonsY, width: cancelWidth, height: 1), press: key) }
        x += cancelWidth + 2
        let confirmWidth = screen.drawButton(confirm.confirmTitle, x: x, y: buttonsY, focused: confirm.confirmFocused, primary: true)
        if let key = keymap.key(.confirm) { screen.addTarget(Rect(x: x, y: buttonsY, width: confirmWidth, height: 1), press: key) }
    }

    static func renderSwitcher(_ switcher: AccountSwitcher, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        let choices = state.accountChoices
        let hints = FormChrome.hintLine(state.keymaps.switcher.hints) + "  ·  every pane reloads"
        let inner = panel(frame, title: "Switch account", hints: hints, &screen)
        let visible = inner.height - 2
        let first = max(0, switcher.cursor - visible + 1)
        for (row, index) in (first..<min(choices.count, first + visible)).enumerated() {
            let choice = choices[index]
            let current = choice == state.currentAccount
            let style = index == switcher.cursor ? Style(.selection) : Style(current ? .accent : .text)
            let endpoint = choice.origin == .sandbox ? "built-in local Connect" : (choice.endpoint?.host ?? "")
            let line = "\(current ? "●" : " ") \(choice.name)"
            screen.put(line.fitted(toWidth: inner.width), x: inner.x, y: inner.y + row, style: style)
            let detail = "\(choice.origin.label) · \(endpoint) "
            let detailWidth = min(detail.displayWidth, max(0, inner.width - line.displayWidth - 2))
            screen.put(detail.truncated(toWidth: detailWidth), x: inner.maxX - detailWidth, y: inner.y + row, style: index == switcher.cursor ? style : Style(.muted))
        }
    }

    /// The export menu: each format with what it is for.
    static func renderExport(_ menu: ExportMenu, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        let inner = panel(frame, title: "Export the key of \(menu.tokenID)", hints: FormChrome.hintLine(state.keymaps.export.hints), &screen)
        screen.put("The endpoint and the key, as another tool reads them:", x: inner.x + 1, y: inner.y, style: Style(.muted), maxWidth: inner.width - 2)
        for (index, format) in KeyExport.Format.allCases.enumerated() {
            let selected = index == menu.cursor
            let y = inner.y + 2 + index
            screen.put(" \(format.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))\(format.summary)".fitted(toWidth: inner.width), x: inner.x, y: y, style: selected ? Style(.selection) : Style(.text))
        }
    }

    /// Where an export is written, and (when the file exists) whether to replace it.
    static func renderExportFile(_ file: ExportFile, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        let inner = panel(frame, title: "Write the \(file.format.rawValue) export of \(file.tokenID)", &screen)
        screen.put("File (0600; relative to the folder connect-tui started in):", x: inner.x + 1, y: inner.y, style: Style(.muted), maxWidth: inner.width - 2)
        screen.drawTextField(file.path, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, focused: !file.asksToReplace)
        if file.asksToReplace {
            screen.put("It exists. Replace it?", x: inner.x + 1, y: inner.y + 3, style: Style(.warning), maxWidth: inner.width - 2)
            let keys = state.keymaps.confirm
            screen.put("\(keys.label(.confirm)) replaces · \(keys.label(.cancel)) keeps it (choose another name)", x: inner.x + 1, y: inner.maxY - 1, style: Style(.keyHint), maxWidth: inner.width - 2)
        } else {
            screen.put(FormChrome.hintLine(state.keymaps.exportFile.hints), x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width - 2)
        }
    }
}
