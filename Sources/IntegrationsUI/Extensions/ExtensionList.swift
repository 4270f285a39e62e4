import ConnectCore
import TerminalKit
import TokenWizard

/// The columns of the Extensions table.
public enum ExtensionColumn: String, ListColumn {
    case name, id, description, status, categories

    /// The spec orders extensions by name, id and status; not by description or categories.
    public var spec: ColumnSpec {
        switch self {
        case .name: ColumnSpec("NAME", minWidth: 18, weight: 1, sort: "name")
        case .id: ColumnSpec("ID", minWidth: 8, weight: 0, sort: "id")
        case .description: ColumnSpec("DESCRIPTION", minWidth: 20, weight: 3, sort: nil)
        case .status: ColumnSpec("STATUS", minWidth: 9, weight: 0, sort: "status")
        case .categories: ColumnSpec("CATEGORIES", minWidth: 10, weight: 1, sort: nil)
        }
    }
}

/// What the Extensions list is narrowed to: part of the name, and the status.
public struct ExtensionFilter: ListFilter {
    /// What the name contains (the filter line types it).
    public var text = ""
    public var status: ExtensionStatus?

    public init() {}

    public var isEmpty: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty && status == nil }

    public var query: ListQuery {
        var terms: [RQL] = []
        let text = text.trimmingCharacters(in: .whitespaces)
        // The spec filters extensions by `name` (and status), not by the subtitle shown.
        if !text.isEmpty { terms.append(.ilike("name", "*\(text)*")) }
        if let status { terms.append(.eq("status", .string(status.rawValue))) }
        return ListQuery(filter: RQL.all(terms))
    }

    public var summary: String {
        [text.isEmpty ? nil : "name ~ \(text)", status?.title].compactMap { $0 }.joined(separator: ", ")
    }

    public func editor(_ state: AppState) -> FilterEditor {
        FilterEditor(title: "Filter extensions", textLabel: "Name", text: text, choices: [
            .init("Status", ExtensionStatus.knownCases.map { .init($0.rawValue, $0.title) }, selected: status?.rawValue),
        ])
    }

    public init(_ editor: FilterEditor) {
        text = editor.text.text
        status = editor.value("Status").map { ExtensionStatus(rawValue: $0) }
    }
}

/// The Extensions list: what tokens can be for.
public enum ExtensionListKind: ListKind {
    public typealias Item = Extension
    public typealias Column = ExtensionColumn
    public typealias Filter = ExtensionFilter

    public static let noun = "extensions"
    public static let title = "Extensions"
    public static let create = "+ CREATE TOKEN FOR IT"
    public static var id: ListID { .extensions }
    public static let read = ConnectOperation.listExtensions
    public static var path: WritableKeyPath<AppState, PagedListState<Self>> { \.extensionList }
    public static var keymap: KeyPath<KeymapSet, Keymap<Command>> { \.extensions }
    public static func label(_ item: Extension) -> String { item.name }
    public static let dropOrder: [ExtensionColumn] = [.categories, .description]

    public static func cell(_ item: Extension, _ column: ExtensionColumn, _ state: AppState) -> Table.Item {
        switch column {
        case .name: Table.Item(item.subtitle ?? item.name)
        case .id: Table.Item(item.id)
        case .description: Table.Item(item.description ?? "", Style(.muted))
        case .status: Table.Item(item.status?.title ?? "")
        case .categories: Table.Item((item.categories ?? []).compactMap(\.name).joined(separator: ", "), Style(.muted))
        }
    }
}

/// The Extensions pane's list.
public typealias ExtensionListState = PagedListState<ExtensionListKind>
