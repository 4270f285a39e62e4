/// Which slice of a collection to ask for: `limit` items from `offset`.
public struct PageRequest: Sendable, Hashable {
    /// The page sizes the portal offers.
    public static let portalSizes = [10, 25, 50, 100]

    public var limit: Int
    public var offset: Int

    public init(limit: Int = 10, offset: Int = 0) {
        self.limit = max(0, limit)
        self.offset = max(0, offset)
    }

    /// The page after this one.
    public var next: PageRequest { PageRequest(limit: limit, offset: offset + limit) }

    /// The page before this one (the first page stays first).
    public var previous: PageRequest { PageRequest(limit: limit, offset: max(0, offset - limit)) }
}

/// One page of a list, with where it sits in the whole collection.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var range: ContentRange
    public var request: PageRequest

    public init(items: [Item], range: ContentRange, request: PageRequest) {
        self.items = items
        self.range = range
        self.request = request
    }

    /// The size of the whole collection, when the server told it.
    public var total: Int? { range.total }

    /// Whether a page follows this one.
    public var hasNext: Bool {
        guard let total else { return items.count == request.limit && request.limit > 0 }
        return request.offset + items.count < total
    }

    public var hasPrevious: Bool { request.offset > 0 }
}

extension Page: Equatable where Item: Equatable {}
extension Page: Hashable where Item: Hashable {}
