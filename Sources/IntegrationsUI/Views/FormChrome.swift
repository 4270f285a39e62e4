import ConnectCore
import TerminalKit
import TokenWizard

/// What the wizard and the forms share on screen: the row of buttons, each with its key from
/// the keymap, and the "discard?" question.
enum FormChrome {
    struct Button {
        var title: String
        /// The key's name beside the button.
        var key: String
        /// What a click on the button presses: its key.
        var press: Key?
        var primary = false
        var enabled = true

        init<C>(_ title: String, _ keymap: Keymap<C>, _ command: C, primary: Bool = false, enabled: Bool = true) {
            self.title = title
            key = keymap.label(command)
            press = keymap.key(command)
            self.primary = primary
            self.enabled = enabled
        }
    }

    /// `[ CANCEL ] Esc  [ SAVE ] Enter`, ending at `rightEdge`.
    static func renderButtons(_ buttons: [Button], rightEdge: Int, y: Int, _ screen: inout Screen) {
        let width = buttons.reduce(0) { $0 + "[ \($1.title) ] \($1.key)".displayWidth + 2 } - 2
        var x = rightEdge - width
        for (index, button) in buttons.enumerated() {
            if button.enabled {
                let width = screen.drawButton(button.title, x: x, y: y, focused: false, primary: button.primary)
                if let press = button.press { screen.addTarget(Rect(x: x, y: y, width: width, height: 1), press: press) }
                x += width
            } else {
                x += screen.put("[ \(button.title) ]", x: x, y: y, style: Style(.muted))
            }
            x += screen.put(" \(button.key)" + (index < buttons.count - 1 ? "  " : ""), x: x, y: y, style: Style(.keyHint))
        }
    }

    /// The modules to check ("All modules" first), or why they are not there yet.
    static func renderModules(
        _ modules: Loadable<[Module]>, _ selection: ModuleSelection, cursor: Int, retryKey: String, _ rect: Rect, _ screen: inout Screen
    ) {
        switch modules {
        case .loading:
            screen.put("Loading modules…", x: rect.x, y: rect.y, style: Style(.muted))
        case .failed(let error):
            screen.putWrapped(error.description + " Press \(retryKey) to try again.", in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 3), style: Style(.error))
        case .loaded(let modules):
            let items = [(title: "All modules", checked: selection.isAll(of: modules))] + modules.map { (title: $0.name, checked: selection.contains($0.id)) }
            Checklist(items: items, cursor: cursor).render(into: &screen, Rect(x: rect.x, y: rect.y, width: min(rect.width, 40), height: rect.height))
        }
    }

    /// "Discard …?" over a form: what is lost, an optional warning, the keys.
    static func renderDiscard(_ question: DiscardQuestion, _ state: AppState, in outer: Rect, _ screen: inout Screen) {
        let width = min(54, outer.width)
        let warningLines = question.warning.map { Screen.wrap($0, width: width - 4, maxLines: 3) } ?? []
        let box = outer.centered(width: width, height: 5 + warningLines.count + (warningLines.isEmpty ? 0 : 1))
        screen.fill(box)
        screen.drawBox(box, title: question.title, focused: true)
        screen.put("What you entered will be lost.", x: box.x + 2, y: box.y + 1, maxWidth: box.width - 4)
        for (index, line) in warningLines.enumerated() {
            screen.put(line, x: box.x + 2, y: box.y + 2 + index, style: Style(.warning), maxWidth: box.width - 4)
        }
        screen.put(hintLine(state.keymaps.discard.hints), x: box.x + 2, y: box.maxY - 2, style: Style(.keyHint), maxWidth: box.width - 4)
    }

    /// "Tab/↓ next field · Shift-Tab/↑ previous field · Enter NEXT": every binding of a
    /// keymap, with all its keys.
    static func bindingLine<C>(_ keymap: Keymap<C>) -> String {
        keymap.bindings.map { "\($0.keyLabel) \($0.hint.isEmpty ? $0.help : $0.hint)" }.joined(separator: " · ")
    }

    /// "y discard · n keep editing".
    static func hintLine(_ hints: [KeyHint]) -> String {
        hints.map { "\($0.key) \($0.hint)" }.joined(separator: " · ")
    }
}

/// "v reveal  ·  y copy" beside a secret, with the keys the keymap binds.
enum SecretHint {
    static func text(revealed: Bool, reveal: String, copy: String) -> String {
        "\(reveal) \(revealed ? "mask" : "reveal")  ·  \(copy) copy"
    }
}
