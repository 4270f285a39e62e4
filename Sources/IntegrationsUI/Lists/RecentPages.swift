import ConnectCore
import Foundation

/// Pages of a list read in the last minute, by query and page: going back to one draws it at
/// once (read again quietly behind when it is more than a few seconds old), and the page after
/// the one the user rests on is read ahead into it. Any write forgets them all, and an answer
/// to a read sent before the write is dropped by the generation, so no page from before the
/// user's own change is ever shown.
public struct RecentPages<Item: Sendable & Hashable>: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var query: ListQuery
        public var request: PageRequest
        public var page: Page<Item>
        public var readAt: Date
    }

    public private(set) var entries: [Entry] = []
    /// Bumped by every write: reads sent before it are not kept.
    public private(set) var generation = 0

    /// How long a page is kept at all, and how long it is shown without reading it again.
    public static var keptFor: TimeInterval { 60 }
    public static var freshFor: TimeInterval { 5 }
    /// The most pages kept per list.
    static var capacity: Int { 8 }

    public init() {}

    /// The page for `query` and `request`, if read less than a minute before `now`.
    func entry(_ query: ListQuery, _ request: PageRequest, now: Date) -> Entry? {
        entries.last { $0.query == query && $0.request == request && now.timeIntervalSince($0.readAt) < Self.keptFor }
    }

    mutating func keep(_ page: Page<Item>, _ query: ListQuery, _ request: PageRequest, readAt: Date) {
        entries.removeAll { ($0.query == query && $0.request == request) || readAt.timeIntervalSince($0.readAt) >= Self.keptFor }
        entries.append(Entry(query: query, request: request, page: page, readAt: readAt))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }

    /// A write happened (or is under way): nothing read before it is shown again.
    mutating func forget() {
        entries = []
        generation += 1
    }
}

/// A page read ahead, of whichever list asked.
public enum ListPage: Sendable, Hashable {
    case tokens(Page<Token>)
    case webhooks(Page<Webhook>)
    case extensions(Page<Extension>)

    /// The page inside, whichever list's it is.
    var page: any Sendable {
        switch self {
        case .tokens(let page): page
        case .webhooks(let page): page
        case .extensions(let page): page
        }
    }
}

extension AppReducer {
    /// Shows the list's current page: from the recent pages when it was read lately (and
    /// read again quietly when it is no longer fresh), else loaded.
    static func showPage<K: ListKind>(_ kind: K.Type, _ state: inout AppState) -> [AppEffect] {
        let list = state[keyPath: K.path]
        guard let entry = list.recent.entry(list.query, list.page, now: state.now) else { return [reload(K.self, &state)] }
        let loadID = state[keyPath: K.path].beginQuietLoad()
        state[keyPath: K.path].content = .loaded(entry.page)
        state[keyPath: K.path].loadedAt = entry.readAt
        state[keyPath: K.path].moveCursor(to: 0)
        guard state.now.timeIntervalSince(entry.readAt) >= RecentPages<K.Item>.freshFor else { return [] }
        return [K.load(loadID: loadID, list.query, list.page)]
    }

    /// An answer to a list's load: the page is kept among the recent ones too.
    static func keepRecent<K: ListKind>(_ kind: K.Type, _ result: Result<Page<K.Item>, ConnectError>, loadID: Int, _ state: inout AppState) {
        guard case .success(let page) = result, loadID == state[keyPath: K.path].loadID else { return }
        let list = state[keyPath: K.path]
        state[keyPath: K.path].recent.keep(page, list.query, list.page, readAt: state.now)
    }

    /// On a tick: once the user has rested a second on a page of the list on screen, the next
    /// page is read ahead (once per page; never while keys are coming).
    static func readAhead(_ state: inout AppState) -> [AppEffect] {
        guard state.modals.isEmpty, let list = state.route.list else { return [] }
        return readAhead(list.kind, &state)
    }

    /// How long the user rests on a page before the next one is read ahead.
    static let restBeforeReadingAhead: TimeInterval = 1

    private static func readAhead<K: ListKind>(_ kind: K.Type, _ state: inout AppState) -> [AppEffect] {
        let list = state[keyPath: K.path]
        guard case .loaded(let page) = list.content, page.hasNext, let loadedAt = list.loadedAt else { return [] }
        let restingSince = max(loadedAt, state.lastKeyAt ?? loadedAt)
        guard state.now.timeIntervalSince(restingSince) >= restBeforeReadingAhead else { return [] }
        let next = PageRequest(limit: list.rowsPerPage, offset: list.offset + list.rowsPerPage)
        guard list.readingAhead != next, list.recent.entry(list.query, next, now: state.now) == nil else { return [] }
        state[keyPath: K.path].readingAhead = next
        return [.readAhead(K.id, list.query, next, generation: list.recent.generation)]
    }

    /// A page read ahead: kept, unless a write came after it was asked for.
    static func readAheadAnswered<K: ListKind>(
        _ kind: K.Type, _ query: ListQuery, _ request: PageRequest, generation: Int, _ result: Result<ListPage, ConnectError>,
        _ state: inout AppState
    ) {
        if state[keyPath: K.path].readingAhead == request { state[keyPath: K.path].readingAhead = nil }
        guard generation == state[keyPath: K.path].recent.generation, case .success(let page)? = K.page(result) else { return }
        state[keyPath: K.path].recent.keep(page, query, request, readAt: state.now)
    }

    /// Every list forgets its recent pages (a write is under way or done).
    static func forgetRecentPages(_ state: inout AppState) {
        state.tokens.recent.forget()
        state.webhooks.recent.forget()
        state.extensionList.recent.forget()
        state.tokens.readingAhead = nil
        state.webhooks.readingAhead = nil
        state.extensionList.readingAhead = nil
    }
}
