import ConnectCore
import GRDB

/// A list request turned into SQL: a WHERE clause with its bound values and an ORDER BY.
struct SQLQuery: Sendable {
    var conditions: [String] = []
    var arguments: [DatabaseValue] = []
    var orderBy: String

    var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }

    init(_ query: ListQuery, schema: CollectionSchema) throws(APIError) {
        orderBy = schema.tieBreak
        if let filter = query.filter {
            let (sql, values) = try Self.condition(filter, schema)
            conditions.append(sql)
            arguments += values
        }
        if let search = query.search?.trimmingCharacters(in: .whitespaces), !search.isEmpty,
            !schema.searchColumns.isEmpty
        {
            let pattern = "%" + Self.escapeLike(search) + "%"
            conditions.append("(" + schema.searchColumns.map { "\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
            arguments += schema.searchColumns.map { _ in pattern.databaseValue }
        }
        if !query.ordering.isEmpty {
            var keys: [String] = []
            for key in query.ordering {
                let field = try schema.field(key.field)
                guard field.orderable else { throw .validation("Cannot order \(schema.name) by '\(key.field)'.") }
                keys.append(field.sql + (key.descending ? " DESC" : " ASC"))
            }
            orderBy = (keys + [schema.tieBreak]).joined(separator: ", ")
        }
    }

    /// One RQL term as SQL. Exhaustive over RQL, so a new operator must be handled here.
    static func condition(_ rql: RQL, _ schema: CollectionSchema) throws(APIError) -> (String, [DatabaseValue]) {
        func compare(_ op: String, _ name: String, _ value: RQLValue) throws(APIError) -> (String, [DatabaseValue]) {
            let field = try schema.field(name)
            let sql: String
            var values: [DatabaseValue] = []
            switch value {
            case .null: sql = op == "=" ? "\(field.sql) IS NULL" : op == "<>" ? "\(field.sql) IS NOT NULL" : "0"
            case .empty:
                sql = "\(field.sql) \(op) ?"
                values = ["".databaseValue]
            default:
                sql = "\(field.sql) \(op) ?"
                values = [try typed(value, field, name)]
            }
            return (wrap(sql, field), values)
        }
        func pattern(_ name: String, _ text: String, caseSensitive: Bool) throws(APIError) -> (String, [DatabaseValue]) {
            let field = try schema.field(name)
            if caseSensitive {
                let glob = text.map { "[?".contains($0) ? "[\($0)]" : String($0) }.joined()
                return (wrap("\(field.sql) GLOB ?", field), [glob.databaseValue])
            }
            let like = escapeLike(text).replacingOccurrences(of: "*", with: "%")
            return (wrap("\(field.sql) LIKE ? ESCAPE '\\'", field), [like.databaseValue])
        }
        func list(_ name: String, _ values: [RQLValue], negated: Bool) throws(APIError) -> (String, [DatabaseValue]) {
            let field = try schema.field(name)
            var bound: [DatabaseValue] = []
            for value in values { bound.append(try typed(value, field, name)) }
            let marks = Array(repeating: "?", count: bound.count).joined(separator: ", ")
            return (wrap("\(field.sql) \(negated ? "NOT IN" : "IN") (\(marks))", field), bound)
        }
        func group(_ terms: [RQL], _ joiner: String) throws(APIError) -> (String, [DatabaseValue]) {
            var parts: [String] = []
            var values: [DatabaseValue] = []
            for term in terms {
                let (sql, bound) = try condition(term, schema)
                parts.append(sql)
                values += bound
            }
            return ("(" + parts.joined(separator: " \(joiner) ") + ")", values)
        }
        switch rql {
        case .eq(let name, let value): return try compare("=", name, value)
        case .ne(let name, let value): return try compare("<>", name, value)
        case .lt(let name, let value): return try compare("<", name, value)
        case .le(let name, let value): return try compare("<=", name, value)
        case .gt(let name, let value): return try compare(">", name, value)
        case .ge(let name, let value): return try compare(">=", name, value)
        case .like(let name, let text): return try pattern(name, text, caseSensitive: true)
        case .ilike(let name, let text): return try pattern(name, text, caseSensitive: false)
        case .in(let name, let values): return try list(name, values, negated: false)
        case .out(let name, let values): return try list(name, values, negated: true)
        case .and(let terms): return try group(terms, "AND")
        case .or(let terms): return try group(terms, "OR")
        case .not(let term):
            let (sql, values) = try condition(term, schema)
            return ("NOT (\(sql))", values)
        }
    }

    private static func wrap(_ sql: String, _ field: CollectionSchema.Field) -> String {
        guard let exists = field.exists else { return "(\(sql))" }
        return exists.replacingOccurrences(of: "%CONDITION%", with: sql)
    }

    /// The value as the field's column stores it, or a 400 naming the field.
    static func typed(_ value: RQLValue, _ field: CollectionSchema.Field, _ name: String) throws(APIError) -> DatabaseValue {
        let text: String
        switch value {
        case .string(let string): text = string
        case .int(let number): text = String(number)
        case .bool(let flag): text = flag ? "true" : "false"
        case .date(let date): text = Timestamp.format(date)
        case .null: return .null
        case .empty: text = ""
        }
        if let choices = field.choices {
            // Choices are matched without regard to case: the spec spells account roles both ways.
            guard choices.contains(text.lowercased()) else {
                throw .validation("\(name): '\(text)' is not one of \(choices.joined(separator: ", ")).")
            }
            return text.lowercased().databaseValue
        }
        switch field.kind {
        case .text:
            return text.databaseValue
        case .integer:
            guard let number = Int(text) else { throw .validation("\(name): '\(text)' is not a whole number.") }
            return number.databaseValue
        case .boolean:
            switch text.lowercased() {
            case "true", "1": return true.databaseValue
            case "false", "0": return false.databaseValue
            default: throw .validation("\(name): '\(text)' is not true or false.")
            }
        case .date:
            guard let date = Timestamp(rawValue: text).date else {
                throw .validation("\(name): '\(text)' is not a date-time.")
            }
            return Timestamp.format(date).databaseValue
        }
    }

    /// `%`, `_` and `\` made literal for LIKE … ESCAPE '\'.
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
