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
        case .failed(let error): LoadStateView.failed(error, retryKey: state.keymaps.global.label(.refresh), at: table, &screen)
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

    /// One extension: overview, websites, portal, the token limit, and its tokens.
    static func renderDetails(_ item: Extension, _ tokens: Loadable<Int>, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        screen.put("Extension details", x: rect.x, y: rect.y, style: Style(.title, bold: true))
        var y = rect.y + 1
        let limit = item.constraints?.account?.tokens
        let count: String
        switch tokens {
        case .loading: count = "counting…"
        case .failed(let error): count = error.detail
        case .loaded(let number): count = "\(number)" + (limit.map { " of \($0) allowed" } ?? "")
        }
        let rows: [(String, String)] = [
            ("Name", "\(item.subtitle ?? item.name) (\(item.name))"), ("ID", item.id),
            ("Status", item.status?.title ?? ""), ("Portal", item.portal?.title ?? ""),
            ("Categories", (item.categories ?? []).compactMap(\.name).joined(separator: ", ")),
            ("Token limit", limit.map { "\($0) per account" } ?? "none"), ("Tokens", count),
            ("Description", item.description ?? ""), ("Overview", item.overview ?? ""),
            ("Websites", (item.websites ?? []).joined(separator: " ")),
        ]
        for (label, value) in rows where y < rect.maxY - 2 {
            screen.put(label, x: rect.x, y: y, style: Style(.muted, bold: true))
            y += max(1, screen.putWrapped(value.isEmpty ? "—" : value, in: Rect(x: rect.x + 14, y: y, width: rect.width - 14, height: 2)))
        }
        screen.put(FormChrome.hintLine(state.keymaps.extensionDetails.hints), x: rect.x, y: min(y + 1, rect.maxY - 1), style: Style(.keyHint), maxWidth: rect.width)
    }
}
