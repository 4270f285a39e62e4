import ConnectCore
import TerminalKit
import TokenWizard

/// The Tokens pane: title, toolbar, the table, paging.
enum TokenListView {
    static func render(_ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let rect = layout.content
        let list = state.tokens
        screen.put("Tokens", x: rect.x, y: rect.y, style: Style(.title, bold: true))
        let create = "+ CREATE TOKEN (c)"
        screen.put(create, x: rect.maxX - create.displayWidth, y: rect.y, style: Style(.accent))

        var x = rect.x
        let y = rect.y + 1
        x += screen.put("REFRESH", x: x, y: y, style: Style(.accent)) + 2
        let filter = list.filter.isEmpty ? "FILTER" : "FILTER: \(list.filter.summary)"
        x += screen.put(filter, x: x, y: y, style: Style(.accent, bold: !list.filter.isEmpty), maxWidth: max(6, rect.width / 3)) + 2
        x += screen.put("COLUMNS", x: x, y: y, style: Style(.accent)) + 2
        let paging = "Rows per page \(list.rowsPerPage)   \(list.rangeText)  \(list.offset > 0 ? "‹" : " ") \(list.content.value?.hasNext == true ? "›" : " ")"
        screen.put(paging, x: max(x, rect.maxX - paging.displayWidth), y: y, style: Style(.muted), maxWidth: rect.maxX - x)

        let table = layout.tokenTable
        switch list.content {
        case .loading:
            renderTable(list, [], state, table, &screen, empty: "")
            LoadStateView.loading("tokens", tick: state.tick, at: Rect(x: table.x, y: table.y + 2, width: table.width, height: 1), &screen)
            screen.put("(Esc cancels)", x: table.x + 20, y: table.y + 2, style: Style(.muted))
        case .failed(let error):
            renderTable(list, [], state, table, &screen, empty: "")
            LoadStateView.failed(error, at: Rect(x: table.x, y: table.y + 2, width: table.width, height: table.height - 2), &screen)
        case .loaded(let page):
            renderTable(list, page.items, state, table, &screen, empty: "No data available")
        }
    }

    static func renderTable(_ list: TokenListState, _ tokens: [Token], _ state: AppState, _ rect: Rect, _ screen: inout Screen, empty: String) {
        let columns = list.columns.map { column -> Table.Column in
            switch column {
            case .label: Table.Column(column.title, minWidth: 30, weight: 4)
            case .extension: Table.Column(column.title, minWidth: 14, weight: 0)
            case .created: Table.Column(column.title, minWidth: 16, weight: 1)
            case .status: Table.Column(column.title, minWidth: 8, weight: 0)
            }
        }
        let rows = tokens.map { token in
            list.columns.map { column -> Table.Item in
                switch column {
                case .label:
                    return Table.Item(token.name ?? "", detail: token.id)
                case .extension:
                    let name = token.extension?.name.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
                    return Table.Item([name, token.extension?.id ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
                case .created:
                    let created = token.events?.created
                    return Table.Item([AppView.format(created?.at, state.timeZone), created?.by?.name ?? ""].joined(separator: " "), Style(.muted))
                case .status:
                    return Table.Item(token.status?.title ?? "", AppView.style(for: token.status))
                }
            }
        }
        Table(columns: columns, rows: rows, selected: tokens.isEmpty ? nil : list.cursor, emptyMessage: empty)
            .render(into: &screen, rect)
    }
}
