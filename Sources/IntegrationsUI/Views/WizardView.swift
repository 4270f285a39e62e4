import ConnectCore
import TerminalKit
import TokenWizard

/// The create-token wizard as a modal over the content area.
enum WizardView {
    static func render(_ ui: WizardUIState, _ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let outer = layout.content
        let inner = Overlays.panel(outer, title: "Create token – Step \(stepNumber(ui.machine.state))", &screen)
        renderSteps(ui.machine.state, inner, &screen)
        let body = Rect(x: inner.x + 1, y: inner.y + 2, width: inner.width - 2, height: inner.height - 4)
        switch ui.machine.state {
        case .editing(.general(let step)), .confirmingCancel(.general(let step)):
            renderGeneral(step, ui, state.keymaps.wizardGeneral, body, &screen)
        case .editing(.extension(let step)), .confirmingCancel(.extension(let step)):
            renderExtension(step, ui, state, body, &screen)
        case .editing(.permissions(let step)), .confirmingCancel(.permissions(let step)):
            renderPermissions(step, ui, state.keymaps.wizardPermissions, body, &screen)
        case .submitting(let submitting):
            renderSubmitting(submitting, state, body, &screen)
        case .summary(let summary):
            renderSummary(summary, ui, state.keymaps, body, &screen)
        case .closed:
            return
        }
        renderButtons(ui.machine.state, state.keymaps, Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1), &screen)
    }

    static func stepNumber(_ state: CreateTokenWizard.State) -> Int {
        switch state {
        case .editing(let step), .confirmingCancel(let step): step.number
        case .submitting: 3
        case .summary, .closed: 4
        }
    }

    /// `1 General  ›  2 Extension  ›  3 Permissions  ›  4 Summary`, current underlined, done ✓.
    static func renderSteps(_ state: CreateTokenWizard.State, _ rect: Rect, _ screen: inout Screen) {
        let current = stepNumber(state)
        var x = rect.x + 1
        for (index, title) in CreateTokenWizard.stepTitles.enumerated() {
            let number = index + 1
            let done = number < current
            let style = number == current ? Style(.stepCurrent) : done ? Style(.stepDone) : Style(.muted)
            x += screen.put("\(done ? "✓" : String(number)) \(title)", x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
            if number < 4 { x += screen.put("  ›  ", x: x, y: rect.y, style: Style(.muted), maxWidth: rect.maxX - x) }
        }
    }

    static func renderGeneral(
        _ step: CreateTokenWizard.GeneralStep, _ ui: WizardUIState, _ keys: Keymap<FormCommand>, _ rect: Rect, _ screen: inout Screen
    ) {
        let y = FormFields.render(ui.fields, focus: ui.focus, problems: step.problems, rect, &screen)
        screen.put(FormChrome.bindingLine(keys), x: rect.x, y: min(y, rect.maxY - 1), style: Style(.muted), maxWidth: rect.width)
    }

    static func renderExtension(_ step: CreateTokenWizard.ExtensionStep, _ ui: WizardUIState, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        screen.put("Choose the extension the token is for:", x: rect.x, y: rect.y, style: Style(.muted), maxWidth: rect.width)
        let table = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 4)
        switch step.list.content {
        case .loading: LoadStateView.loading("extensions", tick: state.tick, at: table, &screen)
        case .failed(let error): LoadStateView.failed(error, retryKey: state.keymaps.wizardExtension.label(.retry), at: table, &screen)
        case .loaded(let page):
            // The rows read as on the Extensions pane, after a mark for the one chosen.
            let chosen = step.input.extension?.id
            let columns: [ExtensionColumn] = [.name, .description, .id, .status]
            Table(
                columns: [Table.Column("", minWidth: 3, weight: 0)] + columns.map(\.spec.layout),
                rows: page.items.map { item in
                    [Table.Item(item.id == chosen ? "(•)" : "( )", Style(.accent))] + columns.map { ExtensionListKind.cell(item, $0, state) }
                },
                selected: page.items.isEmpty ? nil : min(ui.extensionCursor, page.items.count - 1), emptyMessage: "No extensions available"
            ).render(into: &screen, table)
            if let total = page.total, total > page.items.count {
                screen.put("\(page.request.offset + 1)–\(page.request.offset + page.items.count) of \(total)  [ ]", x: table.x, y: table.maxY, style: Style(.muted))
            }
        }
        if let message = step.message { screen.put(message, x: rect.x, y: rect.maxY - 1, style: Style(.error), maxWidth: rect.width) }
    }

    static func renderPermissions(
        _ step: CreateTokenWizard.PermissionsStep, _ ui: WizardUIState, _ keys: Keymap<FormCommand>, _ rect: Rect, _ screen: inout Screen
    ) {
        let name = step.chosen.subtitle ?? step.chosen.name
        if !step.configurable {
            screen.putWrapped(
                "\(name) sets the permissions of its tokens itself; there is nothing to choose here. Press \(keys.label(.submit)) to CREATE the token.",
                in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 3))
        } else {
            screen.put("Choose the modules the token may use (\(keys.label(.toggle)) checks):", x: rect.x, y: rect.y, style: Style(.muted), maxWidth: rect.width)
            FormChrome.renderModules(
                step.modules, step.input.modules, cursor: ui.moduleCursor, retryKey: keys.label(.retry),
                Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 4), &screen)
        }
        if let message = step.message {
            screen.putWrapped(message, in: Rect(x: rect.x, y: rect.maxY - 2, width: rect.width, height: 2), style: Style(.error))
        }
    }

    static func renderSubmitting(_ submitting: CreateTokenWizard.Submitting, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        let words = CreateTokenWizard.lostCreate
        var text: String
        switch submitting.phase {
        case .attempt(let attempt): text = words.progress(attempt)
        case .granting: text = "Granting the chosen modules…"
        }
        text += AppView.waited(since: state.wizard?.waitingSince, state)
        screen.put("\(Spinner.frame(state.tick)) \(text)", x: rect.x, y: rect.y, style: Style(.muted), maxWidth: rect.width)
        if submitting.mayLand {
            _ = screen.putWrapped(words.nothingSentAgain, in: Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: 2), style: Style(.muted))
        }
    }

    static func renderSummary(_ summary: CreateTokenWizard.Summary, _ ui: WizardUIState, _ keymaps: KeymapSet, _ rect: Rect, _ screen: inout Screen) {
        let token = summary.token
        let granted = summary.modules.filter { summary.granted.contains($0.id) }.map(\.name)
        screen.put("The token was created.", x: rect.x, y: rect.y, style: Style(.success))
        var rows = LabelRows(Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2), labelWidth: 14)
        rows.add(&screen, "Name", token.name ?? "", lines: 2)
        rows.add(&screen, "ID", token.id)
        rows.add(&screen, "Extension", "\(summary.extension.subtitle ?? summary.extension.name) \(summary.extension.id)", lines: 2)
        rows.add(&screen, "Description", token.description ?? "", lines: 2)
        rows.add(&screen, "External ID", token.externalID ?? "")
        rows.add(&screen, "Permissions", summary.configurable ? (granted.isEmpty ? "none" : granted.joined(separator: ", ")) : "set by the extension", lines: 2)
        rows.add(&screen, "Status", token.status?.title ?? "")
        var y = rows.y + 1
        screen.put("API Key", x: rect.x, y: y, style: Style(.muted, bold: true))
        if let key = token.apiKey {
            y += screen.putWrapped(ui.revealed ? key.unmaskedValue : key.masked, in: Rect(x: rect.x + 14, y: y, width: rect.width - 14, height: 2), style: Style(.secret))
            screen.put(SecretHint.text(revealed: ui.revealed, reveal: keymaps.wizardSummary.label(.reveal), copy: keymaps.wizardSummary.label(.copy)), x: rect.x + 14, y: y, style: Style(.keyHint))
        }
        if let warning = summary.warning {
            screen.putWrapped(warning, in: Rect(x: rect.x, y: rect.maxY - 2, width: rect.width, height: 2), style: Style(.warning))
        }
    }

    /// The portal's buttons for where the wizard is, each with its key; the primary one is on
    /// the right.
    static func renderButtons(_ state: CreateTokenWizard.State, _ keymaps: KeymapSet, _ rect: Rect, _ screen: inout Screen) {
        let buttons: [FormChrome.Button]
        switch state {
        case .editing(.general), .confirmingCancel(.general):
            let keys = keymaps.wizardGeneral
            buttons = [.init("CANCEL", keys, .cancel), .init("NEXT", keys, .submit, primary: true)]
        case .editing(.extension), .confirmingCancel(.extension):
            let keys = keymaps.wizardExtension
            buttons = [
                .init("CANCEL", keys, .cancel), .init("BACK", keys, .back),
                .init("NEXT", keys, .submit, primary: true),
            ]
        case .editing(.permissions), .confirmingCancel(.permissions):
            let keys = keymaps.wizardPermissions
            buttons = [
                .init("CANCEL", keys, .cancel), .init("BACK", keys, .back),
                .init("CREATE", keys, .submit, primary: true),
            ]
        case .submitting(let submitting):
            buttons = submitting.mayLand ? [.init("STOP WAITING", keymaps.waiting, .cancel)] : []
        case .summary:
            let keys = keymaps.wizardSummary
            buttons = [.init("CLOSE", keys, .cancel), .init("GO TO DETAILS", keys, .submit, primary: true)]
        case .closed: buttons = []
        }
        FormChrome.renderButtons(buttons, rightEdge: rect.maxX - 2, y: rect.y, &screen)
    }
}
