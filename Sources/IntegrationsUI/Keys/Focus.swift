import TerminalKit
import TokenWizard

/// What has the keys now: the keymaps the footer and help show, and whether typing goes into a
/// text field. One switch over the modals and the route, in the order keys are routed.
public struct Focus: Sendable, Hashable {
    /// The focused context's bindings, most specific first.
    public var keymaps: [KeymapSummary]
    /// The footer's hints for it.
    public var hints: [KeyHint]
    /// Whether printable keys type into a text field.
    public var typesText: Bool
}

extension AppState {
    /// The focus: the top modal's, or the route's when none is open.
    public var focus: Focus { focus(of: topModal) }

    /// The focus beneath help (what help describes).
    public var focusBeneathHelp: Focus {
        focus(of: modals.last { if case .help = $0 { false } else { true } })
    }

    func focus(of modal: Modal?) -> Focus {
        func on<C>(_ keymap: Keymap<C>, text: Bool = false) -> Focus {
            Focus(keymaps: [keymap.summary] + (text ? [keymaps.text.summary] : []), hints: keymap.hints, typesText: text)
        }
        if modal?.discardQuestion != nil { return on(keymaps.discard) }
        switch modal {
        case .help(let help)?: return on(keymaps.help, text: help.search != nil)
        case .draftOffer?: return on(keymaps.draftOffer)
        case .wizard(let ui)?:
            guard let keymap = AppReducer.wizardKeymap(ui.machine, keymaps) else { return on(keymaps.discard) }
            if case .editing(.general) = ui.machine.state { return on(keymap, text: true) }
            return on(keymap)
        case .editForm(let ui)?:
            return ui.focus == .modules ? on(keymaps.editPermissions) : on(keymaps.editForm, text: true)
        case .webhookForm(let form)?:
            if form.isBusy { return on(keymaps.waiting) }
            return on(keymaps.webhookForm, text: form[text: form.focus] != nil)
        case .switcher?: return on(keymaps.switcher)
        case .menu?: return on(keymaps.menu)
        case .confirm?: return on(keymaps.confirm)
        case .bulk?: return on(keymaps.bulk)
        case .export?: return on(keymaps.export)
        case .exportFile(let file)?: return file.asksToReplace ? on(keymaps.confirm) : on(keymaps.exportFile, text: true)
        case .filterLine?: return on(keymaps.filterLine, text: true)
        case .filter(_, let editor)?: return on(keymaps.filter, text: editor.onText)
        case .columns?: return on(keymaps.columns)
        case .permissionFilter?: return on(keymaps.permissionFilter, text: true)
        case nil:
            let keymap = route.keymap(keymaps)
            var focus = on(keymap)
            if connection.readOnly {
                // Write keys are not offered on a read-only account.
                let writes = Set(keymap.bindings.filter(\.command.isWrite).map(\.hint))
                focus.hints.removeAll { writes.contains($0.hint) }
            }
            return focus
        }
    }

    /// The key that opens help from here ("?", or "F1" where `?` would be typed), or nil when
    /// help cannot open (it is open).
    public var helpKey: Key? {
        if case .help? = topModal { return nil }
        let keys = keymaps.global.bindings.first { $0.command == .help }?.keys ?? []
        return focus.typesText ? keys.first { !$0.isPrintable } : keys.first
    }
}

extension Key {
    /// Whether a text field would take it as typing.
    var isPrintable: Bool {
        switch self {
        case .character: true
        case .control, .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .pageUp, .pageDown,
            .home, .end, .function, .mouse, .paste, .resize, .unknown:
            false
        }
    }
}
