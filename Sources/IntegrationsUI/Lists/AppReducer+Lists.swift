import ConnectCore
import Foundation
import TerminalKit

/// Which list a modal or an answer is about.
public enum ListID: Sendable, Hashable {
    case tokens, webhooks, extensions

    /// The list's description.
    var kind: any ListKind.Type {
        switch self {
        case .tokens: TokenListKind.self
        case .webhooks: WebhookListKind.self
        case .extensions: ExtensionListKind.self
        }
    }

    /// What a load of the list stopped by the user reads as.
    var cancelled: ConnectError { ConnectError(operation: kind.read, method: .get, kind: .cancelled) }
}

extension AppReducer {
    /// A new load of the list's current page; answers to earlier loads will be dropped.
    static func reload<K: ListKind>(_ kind: K.Type, _ state: inout AppState) -> AppEffect {
        let loadID = state[keyPath: K.path].beginLoad()
        let list = state[keyPath: K.path]
        return K.load(loadID: loadID, list.query, list.page)
    }

    /// The list on screen read again quietly when `refresh_interval` has passed since it was
    /// (only with nothing open over it, and not while it loads).
    static func autoRefresh(_ state: inout AppState) -> [AppEffect] {
        guard let interval = state.refreshInterval, state.modals.isEmpty, let list = state.route.list else { return [] }
        return refreshIfDue(list.kind, interval: interval, &state)
    }

    static func refreshIfDue<K: ListKind>(_ kind: K.Type, interval: Int, _ state: inout AppState) -> [AppEffect] {
        let list = state[keyPath: K.path]
        guard !list.content.isLoading, let loadedAt = list.loadedAt,
            state.now.timeIntervalSince(max(loadedAt, list.refreshAskedAt ?? loadedAt)) >= TimeInterval(interval)
        else { return [] }
        let loadID = state[keyPath: K.path].beginQuietLoad()
        state[keyPath: K.path].refreshAskedAt = state.now
        return [K.load(loadID: loadID, list.query, list.page)]
    }

    /// A page arrived: taken if it answers the newest load (a page emptied by deletes
    /// elsewhere loads the last page that has rows instead).
    static func listLoaded<K: ListKind>(_ kind: K.Type, loadID: Int, _ answer: Result<ListPage, ConnectError>, _ state: inout AppState) -> [AppEffect] {
        guard let result = K.page(answer) else { return [] }
        // A quiet refresh that failed keeps the rows on screen (a normal load showed "Loading").
        if case .failure(let error) = result, loadID == state[keyPath: K.path].loadID, state[keyPath: K.path].content.value != nil {
            state.status = .error("Refreshing \(K.noun) failed: \(error.detail); the rows shown are from before (\(state.keymaps.global.label(.refresh)) reads again).")
            return []
        }
        keepRecent(K.self, result, loadID: loadID, &state)
        return state[keyPath: K.path].accept(result, loadID: loadID, now: state.now) ? [reload(K.self, &state)] : []
    }

    /// What every list does with a command: move, page, rows per page, filter, columns, stop a
    /// slow load. nil when the command is not one of these (the pane's own, or global).
    static func handleList<K: ListKind>(_ kind: K.Type, _ command: Command, _ state: inout AppState) -> [AppEffect]? {
        let id = K.id
        let screenful = Layout(state.size).listRows
        let list = state[keyPath: K.path]
        switch command {
        case .down, .up, .pageDown, .pageUp, .first, .last:
            let rows: [Command: Int] = [
                .down: list.cursor + 1, .up: list.cursor - 1, .pageDown: list.cursor + screenful, .pageUp: list.cursor - screenful,
                .first: 0, .last: list.items.count - 1,
            ]
            state[keyPath: K.path].moveCursor(to: rows[command] ?? list.cursor)
            return []
        case .nextPage: return state[keyPath: K.path].turnToNextPage() ? showPage(K.self, &state) : []
        case .previousPage: return state[keyPath: K.path].turnToPreviousPage() ? showPage(K.self, &state) : []
        case .rowsPerPage:
            state[keyPath: K.path].cycleRowsPerPage()
            state.status = .info("\(state[keyPath: K.path].rowsPerPage) rows per page")
            return [reload(K.self, &state)]
        case .filter:
            openFilterLine(K.self, &state)
            return []
        case .filterPanel:
            state.modals.append(.filter(id, list.filter.editor(state)))
            return []
        case .sort:
            // The next column the server can order by, among those shown.
            let sortable = sortable(K.self, list)
            guard !sortable.isEmpty else { return [] }
            let next = list.sort.flatMap { sortable.firstIndex(of: $0.column) }.map { ($0 + 1) % sortable.count } ?? 0
            return sortBy(K.self, ListSort(sortable[next]), &state)
        case .flipSort:
            guard var sort = list.sort ?? sortable(K.self, list).first.map({ ListSort($0) }) else { return [] }
            sort.descending.toggle()
            return sortBy(K.self, sort, &state)
        case .columns:
            state.modals.append(.columns(id, cursor: 0))
            return []
        case .mark:
            return toggleMark(K.self, &state)
        case .back:
            if list.content.isLoading {
                state[keyPath: K.path].content = .failed(id.cancelled)
                return [.cancelListLoad(id)]
            }
            guard !list.marked.isEmpty else { return nil }
            state[keyPath: K.path].marked = []
            state.status = .info("Marks cleared.")
            return []
        case .open, .actions, .create, .copy, .previousTab, .nextTab, .edit, .reveal, .tokensOfExtension, .trigger, .checkKey,
            .export:
            return nil
        }
    }

