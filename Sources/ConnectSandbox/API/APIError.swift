import ConnectCore

/// An error the sandbox answers with, in Connect's shape: `{"error_code": …, "errors": […]}`.
public struct APIError: Error, Sendable, Hashable {
    public let status: Int
    public let code: String
    public let messages: [String]

    public init(status: Int, code: String, _ messages: [String]) {
        self.status = status
        self.code = code
        self.messages = messages
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

    static let methodNotAllowed = APIError(status: 405, code: "GEN_405", ["Method not allowed."])
    static let internalError = APIError(status: 500, code: "SYS_001", ["Internal server error."])
}
