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
            state.menu = menu(for: token)
            return []
        case .copy:
            guard let token = state.tokens.selectedToken else { return [] }
            return [.copyAPIKey(tokenID: token.id)]
        case .filter:
            state.tokens.filterEditor = FilterEditor(state.tokens.filter)
            return []
        case .columns:
            state.tokens.columns.open()
            return []
        case .create:
            return openWizard(&state)
        case .back:
            return nil
        case .showPane, .nextPane, .previousPane, .help, .quit, .refresh, .retryFailed, .switchAccount,
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

    /// The filter editor: type the name, Tab to status and extension (←/→ change them),
    /// Enter applies, Esc clears the filter.
    static func handleFilterEditor(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var editor = state.tokens.filterEditor else { return [] }
        switch key {
        case .enter:
            state.tokens.filterEditor = nil
            return [applyFilter(editor.filter, &state)]
        case .escape:
            state.tokens.filterEditor = nil
            return state.tokens.filter.isEmpty ? [] : [applyFilter(TokenFilter(), &state)]
        case .tab, .down:
            editor.field = FilterEditor.Field(rawValue: (editor.field.rawValue + 1) % FilterEditor.Field.allCases.count)!
        case .backTab, .up:
            let count = FilterEditor.Field.allCases.count
            editor.field = FilterEditor.Field(rawValue: (editor.field.rawValue + count - 1) % count)!
        default:
            if editor.field == .name {
                _ = editor.name.handle(key)
            } else if key == .left || key == .right || key == .character(" ") {
                cycle(&editor, forward: key != .left, extensions: (state.extensions.value ?? []))
            }
        }
        state.tokens.filterEditor = editor
        return []
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
