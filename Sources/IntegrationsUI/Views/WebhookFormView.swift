import ConnectCore
import TerminalKit
import TokenWizard

/// The webhook form as a modal over the content area: one row per field, a message under a
/// field that has a problem, scrolled to keep the focus in view.
enum WebhookFormView {
    /// One row of the form.
    struct Line {
        var slot: WebhookForm.Slot?
        var draw: (inout Screen, Rect) -> Void
    }

    static let labelWidth = 16

    static func render(_ form: WebhookForm, _ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let inner = Overlays.panel(layout.content, title: form.title, &screen)
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height - 3)
        let lines = self.lines(form, body.width)
        // Scroll so the focused row (and its message) is in view.
        let focusIndex = lines.firstIndex { $0.slot == form.focus } ?? 0
        let start = max(0, min(focusIndex - body.height + 2, lines.count - body.height))
        for (row, line) in lines.dropFirst(start).prefix(body.height).enumerated() {
            line.draw(&screen, Rect(x: body.x, y: body.y + row, width: body.width, height: 1))
        }
        if start > 0 { screen.put("↑ more", x: body.maxX - 6, y: body.y, style: Style(.muted)) }
        if start + body.height < lines.count { screen.put("↓ more", x: body.maxX - 6, y: body.maxY - 1, style: Style(.muted)) }

        let buttonsY = inner.maxY - 1
        let keys = state.keymaps.webhookForm
        switch form.state {
        case .creating, .updating:
            let (doing, mayLand) = form.progress
            let seconds = AppView.waited(since: form.waitingSince, state)
            screen.put("\(Spinner.frame(state.tick)) \(doing)\(seconds)", x: body.x, y: inner.maxY - 2, style: Style(.muted), maxWidth: body.width)
            if mayLand {
                screen.put("\(state.keymaps.waiting.label(.cancel)) stops waiting", x: body.x, y: buttonsY, style: Style(.muted), maxWidth: max(0, body.width - 32))
            }
        case .editing, .confirmingDiscard:
            if let message = form.message {
                screen.put(message, x: body.x, y: inner.maxY - 2, style: Style(.error), maxWidth: body.width)
            }
            let hint = body.width >= 100
                ? "\(keys.label(.nextField)) moves · \(keys.label(.changePrevious))/\(keys.label(.changeNext)) class · \(keys.label(.toggle)) toggles · \(keys.label(.reveal)) shows secret · \(keys.label(.removeHeader)) drops header"
                : "\(keys.label(.reveal)) secret · \(keys.label(.removeHeader)) drop header"
            screen.put(hint, x: body.x, y: buttonsY, style: Style(.muted), maxWidth: max(0, body.width - 32))
        }
        FormChrome.renderButtons([
            .init("CANCEL", keys, .cancel),
            .init("SAVE", keys, .submit, primary: true),
        ], rightEdge: inner.maxX - 1, y: buttonsY, &screen)
    }

    static func lines(_ form: WebhookForm, _ width: Int) -> [Line] {
        let problems = form.showsProblems ? form.problems : [:]
        var lines: [Line] = []
        func label(_ text: String, _ slot: WebhookForm.Slot, _ screen: inout Screen, _ rect: Rect) -> Rect {
            let focused = form.focus == slot
            screen.put(text, x: rect.x, y: rect.y, style: Style(focused ? .accent : .muted, bold: focused), maxWidth: labelWidth - 1)
            return Rect(x: rect.x + labelWidth, y: rect.y, width: max(1, rect.width - labelWidth), height: 1)
        }
        func add(_ slot: WebhookForm.Slot, _ draw: @escaping (inout Screen, Rect) -> Void) {
            lines.append(Line(slot: slot, draw: draw))
            if let problem = problems[slot] {
                lines.append(Line(slot: nil) { screen, rect in
                    screen.put(problem, x: rect.x + labelWidth, y: rect.y, style: Style(.error), maxWidth: rect.width - labelWidth)
                })
            }
        }
        func text(_ title: String, _ slot: WebhookForm.Slot, masked: Bool = false, hint: String? = nil) {
            add(slot) { screen, rect in
                let field = label(title, slot, &screen, rect)
                var value = form[text: slot] ?? TextField()
                // Masked, the field shows a fixed row of dots: neither the secret nor its length.
                if masked, !form.revealsSecret { value = TextField(value.text.isEmpty ? "" : Secret.mask) }
                let fieldWidth = min(field.width, 64)
                screen.drawTextField(value, x: field.x, y: field.y, width: fieldWidth, focused: form.focus == slot)
                if let hint, form.focus == slot, field.width > fieldWidth + 2 {
                    screen.put(hint, x: field.x + fieldWidth + 1, y: field.y, style: Style(.muted), maxWidth: field.width - fieldWidth - 1)
                }
            }
        }
        add(.objectClass) { screen, rect in
            let field = label("Object class *", .objectClass, &screen, rect)
            screen.put("‹ \(form.objectClass.title) ›", x: field.x, y: field.y, style: Style(form.focus == .objectClass ? .accent : .text), maxWidth: field.width)
        }
        text("Label *", .label)
        text("Product ID *", .productID)
        text("External URL *", .externalURL)
        text("JWT secret *", .jwtSecret, masked: true)
        text("Description", .description)
        add(.active) { screen, rect in
            let field = label("Active", .active, &screen, rect)
            screen.put(form.active ? "[x] deliveries are sent" : "[ ] no deliveries", x: field.x, y: field.y, style: Style(form.focus == .active ? .accent : .text), maxWidth: field.width)
        }
        lines.append(Line(slot: nil) { screen, rect in
            screen.put("Headers", x: rect.x, y: rect.y, style: Style(.muted, bold: true))
            screen.put("sent with every delivery", x: rect.x + labelWidth, y: rect.y, style: Style(.muted), maxWidth: rect.width - labelWidth)
        })
        for index in form.headers.indices {
            let nameSlot = WebhookForm.Slot.headerName(index)
            let valueSlot = WebhookForm.Slot.headerValue(index)
            lines.append(Line(slot: nameSlot) { screen, rect in
                let nameWidth = min(24, max(8, (rect.width - labelWidth) / 3))
                let x = rect.x + 2
                screen.drawTextField(form.headers[index].name, x: x, y: rect.y, width: nameWidth, focused: form.focus == nameSlot)
                screen.put(":", x: x + nameWidth, y: rect.y, style: Style(.muted))
                let valueX = x + nameWidth + 2
                screen.drawTextField(form.headers[index].value, x: valueX, y: rect.y, width: max(1, min(48, rect.maxX - valueX)), focused: form.focus == valueSlot)
                if form.focus == nameSlot || form.focus == valueSlot {
                    screen.put("›", x: rect.x, y: rect.y, style: Style(.accent, bold: true))
                }
            })
            if let problem = problems[nameSlot] ?? problems[valueSlot] {
                lines.append(Line(slot: nil) { screen, rect in
                    screen.put(problem, x: rect.x + 2, y: rect.y, style: Style(.error), maxWidth: rect.width - 2)
                })
            }
        }
        lines.append(Line(slot: .addHeader) { screen, rect in
            screen.put("+ add header", x: rect.x + 2, y: rect.y, style: Style(.accent, bold: form.focus == .addHeader, reverse: form.focus == .addHeader))
        })
        // A header row's value shares the row of its name.
        return lines.map { line in
            guard case .headerName(let index)? = line.slot, form.focus == .headerValue(index) else { return line }
            return Line(slot: .headerValue(index), draw: line.draw)
        }
    }
}