    static func sortable<K: ListKind>(_ kind: K.Type, _ list: PagedListState<K>) -> [K.Column] {
        list.columns.shown.filter { $0.sortField != nil }
    }

    /// Orders the list by `sort` from its first page (the server sorts).
    static func sortBy<K: ListKind>(_ kind: K.Type, _ sort: ListSort<K.Column>, _ state: inout AppState) -> [AppEffect] {
        state[keyPath: K.path].sort = sort
        state[keyPath: K.path].rewind()
        state.status = .info("Sorted by \(sort.column.title) \(sort.descending ? "▼ (descending)" : "▲ (ascending)")")
        return [reload(K.self, &state)]
    }

    /// A filter editor: type the text, move to the choices and step them, apply, or clear.
    static func handleFilter(_ id: ListID, _ editor: FilterEditor, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var editor = editor
        var command = state.keymaps.filter.command(for: key)
        // On the text field, typing and editing keys win over stepping a choice.
        if editor.onText, command == .changeNext || command == .changePrevious { command = nil }
        switch command {
        case .apply?:
            state.closeTopModal()
            return [applyFilter(id.kind, editor: editor, &state)]
        case .clear?:
            state.closeTopModal()
            return clearFilter(id.kind, &state)
        case .nextField?: editor.moveField(by: 1)
        case .previousField?: editor.moveField(by: -1)
        case .changeNext?, .changePrevious?: editor.cycle(forward: command == .changeNext)
        case nil: if editor.onText { _ = editor.text.handle(key, keymap: state.keymaps.text) }
        }
        state.replaceTopModal(.filter(id, editor))
        return []
    }

    static func applyFilter<K: ListKind>(_ kind: K.Type, editor: FilterEditor, _ state: inout AppState) -> AppEffect {
        applyFilter(K.self, K.Filter(editor), &state)
    }

    static func applyFilter<K: ListKind>(_ kind: K.Type, _ filter: K.Filter, _ state: inout AppState) -> AppEffect {
        state[keyPath: K.path].filter = filter
        state[keyPath: K.path].rewind()
        return reload(K.self, &state)
    }

    static func clearFilter<K: ListKind>(_ kind: K.Type, _ state: inout AppState) -> [AppEffect] {
        state[keyPath: K.path].filter.isEmpty ? [] : [applyFilter(K.self, K.Filter(), &state)]
    }

    /// The column chooser of a list.
    static func handleColumns(_ id: ListID, cursor: Int, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        let count = columnCount(id.kind)
        var cursor = cursor
        switch state.keymaps.columns.command(for: key) {
        case .down?: cursor = min(count - 1, cursor + 1)
        case .up?: cursor = max(0, cursor - 1)
        case .toggle?: toggleColumn(id.kind, at: cursor, &state)
        case .close?, .choose?:
            state.closeTopModal()
            return []
        case .enable?, .disable?, .rotate?, .renew?, .delete?, .trigger?, .write?, nil:
            return []
        }
        state.replaceTopModal(.columns(id, cursor: cursor))
        return []
    }

    static func columnCount<K: ListKind>(_ kind: K.Type) -> Int { K.Column.allCases.count }

    static func toggleColumn<K: ListKind>(_ kind: K.Type, at index: Int, _ state: inout AppState) {
        state[keyPath: K.path].columns.toggle(at: index)
    }

    /// An action's answer on any list: a step of the bulk run it belongs to, or the item and
    /// its details refreshed (a deleted one closed and the list read again) and the outcome
    /// said; a failure by the one rule below.
    static func actionFinished<K: ListKind>(
        _ kind: K.Type, _ action: ListAction, _ id: String, _ result: Result<K.Item?, ConnectError>, _ state: inout AppState,
        said: (K.Item?) -> StatusMessage
    ) -> [AppEffect] {
        if let effects = bulkAnswer(action, id: id, failure: result.failure, &state) { return effects }
        switch result {
        case .success(let item):
            if let item { state[keyPath: K.path].replace(item) }
            K.detailsFollow(id, item, deleted: action.deletes, &state)
            state.status = said(item)
            return action.deletes ? [reload(K.self, &state)] : []
        case .failure(let error):
            actionFailed(.one(action, id: id), error, &state)
            return []
        }
    }

    /// One rule for an action that failed on any list: a lost answer is never resent blindly
    /// (the user looks again), a transient failure offers retry, a refusal says why.
    static func actionFailed(_ action: ItemAction, _ error: ConnectError, _ state: inout AppState) {
        if error.outcomeUnknown {
            state.status = .error(error.description + " It is not known whether it happened; press \(state.keymaps.global.label(.refresh)) to look again.")
        } else {
            state.status = .error(error.description, retry: error.isTransient ? action.effect : nil)
        }
    }
}
