/// The `Content-Range: items <first>-<last>/<total>` header of a Connect list response.
public struct ContentRange: Sendable, Hashable, CustomStringConvertible {
    /// Why a header could not be read; the text is what arrived (or nothing).
    public struct ParseError: Error, Sendable, Hashable {
        public let header: String?
    }

    /// Zero-based index of the first item in this page.
    public let first: Int
    /// Zero-based index of the last item; `first - 1` for an empty page.
    public let last: Int
    /// How many items the whole collection has; `nil` when the server said `*`.
    public let total: Int?

    public init(first: Int, last: Int, total: Int?) {
        self.first = first
        self.last = last
        self.total = total
    }

    /// The number of items this page holds.
    public var count: Int { max(0, last - first + 1) }

    /// The header as the API writes it: the empty collection as `items 0-0/0`, an empty page
    /// past the end as `items N-(N-1)/T`, so that it reads back the same.
    public var description: String {
        if total == 0, count == 0 { return "items 0-0/0" }
        return "items \(first)-\(last)/\(total.map(String.init) ?? "*")"
    }

    /// Reads the header. Accepts `items 0-9/57`, `items 0-99/*`, the empty `items 0-0/0` and
    /// `items */57` (nothing in range); anything else is a `ParseError`, never a crash.
    public static func parse(_ header: String?) throws(ParseError) -> ContentRange {
        guard let header else { throw ParseError(header: nil) }
        let text = header.trimmingCharacters(in: .whitespaces)
        let unit = "items "
        guard text.lowercased().hasPrefix(unit) else { throw ParseError(header: header) }
        let spec = text.dropFirst(unit.count).trimmingCharacters(in: .whitespaces)
        let halves = spec.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2 else { throw ParseError(header: header) }

        let total: Int?
        if halves[1] == "*" {
            total = nil
        } else if let value = number(halves[1]) {
            total = value
        } else {
            throw ParseError(header: header)
        }

        if halves[0] == "*" {
            guard let total else { throw ParseError(header: header) }
            return ContentRange(first: total, last: total - 1, total: total)
        }
        let bounds = halves[0].split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let first = number(bounds[0]), let last = number(bounds[1])
        else { throw ParseError(header: header) }

        if total == 0 {
            guard first == 0, last == 0 else { throw ParseError(header: header) }
            return ContentRange(first: 0, last: -1, total: 0)
        }
        // `first == last + 1` is an empty page (an offset at or past the end).
        guard first <= last + 1 else { throw ParseError(header: header) }
        if let total, first <= last, last >= total { throw ParseError(header: header) }
        return ContentRange(first: first, last: last, total: total)
    }

    /// A non-negative decimal of at most 18 digits (no sign, no spaces).
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return Int(text)
    }
}
