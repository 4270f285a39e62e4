/// The subset of TOML that `config.toml` uses, read with the line of every key so a message
/// can say exactly where a problem is: comments, `[table]`, `[[array of tables]]`, and
/// `key = value` with strings ("basic" and 'literal'), integers, booleans and one-line arrays
/// of those. Anything else is refused with its line, never guessed at.
public struct ConfigDocument: Hashable, Sendable {
    /// A value and the line it is on.
    public struct Value: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            case string(String)
            case integer(Int)
            case bool(Bool)
            case array([Value])
        }

        public var kind: Kind
        public var line: Int

        /// "a string", "an integer", … for messages.
        public var typeName: String {
            switch kind {
            case .string: "a string"
            case .integer: "an integer"
            case .bool: "true or false"
            case .array: "a list"
            }
        }
    }

    /// `[name]` or one element of `[[name]]`, with its keys in file order.
    public struct Table: Hashable, Sendable {
        public var name: String
        public var isArrayElement: Bool
        /// The line of the header; 0 for the keys before any header.
        public var line: Int
        public var entries: [(key: String, value: Value)]
        /// The last line that belongs to this table (for edits that remove it).
        public var lastLine: Int

        public subscript(key: String) -> Value? { entries.first { $0.key == key }?.value }

        public static func == (a: Table, b: Table) -> Bool {
            a.name == b.name && a.isArrayElement == b.isArrayElement && a.line == b.line
                && a.entries.map(\.key) == b.entries.map(\.key) && a.entries.map(\.value) == b.entries.map(\.value)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(line)
        }
    }

    /// The keys before the first header.
    public var root: Table
    /// Every table in file order.
    public var tables: [Table]
}

/// A line that is not TOML this file understands.
public struct ConfigSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "line \(line): \(message)" }
}

extension ConfigDocument {
    public static func parse(_ text: String) throws(ConfigSyntaxError) -> ConfigDocument {
        var root = Table(name: "", isArrayElement: false, line: 0, entries: [], lastLine: 0)
        var tables: [Table] = []
        var seenTables: Set<String> = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var scanner = LineScanner(Array(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine), line: lineNumber)
            scanner.skipSpaces()
            if scanner.atEnd || scanner.peek == "#" { continue }
            if scanner.peek == "[" {
                let isArray = scanner.lookahead(1) == "["
                scanner.advance(isArray ? 2 : 1)
                scanner.skipSpaces()
                let name = try scanner.tableName()
                scanner.skipSpaces()
                guard scanner.take("]"), !isArray || scanner.take("]") else {
                    throw ConfigSyntaxError(line: lineNumber, message: "a table header ends with \(isArray ? "]]" : "]")")
                }
                try scanner.expectEndOfLine()
                if !isArray {
                    guard seenTables.insert(name).inserted else {
                        throw ConfigSyntaxError(line: lineNumber, message: "[\(name)] appears twice")
                    }
                }
                if let last = tables.indices.last { tables[last].lastLine = lineNumber - 1 }
                tables.append(Table(name: name, isArrayElement: isArray, line: lineNumber, entries: [], lastLine: lineNumber))
                continue
            }
            let key = try scanner.key()
            scanner.skipSpaces()
            guard scanner.take("=") else {
                throw ConfigSyntaxError(line: lineNumber, message: "expected `=` after \(key)")
            }
            scanner.skipSpaces()
            let value = try scanner.value()
            try scanner.expectEndOfLine()
            if tables.isEmpty {
                guard root[key] == nil else { throw ConfigSyntaxError(line: lineNumber, message: "\(key) is set twice") }
                root.entries.append((key, value))
                root.lastLine = lineNumber
            } else {
                let last = tables.count - 1
                guard tables[last][key] == nil else {
                    throw ConfigSyntaxError(line: lineNumber, message: "\(key) is set twice in [\(tables[last].name)]")
                }
                tables[last].entries.append((key, value))
                tables[last].lastLine = lineNumber
            }
        }
        if let last = tables.indices.last { tables[last].lastLine = max(tables[last].lastLine, lineNumber) }
        return ConfigDocument(root: root, tables: tables)
    }
}

/// Reads one line.
private struct LineScanner {
    let characters: [Character]
    let line: Int
    var position = 0

    init(_ characters: [Character], line: Int) {
        self.characters = characters
        self.line = line
    }

