import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// A Tokens-pane command; nil leaves the key to the global keymap.
    static func handleTokenList(_ command: Command, now: Date, _ state: inout AppState) -> [AppEffect]? {
        let count = state.tokens.items.count
        let screenful = Layout(state.size).tokenRows
        func move(to row: Int) -> [AppEffect] {
            guard count > 0 else { return [] }
            state.tokens.cursor = min(max(0, row), count - 1)
            state.tokens.cursorTokenID = state.tokens.items[state.tokens.cursor].id
            return []
        }
        switch command {
        case .down: return move(to: state.tokens.cursor + 1)
        case .up: return move(to: state.tokens.cursor - 1)
        case .pageDown: return move(to: state.tokens.cursor + screenful)
        case .pageUp: return move(to: state.tokens.cursor - screenful)
        case .first: return move(to: 0)
        case .last: return move(to: count - 1)
        case .nextPage:
            guard let page = state.tokens.content.value, page.hasNext else { return [] }
            state.tokens.offset += state.tokens.rowsPerPage
            state.tokens.cursor = 0
            state.tokens.cursorTokenID = nil
            return [reloadTokens(&state)]
        case .previousPage:
            guard state.tokens.offset > 0 else { return [] }
            state.tokens.offset = max(0, state.tokens.offset - state.tokens.rowsPerPage)
            state.tokens.cursor = 0
            state.tokens.cursorTokenID = nil
            return [reloadTokens(&state)]
        case .rowsPerPage:
            let sizes = PageRequest.portalSizes
            let next = sizes[((sizes.firstIndex(of: state.tokens.rowsPerPage) ?? 0) + 1) % sizes.count]
            state.tokens.rowsPerPage = next
            state.tokens.offset = state.tokens.offset / next * next
            state.status = .info("\(next) rows per page", now: now)
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
            state.tokens.choosingColumns = true
            state.tokens.columnCursor = 0
            return []
        case .create:
            return openWizard(&state)
        case .back:
            return nil
        case .showPane, .nextPane, .previousPane, .help, .quit, .refresh, .retryFailed, .switchAccount,
            .previousTab, .nextTab, .edit, .reveal, .tokensOfExtension:
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
        return ActionsMenu(tokenID: token.id, items: [toggle, .rotate, .delete])
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
        state.tokens.offset = 0
        state.tokens.cursor = 0
        state.tokens.cursorTokenID = nil
        return reloadTokens(&state)
    }

    /// COLUMNS: Space shows or hides the column under the cursor; at least one stays.
    static func handleColumnChooser(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        let all = TokenColumn.allCases
        switch key {
        case .down, .character("j"): state.tokens.columnCursor = min(all.count - 1, state.tokens.columnCursor + 1)
        case .up, .character("k"): state.tokens.columnCursor = max(0, state.tokens.columnCursor - 1)
        case .character(" "):
            let column = all[state.tokens.columnCursor]
            if let index = state.tokens.columns.firstIndex(of: column) {
                if state.tokens.columns.count > 1 { state.tokens.columns.remove(at: index) }
            } else {
                state.tokens.columns = all.filter { state.tokens.columns.contains($0) || $0 == column }
            }
        case .enter, .escape, .character("C"): state.tokens.choosingColumns = false
        default: break
        }
        return []
    }

    /// The actions menu: arrows and Enter, or an item's letter; Esc closes it.
    static func handleMenu(_ key: Key, now: Date, _ state: inout AppState) -> [AppEffect] {
        guard var menu = state.menu else { return [] }
        var chosen: TokenAction?
        switch key {
        case .down, .character("j"): menu.selected = min(menu.items.count - 1, menu.selected + 1)
        case .up, .character("k"): menu.selected = max(0, menu.selected - 1)
        case .enter: chosen = menu.items[menu.selected]
        case .escape, .character("q"):
            state.menu = nil
            return []
        case .character(let character): chosen = menu.items.first { $0.shortcut == character }
        default: break
        }
        state.menu = menu
        guard let action = chosen else { return [] }
        state.menu = nil
        return request(action, tokenID: menu.tokenID, now: now, &state)
    }

    /// Runs an action, asking first when it can break something.
    static func request(_ action: TokenAction, tokenID: String, now: Date, _ state: inout AppState) -> [AppEffect] {
        guard action.needsConfirmation else {
            state.status = .info("\(action.title)…", now: now)
            return [.perform(action, tokenID: tokenID)]
        }
        let name = (state.details?.token.value ?? state.tokens.items.first { $0.id == tokenID })?.name ?? tokenID
        let message: String
        switch action {
        case .disable: message = "Disable \(name) (\(tokenID))? Integrations using its key stop working until it is enabled again."
        case .rotate: message = "Rotate the secret of \(name) (\(tokenID))? The current key stops working at once."
        case .delete: message = "Delete \(name) (\(tokenID))? This cannot be undone."
        case .enable: message = ""
        }
        state.confirm = ConfirmDialog(
            title: "\(action.title) token", message: message, confirmTitle: action.title.uppercased(),
            action: action, tokenID: tokenID)
        return []
    }

    /// A confirmation: `y` confirms, `n` or Esc cancels; Tab or arrows move the focus, Enter
    /// presses the focused button (CANCEL at first).
    static func handleConfirm(_ key: Key, now: Date, _ state: inout AppState) -> [AppEffect] {
        guard var dialog = state.confirm else { return [] }
        switch key {
        case .character("y"):
            state.confirm = nil
            state.status = .info("\(dialog.action.title)…", now: now)
            return [.perform(dialog.action, tokenID: dialog.tokenID)]
        case .character("n"), .escape:
            state.confirm = nil
            return []
        case .tab, .backTab, .left, .right:
            dialog.confirmFocused.toggle()
            state.confirm = dialog
            return []
        case .enter:
            state.confirm = nil
            guard dialog.confirmFocused else { return [] }
            state.status = .info("\(dialog.action.title)…", now: now)
            return [.perform(dialog.action, tokenID: dialog.tokenID)]
        default:
            return []
        }
    }
}
