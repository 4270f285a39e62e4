import ConnectCore
import Foundation
import TerminalKit

/// The account switcher (`a`): own accounts, connect-cli's, the sandbox.
public struct AccountSwitcher: Sendable, Hashable {
    public var cursor = 0
}

extension AppReducer {
    static func openSwitcher(now: Date, _ state: inout AppState) -> [AppEffect] {
        guard !state.accountChoices.isEmpty else {
            state.status = .info("No other accounts: add one with `connect-tui accounts add NAME`.", now: now)
            return []
        }
        let current = state.accountChoices.firstIndex { $0 == state.currentAccount } ?? 0
        state.switcher = AccountSwitcher(cursor: current)
        return []
    }

    /// ↑/↓ (or k/j) move, Enter switches, Esc closes.
    static func handleSwitcher(_ key: Key, now: Date, _ state: inout AppState) -> [AppEffect] {
        guard var switcher = state.switcher else { return [] }
        switch key {
        case .down, .character("j"): switcher.cursor = min(state.accountChoices.count - 1, switcher.cursor + 1)
        case .up, .character("k"): switcher.cursor = max(0, switcher.cursor - 1)
        case .escape, .character("a"), .character("q"):
            state.switcher = nil
            return []
        case .enter:
            state.switcher = nil
            guard let choice = state.accountChoices[safe: switcher.cursor] else { return [] }
            state.status = .info("Connecting to \(choice.label)…", now: now)
            return [.switchAccount(choice)]
        default: break
        }
        state.switcher = switcher
        return []
    }

    /// Another account is connected: every pane starts again on it.
    static func accountSwitched(_ choice: AccountChoice, _ result: Result<Connection, ConfigurationMessage>, now: Date, _ state: inout AppState) -> [AppEffect] {
        switch result {
        case .failure(let why):
            state.status = .error("Could not switch to \(choice.label): \(why.description)")
            return []
        case .success(let connection):
            var fresh = AppState(size: state.size, connection: connection, timeZone: state.timeZone)
            fresh.accountChoices = state.accountChoices
            fresh.currentAccount = choice
            fresh.keymaps = state.keymaps
            fresh.tokens.rowsPerPage = state.tokens.rowsPerPage
            fresh.webhooks.rowsPerPage = state.webhooks.rowsPerPage
            fresh.pane = state.pane == .webhooks || state.pane == .extensions || state.pane == .general ? state.pane : .tokens
            state = fresh
            state.status = .info("Now on \(choice.label).", now: now)
            var effects = start(&state)
            if state.pane == .webhooks { effects.append(reloadWebhooks(&state)) }
            return effects
        }
    }
}
