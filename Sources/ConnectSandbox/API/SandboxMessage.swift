import ConnectCore
import Foundation

/// A request as the sandbox's API sees it, free of any HTTP server's types.
public struct SandboxRequest: Sendable {
    public var method: String
    /// The path, percent-decoded per segment (`/public/v1/auth/tokens/SU-1`).
    public var path: String
    /// The raw query string, still percent-encoded, without `?`.
    public var query: String
    public var headers: HTTPHeaders
    public var body: Data

    public init(method: String, path: String, query: String = "", headers: HTTPHeaders = [:], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

/// The sandbox answers with ConnectCore's `HTTPResponse`; these build the API's shapes.
extension HTTPResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ status: Int, _ value: some Encodable, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = headers
        all.set("Content-Type", "application/json")
        let body = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return HTTPResponse(status: status, headers: all, body: body)
    }

    static func error(_ error: APIError) -> HTTPResponse {
        struct Body: Encodable {
            let error_code: String
            let errors: [String]
        }
        return json(error.status, Body(error_code: error.code, errors: error.messages), headers: error.allow.map { ["Allow": $0] } ?? [:])
    }

    /// A page of a list with its `Content-Range`.
    static func page<Item: Encodable>(_ items: [Item], total: Int, limit: Int, offset: Int) -> HTTPResponse {
        let range: String
        if total == 0 {
            range = "items 0-0/0"
        } else if items.isEmpty {
            // Nothing in range: limit=0 (a count) or an offset at or past the end.
            range = limit == 0 && offset < total ? "items 0-0/\(total)" : "items \(offset)-\(offset - 1)/\(total)"
        } else {
            range = "items \(offset)-\(offset + items.count - 1)/\(total)"
        }
        return json(200, items, headers: ["Content-Range": range])
    }
}
