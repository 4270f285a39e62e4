import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// The columns of the webhook table.
public enum WebhookColumn: String, ListColumn {
    case label, objectClass, product, url, status, lastResult

    /// The last result is the newer of two dates: the server cannot order by it.
    public var spec: ColumnSpec {
        switch self {
        case .label: ColumnSpec("LABEL", minWidth: 33, weight: 2, sort: "label")
        case .objectClass: ColumnSpec("CLASS", minWidth: 12, weight: 0, sort: "object_class")
        case .product: ColumnSpec("PRODUCT", minWidth: 12, weight: 1, sort: "product.name")
        case .url: ColumnSpec("EXTERNAL URL", minWidth: 13, weight: 3, sort: "external_url")
        case .status: ColumnSpec("STATUS", minWidth: 8, weight: 0, sort: "active")
        case .lastResult: ColumnSpec("LAST RESULT", minWidth: 16, weight: 0, sort: nil)
        }
    }
}

/// What the webhook list is narrowed to: free text (`search=`), status and object class.
public struct WebhookFilter: ListFilter {
    /// What the server searches for (`search=`; the filter line types it).
    public var text = ""
    public var active: Bool?
    public var objectClass: WebhookObjectClass?

    public init() {}

    public var isEmpty: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty && active == nil && objectClass == nil }

    /// The query sent with every page; newest first.
    public var query: ListQuery {
        var terms: [RQL] = []
        if let active { terms.append(.eq("active", .bool(active))) }
        if let objectClass { terms.append(.eq("object_class", .string(objectClass.rawValue))) }
        let text = text.trimmingCharacters(in: .whitespaces)
        return ListQuery(filter: RQL.all(terms), ordering: [.descending("created_at")], search: text.isEmpty ? nil : text)
    }

    /// "“erp”, Active", for the FILTER button.
    public var summary: String {
        var parts: [String] = []
        let text = text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { parts.append("“\(text)”") }
        if let active { parts.append(active ? "Active" : "Inactive") }
        if let objectClass { parts.append(objectClass.shortTitle) }
        return parts.joined(separator: ", ")
    }

    public func editor(_ state: AppState) -> FilterEditor {
        FilterEditor(
            title: "Filter webhooks", textLabel: "Search", note: "Searches label, description, id, product", text: text,
            choices: [
                .init("Status", [.init("true", "Active"), .init("false", "Inactive")], selected: active.map { $0 ? "true" : "false" }),
                .init("Object class", WebhookObjectClass.knownCases.map { .init($0.rawValue, $0.title) }, selected: objectClass?.rawValue),
            ])
    }

    public init(_ editor: FilterEditor) {
        text = editor.text.text
        active = editor.value("Status").map { $0 == "true" }
        objectClass = editor.value("Object class").map { WebhookObjectClass(rawValue: $0) }
    }
}

/// The Webhooks list: newest first; label, class, product, URL, status, last result.
public enum WebhookListKind: ListKind {
    public typealias Item = Webhook
    public typealias Column = WebhookColumn
    public typealias Filter = WebhookFilter

    public static let noun = "webhooks"
    public static let title = "Webhooks"
    public static let create = "+ CREATE WEBHOOK"
    public static var id: ListID { .webhooks }
    public static let read = ConnectOperation.listWebhooks
    public static var path: WritableKeyPath<AppState, PagedListState<Self>> { \.webhooks }
    public static var keymap: KeyPath<KeymapSet, Keymap<Command>> { \.webhookList }
    public static func label(_ webhook: Webhook) -> String { webhook.label }
    /// When the chosen columns do not all fit, product goes first, then class, URL and last
    /// result, rather than every column being cut.
    public static let dropOrder: [WebhookColumn] = [.product, .objectClass, .url, .lastResult]

    public static let bulkActions: [ListAction] = [.webhook(.enable), .webhook(.disable), .webhook(.delete)]

    public static func detailsFollow(_ id: String, _ hook: Webhook?, deleted: Bool, _ state: inout AppState) {
        guard state.webhookDetails?.webhookID == id else { return }
        if deleted { state.webhookDetails = nil } else if let hook { state.webhookDetails?.webhook = .loaded(hook) }
    }

    public static func cell(_ hook: Webhook, _ column: WebhookColumn, _ state: AppState) -> Table.Item {
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
            return Table.Item(WebhookListView.activeTitle(hook.active), WebhookListView.activeStyle(hook.active))
        case .lastResult:
            guard let delivery = hook.lastDelivery else { return Table.Item("—", Style(.muted)) }
            return Table.Item("\(WebhookListView.icon(delivery.status)) \(WebhookListView.shortDate(delivery.time, state.timeZone))", WebhookListView.deliveryStyle(delivery.status))
        }
    }
}

/// The Webhooks pane's list.
public typealias WebhookListState = PagedListState<WebhookListKind>

/// One webhook's details: GENERAL and DELIVERIES tabs.
public struct WebhookDetailsState: Sendable, Hashable {
    public enum Tab: String, CaseIterable, Sendable {
        case general = "GENERAL", deliveries = "DELIVERIES"
    }

    public var webhookID: String
    public var webhook: Loadable<Webhook> = .loading
    public var tab: Tab = .general
    /// Whether the JWT secret shows in full.
    public var revealed = false

    public init(webhookID: String) { self.webhookID = webhookID }
}

extension WebhookObjectClass {
    /// "Fulfillment": the table's form, where the column says what it is.
    public var shortTitle: String {
        title.hasSuffix(" request") ? String(title.dropLast(" request".count)) : title
    }
}

extension Webhook {
    /// The newer of the last success and the last failure.
    public var lastDelivery: Delivery? {
        switch (lastSuccess, lastFailure) {
        case (let success?, let failure?):
            guard let successDate = success.time?.date, let failureDate = failure.time?.date else { return success.time == nil ? failure : success }
            return successDate >= failureDate ? success : failure
        case (let success?, nil): return success
        case (nil, let failure?): return failure
        case (nil, nil): return nil
        }
    }
}
