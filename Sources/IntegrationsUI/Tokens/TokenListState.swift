import ConnectCore
import TerminalKit
import TokenWizard

/// The columns of the token table, in the portal's order.
public enum TokenColumn: String, ListColumn {
    case label, `extension`, created, status, expires

    public var spec: ColumnSpec {
        switch self {
        case .label: ColumnSpec("LABEL", minWidth: 30, weight: 4, sort: "name")
        case .extension: ColumnSpec("EXTENSION", minWidth: 14, weight: 0, sort: "extension.name")
        case .created: ColumnSpec("CREATED", minWidth: 16, weight: 1, sort: "events.created.at")
        case .status: ColumnSpec("STATUS", minWidth: 8, weight: 0, sort: "status")
        case .expires: ColumnSpec("EXPIRES", minWidth: 16, weight: 0, sort: "expiration_date")
        }
    }
}

/// What the token list is narrowed to.
public struct TokenFilter: ListFilter {
    /// What the name or the id contains (the filter line types it).
    public var text = ""
    public var status: TokenStatus?
    public var extensionID: String?

    public init() {}

    public var isEmpty: Bool { text.isEmpty && status == nil && extensionID == nil }

    /// The RQL sent with every page.
    public var query: ListQuery {
        var terms: [RQL] = []
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // The name or the id, as the filter line promises ("SU-431" finds a token too).
        if !trimmed.isEmpty { terms.append(.or([.ilike("name", "*\(trimmed)*"), .ilike("id", "*\(trimmed)*")])) }
        if let status { terms.append(.eq("status", .string(status.rawValue))) }
        if let extensionID { terms.append(.eq("extension.id", .string(extensionID))) }
        return ListQuery(filter: RQL.all(terms), ordering: [.descending("events.created.at")])
    }

    /// "“ci”, Active", for the FILTER button (the text matches a name or an id).
    public var summary: String {
        var parts: [String] = []
        if !text.isEmpty { parts.append("“\(text)”") }
        if let status { parts.append(status.title) }
        if let extensionID { parts.append(extensionID) }
        return parts.joined(separator: ", ")
    }

    /// The statuses offered.
    public static let statuses: [TokenStatus] = [.active, .inactive, .pending, .expiring, .expired, .revitalised]

    public func editor(_ state: AppState) -> FilterEditor {
        let extensions = (state.extensions.value ?? []).map { FilterEditor.Option($0.id, "\($0.subtitle ?? $0.name) \($0.id)") }
        return FilterEditor(title: "Filter tokens", textLabel: "Name or ID", text: text, choices: [
            .init("Status", Self.statuses.map { .init($0.rawValue, $0.title) }, selected: status?.rawValue),
            .init("Extension", extensions, selected: extensionID),
        ])
    }

    public init(_ editor: FilterEditor) {
        text = editor.text.text
        status = editor.value("Status").flatMap(TokenStatus.init(rawValue:))
        extensionID = editor.value("Extension")
    }
}

/// The Tokens list: newest first, LABEL, EXTENSION, CREATED, STATUS.
public enum TokenListKind: ListKind {
    public typealias Item = Token
    public typealias Column = TokenColumn
    public typealias Filter = TokenFilter

    public static let noun = "tokens"
    public static let title = "Tokens"
    public static let create = "+ CREATE TOKEN"
    public static var id: ListID { .tokens }
    public static let read = ConnectOperation.listTokens
    public static var path: WritableKeyPath<AppState, PagedListState<Self>> { \.tokens }
    public static var keymap: KeyPath<KeymapSet, Keymap<Command>> { \.tokenList }
    public static func label(_ token: Token) -> String { token.name ?? token.id }
    public static let dropOrder: [TokenColumn] = [.expires, .created, .extension]
    /// Newest first, as the portal lists them.
    public static let defaultSort: ListSort<TokenColumn>? = ListSort(.created, descending: true)

    public static let bulkActions: [ListAction] = [.token(.enable), .token(.disable), .token(.delete)]

    public static func detailsFollow(_ id: String, _ token: Token?, deleted: Bool, _ state: inout AppState) {
        guard state.details?.tokenID == id else { return }
        if deleted { state.details = nil } else if let token { state.details?.token = .loaded(token) }
    }

    /// EXPIRES is one `C` away: most keys never expire.
    public static let defaultColumns: [TokenColumn] = [.label, .extension, .created, .status]

    public static func cell(_ token: Token, _ column: TokenColumn, _ state: AppState) -> Table.Item {
        switch column {
        case .label:
            return Table.Item(token.name ?? "", detail: token.id)
        case .extension:
            let name = token.extension?.name.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
            return Table.Item([name, token.extension?.id ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
        case .created:
            let created = token.events?.created
            return Table.Item([AppView.format(created?.at, state.timeZone), created?.by?.name ?? ""].joined(separator: " "), Style(.muted))
        case .status:
            // A key that ends within a week is marked, whatever its status says yet.
            let soon = token.keyExpiresSoon(now: state.now)
            return Table.Item((token.status?.title ?? "") + (soon ? " ⚠" : ""), soon ? Style(.warning) : AppView.style(for: token.status))
        case .expires:
            guard let expires = token.keyExpires else { return Table.Item("never", Style(.muted)) }
            let past = (expires.date ?? .distantFuture) <= state.now
            return Table.Item(AppView.format(expires, state.timeZone), past ? Style(.error) : Style(.text))
        }
    }
}

/// The Tokens pane's list.
public typealias TokenListState = PagedListState<TokenListKind>
