import Foundation

/// Sends one request and returns its response: the only way `ConnectClient` reaches a network.
///
/// A transport performs no retries and knows nothing of Connect. It throws `TransportError`
/// when no HTTP response arrived; any HTTP status, 500 included, is a response.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}

/// Why no HTTP response arrived.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server could not be reached or the connection broke (`message` says how).
    case connectionFailed(String)
    /// No answer within the time allowed.
    case timedOut
    /// The caller gave up (a cancelled task).
    case cancelled
    /// The body grew past the size the transport accepts.
    case responseTooLarge(limit: Int)
    /// The server answered with a redirect, which is never followed so the key stays with the
    /// host it was meant for.
    case redirectRefused(location: String?)

    public var description: String {
        switch self {
        case .connectionFailed(let message): "network error: \(message)"
        case .timedOut: "timed out"
        case .cancelled: "cancelled"
        case .responseTooLarge(let limit): "response larger than \(limit / 1_048_576) MiB"
        case .redirectRefused(let location):
            "redirect refused (to \(location ?? "an unnamed location"))"
        }
    }
}

/// How long a transport waits and how much it accepts.
public struct TransportConfiguration: Sendable, Hashable {
    /// How long to wait with nothing received: covers connecting and a stalled server.
    public var connectTimeout: TimeInterval
    /// How long one whole request may take, body included.
    public var requestTimeout: TimeInterval
    /// How long a write (POST, PUT, DELETE) may wait for its answer. Longer than a read's:
    /// a write whose answer is merely slow must be waited for, not taken for lost.
    public var writeTimeout: TimeInterval
    /// The largest body accepted; a larger one fails instead of filling memory.
    public var maxResponseBytes: Int

    public init(
        connectTimeout: TimeInterval = 10, requestTimeout: TimeInterval = 60,
        writeTimeout: TimeInterval = 120, maxResponseBytes: Int = 64 * 1_048_576
    ) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.writeTimeout = writeTimeout
        self.maxResponseBytes = maxResponseBytes
    }
}

/// The transport the app and its commands use: SwiftNIO's (see DECISIONS.md for the measured
/// choice).
public enum LiveTransport {
    public static func make(_ configuration: TransportConfiguration = TransportConfiguration()) -> any HTTPTransport {
        NIOTransport(configuration: configuration)
    }
}
