import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// A Tokens-pane command; nil leaves the key to the global keymap.
    static func handleTokenList(_ command: Command, now: Date, _ state: inout AppState) -> [AppEffect]? {
        let screenful = Layout(state.size).listRows
        func move(to row: Int) -> [AppEffect] {
            state.tokens.moveCursor(to: row)
            return []
        }
        switch command {
        case .down: return move(to: state.tokens.cursor + 1)
        case .up: return move(to: state.tokens.cursor - 1)
        case .pageDown: return move(to: state.tokens.cursor + screenful)
        case .pageUp: return move(to: state.tokens.cursor - screenful)
        case .first: return move(to: 0)
        case .last: return move(to: state.tokens.items.count - 1)
        case .nextPage:
            return state.tokens.turnToNextPage() ? [reloadTokens(&state)] : []
        case .previousPage:
            return state.tokens.turnToPreviousPage() ? [reloadTokens(&state)] : []
        case .rowsPerPage:
            state.tokens.cycleRowsPerPage()
            state.status = .info("\(state.tokens.rowsPerPage) rows per page", now: now)
            return [reloadTokens(&state)]
        case .open:
            guard let token = state.tokens.selectedToken else { return [] }
            return openDetails(token.id, &state)
        case .actions:
            guard let token = state.tokens.selectedToken else { return [] }
            state.modals.append(.menu(menu(for: token)))
            return []
        case .copy:
            guard let token = state.tokens.selectedToken else { return [] }
            return [.copyAPIKey(tokenID: token.id)]
        case .filter:
            state.modals.append(.tokenFilter(FilterEditor(state.tokens.filter)))
            return []
        case .columns:
            state.modals.append(.columns(.tokens, cursor: 0))
            return []
        case .create:
            return openWizard(&state)
        case .back:
            guard state.tokens.content.isLoading else { return nil }
            state.tokens.content = .failed(ConnectError(operation: .listTokens, method: .get, kind: .cancelled))
            return [.cancelTokenLoad]
        case .showPane, .nextPane, .previousPane, .help, .quit, .interrupt, .refresh, .retryFailed, .dismiss, .switchAccount,
            .previousTab, .nextTab, .edit, .reveal, .tokensOfExtension, .trigger:
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
        return ActionsMenu(items: [toggle, .rotate, .delete].map { .token($0, id: token.id) })
    }

    /// The filter editor: type the name, move to status and extension and change them,
    /// apply, or clear the filter.
    static func handleFilterEditor(_ editor: FilterEditor, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var editor = editor
        let onText = editor.field == .name
        let command = filterCommand(key, onText: onText, state)
        switch command {
        case .apply?:
            state.closeTopModal()
            return [applyFilter(editor.filter, &state)]
        case .clear?:
            state.closeTopModal()
            return state.tokens.filter.isEmpty ? [] : [applyFilter(TokenFilter(), &state)]
        case .nextField?:
            editor.field = FilterEditor.Field(rawValue: (editor.field.rawValue + 1) % FilterEditor.Field.allCases.count)!
        case .previousField?:
            let count = FilterEditor.Field.allCases.count
            editor.field = FilterEditor.Field(rawValue: (editor.field.rawValue + count - 1) % count)!
        case .changeNext?, .changePrevious?:
            cycle(&editor, forward: command == .changeNext, extensions: (state.extensions.value ?? []))
        case nil:
            if onText { _ = editor.name.handle(key, keymap: state.keymaps.text) }
        }
        state.modals[state.modals.count - 1] = .tokenFilter(editor)
        return []
    }

    /// A filter editor's command for `key`; on a text field, typing and editing keys win over
    /// changing a choice.
    static func filterCommand(_ key: Key, onText: Bool, _ state: AppState) -> FilterCommand? {
        let command = state.keymaps.filter.command(for: key)
        switch command {
        case .changeNext?, .changePrevious?: return onText ? nil : command
        case .apply?, .clear?, .nextField?, .previousField?, nil: return command
        }
    }

    /// Steps the status or extension choice of the editor.
    static func cycle(_ editor: inout FilterEditor, forward: Bool, extensions: [Extension]) {
        let step = forward ? 1 : -1
        switch editor.field {
        case .name:
            return
        case .status:
            let options = FilterEditor.statuses
            let index = options.firstIndex(of: editor.status) ?? 0
            editor.status = options[(index + step + options.count) % options.count]
        case .extension:
            let options: [String?] = [nil] + extensions.map(\.id)
            let index = options.firstIndex(of: editor.extensionID) ?? 0
            editor.extensionID = options[(index + step + options.count) % options.count]
        }
    }

    static func applyFilter(_ filter: TokenFilter, _ state: inout AppState) -> AppEffect {
        state.tokens.filter = filter
        state.tokens.rewind()
        return reloadTokens(&state)
    }
}
