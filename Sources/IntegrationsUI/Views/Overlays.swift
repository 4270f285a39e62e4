import TerminalKit
import TokenWizard

/// What opens over the panes: the filter editor, the column chooser, the actions menu, a
/// confirmation, and the key help.
enum Overlays {
    static func render(_ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        if let editor = state.tokens.filterEditor { renderFilter(editor, state, layout, &screen) }
        if state.tokens.columns.isOpen { renderColumns(state.tokens.columns, title: \.title, layout, &screen) }
        if let editor = state.webhooks.filterEditor { renderWebhookFilter(editor, layout, &screen) }
        if state.webhooks.columns.isOpen { renderColumns(state.webhooks.columns, title: \.title, layout, &screen) }
        if let menu = state.menu { renderMenu(menu, layout, &screen) }
        if let confirm = state.confirm { renderConfirm(confirm, layout, &screen) }
        if let draft = state.offeredDraft { renderDraftOffer(draft, layout, &screen) }
        if let switcher = state.switcher { renderSwitcher(switcher, state, layout, &screen) }
        if state.showsHelp { renderHelp(state, layout, &screen) }
    }

    static func renderDraftOffer(_ draft: WizardDraft, _ layout: Layout, _ screen: inout Screen) {
        let inner = panel(layout.content.centered(width: min(60, layout.content.width), height: 7), title: "Unfinished token", &screen)
        let name = draft.input.general.name.isEmpty ? "a new token" : "“\(draft.input.general.name)”"
        screen.putWrapped("connect-tui stopped while you were creating \(name). Resume where you left off?", in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 3))
        screen.put("y resume  ·  n discard", x: inner.x + 1, y: inner.maxY - 1, style: Style(.keyHint))
    }

    static func panel(_ rect: Rect, title: String, _ screen: inout Screen) -> Rect {
        screen.fill(rect)
        screen.drawBox(rect, title: title, focused: true)
        return rect.inset(1)
    }

    static func renderFilter(_ editor: FilterEditor, _ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let inner = panel(layout.content.centered(width: 56, height: 9), title: "Filter tokens", &screen)
        let labels = ["Name", "Status", "Extension"]
        for (index, label) in labels.enumerated() {
            let y = inner.y + index * 2
            let focused = editor.field.rawValue == index
            screen.put(label, x: inner.x + 1, y: y, style: Style(focused ? .accent : .muted, bold: focused))
            let valueX = inner.x + 12
            switch FilterEditor.Field(rawValue: index)! {
            case .name: screen.drawTextField(editor.name, x: valueX, y: y, width: inner.width - 13, focused: focused)
            case .status: screen.put("‹ \(editor.status?.title ?? "Any") ›", x: valueX, y: y, style: Style(focused ? .accent : .text))
            case .extension:
                let name = editor.extensionID.map { id in (state.extensions.value ?? []).first { $0.id == id }.map { "\($0.subtitle ?? $0.name) \(id)" } ?? id } ?? "Any"
                screen.put("‹ \(name) ›", x: valueX, y: y, style: Style(focused ? .accent : .text), maxWidth: inner.width - 13)
            }
        }
        screen.put("Enter applies · Esc clears · Tab next · ←/→ change", x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width - 2)
    }

    static func renderColumns<Column>(_ choice: ColumnChoice<Column>, title: (Column) -> String, _ layout: Layout, _ screen: inout Screen) {
        let all = Column.allCases
        let inner = panel(layout.content.centered(width: 34, height: all.count + 4), title: "Columns", &screen)
        Checklist(items: all.map { (title: title($0), checked: choice.shown.contains($0)) }, cursor: choice.cursor)
            .render(into: &screen, Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: all.count))
        screen.put("Space shows/hides · Enter done", x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width - 2)
    }

    static func renderWebhookFilter(_ editor: WebhookFilterEditor, _ layout: Layout, _ screen: inout Screen) {
        let inner = panel(layout.content.centered(width: 60, height: 9), title: "Filter webhooks", &screen)
        for field in WebhookFilterEditor.Field.allCases {
            let y = inner.y + field.rawValue * 2
            let focused = editor.field == field
            let valueX = inner.x + 15
            switch field {
            case .search:
                screen.put("Search", x: inner.x + 1, y: y, style: Style(focused ? .accent : .muted, bold: focused))
                screen.drawTextField(editor.search, x: valueX, y: y, width: inner.width - 16, focused: focused)
            case .status:
                screen.put("Status", x: inner.x + 1, y: y, style: Style(focused ? .accent : .muted, bold: focused))
                let status = editor.active.map { $0 ? "Active" : "Inactive" } ?? "Any"
                screen.put("‹ \(status) ›", x: valueX, y: y, style: Style(focused ? .accent : .text))
            case .objectClass:
                screen.put("Object class", x: inner.x + 1, y: y, style: Style(focused ? .accent : .muted, bold: focused))
                screen.put("‹ \(editor.objectClass?.title ?? "Any") ›", x: valueX, y: y, style: Style(focused ? .accent : .text))
            }
        }
        screen.put("Searches label, description, id, product · Enter applies · Esc clears", x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width - 2)
    }

    static func renderMenu(_ menu: ActionsMenu, _ layout: Layout, _ screen: inout Screen) {
        let inner = panel(layout.content.centered(width: 30, height: menu.items.count + 2), title: "Actions", &screen)
        for (index, item) in menu.items.enumerated() {
            let style = index == menu.selected ? Style(.selection) : Style(.text)
            screen.put(" \(item.shortcut)  \(item.title)".fitted(toWidth: inner.width), x: inner.x, y: inner.y + index, style: style)
            screen.put(String(item.shortcut), x: inner.x + 1, y: inner.y + index, style: Style(index == menu.selected ? .selection : .keyHint, underline: true))
        }
    }

    static func renderConfirm(_ confirm: ConfirmDialog, _ layout: Layout, _ screen: inout Screen) {
        let width = min(60, layout.content.width)
        let lines = Screen.wrap(SafeText.visible(confirm.message), width: width - 4, maxLines: max(1, layout.content.height - 7))
        // Border, message, a blank row, the buttons, the key hint.
        let inner = panel(layout.content.centered(width: width, height: lines.count + 5), title: confirm.title, &screen)
        for (index, line) in lines.enumerated() {
            screen.put(line, x: inner.x + 1, y: inner.y + index, maxWidth: inner.width - 2)
        }
        let buttonsY = inner.maxY - 2
        var x = inner.maxX - 1 - "[ CANCEL ]".displayWidth - 2 - "[ \(confirm.confirmTitle) ]".displayWidth
        x += screen.drawButton("CANCEL", x: x, y: buttonsY, focused: !confirm.confirmFocused) + 2
        screen.drawButton(confirm.confirmTitle, x: x, y: buttonsY, focused: confirm.confirmFocused, primary: true)
        screen.put("y confirms · n or Esc cancels · Tab moves", x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width - 2)
    }

    static func renderSwitcher(_ switcher: AccountSwitcher, _ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let choices = state.accountChoices
        let height = min(layout.content.height, choices.count + 4)
        let inner = panel(layout.content.centered(width: min(72, layout.content.width), height: height), title: "Switch account", &screen)
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
        screen.put("Enter switches · Esc closes · every pane reloads", x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width - 2)
    }

    static func renderHelp(_ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let inner = panel(screen.bounds, title: "Keys  (any key closes)", &screen)
        // Sections flow down columns; a section's title never sits alone at a column's foot.
        let columnWidth = max(30, min(44, (inner.width - 2) / 2))
        var x = inner.x + 1
        var y = inner.y
        for keymap in state.keymaps.all {
            if y > inner.y, y + 3 > inner.maxY {
                x += columnWidth + 2
                y = inner.y
            }
            guard x + columnWidth <= inner.maxX + 1 else { return }
            screen.put(keymap.title, x: x, y: y, style: Style(.title, bold: true), maxWidth: columnWidth)
            y += 1
            for binding in keymap.bindings {
                if y >= inner.maxY {
                    x += columnWidth + 2
                    y = inner.y
                    guard x + columnWidth <= inner.maxX + 1 else { return }
                }
                screen.put(binding.keyLabel.fitted(toWidth: 11), x: x, y: y, style: Style(.keyHint))
                screen.put(binding.help, x: x + 12, y: y, maxWidth: columnWidth - 12)
                y += 1
            }
            y += 1
        }
    }
}
