import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// The Webhooks pane: title, toolbar, the table, paging; or one webhook's details.
enum WebhookListView {
    static func render(_ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        if let details = state.webhookDetails {
            WebhookDetailsView.render(details, state, layout.content, &screen)
            return
        }
        let list = state.webhooks
        ListToolbar.render(title: "Webhooks", create: "+ CREATE WEBHOOK (\(state.keymaps.webhookList.label(.create)))", list: list, filterSummary: list.filter.summary, layout.content, &screen)
        let table = layout.listTable
        ListToolbar.renderContent(list, noun: "webhooks", keymap: state.keymaps.webhookList, state, table, &screen) { hooks, empty, screen in
            renderTable(list, hooks, state, table, &screen, empty: empty)
        }
    }

    static func column(_ column: WebhookColumn) -> Table.Column {
        switch column {
        case .label: Table.Column(column.title, minWidth: 33, weight: 2)
        case .objectClass: Table.Column(column.title, minWidth: 12, weight: 0)
        case .product: Table.Column(column.title, minWidth: 12, weight: 1)
        case .url: Table.Column(column.title, minWidth: 13, weight: 3)
        case .status: Table.Column(column.title, minWidth: 8, weight: 0)
        case .lastResult: Table.Column(column.title, minWidth: 16, weight: 0)
        }
    }

    /// The chosen columns that fit at their least width: when they do not all fit, product
    /// goes first, then class, URL and last result, rather than every column being cut.
    static func fitting(_ chosen: [WebhookColumn], width: Int) -> [WebhookColumn] {
        var shown = chosen
        func needed() -> Int { shown.map { column($0).minWidth }.reduce(0, +) + shown.count - 1 }
        for dropped in [WebhookColumn.product, .objectClass, .url, .lastResult] where needed() > width && shown.count > 2 {
            shown.removeAll { $0 == dropped }
        }
        return shown
    }

    static func renderTable(_ list: WebhookListState, _ hooks: [Webhook], _ state: AppState, _ rect: Rect, _ screen: inout Screen, empty: String) {
        let shown = fitting(list.columns.shown, width: rect.width)
        let columns = shown.map(column)
        let rows = hooks.map { hook in
            shown.map { column -> Table.Item in
                switch column {
                case .label:
                    return Table.Item(hook.label, detail: hook.id)
                case .objectClass:
                    let type = hook.type.flatMap { $0 == .event ? nil : $0.title }
                    return Table.Item([hook.objectClass?.shortTitle, type].compactMap { $0 }.joined(separator: " · "))
                case .product:
                    return Table.Item(hook.product?.name ?? hook.product?.id ?? "", Style(.text), detail: hook.product?.name == nil ? nil : hook.product?.id)
                case .url:
                    return Table.Item(Credentials.maskedURL(hook.externalURL ?? ""), Style(.muted))
                case .status:
                    return Table.Item(activeTitle(hook.active), activeStyle(hook.active))
                case .lastResult:
                    guard let delivery = hook.lastDelivery else { return Table.Item("—", Style(.muted)) }
                    return Table.Item("\(icon(delivery.status)) \(shortDate(delivery.time, state.timeZone))", deliveryStyle(delivery.status))
                }
            }
        }
        Table(columns: columns, rows: rows, selected: hooks.isEmpty ? nil : list.cursor, emptyMessage: empty)
            .render(into: &screen, rect)
    }

    static func activeTitle(_ active: Bool?) -> String {
        switch active {
        case true?: "Active"
        case false?: "Inactive"
        case nil: "Unknown"
        }
    }

    static func activeStyle(_ active: Bool?) -> Style { active == true ? Style(.statusActive) : Style(.statusInactive) }

    static func icon(_ status: DeliveryStatus?) -> String {
        switch status {
        case .success?: "✔"
        case .failure?: "✖"
        case .unknown?, nil: "?"
        }
    }

    static func deliveryStyle(_ status: DeliveryStatus?) -> Style {
        switch status {
        case .success?: Style(.statusActive)
        case .failure?: Style(.error)
        case .unknown?, nil: Style(.muted)
        }
    }

    /// "18/05/21 04:28": the table's short form of a date.
    static func shortDate(_ timestamp: Timestamp?, _ timeZone: TimeZone) -> String {
        let full = AppView.format(timestamp, timeZone)
        guard timestamp?.date != nil, full.count == 16 else { return full }
        return String(full.prefix(6)) + String(full.dropFirst(8))
    }
}
