import ConnectCore
import TerminalKit
import TokenWizard

/// The Tokens pane: title, toolbar, the table, paging.
enum TokenListView {
    static func render(_ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let list = state.tokens
        ListToolbar.render(title: "Tokens", create: "+ CREATE TOKEN (\(state.keymaps.tokenList.label(.create)))", list: list, filterSummary: list.filter.summary, layout.content, &screen)
        let table = layout.listTable
        ListToolbar.renderContent(list, noun: "tokens", keymap: state.keymaps.tokenList, state, table, &screen) { tokens, empty, screen in
            renderTable(list, tokens, state, table, &screen, empty: empty)
        }
    }

    static func renderTable(_ list: TokenListState, _ tokens: [Token], _ state: AppState, _ rect: Rect, _ screen: inout Screen, empty: String) {
        let columns = list.columns.shown.map { column -> Table.Column in
            switch column {
            case .label: Table.Column(column.title, minWidth: 30, weight: 4)
            case .extension: Table.Column(column.title, minWidth: 14, weight: 0)
            case .created: Table.Column(column.title, minWidth: 16, weight: 1)
            case .status: Table.Column(column.title, minWidth: 8, weight: 0)
            }
        }
        let rows = tokens.map { token in
            list.columns.shown.map { column -> Table.Item in
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
