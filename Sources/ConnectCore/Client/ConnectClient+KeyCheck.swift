import Foundation

/// What `GET /auth/context` said to a token's own key.
public struct KeyCheck: Sendable, Hashable {
    /// The HTTP status (200 when the key works; 0 when no answer came).
    public var status: Int
    /// How long the request took.
    public var duration: Duration
    /// Who the key acts as, when it works.
    public var account: AccountReference?
    /// Why not, when it does not.
    public var error: ConnectError?

    public var works: Bool { error == nil }

    public init(status: Int, duration: Duration, account: AccountReference?, error: ConnectError?) {
        self.status = status
        self.duration = duration
        self.account = account
        self.error = error
    }

    /// Why the key was refused, without the status (said beside it): "AUTH_001 API request
    /// is unauthorized."; "" when it works.
    public var reason: String {
        guard let error else { return "" }
        if case .http(_, let code, let messages) = error.kind {
            return ([code].compactMap { $0 } + messages).joined(separator: " ")
        }
        return error.detail
    }

    /// "42 ms".
    public var milliseconds: String {
        let (seconds, attoseconds) = duration.components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
    }
}

extension ConnectClient {
    /// A token read afresh with its key; an error when the server sent no secret.
    public func tokenWithKey(id: String) async throws(ConnectError) -> (Token, APIKey) {
        let token = try await token(id: id)
        guard let key = token.apiKey else {
            throw ConnectError(operation: .getToken, method: .get, kind: .undecodable(reason: "the server did not send the secret", excerpt: ""))
        }
        return (token, key)
    }

    /// Asks `GET /auth/context` with `key` (not this client's): whether a token's key works,
    /// what it acts as, the status and the time. Read once, without retries, so the time is
    /// one request's.
    public func check(_ key: APIKey) async -> KeyCheck {
        let probe = ConnectClient(
            endpoint: endpoint, apiKey: key, transport: transport, retryPolicy: .none, environment: environment,
            userAgent: userAgent, logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let context = try await probe.authContext()
            return KeyCheck(status: 200, duration: clock.now - start, account: context.account, error: nil)
        } catch {
            let status: Int = if case .http(let code, _, _) = error.kind { code } else { 0 }
            return KeyCheck(status: status, duration: clock.now - start, account: nil, error: error)
        }
    }
}
