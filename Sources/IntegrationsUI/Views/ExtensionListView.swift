import ConnectCore
import TerminalKit
import TokenWizard

/// The Extensions pane: what tokens can be for; `c` creates a token for the one selected.
enum ExtensionListView {
    static func render(_ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        screen.put("Extensions", x: rect.x, y: rect.y, style: Style(.title, bold: true))
        let table = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 3)
        switch state.extensions {
        case .loading: LoadStateView.loading("extensions", tick: state.tick, at: table, &screen)
        case .failed(let error): LoadStateView.failed(error, at: table, &screen)
        case .loaded(let extensions):
            Table(
                columns: [
                    Table.Column("NAME", minWidth: 18, weight: 1), Table.Column("ID", minWidth: 8, weight: 0),
                    Table.Column("DESCRIPTION", minWidth: 20, weight: 3), Table.Column("STATUS", minWidth: 9, weight: 0),
                    Table.Column("CATEGORIES", minWidth: 10, weight: 1),
                ],
                rows: extensions.map { item in
                    [
                        Table.Item(item.subtitle ?? item.name), Table.Item(item.id), Table.Item(item.description ?? "", Style(.muted)),
                        Table.Item(item.status?.title ?? ""),
                        Table.Item((item.categories ?? []).compactMap(\.name).joined(separator: ", "), Style(.muted)),
                    ]
                },
                selected: extensions.isEmpty ? nil : state.extensionsCursor
            ).render(into: &screen, table)
        }
    }
}
