import Foundation
import TerminalKit

extension AppReducer {
    /// Clicks go where keys go: to the top modal when one is open (a click outside a menu,
    /// chooser, switcher or help closes it; outside a form or a question it does nothing),
    /// otherwise to the sidebar, the tabs and the rows of the route.
    static func click(_ event: MouseEvent, _ state: inout AppState) -> [AppEffect] {
        // The wheel moves what the arrows move, wherever the pointer is.
        switch event.kind {
        case .wheelUp: return handle(.up, &state)
        case .wheelDown: return handle(.down, &state)
        case .press: break
        }
        // A button, a toolbar word, a paging arrow: pressed as its key, through the keymap
        // of what drew it (what is drawn over a button takes it away).
        if let key = AppView.render(state).target(x: event.x, y: event.y) { return handle(key, &state) }
        let layout = Layout(state.size)
        if let top = state.topModal {
            let frame = Overlays.frame(of: top, state, layout)
            let inside = frame.contains(x: event.x, y: event.y)
            switch top {
            case .menu(var menu):
                guard inside else {
                    state.closeTopModal()
                    return []
                }
                let row = event.y - frame.y - 1
                guard menu.items.indices.contains(row) else { return [] }
                menu.selected = row
                state.closeTopModal()
                return request(menu.items[row], &state)
            case .switcher, .columns, .help, .export, .filterLine:
                if !inside { state.closeTopModal() }
                return []
            case .wizard, .editForm, .webhookForm, .draftOffer, .confirm, .bulk, .filter, .permissionFilter, .exportFile:
                return []
            }
        }
        if event.x < layout.sidebar.maxX, let pane = Pane.allCases.first(where: { layout.paneRow($0) == event.y }) {
            return show(pane, &state)
        }
        if let list = state.route.list { return clickList(list.kind, event, layout.listTable, layout, &state) }
        let tabsY = layout.content.y + 3
        switch state.route {
        case .tokenDetails(var details):
            if event.y == tabsY { details.tab = event.x < layout.content.x + 10 ? .general : .permissions }
            state.details = details
        case .webhookDetails(var details):
            if event.y == tabsY { details.tab = event.x < layout.content.x + 10 ? .general : .deliveries }
            state.webhookDetails = details
        case .general, .tokenList, .webhookList, .extensionList, .extensionDetails:
            break
        }
        return []
    }

    /// A click on a list's header sorts by that column (again: the other way); on a row it
    /// puts the cursor there.
    static func clickList<K: ListKind>(
        _ kind: K.Type, _ event: MouseEvent, _ table: Rect, _ layout: Layout, _ state: inout AppState
    ) -> [AppEffect] {
        guard event.x >= table.x else { return [] }
        let list = state[keyPath: K.path]
        if event.y == table.y {
            let (drawn, columns) = ListView.table(list, list.items, state, width: table.width)
            var x = table.x + drawn.gutter
            for (index, width) in drawn.widths(for: table.width - drawn.gutter).enumerated() {
                defer { x += width + 1 }
                guard event.x >= x, event.x < x + width else { continue }
                guard columns[index].sortField != nil else { return [] }
                let same = list.sort?.column == columns[index]
                return sortBy(K.self, ListSort(columns[index], descending: same ? !(list.sort?.descending ?? false) : false), &state)
            }
            return []
        }
        guard let row = list.row(atScreenY: event.y, tableY: table.y, visibleRows: layout.listRows) else { return [] }
        // A second click on the row under the cursor, soon after the first: open it.
        let again = state.lastClick.map { $0.y == event.y && state.now.timeIntervalSince($0.at) <= LastClick.doubleClickInterval } ?? false
        if again, row == list.cursor, let open = state.keymaps[keyPath: K.keymap].key(.open) {
            state.lastClick = nil
            return handle(open, &state)
        }
        state.lastClick = LastClick(y: event.y, at: state.now)
        state[keyPath: K.path].moveCursor(to: row)
        return []
    }
}
