import Foundation
import ConnectCore

/// What the app remembers of an account between runs: each list's rows per page, sort and
/// columns, and the pane last shown. Values it does not know are dropped when applied.
public struct UIMemory: Codable, Sendable, Hashable {
    public struct List: Codable, Sendable, Hashable {
        public var rowsPerPage: Int?
        public var sort: String?
        public var descending: Bool?
        public var columns: [String]?
    }

    public var lists: [String: List] = [:]
    public var pane: String?

    public init() {}
}

extension AppState {
    /// What is worth remembering of this state.
    public var memory: UIMemory {
        var memory = UIMemory()
        memory.lists[TokenListKind.noun] = Self.remembered(tokens)
        memory.lists[WebhookListKind.noun] = Self.remembered(webhooks)
        memory.lists[ExtensionListKind.noun] = Self.remembered(extensionList)
        memory.pane = pane.title.lowercased()
        return memory
    }

    static func remembered<K: ListKind>(_ list: PagedListState<K>) -> UIMemory.List where K.Column: RawRepresentable, K.Column.RawValue == String {
        UIMemory.List(
            rowsPerPage: list.rowsPerPage, sort: list.sort?.column.rawValue, descending: list.sort?.descending,
            columns: list.columns.shown.map(\.rawValue))
    }
}

extension AppReducer {
    /// Applies what was remembered; the pane last shown opens (and loads) again.
    static func remember(_ memory: UIMemory, _ state: inout AppState) -> [AppEffect] {
        let tokensBefore = (state.tokens.rowsPerPage, state.tokens.sort)
        recall(memory.lists[TokenListKind.noun], into: &state.tokens)
        recall(memory.lists[WebhookListKind.noun], into: &state.webhooks)
        recall(memory.lists[ExtensionListKind.noun], into: &state.extensionList)
        // The first page was asked for with the defaults: ask again if they changed.
        var effects: [AppEffect] = []
        if tokensBefore != (state.tokens.rowsPerPage, state.tokens.sort) { effects.append(reload(TokenListKind.self, &state)) }
        if let pane = Pane.allCases.first(where: { $0.title.lowercased() == memory.pane }), pane != state.pane, state.modals.isEmpty {
            effects += show(pane, &state)
        }
        return effects
    }

    /// One list's remembered settings, those it knows.
    static func recall<K: ListKind>(_ saved: UIMemory.List?, into list: inout PagedListState<K>) where K.Column: RawRepresentable, K.Column.RawValue == String {
        guard let saved else { return }
        if let rows = saved.rowsPerPage, PageRequest.portalSizes.contains(rows) { list.rowsPerPage = rows }
        if let names = saved.columns {
            let columns = K.Column.allCases.filter { names.contains($0.rawValue) }
            if !columns.isEmpty { list.columns.shown = columns }
        }
        if let name = saved.sort, let column = K.Column(rawValue: name), column.sortField != nil {
            list.sort = ListSort(column, descending: saved.descending ?? false)
        }
    }
}
