import Synchronization
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The live transport on SwiftNIO (async-http-client): connections kept alive and reused,
/// HTTP/2 where the server offers it over TLS, the system's trust roots for HTTPS.
///
/// Like every transport here it never follows redirects (the `Authorization` header must not
/// travel to another host), caps the size of a response, and keeps no cookies or cache.
/// Reads and writes have clients of their own because they wait differently: a read that
/// receives nothing for `connectTimeout` has failed, a write's answer may be slow and is
/// waited for up to `writeTimeout` (taking it for lost would risk doing it twice).
public final class NIOTransport: HTTPTransport {
    public typealias Configuration = TransportConfiguration

    private let reads: HTTPClient
    private let writes: HTTPClient
    private let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        (reads, writes) = Self.clients(for: configuration)
    }

    /// The clients of each configuration, made once and kept for the life of the process
    /// (as `HTTPClient.shared` is): shutting one down blocks its thread until its connections
    /// close, which a deinit on a Swift concurrency thread must never do. Transports with the
    /// same settings share connections.
    private static let made = Mutex<[Configuration: (HTTPClient, HTTPClient)]>([:])

    private static func clients(for configuration: Configuration) -> (HTTPClient, HTTPClient) {
        made.withLock { made in
            if let pair = made[configuration] { return pair }
            func client(idle: TimeInterval) -> HTTPClient {
                var settings = HTTPClient.Configuration(
                    redirectConfiguration: .disallow,
                    timeout: .init(connect: .milliseconds(Int64(configuration.connectTimeout * 1000)), read: .milliseconds(Int64(idle * 1000))))
                settings.decompression = .disabled
                settings.httpVersion = .automatic
                // A failed connect is reported at once: retrying is the client's `RetryPolicy`'s
                // to decide (the pool's own retries waited out the whole connect timeout).
                settings.connectionPool.retryConnectionEstablishment = false
                return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: settings)
            }
            let pair = (client(idle: configuration.connectTimeout), client(idle: configuration.writeTimeout))
            made[configuration] = pair
            return pair
        }
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .RAW(value: request.method.rawValue)
        for field in request.headers { outgoing.headers.add(name: field.name, value: field.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let client = request.method.isRead ? reads : writes
        let total = request.method.isRead ? configuration.requestTimeout : configuration.writeTimeout
        do {
            let response = try await client.execute(outgoing, timeout: .milliseconds(Int64(total * 1000)))
            let status = Int(response.status.code)
            if (300..<400).contains(status) { throw TransportError.redirectRefused(location: response.headers.first(name: "Location")) }
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > configuration.maxResponseBytes {
                throw TransportError.responseTooLarge(limit: configuration.maxResponseBytes)
            }
            var body = ByteBuffer()
            for try await chunk in response.body {
                guard body.readableBytes + chunk.readableBytes <= configuration.maxResponseBytes else {
                    throw TransportError.responseTooLarge(limit: configuration.maxResponseBytes)
                }
                var chunk = chunk
                body.writeBuffer(&chunk)
            }
            var headers = HTTPHeaders()
            for (name, value) in response.headers { headers.add(name, value) }
            return HTTPResponse(status: status, headers: headers, body: Data(body.readableBytesView))
        } catch let error as TransportError {
            throw error
        } catch {
            throw Self.transportError(error)
        }
    }

    /// What went wrong, in the words the app shows (never NIO's own text). NIO's errors are
    /// structs and foreign enums; each is matched for what it tells, the rest said plainly.
    static func transportError(_ error: any Error) -> TransportError {
        if error is CancellationError { return .cancelled }
        if let client = error as? HTTPClientError {
            if [.connectTimeout, .readTimeout, .deadlineExceeded, .writeTimeout].contains(client) { return .timedOut }
            if client == .cancelled { return .cancelled }
            if client == .remoteConnectionClosed { return .connectionFailed("the connection closed before the answer came") }
            if [.invalidURL, .emptyHost, .emptyScheme, .missingSocketPath].contains(client) {
                return .connectionFailed("the endpoint is not a URL that can be reached")
            }
            return .connectionFailed("the connection failed")
        }
        if error is NIOConnectionError || error is IOError { return .connectionFailed("could not connect to the server") }
        if error is NIOSSLError { return .connectionFailed("TLS connection failed") }
        if let parser = error as? HTTPParserError {
            // The head came, then the connection closed: the answer never came whole.
            if case .invalidEOFState = parser { return .connectionFailed("the connection closed before the answer came") }
            return .connectionFailed("malformed HTTP response")
        }
        if let channel = error as? ChannelError {
            if case .connectTimeout = channel { return .timedOut }
            let closed: [ChannelError] = [.eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed]
            return .connectionFailed(closed.contains(channel) ? "the connection closed before the answer came" : "the connection failed")
        }
        return .connectionFailed("the request failed before an answer came")
    }
}
