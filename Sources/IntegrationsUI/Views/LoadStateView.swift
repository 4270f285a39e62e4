import ConnectCore
import TerminalKit
import TokenWizard

/// How every list says it is loading, or that loading failed and `r` tries again.
enum LoadStateView {
    /// "⠋ Loading tokens… (Esc cancels)": the key that stops the load, where there is one.
    static func loading(_ what: String, tick: Int, cancelKey: String? = nil, at rect: Rect, _ screen: inout Screen) {
        let cancel = cancelKey.map { " (\($0) cancels)" } ?? ""
        screen.put("\(Spinner.frame(tick)) Loading \(what)…\(cancel)", x: rect.x, y: rect.y, style: Style(.muted), maxWidth: rect.width)
    }

    static func failed(_ error: ConnectError, retryKey: String, at rect: Rect, _ screen: inout Screen) {
        let used = screen.putWrapped(error.description, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 3), style: Style(.error))
        screen.put("Press \(retryKey) to try again.", x: rect.x, y: rect.y + used + 1, style: Style(.muted), maxWidth: rect.width)
    }

    /// "Status: ● Active   ID: name SU-…" under a details title, leaving `room` columns for
    /// what follows; returns where what follows starts.
    static func statusLine(_ status: String, _ style: Style, _ name: String, room: Int, _ rect: Rect, _ screen: inout Screen) -> Int {
        var x = rect.x
        let y = rect.y + 1
        x += screen.put("Status: ", x: x, y: y, style: Style(.muted))
        x += screen.put("● " + status, x: x, y: y, style: style) + 3
        x += screen.put("ID: ", x: x, y: y, style: Style(.muted))
        return x + screen.put(name, x: x, y: y, maxWidth: room == 0 ? max(0, rect.maxX - x) : max(10, rect.maxX - x - room)) + 3
    }

    /// A details view's tabs under its status line; returns the area below them.
    static func tabs<Tab: CaseIterable & RawRepresentable & Equatable>(_ selected: Tab, _ rect: Rect, _ screen: inout Screen) -> Rect
    where Tab.RawValue == String {
        let all = Array(Tab.allCases)
        screen.drawTabs(all.map(\.rawValue), selected: all.firstIndex(of: selected) ?? 0, x: rect.x, y: rect.y + 3, maxWidth: rect.width)
        return Rect(x: rect.x, y: rect.y + 5, width: rect.width, height: rect.height - 5)
    }

    /// The top of a details view (title, EDIT) and, until the item is loaded, its loading or
    /// failed state; returns the item once there is one.
    static func detailsHeader<Item>(
        _ title: String, _ item: Loadable<Item>, id: String, keymap: Keymap<Command>, _ state: AppState, _ rect: Rect,
        _ screen: inout Screen
    ) -> Item? {
        screen.put(title, x: rect.x, y: rect.y, style: Style(.title, bold: true))
        let edit = "EDIT (\(keymap.label(.edit)))"
        screen.put(edit, x: rect.maxX - edit.displayWidth, y: rect.y, style: Style(.accent))
        switch item {
        case .loading:
            screen.put("\(Spinner.frame(state.tick)) Loading \(id)…", x: rect.x, y: rect.y + 2, style: Style(.muted))
            return nil
        case .failed(let error):
            screen.putWrapped(error.description, in: Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: 3), style: Style(.error))
            screen.put("Press \(state.keymaps.global.label(.refresh)) to try again, \(keymap.label(.back)) to go back.", x: rect.x, y: rect.y + 5, style: Style(.muted))
            return nil
        case .loaded(let loaded):
            return loaded
        }
    }
}
