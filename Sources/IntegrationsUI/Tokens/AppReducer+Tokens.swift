import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// A Tokens-pane command; nil leaves the key to the global keymap.
    static func handleTokenList(_ command: Command, _ state: inout AppState) -> [AppEffect]? {
        if let effects = handleList(TokenListKind.self, command, &state) { return effects }
        switch command {
        case .open:
            guard let token = state.tokens.selected else { return [] }
            return openDetails(token.id, &state)
        case .actions:
            guard let menu = bulkMenu(TokenListKind.self, state) ?? state.tokens.selected.map(menu(for:)) else { return [] }
            openActions(menu, &state)
            return []
        case .copy:
            guard let token = state.tokens.selected else { return [] }
            return [.copyAPIKey(tokenID: token.id)]
        case .create:
            return openWizard(&state)
        case .export:
            guard let token = state.tokens.selected else { return [] }
            state.modals.append(.export(ExportMenu(tokenID: token.id)))
            return []
        case .back, .filter, .up, .down, .pageUp, .pageDown, .first, .last, .previousPage, .nextPage, .rowsPerPage, .filterPanel,
            .columns, .previousTab, .nextTab, .edit, .reveal, .tokensOfExtension, .trigger, .checkKey, .sort, .flipSort, .mark:
            return nil
        }
    }

    static func openDetails(_ tokenID: String, _ state: inout AppState) -> [AppEffect] {
        var details = TokenDetailsState(tokenID: tokenID)
        if let known = state.tokens.items.first(where: { $0.id == tokenID }) { details.token = .loaded(known) }
        state.details = details
        return [.loadToken(id: tokenID)]
    }

    static func menu(for token: Token) -> ActionsMenu {
        let toggle: TokenAction = token.status == .active ? .disable : .enable
        return ActionsMenu(items: [toggle, .rotate, .renew, .delete].map { .one(.token($0), id: token.id) })
    }
}
