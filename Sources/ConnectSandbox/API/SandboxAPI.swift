import ConnectCore
import Foundation
import GRDB
import Logging

/// The sandbox's Connect API: routes a request to its handler after checking the key.
///
/// Same paths, shapes, paging and errors as the Integrations subset of the real API. Pure of
/// HTTP plumbing: `SandboxServer` adapts it to Hummingbird, tests may call it directly.
public struct SandboxAPI: Sendable {
    public static let basePath = "/public/v1"
    /// The largest page the collections serve.
    static let maxLimit = 1000
    static let defaultLimit = 100

    let store: SandboxStore
    let logger: Logger

    public init(store: SandboxStore, logger: Logger = Logger(label: "connect-tui.sandbox")) {
        self.store = store
        self.logger = logger
    }

    public func handle(_ request: SandboxRequest) async -> HTTPResponse {
        do {
            var response = try await route(request)
            response.headers.set("Connect-Version", "37.0")
            return response
        } catch let error as APIError {
            return .error(error)
        } catch {
            logger.error("sandbox: \(request.method) \(request.path) failed: \(error)")
            return .error(.internalError)
        }
    }

    private func route(_ request: SandboxRequest) async throws -> HTTPResponse {
        guard request.path == Self.basePath || request.path.hasPrefix(Self.basePath + "/") else {
            throw APIError(status: 404, code: "NFND_000", ["No API at \(request.path)."])
        }
        try await authenticate(request)
        let segments = request.path.dropFirst(Self.basePath.count).split(separator: "/").map(String.init)
        let method = request.method.uppercased()
        switch (method, segments.count, segments.first) {
        case (_, _, "auth") where segments.count >= 2 && segments[1] == "tokens":
            return try await tokens(method, Array(segments.dropFirst(2)), request)
        case ("GET", 2, "auth") where segments[1] == "context":
            return .json(200, store.authContext())
        case ("GET", 1, "accounts"):
            return try await listPage(request, .accounts, store.listAccounts)
        case ("GET", 2, "accounts"):
            let result = try await store.listAccounts(SQLQuery(ListQuery(filter: .eq("id", .string(segments[1]))), schema: .accounts), limit: 1, offset: 0)
            guard let account = result.items.first else { throw APIError.notFound("Account", segments[1]) }
            return .json(200, account)
        case ("GET", 1, "modules"):
            return try await listPage(request, .modules, store.listModules)
        case ("GET", 2, "modules"):
            guard let module = try await store.module(id: segments[1]) else { throw APIError.notFound("Module", segments[1]) }
            return .json(200, module)
        case ("GET", 1, "extensions"):
            return try await listPage(request, .extensions, store.listExtensions)
        case ("GET", 2, "extensions"):
            guard let found = try await store.extensionDetails(id: segments[1]) else {
                throw APIError.notFound("Extension", segments[1])
            }
            return .json(200, found)
        case (_, _, "notifications") where segments.count >= 2 && segments[1] == "webhooks":
            return try await webhooks(method, Array(segments.dropFirst(2)), request)
        default:
            throw unmatched(segments)
        }
    }

    /// The paths the sandbox serves and their methods; `*` is an id.
    static let routes: [([String], String)] = [
        (["auth", "context"], "GET"),
        (["accounts"], "GET"), (["accounts", "*"], "GET"),
        (["auth", "tokens"], "GET, POST"), (["auth", "tokens", "*"], "GET, PUT, DELETE"),
        (["auth", "tokens", "*", "activate"], "POST"), (["auth", "tokens", "*", "deactivate"], "POST"),
        (["auth", "tokens", "*", "rotate"], "POST"), (["auth", "tokens", "*", "renew"], "POST"),
        (["auth", "tokens", "*", "permissions"], "GET, POST, DELETE"),
        (["modules"], "GET"), (["modules", "*"], "GET"),
        (["extensions"], "GET"), (["extensions", "*"], "GET"),
        (["notifications", "webhooks"], "GET, POST"), (["notifications", "webhooks", "*"], "GET, PUT, DELETE"),
        (["notifications", "webhooks", "*", "trigger"], "POST"),
    ]

    /// What a request no handler took gets: 405 with `Allow` for a known path, else 404.
    func unmatched(_ segments: [String]) -> APIError {
        let route = Self.routes.first { pattern, _ in
            pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0 == "*" || $0 == $1 }
        }
        guard let allow = route?.1 else {
            return APIError(status: 404, code: "NFND_000", ["No API at /\(segments.joined(separator: "/"))."])
        }
        return .methodNotAllowed(allow: allow)
    }

    /// 401 `AUTH_001` unless the request carries the key of an active token.
    private func authenticate(_ request: SandboxRequest) async throws {
        guard let header = request.headers["Authorization"],
            let key = try? APIKey(parsing: header), let tokenID = key.tokenID,
            header.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("apikey ")
        else { throw APIError.unauthorized }
        guard try await store.authenticate(tokenID: tokenID, secret: key.secretPart) else {
            throw APIError.unauthorized
        }
    }

    /// The filter, page size and offset of a list request, each checked.
    func listParameters(_ request: SandboxRequest, _ schema: CollectionSchema) throws -> (SQLQuery, Int, Int) {
        let parsed: RQLParser.ParsedQuery
        do {
            parsed = try RQLParser.parseQueryString(request.query)
        } catch {
            throw APIError.validation(error.message)
        }
        let limit = parsed.limit ?? Self.defaultLimit
        let offset = parsed.offset ?? 0
        guard limit <= Self.maxLimit else {
            throw APIError.validation("limit: Ensure this value is less than or equal to \(Self.maxLimit).")
        }
        return (try SQLQuery(parsed.query, schema: schema), limit, offset)
    }

    /// A list endpoint: the request's filter and page, the store's answer, `Content-Range`.
    func listPage<Item: Encodable & Sendable>(
        _ request: SandboxRequest, _ schema: CollectionSchema,
        _ fetch: (SQLQuery, Int, Int) async throws -> ListResult<Item>
    ) async throws -> HTTPResponse {
        let (query, limit, offset) = try listParameters(request, schema)
        let result = try await fetch(query, limit, offset)
        return .page(result.items, total: result.total, limit: limit, offset: offset)
    }

    /// Decodes a JSON body, turning a missing or mistyped field into a 400 that names it.
    func body<T: Decodable>(_ type: T.Type, _ request: SandboxRequest) throws -> T {
        guard !request.body.isEmpty else { throw APIError.validation("The request body is empty; JSON is expected.") }
        do {
            return try JSONDecoder().decode(type, from: request.body)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw APIError.validation("\(path): This field is required.")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError.validation("\(path.isEmpty ? "body" : path): Invalid type.")
        } catch {
            throw APIError.validation("The request body is not valid JSON.")
        }
    }

    /// A text field's checks: required and non-blank when `required`, at most `limit` code points.
    static func check(_ value: String?, _ name: String, limit: Int, required: Bool = false) -> String? {
        guard let value else { return required ? "\(name): This field is required." : nil }
        if required, value.trimmingCharacters(in: .whitespaces).isEmpty { return "\(name): This field may not be blank." }
        let length = value.unicodeScalars.count
        return length > limit ? "\(name): Ensure this field has no more than \(limit) characters." : nil
    }
}
