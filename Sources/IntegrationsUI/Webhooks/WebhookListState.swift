import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// The columns of the webhook table.
public enum WebhookColumn: String, CaseIterable, Sendable, Hashable {
    case label, objectClass, product, url, status, lastResult

    public var title: String {
        switch self {
        case .label: "LABEL"
        case .objectClass: "CLASS"
        case .product: "PRODUCT"
        case .url: "EXTERNAL URL"
        case .status: "STATUS"
        case .lastResult: "LAST RESULT"
        }
    }
}

/// What the webhook list is narrowed to: free text (`search=`), status and object class.
public struct WebhookFilter: Sendable, Hashable {
    public var search = ""
    public var active: Bool?
    public var objectClass: WebhookObjectClass?

    public var isEmpty: Bool { search.trimmingCharacters(in: .whitespaces).isEmpty && active == nil && objectClass == nil }

    /// The query sent with every page; newest first.
    public var query: ListQuery {
        var terms: [RQL] = []
        if let active { terms.append(.eq("active", .bool(active))) }
        if let objectClass { terms.append(.eq("object_class", .string(objectClass.rawValue))) }
        let text = search.trimmingCharacters(in: .whitespaces)
        return ListQuery(filter: RQL.all(terms), ordering: [.descending("created_at")], search: text.isEmpty ? nil : text)
    }

    /// "“erp”, Active", for the FILTER button.
    public var summary: String {
        var parts: [String] = []
        let text = search.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { parts.append("“\(text)”") }
        if let active { parts.append(active ? "Active" : "Inactive") }
        if let objectClass { parts.append(objectClass.shortTitle) }
        return parts.joined(separator: ", ")
    }
}

/// The webhook filter being edited (`/`): the search text, then status and object class.
public struct WebhookFilterEditor: Sendable, Hashable {
    public enum Field: Int, CaseIterable, Sendable { case search, status, objectClass }

    public var search: TextField
    public var active: Bool?
    public var objectClass: WebhookObjectClass?
    public var field: Field = .search

    public init(_ filter: WebhookFilter) {
        search = TextField(filter.search)
        active = filter.active
        objectClass = filter.objectClass
    }

    public var filter: WebhookFilter { WebhookFilter(search: search.text, active: active, objectClass: objectClass) }

    /// Steps the focused choice; the text field is edited by typing instead.
    mutating func cycle(forward: Bool) {
        func step<T: Equatable>(_ options: [T], _ value: T) -> T {
            let index = options.firstIndex(of: value) ?? 0
            return options[(index + (forward ? 1 : -1) + options.count) % options.count]
        }
        switch field {
        case .search: return
        case .status: active = step([nil, true, false], active)
        case .objectClass: objectClass = step([nil] + WebhookObjectClass.knownCases, objectClass)
        }
    }
}

/// The Webhooks pane: one server page of webhooks, the cursor, the filter and the columns.
public struct WebhookListState: PagedList, Sendable, Hashable {
    public var rowsPerPage = 10
    public var offset = 0
    public var filter = WebhookFilter()
    public var content: Loadable<Page<Webhook>> = .loading
    public var cursor = 0
    public var cursorID: String?
    var columns = ColumnChoice<WebhookColumn>()
    /// 0 until the pane is first shown: the webhooks load then, not at start.
    public var loadID = 0
}

/// One webhook's details: GENERAL and DELIVERIES tabs.
public struct WebhookDetailsState: Sendable, Hashable {
    public enum Tab: Int, CaseIterable, Sendable {
        case general, deliveries

        public var title: String {
            switch self {
            case .general: "GENERAL"
            case .deliveries: "DELIVERIES"
            }
        }
    }

    public var webhookID: String
    public var webhook: Loadable<Webhook> = .loading
    public var tab: Tab = .general
    /// Whether the JWT secret shows in full.
    public var revealed = false

    public init(webhookID: String) { self.webhookID = webhookID }
}

extension WebhookObjectClass {
    /// "Fulfillment request", as a person reads it.
    public var title: String {
        let words = rawValue.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

extension WebhookObjectClass {
    /// "Fulfillment": the table's form, where the column says what it is.
    public var shortTitle: String {
        title.hasSuffix(" request") ? String(title.dropLast(" request".count)) : title
    }
}

extension WebhookType {
    /// "Event", "Change validator".
    public var title: String {
        let words = rawValue.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
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
