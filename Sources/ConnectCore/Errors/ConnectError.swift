/// A failed Connect call, ready to show as one line.
///
/// The description names the operation and what went wrong (HTTP status, Connect
/// `error_code`, messages) and never holds a key or secret: server text is redacted and
/// stripped of control characters when the error is made.
public struct ConnectError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The server answered with an error status.
        case http(status: Int, code: String?, messages: [String])
        /// No response: network down, connection refused or lost.
        case network(String)
        case timedOut
        case cancelled
        /// A 2xx response whose body is not what the spec says.
        case undecodable(reason: String, excerpt: String)
        /// A list response without a readable `Content-Range`.
        case badPagingHeader(String?)
        /// A `Content-Range` that does not match the number of items in the body.
        case inconsistentPage(header: String, items: Int)
        /// The transport gave up on the response (too large, a redirect).
        case rejectedResponse(String)
        /// The request could not even be built (bad endpoint, unencodable body).
        case invalidRequest(String)
        /// The client is read-only: a write was refused before it left the process.
        case readOnly
    }

    public let operation: ConnectOperation
    public let kind: Kind
    /// The method of the request, so callers know whether a lost write may have happened.
    public let method: HTTPMethod

    public init(operation: ConnectOperation, method: HTTPMethod, kind: Kind) {
        self.operation = operation
        self.method = method
        self.kind = kind
    }

    /// The HTTP status, when the server answered.
    public var status: Int? {
        if case .http(let status, _, _) = kind { return status }
        return nil
    }

    /// Connect's `error_code` (`AUTH_001`, `VAL_001`), when the body had one.
    public var errorCode: String? {
        if case .http(_, let code, _) = kind { return code }
        return nil
    }

    /// A write whose request may have reached the server although no answer came back: the
    /// change may or may not have happened, and a re-read is the way to know.
    public var outcomeUnknown: Bool {
        guard !method.isRead else { return false }
        switch kind {
        case .network, .timedOut, .cancelled: return true
        case .http, .undecodable, .badPagingHeader, .inconsistentPage, .rejectedResponse,
            .invalidRequest, .readOnly:
            return false
        }
    }

    /// The server said there is no such object (HTTP 404).
    public var isNotFound: Bool { status == 404 }

    /// Whether a later identical read might succeed (worth offering "retry").
    public var isTransient: Bool {
        switch kind {
        case .http(let status, _, _): return status == 429 || status >= 500
        case .network, .timedOut: return true
        case .cancelled, .undecodable, .badPagingHeader, .inconsistentPage, .rejectedResponse,
            .invalidRequest, .readOnly:
            return false
        }
    }

    public var description: String { "\(operation.title) failed: \(detail)" }

    /// The part after "… failed: ".
    public var detail: String {
        switch kind {
        case .http(let status, let code, let messages):
            var text = "HTTP \(status)"
            if let code { text += " \(code)" }
            let joined = messages.joined(separator: "; ")
            text += ": " + (joined.isEmpty ? Self.reason(for: status) : joined)
            return text
        case .network(let message): return message
        case .timedOut: return "no answer from the server in time"
        case .cancelled: return "cancelled"
        case .undecodable(let reason, let excerpt):
            return excerpt.isEmpty
                ? "unreadable response (\(reason))" : "unreadable response (\(reason)): \(excerpt)"
        case .badPagingHeader(let header):
            return header.map { "bad Content-Range header \"\($0)\"" }
                ?? "the response has no Content-Range header"
        case .inconsistentPage(let header, let items):
            return "Content-Range \"\(header)\" does not match the \(items) items received"
        case .rejectedResponse(let why): return why
        case .invalidRequest(let why): return why
        case .readOnly: return "read-only: nothing was sent (--read-only, or read_only = true on the account)"
        }
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 400: "bad request"
        case 401: "unauthorized (check the API key)"
        case 403: "forbidden"
        case 404: "not found"
        case 405: "method not allowed"
        case 409: "conflict"
        case 429: "too many requests"
        case 500: "internal server error"
        case 502: "bad gateway"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        default: "unexpected status"
        }
    }
}
