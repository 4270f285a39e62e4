import Foundation

extension ConnectClient {
    /// Sends a call and decodes its body as `T`.
    func object<T: Decodable>(_ type: T.Type, _ call: Call) async throws(ConnectError) -> T {
        let response = try await send(call)
        return try decode(type, response.body, call)
    }

    /// Sends a call whose answer carries no body worth reading (204, trigger's `{}`).
    func perform(_ call: Call) async throws(ConnectError) {
        _ = try await send(call)
    }

    /// Sends a list call for one page and reads the items with their `Content-Range`.
    func page<T: Decodable & Sendable>(
        _ type: T.Type, _ call: Call, query: ListQuery, page request: PageRequest
    ) async throws(ConnectError) -> Page<T> {
        var call = call
        call.query = query.queryString(page: request)
        let response = try await send(call)
        let header = response.headers["Content-Range"]
        let range: ContentRange
        do {
            range = try ContentRange.parse(header)
        } catch {
            throw call.error(.badPagingHeader(header.map { redactor.clean($0, limit: 60) }))
        }
        let items = try decode([T].self, response.body, call)
        if !items.isEmpty, range.count != items.count {
            throw call.error(
                .inconsistentPage(header: redactor.clean(header ?? "", limit: 60), items: items.count))
        }
        return Page(items: items, range: range, request: request)
    }

    func decode<T: Decodable>(_ type: T.Type, _ body: Data, _ call: Call) throws(ConnectError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Self.validUTF8(body))
        } catch let error as DecodingError {
            throw call.error(.undecodable(reason: Self.reason(error), excerpt: excerpt(body)))
        } catch {
            throw call.error(.undecodable(reason: "not JSON", excerpt: excerpt(body)))
        }
    }

    /// The body with any invalid UTF-8 replaced by U+FFFD: one bad byte in one token's name
    /// must not make the whole page unreadable (the replacement shows as �).
    static func validUTF8(_ body: Data) -> Data {
        if String(data: body, encoding: .utf8) != nil { return body }
        return Data(String(decoding: body, as: UTF8.self).utf8)
    }

    func excerpt(_ body: Data) -> String {
        redactor.clean(String(decoding: body.prefix(400), as: UTF8.self), limit: 80)
    }

    static func reason(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
                .joined()
            return text.isEmpty ? "the body" : String(text.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return parent == "the body"
                ? "missing \(key.stringValue)" : "missing \(key.stringValue) in \(parent)"
        case .typeMismatch(_, let context): return "wrong type at \(path(context))"
        case .valueNotFound(_, let context): return "null at \(path(context))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value at \(path(context))"
        @unknown default: return "unexpected shape"
        }
    }
}

/// Connect's error body, `{"error_code": "VAL_001", "errors": ["…"]}`, read leniently: a proxy's
/// HTML page or an empty body still yields something to show.
enum ErrorBody {
    static func parse(_ body: Data) -> (code: String?, messages: [String]) {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: body),
            let object = json.objectValue
        else {
            let text = String(decoding: body.prefix(400), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return (nil, text.isEmpty ? [] : ["unexpected response: \(plainText(text))"])
        }
        let code = object["error_code"]?.stringValue
        let messages: [String]
        switch object["errors"] {
        case .string(let message)?: messages = [message]
        case .array(let items)?: messages = items.map(flatten)
        case .object(let fields)?:
            messages = fields.sorted { $0.key < $1.key }.map { "\($0.key): \(flatten($0.value))" }
        default: messages = []
        }
        return (code, messages)
    }

    private static func flatten(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .array(let items): items.map(flatten).joined(separator: ", ")
        case .number(let number): String(number)
        case .bool(let flag): String(flag)
        case .null: "null"
        case .object(let fields):
            fields.sorted { $0.key < $1.key }.map { "\($0.key): \(flatten($0.value))" }
                .joined(separator: ", ")
        }
    }

    /// Tags removed, space collapsed: `<h1>502 Bad Gateway</h1>` reads "502 Bad Gateway".
    private static func plainText(_ text: String) -> String {
        let untagged = text.replacing(try! Regex("<[^>]*>"), with: " ")
        return untagged.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
