import ConnectCore
import TerminalKit
import TokenWizard

/// The columns of the token table, in the portal's order.
public enum TokenColumn: String, CaseIterable, Sendable, Hashable {
    case label, `extension`, created, status

    public var title: String {
        switch self {
        case .label: "LABEL"
        case .extension: "EXTENSION"
        case .created: "CREATED"
        case .status: "STATUS"
        }
    }
}

/// What the token list is narrowed to.
public struct TokenFilter: Sendable, Hashable {
    public var name = ""
    public var status: TokenStatus?
    public var extensionID: String?

    public var isEmpty: Bool { name.isEmpty && status == nil && extensionID == nil }

    /// The RQL sent with every page.
    public var query: ListQuery {
        var terms: [RQL] = []
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { terms.append(.ilike("name", "*\(trimmed)*")) }
        if let status { terms.append(.eq("status", .string(status.rawValue))) }
        if let extensionID { terms.append(.eq("extension.id", .string(extensionID))) }
        return ListQuery(filter: RQL.all(terms), ordering: [.descending("events.created.at")])
    }

    /// "name ~ ci, Active", for the FILTER button.
    public var summary: String {
        var parts: [String] = []
        if !name.isEmpty { parts.append("name ~ \(name)") }
        if let status { parts.append(status.title) }
        if let extensionID { parts.append(extensionID) }
        return parts.joined(separator: ", ")
    }
}

/// The filter being edited (`/`): the name, then status and extension choices.
public struct FilterEditor: Sendable, Hashable {
    public enum Field: Int, CaseIterable, Sendable { case name, status, `extension` }

    public var name: TextField
    public var status: TokenStatus?
    public var extensionID: String?
    public var field: Field = .name

    public init(_ filter: TokenFilter) {
        name = TextField(filter.name)
        status = filter.status
        extensionID = filter.extensionID
    }

    public var filter: TokenFilter { TokenFilter(name: name.text, status: status, extensionID: extensionID) }

    /// The statuses offered, "any" first.
    public static let statuses: [TokenStatus?] = [nil, .active, .inactive, .pending, .expiring, .expired]
}

/// The Tokens pane: one server page of tokens, the cursor, the filter and the columns shown.
public struct TokenListState: PagedList, Sendable, Hashable {
    public var rowsPerPage = 10
    public var offset = 0
    public var filter = TokenFilter()
    public var content: Loadable<Page<Token>> = .loading
    /// The cursor's row on the page, and the token it is on (kept across refreshes).
    public var cursor = 0
    public var cursorID: String?
    var columns = ColumnChoice<TokenColumn>()
    public var loadID = 0

    public var selectedToken: Token? { selected }
}
