/// How to sort a list: a field, ascending or descending.
public struct SortKey: Sendable, Hashable {
    public var field: String
    public var descending: Bool

    public init(_ field: String, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    public static func descending(_ field: String) -> SortKey { SortKey(field, descending: true) }

    var encoded: String { (descending ? "-" : "") + field }
}

/// Everything that narrows or orders a list request, apart from the page.
public struct ListQuery: Sendable, Hashable {
    public var filter: RQL?
    public var ordering: [SortKey]
    /// Fields to add or (with a leading `-`) drop, e.g. `-permissions`.
    public var select: [String]
    /// Free-text search, where the collection supports it (webhooks).
    public var search: String?

    public init(
        filter: RQL? = nil, ordering: [SortKey] = [], select: [String] = [], search: String? = nil
    ) {
        self.filter = filter
        self.ordering = ordering
        self.select = select
        self.search = search
    }

    /// The URL query string (without `?`), already percent-encoded, with the page last:
    /// `and(eq(status,active),ilike(name,*foo*))&ordering(-events.created.at)&limit=25&offset=0`.
    public func queryString(page: PageRequest) -> String {
        var parts: [String] = []
        if let filter {
            let text = filter.encoded
            if !text.isEmpty { parts.append(QueryEncoding.rql(text)) }
        }
        if !ordering.isEmpty {
            parts.append(QueryEncoding.rql("ordering(\(ordering.map(\.encoded).joined(separator: ",")))"))
        }
        if !select.isEmpty {
            parts.append(QueryEncoding.rql("select(\(select.joined(separator: ",")))"))
        }
        if let search, !search.isEmpty {
            parts.append("search=" + QueryEncoding.value(search))
        }
        parts.append("limit=\(page.limit)")
        parts.append("offset=\(page.offset)")
        return parts.joined(separator: "&")
    }
}

/// Percent-encoding for query strings.
enum QueryEncoding {
    /// RQL text keeps its own punctuation readable; everything else is encoded, `+` included
    /// (servers read a bare `+` as a space).
    static func rql(_ text: String) -> String { encode(text, keeping: "-._~(),*:") }

    /// A plain `name=value` value.
    static func value(_ text: String) -> String { encode(text, keeping: "-._~") }

    private static func encode(_ text: String, keeping extra: String) -> String {
        let keep = Set(extra.utf8)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let isAlnum =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A)
            if isAlnum || keep.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
