import Foundation

/// A Resource Query Language filter, as Connect reads it in the query string.
///
/// Built from typed cases so that values are always quoted correctly; `encoded` gives the
/// text (`and(eq(status,active),ilike(name,*foo*))`), `ListQuery` puts it in a URL.
public indirect enum RQL: Sendable, Hashable {
    case eq(String, RQLValue)
    case ne(String, RQLValue)
    case lt(String, RQLValue)
    case le(String, RQLValue)
    case gt(String, RQLValue)
    case ge(String, RQLValue)
    /// Case-sensitive match; `*` in the pattern matches any text.
    case like(String, String)
    /// Case-insensitive match; `*` in the pattern matches any text.
    case ilike(String, String)
    case `in`(String, [RQLValue])
    case out(String, [RQLValue])
    case and([RQL])
    case or([RQL])
    case not(RQL)

    /// Every term joined with `and`, dropping the no-op of an empty list.
    public static func all(_ terms: [RQL]) -> RQL? {
        switch terms.count {
        case 0: nil
        case 1: terms[0]
        default: .and(terms)
        }
    }

    /// The RQL text, before URL encoding.
    public var encoded: String {
        switch self {
        case .eq(let field, let value): Self.comparison("eq", field, value)
        case .ne(let field, let value): Self.comparison("ne", field, value)
        case .lt(let field, let value): "lt(\(field),\(value.encoded))"
        case .le(let field, let value): "le(\(field),\(value.encoded))"
        case .gt(let field, let value): "gt(\(field),\(value.encoded))"
        case .ge(let field, let value): "ge(\(field),\(value.encoded))"
        case .like(let field, let pattern): "like(\(field),\(Self.pattern(pattern)))"
        case .ilike(let field, let pattern): "ilike(\(field),\(Self.pattern(pattern)))"
        case .in(let field, let values): "in(\(field),(\(values.map(\.encoded).joined(separator: ","))))"
        case .out(let field, let values): "out(\(field),(\(values.map(\.encoded).joined(separator: ","))))"
        case .and(let terms): Self.group("and", terms)
        case .or(let terms): Self.group("or", terms)
        case .not(let term): "not(\(term.encoded))"
        }
    }

    /// `eq`/`ne` on a string holding both quote characters cannot be written exactly (RQL has
    /// no escapes inside quotes), so it becomes a `like` whose `*` stands for each quote: the
    /// closest match the server can run.
    private static func comparison(_ op: String, _ field: String, _ value: RQLValue) -> String {
        if case .string(let text) = value, text.contains("\""), text.contains("'") {
            let like = "like(\(field),\(pattern(text)))"
            return op == "eq" ? like : "not(\(like))"
        }
        return "\(op)(\(field),\(value.encoded))"
    }

    private static func pattern(_ text: String) -> String {
        RQLValue.quote(text, replacingBothQuotesWithWildcard: true)
    }

    private static func group(_ op: String, _ terms: [RQL]) -> String {
        switch terms.count {
        case 0: ""
        case 1: terms[0].encoded
        default: "\(op)(\(terms.map(\.encoded).joined(separator: ",")))"
        }
    }
}

/// A value on the right of an RQL comparison.
public enum RQLValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    case string(String)
    case int(Int)
    case bool(Bool)
    case date(Date)
    /// `null()`: the field has no value.
    case null
    /// `empty()`: the field is an empty string.
    case empty

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    public var encoded: String {
        switch self {
        case .string(let text): Self.quote(text, replacingBothQuotesWithWildcard: true)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .date(let date): Timestamp.format(date)
        case .null: "null()"
        case .empty: "empty()"
        }
    }

    /// Leaves a value bare when the RQL grammar reads it back unchanged, else wraps it in
    /// double quotes, or single quotes when it holds a double quote. A value holding both gets
    /// `*` in place of its single quotes (only reachable through `like` patterns or ordering
    /// comparisons; `eq`/`ne` are rewritten before this).
    static func quote(_ text: String, replacingBothQuotesWithWildcard: Bool) -> String {
        if isBare(text) { return text }
        if !text.contains("\"") { return "\"\(text)\"" }
        if !text.contains("'") { return "'\(text)'" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "*") + "\""
    }

    /// The grammar's unquoted value: a word character, `-`, `*`, `+` or `\` first, then word
    /// characters and `.:-+@*\`; no surrounding space; not a keyword such as `null()`.
    private static func isBare(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar == "_"
        }
        let startOK = isWord(first) || "-*+\\".unicodeScalars.contains(first)
        let restOK = text.unicodeScalars.dropFirst().allSatisfy {
            isWord($0) || ".:-+@*\\".unicodeScalars.contains($0)
        }
        return startOK && restOK
    }
}
