/// Reads RQL back: the query string of a list request into a `ListQuery` and its page.
///
/// The sandbox serves with it, and tests check that what `ListQuery` writes reads back as the
/// same query. Bare values come back as `.string` (the server types them per field), `null()`
/// and `empty()` as themselves.
public enum RQLParser {
    /// Why a query string is not valid RQL; `message` is fit for a 400 response.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public let message: String
        public var description: String { message }

        public init(message: String) { self.message = message }
    }

    /// A list request's query string, read.
    public struct ParsedQuery: Sendable, Hashable {
        public var query = ListQuery()
        /// The raw `limit` and `offset`, when given; ranges are the server's business.
        public var limit: Int?
        public var offset: Int?
    }

    /// The query string as sent (without `?`), still percent-encoded.
    public static func parseQueryString(_ text: String) throws(ParseError) -> ParsedQuery {
        var parsed = ParsedQuery()
        var terms: [RQL] = []
        for rawPart in text.split(separator: "&", omittingEmptySubsequences: true) {
            let part = String(rawPart)
            if let value = parameter("limit", in: part) {
                parsed.limit = try integer(value, name: "limit")
            } else if let value = parameter("offset", in: part) {
                parsed.offset = try integer(value, name: "offset")
            } else if let value = parameter("search", in: part) {
                parsed.query.search = percentDecoded(value.replacingOccurrences(of: "+", with: " "))
            } else {
                let decoded = percentDecoded(part)
                var reader = Reader(decoded)
                try reader.readTopLevel(into: &parsed.query, terms: &terms)
            }
        }
        parsed.query.filter = RQL.all(terms)
        return parsed
    }

    /// One RQL expression, already percent-decoded (`and(eq(a,1),ilike(name,*x*))`).
    public static func parseExpression(_ text: String) throws(ParseError) -> RQL {
        var reader = Reader(text)
        let term = try reader.readTerm()
        try reader.expectEnd()
        return term
    }

    private static func parameter(_ name: String, in part: String) -> String? {
        part.hasPrefix(name + "=") ? String(part.dropFirst(name.count + 1)) : nil
    }

    private static func integer(_ text: String, name: String) throws(ParseError) -> Int {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(text)
        else { throw ParseError(message: "\(name): A valid integer is required.") }
        return value
    }

    /// Percent-decoding that never fails: a broken escape stays as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let high = hexValue(utf8[utf8.startIndex]),
                let low = hexValue(utf8[utf8.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A cursor over decoded RQL text.
private struct Reader {
    typealias ParseError = RQLParser.ParseError

    let scalars: [Unicode.Scalar]
    var index = 0
    /// Deep nesting is refused rather than allowed to exhaust the stack.
    var depth = 0
    static let maxDepth = 32

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var atEnd: Bool { index >= scalars.count }
    var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    func fail(_ what: String) -> ParseError {
        ParseError(message: "Invalid RQL query: \(what) at position \(index + 1).")
    }

    mutating func expect(_ scalar: Unicode.Scalar) throws(ParseError) {
        guard current == scalar else { throw fail("expected '\(scalar)'") }
        index += 1
    }

    mutating func expectEnd() throws(ParseError) {
        guard atEnd else { throw fail("unexpected '\(current!)'") }
    }

    /// A top-level part: `ordering(…)`, `select(…)`, or a filter term.
    mutating func readTopLevel(into query: inout ListQuery, terms: inout [RQL]) throws(ParseError) {
        let start = index
        let word = readName()
        if current == "(", word == "ordering" || word == "select" {
            index += 1
            var items: [String] = []
            while current != ")" {
                if atEnd { throw fail("unclosed \(word)(") }
                let sign = (current == "-" || current == "+") ? String(scalars[index]) : ""
                if !sign.isEmpty { index += 1 }
                let name = readName()
                guard !name.isEmpty else { throw fail("expected a field name") }
                items.append(sign + name)
                if current == "," { index += 1 }
            }
            index += 1
            try expectEnd()
            if word == "ordering" {
                query.ordering = items.map { SortKey(String($0.drop { $0 == "-" || $0 == "+" }), descending: $0.hasPrefix("-")) }
            } else {
                query.select = items
            }
            return
        }
        index = start
        terms.append(try readTerm())
        try expectEnd()
    }

    mutating func readTerm() throws(ParseError) -> RQL {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw fail("nesting too deep") }
        let start = index
        let name = readName()
        guard !name.isEmpty else { throw fail("expected a term") }
        if current == "=" {
            // `field=value` or `field=op=value`.
            index += 1
            let afterFirst = index
            let op = readName()
            if current == "=", let term = try comparison(op, field: name, value: { (r: inout Reader) throws(ParseError) in
                r.index += 1
                return try r.readValue()
            }) {
                return term
            }
            index = afterFirst
            // `name=` with nothing after it is a query parameter with an empty value.
            if atEnd { return .eq(name, .string("")) }
            return .eq(name, try readValue())
        }
        guard current == "(" else {
            index = start
            throw fail("expected '(' after '\(name)'")
        }
        index += 1
        let term: RQL
        switch name {
        case "and", "or":
            var terms = [try readTerm()]
            while current == "," {
                index += 1
                terms.append(try readTerm())
            }
            term = name == "and" ? .and(terms) : .or(terms)
        case "not":
            term = .not(try readTerm())
        case "in", "out":
            let field = try readField()
            try expect(",")
            try expect("(")
            var values = [try readValue()]
            while current == "," {
                index += 1
                values.append(try readValue())
            }
            try expect(")")
            term = name == "in" ? .in(field, values) : .out(field, values)
        default:
            let field = try readField()
            try expect(",")
            guard let made = try comparison(name, field: field, value: { (r: inout Reader) throws(ParseError) in try r.readValue() }) else {
                index = start
                throw fail("unknown operator '\(name)'")
            }
            term = made
        }
        try expect(")")
        return term
    }

    private mutating func comparison(
        _ op: String, field: String, value read: (inout Reader) throws(ParseError) -> RQLValue
    ) throws(ParseError) -> RQL? {
        switch op {
        case "eq": return .eq(field, try read(&self))
        case "ne": return .ne(field, try read(&self))
        case "lt": return .lt(field, try read(&self))
        case "le": return .le(field, try read(&self))
        case "gt": return .gt(field, try read(&self))
        case "ge": return .ge(field, try read(&self))
        case "like", "ilike":
            let pattern: String
            switch try read(&self) {
            case .string(let text): pattern = text
            case .null, .empty: throw fail("\(op) needs a pattern")
            case .int(let number): pattern = String(number)
            case .bool(let flag): pattern = String(flag)
            case .date(let date): pattern = Timestamp.format(date)
            }
            return op == "like" ? .like(field, pattern) : .ilike(field, pattern)
        default: return nil
        }
    }

    mutating func readField() throws(ParseError) -> String {
        let name = readName()
        guard !name.isEmpty else { throw fail("expected a field name") }
        return name
    }

    /// A property name: a letter, then letters, digits, `_`, `-`, `.`.
    mutating func readName() -> String {
        var out = String.UnicodeScalarView()
        guard let first = current, first.properties.isAlphabetic, first.isASCII else { return "" }
        while let scalar = current,
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar))
        {
            out.append(scalar)
            index += 1
        }
        return String(out)
    }

    mutating func readValue() throws(ParseError) -> RQLValue {
        guard let first = current else { throw fail("expected a value") }
        if first == "\"" || first == "'" {
            index += 1
            var out = String.UnicodeScalarView()
            while let scalar = current, scalar != first {
                out.append(scalar)
                index += 1
            }
            guard current == first else { throw fail("unclosed quote") }
            index += 1
            return .string(String(out))
        }
        var out = String.UnicodeScalarView()
        while let scalar = current, scalar != ",", scalar != ")", scalar != "(" {
            out.append(scalar)
            index += 1
        }
        let text = String(out)
        if current == "(", text == "null" || text == "empty" {
            index += 1
            try expect(")")
            return text == "null" ? .null : .empty
        }
        guard !text.isEmpty else { throw fail("expected a value") }
        return .string(text)
    }
}