    var atEnd: Bool { position >= characters.count }
    var peek: Character? { atEnd ? nil : characters[position] }
    func lookahead(_ offset: Int) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    mutating func advance(_ count: Int = 1) { position += count }

    mutating func take(_ character: Character) -> Bool {
        guard peek == character else { return false }
        position += 1
        return true
    }

    mutating func skipSpaces() {
        while let next = peek, next == " " || next == "\t" { position += 1 }
    }

    func fail(_ message: String) -> ConfigSyntaxError { ConfigSyntaxError(line: line, message: message) }

    /// Only spaces and a comment may follow a value or header.
    mutating func expectEndOfLine() throws(ConfigSyntaxError) {
        skipSpaces()
        guard atEnd || peek == "#" else { throw fail("unexpected `\(String(characters[position...]).prefix(20))` after the value") }
    }

    static func isBare(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }

    mutating func key() throws(ConfigSyntaxError) -> String {
        if peek == "\"" || peek == "'" { return try string() }
        let start = position
        while let next = peek, Self.isBare(next) { position += 1 }
        guard position > start else { throw fail("expected a key") }
        if peek == "." { throw fail("dotted keys are not supported here; use a [table]") }
        return String(characters[start..<position])
    }

    /// `accounts`, `themes.extra`: bare names joined by dots.
    mutating func tableName() throws(ConfigSyntaxError) -> String {
        var parts: [String] = []
        repeat {
            skipSpaces()
            let start = position
            while let next = peek, Self.isBare(next) { position += 1 }
            guard position > start else { throw fail("expected a table name") }
            parts.append(String(characters[start..<position]))
            skipSpaces()
        } while take(".")
        return parts.joined(separator: ".")
    }

    mutating func value() throws(ConfigSyntaxError) -> ConfigDocument.Value {
        switch peek {
        case "\""?, "'"?:
            if lookahead(1) == peek, lookahead(2) == peek { throw fail("multi-line strings are not supported here") }
            return .init(kind: .string(try string()), line: line)
        case "["?:
            advance()
            var items: [ConfigDocument.Value] = []
            while true {
                skipSpaces()
                if take("]") { break }
                if atEnd { throw fail("a list must end with ] on the same line") }
                // Checked before reading the item, so deep nesting never recurses.
                if peek == "[" { throw fail("lists inside lists are not supported here") }
                let item = try value()
                if case .array = item.kind { throw fail("lists inside lists are not supported here") }
                items.append(item)
                skipSpaces()
                if take(",") { continue }
                if atEnd { throw fail("a list must end with ] on the same line") }
                guard take("]") else { throw fail("expected `,` or `]` in the list") }
                break
            }
            return .init(kind: .array(items), line: line)
        case "{"?:
            throw fail("inline tables are not supported here; use a [table]")
        default:
            let start = position
            while let next = peek, next != " ", next != "\t", next != "#", next != ",", next != "]" { position += 1 }
            let word = String(characters[start..<position])
            switch word {
            case "true": return .init(kind: .bool(true), line: line)
            case "false": return .init(kind: .bool(false), line: line)
            case "": throw fail("expected a value")
            default:
                let digits = word.replacingOccurrences(of: "_", with: "")
                if let number = Int(digits), !word.hasPrefix("_"), !word.hasSuffix("_") {
                    return .init(kind: .integer(number), line: line)
                }
                throw fail("`\(word.prefix(30))` is not a value this file understands (strings need quotes)")
            }
        }
    }

    /// A "basic" string with escapes, or a 'literal' one.
    mutating func string() throws(ConfigSyntaxError) -> String {
        let quote = peek!
        advance()
        var out = ""
        while let next = peek {
            advance()
            if next == quote { return out }
            guard quote == "\"", next == "\\" else {
                if next.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
                    throw fail("control characters must be escaped in strings")
                }
                out.append(next)
                continue
            }
            guard let escaped = peek else { break }
            advance()
            switch escaped {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{c}")
            case "u", "U":
                let length = escaped == "u" ? 4 : 8
                guard position + length <= characters.count,
                    let value = UInt32(String(characters[position..<position + length]), radix: 16),
                    let scalar = Unicode.Scalar(value)
                else { throw fail("a bad \\\(escaped) escape") }
                out.unicodeScalars.append(scalar)
                advance(length)
            default: throw fail("unknown escape \\\(escaped)")
            }
        }
        throw fail("a string is not closed on its line")
    }
}
