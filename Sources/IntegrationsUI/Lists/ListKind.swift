import ConnectCore
import TerminalKit
import TokenWizard

/// What makes one list differ from another: its items, columns, filter, titles, where it
/// lives and how a row reads. Everything else (loading, paging, cursor, filter editor and
/// line, sort, marks, column chooser, action answers) is the list feature's, written once.
public protocol ListKind: Sendable, Hashable {
    associatedtype Item: Identifiable & Hashable & Sendable where Item.ID == String
    associatedtype Column: ListColumn
    associatedtype Filter: ListFilter

    /// "tokens", for "Loading tokens…".
    static var noun: String { get }
    /// The pane's title and its CREATE button ("+ CREATE TOKEN").
    static var title: String { get }
    static var create: String { get }
    /// Which list it is (in effects and answers that any list can send), and what reads it.
    static var id: ListID { get }
    static var read: ConnectOperation { get }
    /// Where the list lives in the state.
    static var path: WritableKeyPath<AppState, PagedListState<Self>> { get }
    /// The list's keys.
    static var keymap: KeyPath<KeymapSet, Keymap<Command>> { get }
    /// What a confirmation or a result calls an item ("Tutorial API Token").
    static func label(_ item: Item) -> String
    static func cell(_ item: Item, _ column: Column, _ state: AppState) -> Table.Item
    /// The columns dropped first when the chosen ones do not fit, in order.
    static var dropOrder: [Column] { get }
    /// The columns shown until the user chooses.
    static var defaultColumns: [Column] { get }
    /// The order a list starts in (nil: the filter's own).
    static var defaultSort: ListSort<Column>? { get }
    /// What the actions menu offers for the marked rows (none: the list has no marks to act on).
    static var bulkActions: [ListAction] { get }
    /// An action changed or deleted the item: its details, when they are on screen, follow.
    static func detailsFollow(_ id: String, _ item: Item?, deleted: Bool, _ state: inout AppState)
}

/// What a list can be narrowed to: one text, then choices; the editor shows them in order.
public protocol ListFilter: Sendable, Hashable {
    init()
    /// The query sent with every page.
    var query: ListQuery { get }
    /// "name ~ ci, Active", for the FILTER button.
    var summary: String { get }
    var isEmpty: Bool { get }
    /// The free text (what the filter line types): tokens' name or id, webhooks' search,
    /// extensions' name.
    var text: String { get set }
    /// The editor's fields for this filter (the extensions give the token filter its choices).
    func editor(_ state: AppState) -> FilterEditor
    /// The filter an editor describes.
    init(_ editor: FilterEditor)
}

/// A column of a list's table: what it says of itself.
public protocol ListColumn: CaseIterable, Hashable, Sendable where AllCases == [Self] {
    var spec: ColumnSpec { get }
}

extension ListColumn {
    public var title: String { spec.layout.title }
    /// The API field the column orders by (`ordering=-name`), or nil when the server cannot.
    public var sortField: String? { spec.sortField }
}

/// A column's title, its least width and share of the spare width, and its sort field.
public struct ColumnSpec: Sendable {
    public var layout: Table.Column
    public var sortField: String?

    public init(_ title: String, minWidth: Int, weight: Int, sort: String?) {
        layout = Table.Column(title, minWidth: minWidth, weight: weight)
        sortField = sort
    }
}

extension ListKind {
    /// A list's answer as this list's kind of page; nil when it is another list's.
    static func page(_ answer: Result<ListPage, ConnectError>) -> Result<Page<Item>, ConnectError>? {
        switch answer {
        case .success(let page): (page.page as? Page<Item>).map { .success($0) }
        case .failure(let error): .failure(error)
        }
    }
    /// The effect that loads a page.
    static func load(loadID: Int, _ query: ListQuery, _ page: PageRequest) -> AppEffect { .loadList(id, loadID: loadID, query, page) }
    public static var defaultColumns: [Column] { Column.allCases }
    public static var defaultSort: ListSort<Column>? { nil }
    public static var bulkActions: [ListAction] { [] }
    public static func detailsFollow(_ id: String, _ item: Item?, deleted: Bool, _ state: inout AppState) {}
}

/// The column a list is ordered by, and which way (done by the server).
public struct ListSort<Column: Hashable & Sendable>: Sendable, Hashable {
    public var column: Column
    public var descending: Bool

    public init(_ column: Column, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}
