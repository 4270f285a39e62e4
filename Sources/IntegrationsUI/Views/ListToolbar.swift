import ConnectCore
import TerminalKit
import TokenWizard

/// The title row and toolbar of a paged table (Tokens, Webhooks): title and CREATE on top;
/// REFRESH, FILTER, COLUMNS and the paging below; then the table, or its loading or error
/// state.
enum ListToolbar {
    static func render<List: PagedList>(
        title: String, create: String, list: List, filterSummary: String, _ rect: Rect, _ screen: inout Screen
    ) {
        screen.put(title, x: rect.x, y: rect.y, style: Style(.title, bold: true))
        screen.put(create, x: rect.maxX - create.displayWidth, y: rect.y, style: Style(.accent))
        var x = rect.x
        let y = rect.y + 1
        x += screen.put("REFRESH", x: x, y: y, style: Style(.accent)) + 2
        let filter = filterSummary.isEmpty ? "FILTER" : "FILTER: \(filterSummary)"
        x += screen.put(filter, x: x, y: y, style: Style(.accent, bold: !filterSummary.isEmpty), maxWidth: max(6, rect.width / 3)) + 2
        x += screen.put("COLUMNS", x: x, y: y, style: Style(.accent)) + 2
        let paging = "Rows per page \(list.rowsPerPage)   \(list.rangeText)  \(list.offset > 0 ? "‹" : " ") \(list.content.value?.hasNext == true ? "›" : " ")"
        screen.put(paging, x: max(x, rect.maxX - paging.displayWidth), y: y, style: Style(.muted), maxWidth: rect.maxX - x)
    }

    /// The table area: `draw` renders the table with the rows given (none while loading or
    /// failed), and the load state shows over it.
    static func renderContent<List: PagedList>(
        _ list: List, noun: String, keymap: Keymap<Command>, _ state: AppState, _ table: Rect, _ screen: inout Screen,
        draw: ([List.Item], String, inout Screen) -> Void
    ) {
        switch list.content {
        case .loading:
            draw([], "", &screen)
            LoadStateView.loading(noun, tick: state.tick, at: Rect(x: table.x, y: table.y + 2, width: table.width, height: 1), &screen)
            screen.put("(\(keymap.label(.back)) cancels)", x: table.x + 20, y: table.y + 2, style: Style(.muted))
        case .failed(let error):
            draw([], "", &screen)
            LoadStateView.failed(error, retryKey: state.keymaps.global.label(.refresh), at: Rect(x: table.x, y: table.y + 2, width: table.width, height: table.height - 2), &screen)
        case .loaded(let page):
            draw(page.items, "No data available", &screen)
        }
    }
}
