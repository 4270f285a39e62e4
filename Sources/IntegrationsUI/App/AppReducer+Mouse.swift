import Foundation
import TerminalKit

extension AppReducer {
    /// Clicks go where keys go: to the top modal when one is open (a click outside a menu,
    /// chooser, switcher or help closes it; outside a form or a question it does nothing),
    /// otherwise to the sidebar, the tabs and the rows of the route.
    static func click(_ event: MouseEvent, now: Date, _ state: inout AppState) -> [AppEffect] {
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
                return request(menu.items[row], now: now, &state)
            case .switcher, .columns, .help, .export:
                if !inside { state.closeTopModal() }
                return []
            case .wizard, .editForm, .webhookForm, .draftOffer, .confirm, .filter, .permissionFilter, .exportFile:
                return []
            }
        }
        if event.x < layout.sidebar.maxX, let pane = Pane.allCases.first(where: { layout.paneRow($0) == event.y }) {
            return show(pane, &state)
        }
        let tabsY = layout.content.y + 3
        let table = layout.listTable
        switch state.route {
        case .tokenDetails(var details):
            if event.y == tabsY { details.tab = event.x < layout.content.x + 10 ? .general : .permissions }
            state.details = details
        case .webhookDetails(var details):
            if event.y == tabsY { details.tab = event.x < layout.content.x + 10 ? .general : .deliveries }
            state.webhookDetails = details
        case .tokenList: clickRow(TokenListKind.self, event, table, layout, &state)
        case .webhookList: clickRow(WebhookListKind.self, event, table, layout, &state)
        case .extensionList: clickRow(ExtensionListKind.self, event, table, layout, &state)
        case .general, .extensionDetails:
            break
        }
        return []
    }

    /// A click on a list's row puts the cursor there.
    static func clickRow<K: ListKind>(_ kind: K.Type, _ event: MouseEvent, _ table: Rect, _ layout: Layout, _ state: inout AppState) {
        guard event.x >= table.x,
            let row = state[keyPath: K.path].row(atScreenY: event.y, tableY: table.y, visibleRows: layout.listRows)
        else { return }
        state[keyPath: K.path].moveCursor(to: row)
    }
}
