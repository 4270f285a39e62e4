import Foundation
import TerminalKit

extension AppReducer {
    /// Help: scroll, search as you type after `/`, close.
    static func handleHelp(_ help: HelpState, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var help = help
        let area = HelpContent.area(state.size)
        if var search = help.search {
            // Typing narrows; Enter keeps the search, Esc clears it.
            switch narrow(&search, key, state.keymaps.permissionFilter, state) {
            case .kept: help.search = search.text.isEmpty ? nil : search
            case .cleared: help.search = nil
            case .typed: help.search = search
            }
            help.scroll = 0
            state.replaceTopModal(.help(help))
            return []
        }
        let page = max(1, area.height - 1)
        switch state.keymaps.help.command(for: key) {
        case .close?:
            state.closeTopModal()
            return []
        case .down?: help.scroll += 1
        case .up?: help.scroll -= 1
        case .pageDown?: help.scroll += page
        case .pageUp?: help.scroll -= page
        case .search?: help.search = TextField(limit: 64)
        case nil: return []
        }
        state.replaceTopModal(.help(help))
        let lines = HelpContent.lines(state, width: area.width).count
        help.scroll = min(max(0, help.scroll), max(0, lines - area.height))
        state.replaceTopModal(.help(help))
        return []
    }

    /// On a read-only account a write is refused here, said on the status line; true when it
    /// was (the caller then does nothing).
    static func refusedReadOnly(_ what: String, _ state: inout AppState) -> Bool {
        guard state.connection.readOnly else { return false }
        state.status = .error("Read-only: \(what) is off on this account (--read-only or read_only = true); nothing was sent.")
        return true
    }

    /// The answer to "discard what you typed?" (the wizard's, the edit form's and the webhook
    /// form's): true discards, false keeps editing, nil is no answer.
    static func discardAnswer(_ key: Key, _ state: AppState) -> Bool? {
        switch state.keymaps.discard.command(for: key) {
        case .confirm?: true
        case .cancel?, .press?: false
        case .moveFocus?, nil: nil
        }
    }
}
