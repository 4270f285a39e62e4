import ConnectCore
import Foundation
import TerminalKit

extension AppReducer {
    /// The actions menu: arrows and Enter, or an item's own key; Esc closes it.
    static func handleMenu(_ menu: ActionsMenu, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard let command = state.keymaps.menu.command(for: key) else { return [] }
        var menu = menu
        let chosen: ItemAction?
        switch command {
        case .down:
            menu.selected = min(menu.items.count - 1, menu.selected + 1)
            chosen = nil
        case .up:
            menu.selected = max(0, menu.selected - 1)
            chosen = nil
        case .choose: chosen = menu.items[safe: menu.selected]
        case .close, .toggle, .write:
            if command == .close { state.closeTopModal() }
            return []
        case .enable, .disable, .rotate, .renew, .delete, .trigger:
            chosen = menu.items.first { $0.action.pick == command }
        }
        guard let action = chosen else {
            state.replaceTopModal(.menu(menu))
            return []
        }
        state.closeTopModal()
        return request(action, &state)
    }

    /// Opens an item's actions menu; every item in it writes, so a read-only account says so
    /// instead.
    static func openActions(_ menu: ActionsMenu, _ state: inout AppState) {
        if refusedReadOnly("the actions menu (\(menu.items.map { $0.title.lowercased() }.joined(separator: ", ")))", &state) { return }
        state.modals.append(.menu(menu))
    }

    /// Runs an action, asking first when it can break something.
    static func request(_ action: ItemAction, _ state: inout AppState) -> [AppEffect] {
        if refusedReadOnly(action.title.lowercased(), &state) { return [] }
        if case .one(.webhook(.trigger), let id) = action,
            (state.webhookDetails?.webhook.value ?? state.webhooks.items.first { $0.id == id })?.active == false
        {
            state.status = .error("\(id) is inactive: enable it (. then e) before triggering it.")
            return []
        }
        guard action.needsConfirmation else { return start(action, &state) }
        state.modals.append(.confirm(ConfirmDialog(
            title: confirmTitle(action), message: confirmMessage(action, state), confirmTitle: action.title.uppercased(),
            action: action)))
        return []
    }

    /// Carries an action out: a single one at once, a bulk one item by item.
    static func start(_ action: ItemAction, _ state: inout AppState) -> [AppEffect] {
        switch action {
        case .one(let single, let id):
            state.status = .info("\(action.title)…")
            return [.perform(single, id: id)]
        case .marked(let bulk, let marks): return startBulk(bulk, marks, &state)
        }
    }

    static func confirmTitle(_ action: ItemAction) -> String {
        switch action {
        case .one(.webhook(.trigger), _): "Trigger webhook"
        case .one(let single, _): "\(single.title) \(single.noun)"
        case .marked: action.title
        }
    }

    static func confirmMessage(_ action: ItemAction, _ state: AppState) -> String {
        let message = actionMessage(action, state)
        // Cutting off the key connect-tui itself uses is allowed, but never by surprise.
        let cuts: Bool
        switch action {
        case .one(.token(let token), let id): cuts = token != .enable && token != .renew && id == state.connection.ownTokenID
        case .marked(.token(let token), let marks): cuts = token != .enable && marks.contains { $0.id == state.connection.ownTokenID }
        case .one(.webhook, _), .marked(.webhook, _): cuts = false
        }
        guard cuts, let own = state.connection.ownTokenID else { return message }
        return message + " \(own) is the key connect-tui itself is using: it stops working here too."
    }

    private static func actionMessage(_ action: ItemAction, _ state: AppState) -> String {
        switch action {
        case .one(.token(let token), let id):
            let name = (state.details?.token.value ?? state.tokens.items.first { $0.id == id })?.name ?? id
            switch token {
            case .disable: return "Disable \(name) (\(id))? Integrations using its key stop working until it is enabled again."
            case .rotate:
                return "Rotate the secret of \(name) (\(id))? The current key stops working at once: integrations using it fail until they get the new one."
            case .renew:
                return "Renew the secret of \(name) (\(id))? A new key is made; the current one keeps working until it expires (a week at most), so integrations can move over."
            case .delete: return "Delete \(name) (\(id))? This cannot be undone."
            case .enable: return ""
            }
        case .one(.webhook(let webhook), let id):
            let hook = state.webhookDetails?.webhook.value ?? state.webhooks.items.first { $0.id == id }
            let name = hook?.label ?? id
            switch webhook {
            case .disable: return "Disable \(name) (\(id))? Connect stops calling its URL until it is enabled again."
            case .trigger: return "Send a test delivery of \(name) (\(id)) to \(hook?.externalURL.map(Credentials.maskedURL) ?? "its URL") now?"
            case .delete: return "Delete \(name) (\(id))? This cannot be undone."
            case .enable: return ""
            }
        case .marked(.token(let token), let marks):
            let what = "\(token.title) \(Mark.these(marks.count, "token"))? \(Mark.sample(marks))."
            switch token {
            case .enable: return "\(what) \(BulkRun.once)"
            case .disable: return "\(what) Integrations using their keys stop working until they are enabled again. \(BulkRun.once)"
            case .delete: return "\(what) This cannot be undone. \(BulkRun.once)"
            case .rotate, .renew: return "\(what) Each gets a new key. \(BulkRun.once)"
            }
        case .marked(.webhook(let webhook), let marks):
            let what = "\(webhook.title) \(Mark.these(marks.count, "webhook"))? \(Mark.sample(marks))."
            switch webhook {
            case .enable: return "\(what) \(BulkRun.once)"
            case .disable: return "\(what) Connect stops calling their URLs until they are enabled again. \(BulkRun.once)"
            case .delete: return "\(what) This cannot be undone. \(BulkRun.once)"
            case .trigger: return "\(what) Each sends a test delivery to its URL. \(BulkRun.once)"
            }
        }
    }

    /// A confirmation: confirm, cancel, or move between the buttons and press the focused one
    /// (CANCEL at first).
    static func handleConfirm(_ dialog: ConfirmDialog, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard let command = state.keymaps.confirm.command(for: key) else { return [] }
        var dialog = dialog
        switch command {
        case .moveFocus:
            dialog.confirmFocused.toggle()
            state.replaceTopModal(.confirm(dialog))
            return []
        case .cancel:
            state.closeTopModal()
            return []
        case .confirm, .press:
            state.closeTopModal()
            guard command == .confirm || dialog.confirmFocused else { return [] }
            return start(dialog.action, &state)
        }
    }
}
