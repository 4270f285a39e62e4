import ConnectCore
import TerminalKit
import TokenWizard

/// One extension's details.
enum ExtensionListView {
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
