import Foundation
import ConnectCore
import TerminalKit
import TokenWizard

/// One server page of a collection with a cursor on it, its filter and its columns: the list
/// feature that Tokens, Webhooks and Extensions each instantiate with a `ListKind`. The
/// cursor remembers the item it is on, so a refresh keeps it there.
public struct PagedListState<Kind: ListKind>: Sendable, Hashable {
    public typealias Item = Kind.Item

    public var rowsPerPage = 10
    public var offset = 0
    public var filter = Kind.Filter()
    public var content: Loadable<Page<Item>> = .loading
    /// The cursor's row on the page, and the item it is on (kept across refreshes).
    public var cursor = 0
    public var cursorID: String?
    var columns = ColumnChoice<Kind.Column>(shown: Kind.defaultColumns)
    /// The order the server sends the rows in.
    public var sort: ListSort<Kind.Column>? = Kind.defaultSort
    /// Rows marked for a bulk action (`Space`), in the order marked; kept across pages,
    /// filters and sorts until acted on or cleared.
    public var marked: [Mark] = []
    /// Pages read lately (going back draws at once), and the page being read ahead.
    public var recent = RecentPages<Item>()
    public var readingAhead: PageRequest?

    /// The filter's query, ordered by the sort (ties broken by the server's own order).
    public var query: ListQuery {
        var query = filter.query
        if let sort, let field = sort.column.sortField { query.ordering = [SortKey(field, descending: sort.descending)] }
        return query
    }
    /// Identifies the newest load; answers to older ones are dropped. 0 until first loaded.
    public var loadID = 0
    /// When the page on screen was read (for "updated 12 s ago" and the auto-refresh).
    public var loadedAt: Date?
    /// When a quiet refresh was last asked for (one per interval, whatever its answer).
    public var refreshAskedAt: Date?

    public init() {}
}

extension PagedListState {
    var page: PageRequest { PageRequest(limit: rowsPerPage, offset: offset) }

    var items: [Item] { content.value?.items ?? [] }

    public var selected: Item? { items.indices.contains(cursor) ? items[cursor] : nil }

    /// "1–10 of 57", as the portal writes it.
    var rangeText: String {
        guard let page = content.value else { return "" }
        guard let total = page.total, total > 0, !page.items.isEmpty else { return "0 of \(page.total ?? 0)" }
        return "\(offset + 1)–\(offset + page.items.count) of \(total)"
    }

    /// Puts the cursor on `row`, clamped to the page.
    mutating func moveCursor(to row: Int) {
        let count = items.count
        guard count > 0 else { return }
        cursor = min(max(0, row), count - 1)
        cursorID = items[cursor].id
    }

    /// Starts a new load of the current page; answers to earlier loads will be ignored.
    mutating func beginLoad() -> Int {
        loadID += 1
        content = .loading
        return loadID
    }

    /// A reload that keeps the page on screen until the answer replaces it (no flicker).
    mutating func beginQuietLoad() -> Int {
        loadID += 1
        return loadID
    }

    /// Steps to the next page when there is one; true when a load is needed.
    mutating func turnToNextPage() -> Bool {
        guard let page = content.value, page.hasNext else { return false }
        offset += rowsPerPage
        toTop()
        return true
    }

    /// Steps to the previous page when there is one; true when a load is needed.
    mutating func turnToPreviousPage() -> Bool {
        guard offset > 0 else { return false }
        offset = max(0, offset - rowsPerPage)
        toTop()
        return true
    }

    /// 10 → 25 → 50 → 100 → 10, keeping the first row in view.
    mutating func cycleRowsPerPage() {
        let sizes = PageRequest.portalSizes
        let next = sizes[((sizes.firstIndex(of: rowsPerPage) ?? 0) + 1) % sizes.count]
        rowsPerPage = next
        offset = offset / next * next
    }

    /// Back to the first page with the cursor at the top (a new filter).
    mutating func rewind() {
        offset = 0
        toTop()
    }

    /// The cursor on the page's first row, whatever item that is.
    mutating func toTop() {
        cursor = 0
        cursorID = nil
    }

    /// Takes the answer of load `id`. Returns true when the page came back empty because rows
    /// went away elsewhere and the last page that has rows must be loaded instead.
    mutating func accept(_ result: Result<Page<Item>, ConnectError>, loadID id: Int, now: Date?) -> Bool {
        guard id == loadID else { return false }  // an older load
        switch result {
        case .success(let page):
            content = .loaded(page)
            loadedAt = now
            let items = page.items
            if let cursorID, let index = items.firstIndex(where: { $0.id == cursorID }) {
                cursor = index
            } else {
                cursor = min(cursor, max(0, items.count - 1))
            }
            cursorID = items.indices.contains(cursor) ? items[cursor].id : nil
            if items.isEmpty, let total = page.total, total > 0, offset >= total {
                offset = max(0, (total - 1) / rowsPerPage * rowsPerPage)
                return true
            }
        case .failure(let error):
            content = .failed(error)
        }
        return false
    }

    /// Puts a fresher copy of an item into the page, where it is shown.
    mutating func replace(_ item: Item) {
        guard case .loaded(var page) = content, let index = page.items.firstIndex(where: { $0.id == item.id }) else { return }
        page.items[index] = item
        content = .loaded(page)
    }

    /// The row of the table under screen row `y`, given the table's top and visible rows.
    func row(atScreenY y: Int, tableY: Int, visibleRows: Int) -> Int? {
        let scrolled = max(0, cursor - visibleRows + 1)
        let row = scrolled + y - tableY - 1
        return items.indices.contains(row) ? row : nil
    }
}

/// Which columns a table shows; the chooser (`C`) toggles them, and at least one stays.
struct ColumnChoice<Column: ListColumn>: Hashable, Sendable {
    var shown: [Column] = Column.allCases

    /// Shows or hides the `index`th column, in the table's order; the last one shown stays.
    mutating func toggle(at index: Int) {
        let all = Column.allCases
        guard all.indices.contains(index) else { return }
        let column = all[index]
        if let position = shown.firstIndex(of: column) {
            if shown.count > 1 { shown.remove(at: position) }
        } else {
            shown = all.filter { shown.contains($0) || $0 == column }
        }
    }
}
