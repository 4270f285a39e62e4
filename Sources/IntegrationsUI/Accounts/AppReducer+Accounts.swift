import ConnectCore
import Foundation
import TerminalKit

/// The account switcher (`a`): own accounts, connect-cli's, the sandbox.
public struct AccountSwitcher: Sendable, Hashable {
    public var cursor = 0
}

extension AppReducer {
    static func openSwitcher(_ state: inout AppState) -> [AppEffect] {
        guard !state.accountChoices.isEmpty else {
            state.status = .info("No other accounts: add one with `connect-tui accounts add NAME`.")
            return []
        }
        let current = state.accountChoices.firstIndex { $0 == state.currentAccount } ?? 0
        state.modals.append(.switcher(AccountSwitcher(cursor: current)))
        return []
    }

    /// Move, switch to the account under the cursor, or close.
    static func handleSwitcher(_ switcher: AccountSwitcher, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var switcher = switcher
        switch state.keymaps.switcher.command(for: key) {
        case .down?: switcher.cursor = min(state.accountChoices.count - 1, switcher.cursor + 1)
        case .up?: switcher.cursor = max(0, switcher.cursor - 1)
        case .close?:
            state.closeTopModal()
            return []
        case .choose?:
            state.closeTopModal()
            guard let choice = state.accountChoices[safe: switcher.cursor] else { return [] }
            state.status = .info("Connecting to \(choice.label)…")
            return [.switchAccount(choice)]
        case .toggle?, .enable?, .disable?, .rotate?, .renew?, .delete?, .trigger?, .write?, nil:
            return []
        }
        state.replaceTopModal(.switcher(switcher))
        return []
    }

    /// Another account is connected: every pane starts again on it.
    static func accountSwitched(_ choice: AccountChoice, _ result: Result<Connection, ConfigurationMessage>, _ state: inout AppState) -> [AppEffect] {
        switch result {
        case .failure(let why):
            state.status = .error("Could not switch to \(choice.label): \(why.description)")
            return []
        case .success(let connection):
            var setup = AppSetup()
            setup.accountChoices = state.accountChoices
            setup.currentAccount = choice
            setup.keymaps = state.keymaps
            setup.refreshInterval = state.refreshInterval
            setup.clipboardClearAfter = state.clipboardClearAfter
            var fresh = AppState(size: state.size, connection: connection, timeZone: state.timeZone, setup: setup, now: state.now)
            fresh.tokens.rowsPerPage = state.tokens.rowsPerPage
            fresh.webhooks.rowsPerPage = state.webhooks.rowsPerPage
            fresh.extensionList.rowsPerPage = state.extensionList.rowsPerPage
            fresh.clipboardClearAt = state.clipboardClearAt  // a copied secret still leaves on time
            let pane = state.pane
            state = fresh
            state.status = .info("Now on \(choice.label).")
            // Every pane starts again on the new account, on the pane the user was on.
            return start(&state) + show(pane, &state)
        }
    }
}
