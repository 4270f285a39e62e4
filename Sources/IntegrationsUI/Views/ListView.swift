import ConnectCore
import TerminalKit
import TokenWizard

/// Any list pane: the title and CREATE on top; REFRESH, FILTER, COLUMNS and the paging below;
/// then the table (its columns from the list's kind, dropped in its order when they do not
/// fit), or its loading or error state.
enum ListView {
    static func render<K: ListKind>(_ kind: K.Type, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        let (list, title) = (state[keyPath: K.path], K.title)
        let keymap = state.keymaps[keyPath: K.keymap]
        // A read-only account offers no CREATE.
        renderToolbar(
            title: title, create: state.connection.readOnly ? "" : "\(K.create) (\(keymap.label(.create)))", list, rect, &screen,
            keys: keymap, refresh: state.keymaps.global.key(.refresh))
        var x = rect.x + title.displayWidth + 2
        if !list.marked.isEmpty {
            // How many rows the next action is for.
            x += screen.put("\(list.marked.count) marked", x: x, y: rect.y, style: Style(.accent, bold: true)) + 2
        }
        if state.refreshInterval != nil, let loadedAt = list.loadedAt {
            // With auto-refresh on, how old the page is, after the title.
            let age = "updated \(max(0, Int(state.now.timeIntervalSince(loadedAt)))) s ago"
            screen.put(age, x: x, y: rect.y, style: Style(.muted), maxWidth: max(0, rect.x + rect.width / 2 - x))
        }
        let table = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 3)
        switch list.content {
        case .loading:
            renderTable(list, [], state, table, &screen, empty: "")
            LoadStateView.loading(
                K.noun, tick: state.tick, cancelKey: keymap.label(.back), at: Rect(x: table.x, y: table.y + 2, width: table.width, height: 1), &screen)
        case .failed(let error):
            renderTable(list, [], state, table, &screen, empty: "")
            LoadStateView.failed(error, retryKey: state.keymaps.global.label(.refresh), at: Rect(x: table.x, y: table.y + 2, width: table.width, height: table.height - 2), &screen)
        case .loaded(let page):
            renderTable(list, page.items, state, table, &screen, empty: "No data available")
        }
    }

    /// The title and CREATE, then REFRESH, FILTER, COLUMNS and the paging; a click on any of
    /// them presses its key (the list's, and the global refresh).
    static func renderToolbar<K: ListKind>(
        title: String, create: String, _ list: PagedListState<K>, _ rect: Rect, _ screen: inout Screen, keys: Keymap<Command>, refresh: Key?
    ) {
        func button(_ text: String, x: Int, y: Int, _ press: Key?, bold: Bool = false, maxWidth: Int? = nil) -> Int {
            let width = screen.put(text, x: x, y: y, style: Style(.accent, bold: bold), maxWidth: maxWidth)
            if let key = press { screen.addTarget(Rect(x: x, y: y, width: width, height: 1), press: key) }
            return width
        }
        screen.put(title, x: rect.x, y: rect.y, style: Style(.title, bold: true))
        _ = button(create, x: rect.maxX - create.displayWidth, y: rect.y, keys.key(.create))
        var x = rect.x
        let y = rect.y + 1
        x += button("REFRESH", x: x, y: y, refresh) + 2
        let summary = list.filter.summary
        let filter = summary.isEmpty ? "FILTER" : "FILTER: \(summary)"
        x += button(filter, x: x, y: y, keys.key(.filterPanel), bold: !summary.isEmpty, maxWidth: max(6, rect.width / 3)) + 2
        x += button("COLUMNS", x: x, y: y, keys.key(.columns)) + 2
        let previous = list.offset > 0 ? "‹" : " "
        let next = list.content.value?.hasNext == true ? "›" : " "
        let rows = "Rows per page \(list.rowsPerPage)"
        let paging = "\(rows)   \(list.rangeText)  \(previous) \(next)"
        let start = max(x, rect.maxX - paging.displayWidth)
        let drawn = screen.put(paging, x: start, y: y, style: Style(.muted), maxWidth: rect.maxX - x)
        // The arrows page, the size cycles: where they were drawn whole.
        if drawn == paging.displayWidth {
            let arrows = start + paging.displayWidth - 3
            if let key = keys.key(.rowsPerPage) { screen.addTarget(Rect(x: start, y: y, width: rows.displayWidth, height: 1), press: key) }
            if previous != " ", let key = keys.key(.previousPage) { screen.addTarget(Rect(x: arrows, y: y, width: 1, height: 1), press: key) }
            if next != " ", let key = keys.key(.nextPage) { screen.addTarget(Rect(x: arrows + 2, y: y, width: 1, height: 1), press: key) }
        }
    }

    /// The chosen columns that fit at their least width: when they do not all fit, the kind's
    /// drop order says which go first, rather than every column being cut.
    static func fitting<K: ListKind>(_ kind: K.Type, _ chosen: [K.Column], width: Int) -> [K.Column] {
        var shown = chosen
        func needed() -> Int { shown.map { $0.spec.layout.minWidth }.reduce(0, +) + shown.count - 1 }
        for dropped in K.dropOrder where needed() > width && shown.count > 2 {
            shown.removeAll { $0 == dropped }
        }
        return shown
    }

    static func renderTable<K: ListKind>(_ list: PagedListState<K>, _ items: [K.Item], _ state: AppState, _ rect: Rect, _ screen: inout Screen, empty: String) {
        var drawn = table(list, items, state, width: rect.width).table
        drawn.emptyMessage = empty
        drawn.render(into: &screen, rect)
    }

    /// The table of a page as drawn at `width`, with its columns: what a click on the header
    /// is matched against. The sorted column's title carries ▲ or ▼.
    static func table<K: ListKind>(_ list: PagedListState<K>, _ items: [K.Item], _ state: AppState, width: Int) -> (table: Table, columns: [K.Column]) {
        let marked = Set(list.marked.map(\.id))
        let shown = fitting(K.self, list.columns.shown, width: width - (marked.isEmpty ? 0 : 2))
        let rows = items.map { item in shown.map { K.cell(item, $0, state) } }
        let columns = shown.map { column in
            var table = column.spec.layout
            if let sort = list.sort, sort.column == column { table.title += sort.descending ? " ▼" : " ▲" }
            return table
        }
        var table = Table(columns: columns, rows: rows, selected: items.isEmpty ? nil : list.cursor, emptyMessage: "")
        table.marked = Set(items.indices.filter { marked.contains(items[$0].id) })
        table.showsMarks = !marked.isEmpty
        // What the rows were filtered by shows where it matched.
        let typed = list.filter.text.trimmingCharacters(in: .whitespaces)
        table.highlight = typed.isEmpty ? nil : typed
        return (table, shown)
    }
}
