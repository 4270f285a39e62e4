import Foundation
import Logging

/// The Connect public API, one async method per operation (see the `ConnectClient+…` files).
///
/// It builds requests, sends them through an `HTTPTransport`, retries reads by its
/// `RetryPolicy`, and decodes responses; every failure is a `ConnectError`. It never sees
/// the network library, so the same client talks to the real Connect, the sandbox, or a test
/// double.
public struct ConnectClient: Sendable {
    /// The real Connect's endpoint, as the portal's General page shows it.
    public static let defaultEndpoint = URL(string: "https://api.connect.cloudblue.com/public/v1")!

    public let endpoint: URL
    public let apiKey: APIKey
    public var retryPolicy: RetryPolicy
    public var userAgent: String
    /// Refuses every request but GET before it leaves the process (`--read-only`).
    public var readOnly = false
    let transport: any HTTPTransport
    let environment: RetryEnvironment
    let logger: Logger
    let redactor: Redactor

    public init(
        endpoint: URL, apiKey: APIKey, transport: any HTTPTransport,
        retryPolicy: RetryPolicy = RetryPolicy(), environment: RetryEnvironment = .live,
        userAgent: String = UserAgent.current,
        logger: Logger = Logger(label: "connect-tui.client")
    ) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.environment = environment
        self.userAgent = userAgent
        self.logger = logger
        redactor = Redactor(secrets: [apiKey.secretPart])
    }

    /// One API call before it becomes a request.
    struct Call: Sendable {
        var operation: ConnectOperation
        var method: HTTPMethod
        /// Path segments under the endpoint, unencoded (`["auth", "tokens", id]`).
        var path: [String]
        /// An encoded query string without `?`.
        var query: String?
        var body: Data?

        init(
            _ operation: ConnectOperation, _ method: HTTPMethod, _ path: [String],
            query: String? = nil, body: Data? = nil
        ) {
            self.operation = operation
            self.method = method
            self.path = path
            self.query = query
            self.body = body
        }

        func error(_ kind: ConnectError.Kind) -> ConnectError {
            ConnectError(operation: operation, method: method, kind: kind)
        }
    }

    // MARK: - Requests

    func request(for call: Call) throws(ConnectError) -> HTTPRequest {
        // An empty id would address the collection instead of one of its items.
        if call.path.contains(where: \.isEmpty) {
            throw call.error(.invalidRequest("an id is empty"))
        }
        var base = endpoint.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var text = base + "/" + call.path.map(Self.encodePathSegment).joined(separator: "/")
        if let query = call.query, !query.isEmpty { text += "?" + query }
        guard let url = URL(string: text) else {
            throw call.error(.invalidRequest("the endpoint \(base) does not make a valid URL"))
        }
        var headers: HTTPHeaders = [
            "Authorization": apiKey.authorizationHeaderValue,
            "Accept": "application/json",
            "User-Agent": userAgent,
        ]
        if call.body != nil { headers.add("Content-Type", "application/json") }
        return HTTPRequest(method: call.method, url: url, headers: headers, body: call.body)
    }

    /// Path segments keep unreserved characters; everything else (a `/` or `?` inside an id
    /// from the server) is encoded, and `.`/`..` cannot climb the path.
    static func encodePathSegment(_ segment: String) -> String {
        if segment == "." || segment == ".." {
            return String(repeating: "%2E", count: segment.count)
        }
        var out = ""
        for byte in segment.utf8 {
            let unreserved =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                || (0x61...0x7A).contains(byte) || "-._~".utf8.contains(byte)
            out += unreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return out
    }

    static func encodeBody(_ value: some Encodable, for call: Call) throws(ConnectError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            throw call.error(.invalidRequest("the request body could not be encoded"))
        }
    }

    // MARK: - Sending with retries

    /// Sends the call, retrying reads as the policy allows; returns a 2xx response.
    func send(_ call: Call) async throws(ConnectError) -> HTTPResponse {
        if readOnly, call.method != .get { throw call.error(.readOnly) }
        let request = try request(for: call)
        var retries = 0
        while true {
            if Task.isCancelled { throw call.error(.cancelled) }
            let started = ContinuousClock.now
            let outcome: RetryPolicy.Outcome
            let failure: ConnectError
            do {
                let response = try await transport.send(request)
                log(call, "→ \(response.status)", since: started)
                if response.isSuccess { return response }
                outcome = .status(response.status, retryAfter: response.headers["Retry-After"])
                failure = httpError(call, response)
            } catch {
                log(call, "→ \(error)", since: started)
                outcome = .transport(error)
                failure = transportError(call, error)
            }
            guard case .retry(let delay) = decision(call, outcome, retries) else { throw failure }
            retries += 1
            logger.debug("retrying \(call.operation.rawValue) in \(delay) (retry \(retries))")
            do {
                try await environment.sleep(delay)
            } catch {
                throw call.error(.cancelled)
            }
        }
    }

    private func decision(_ call: Call, _ outcome: RetryPolicy.Outcome, _ retries: Int)
        -> RetryPolicy.Decision
    {
        retryPolicy.decide(
            method: call.method, outcome: outcome, retriesSoFar: retries,
            now: environment.now(), jitter: environment.random())
    }

    private func log(_ call: Call, _ result: String, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        logger.debug(
            "\(call.method.rawValue) /\(call.path.joined(separator: "/")) \(result) in \(elapsed)")
    }

    func transportError(_ call: Call, _ error: TransportError) -> ConnectError {
        switch error {
        case .connectionFailed(let message): call.error(.network(redactor.clean(message)))
        case .timedOut: call.error(.timedOut)
        case .cancelled: call.error(.cancelled)
        case .responseTooLarge, .redirectRefused: call.error(.rejectedResponse(error.description))
        }
    }

    func httpError(_ call: Call, _ response: HTTPResponse) -> ConnectError {
        let parsed = ErrorBody.parse(response.body)
        let messages = parsed.messages.map { redactor.clean($0, limit: 200) }
        let code = parsed.code.map { redactor.clean($0, limit: 40) }
        return call.error(.http(status: response.status, code: code, messages: messages))
    }
}
