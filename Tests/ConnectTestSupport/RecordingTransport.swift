import ConnectCore
import Foundation

/// A transport that answers from a script and records every request it was sent.
public final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    /// One scripted answer.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        case failure(TransportError)

        /// A JSON body with a status and optional extra headers.
        public static func json(
            _ status: Int = 200, _ body: String, headers: [(String, String)] = []
        ) -> Reply {
            var all = HTTPHeaders([("Content-Type", "application/json")])
            for (name, value) in headers { all.add(name, value) }
            return .response(HTTPResponse(status: status, headers: all, body: Data(body.utf8)))
        }

        /// A list page: a JSON array and its `Content-Range`.
        public static func page(_ body: String, range: String) -> Reply {
            json(200, body, headers: [("Content-Range", range)])
        }

        /// A bare status with an empty body.
        public static func status(_ status: Int, headers: [(String, String)] = []) -> Reply {
            .response(HTTPResponse(status: status, headers: HTTPHeaders(headers)))
        }
    }

    private let lock = NSLock()
    private var script: [Reply]
    private var recorded: [HTTPRequest] = []

    public init(_ script: [Reply]) { self.script = script }

    /// The requests sent so far, in order.
    public var requests: [HTTPRequest] { lock.withLock { recorded } }

    /// The one request sent; fails loudly when there were more or none.
    public var onlyRequest: HTTPRequest {
        let all = requests
        precondition(all.count == 1, "expected one request, got \(all.count)")
        return all[0]
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let reply: Reply? = lock.withLock {
            recorded.append(request)
            return script.isEmpty ? nil : script.removeFirst()
        }
        switch reply {
        case .response(let response)?: return response
        case .failure(let error)?: throw error
        case nil: throw .connectionFailed("the test script has no reply for request \(requests.count)")
        }
    }
}

/// Records the waits a client asked for instead of waiting.
public final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    public init() {}

    public var sleeps: [Duration] { lock.withLock { recorded } }

    public func record(_ duration: Duration) { lock.withLock { recorded.append(duration) } }
}

/// A key in the shape of real ones; its secret must never show up where it should not.
public let testAPIKey = try! APIKey(parsing: "ApiKey SU-431-800-699:f45bee7e79b10ff6eff67902ccb4f3d46724ceb8")

/// The fixed "now" of tests.
public let testNow = Date(timeIntervalSince1970: 1_763_800_000)

extension ConnectClient {
    /// A client on `transport` that never sleeps, uses `jitter` for its random draws and
    /// `testNow` as the time.
    public static func testing(
        _ transport: RecordingTransport, sleeps: SleepRecorder = SleepRecorder(),
        jitter: Double = 0.5, retryPolicy: RetryPolicy = RetryPolicy()
    ) -> ConnectClient {
        let environment = RetryEnvironment(
            sleep: { sleeps.record($0) }, now: { testNow }, random: { jitter })
        return ConnectClient(
            endpoint: URL(string: "https://api.example.test/public/v1")!, apiKey: testAPIKey,
            transport: transport, retryPolicy: retryPolicy, environment: environment,
            userAgent: "connect-tui/test")
    }
}

extension HTTPRequest {
    /// The path and query as sent, e.g. `/public/v1/auth/tokens?limit=10&offset=0`.
    public var target: String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let query = components?.percentEncodedQuery.map { "?\($0)" } ?? ""
        return (components?.percentEncodedPath ?? "") + query
    }

    /// The body as text, or nil when there is none.
    public var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }
}
