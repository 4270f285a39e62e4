import ConnectCore

/// An error the sandbox answers with, in Connect's shape: `{"error_code": …, "errors": […]}`.
public struct APIError: Error, Sendable, Hashable {
    public let status: Int
    public let code: String
    public let messages: [String]
    /// For 405: the methods the path takes (the `Allow` header).
    public let allow: String?

    public init(status: Int, code: String, _ messages: [String], allow: String? = nil) {
        self.status = status
        self.code = code
        self.messages = messages
        self.allow = allow
    }

    static let unauthorized = APIError(status: 401, code: "AUTH_001", ["API request is unauthorized."])

    static func validation(_ messages: String...) -> APIError {
        APIError(status: 400, code: "VAL_001", messages)
    }

    static func validation(_ messages: [String]) -> APIError {
        APIError(status: 400, code: "VAL_001", messages)
    }

    static func notFound(_ what: String, _ id: String) -> APIError {
        APIError(status: 404, code: "NFND_000", ["\(what) \(id) not found."])
    }

    static func methodNotAllowed(allow: String) -> APIError {
        APIError(status: 405, code: "GEN_405", ["Method not allowed; this path takes \(allow)."], allow: allow)
    }
    static let internalError = APIError(status: 500, code: "SYS_001", ["Internal server error."])
}
