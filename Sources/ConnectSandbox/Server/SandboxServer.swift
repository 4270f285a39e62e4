import Synchronization
import ConnectCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle

/// The sandbox on a real socket: a Hummingbird server that hands each request to `SandboxAPI`,
/// and plays the faults of its `FaultInjector` at the HTTP level (drops, slow bodies).
public final class SandboxServer: Sendable {
    /// The endpoint clients use, e.g. `http://127.0.0.1:53127/public/v1`.
    public let endpoint: URL
    public let faults: FaultInjector
    public let store: SandboxStore
    private let task: Task<Void, any Error>

    private init(endpoint: URL, faults: FaultInjector, store: SandboxStore, task: Task<Void, any Error>) {
        self.endpoint = endpoint
        self.faults = faults
        self.store = store
        self.task = task
    }

    /// The largest request body accepted.
    static let maxRequestBytes = 1_048_576

    /// Starts serving `store` on `host:port` (port 0 picks a free one) and returns once the
    /// socket is listening. With `stopOnSignals`, SIGINT and SIGTERM shut it down gracefully.
    public static func start(
        store: SandboxStore, host: String = "127.0.0.1", port: Int = 0,
        faults: FaultInjector = FaultInjector(), stopOnSignals: Bool = false, logger: Logger? = nil,
        requestLog: URL? = nil, connectionLog: URL? = nil
    ) async throws -> SandboxServer {
        let quiet = logger ?? Logger(label: "connect-tui.sandbox", factory: { _ in SwiftLogNoOpLogHandler() })
        let responder = SandboxResponder(
            api: SandboxAPI(store: store, logger: quiet), faults: faults, requests: try requestLog.map(RequestLog.init),
            connections: try connectionLog.map(ConnectionLog.init))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? port)
                continuation.finish()
            },
            logger: quiet)
        let task = Task {
            defer { continuation.finish() }
            try await app.runService(gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [])
        }
        var bound: Int?
        for await value in ports { bound = value }
        guard let bound else {
            _ = await task.result
            if case .failure(let error) = await task.result { throw error }
            throw SandboxStartError(host: host, port: port)
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return SandboxServer(
            endpoint: URL(string: "http://\(shownHost):\(bound)\(SandboxAPI.basePath)")!, faults: faults,
            store: store, task: task)
    }

    /// Stops accepting requests and finishes the ones under way.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Waits until the server stops.
    public func wait() async throws {
        try await task.value
    }
}

/// The server did not start (the port is taken, the address is not local).
public struct SandboxStartError: Error, CustomStringConvertible {
    let host: String
    let port: Int
    public var description: String { "the sandbox could not listen on \(host):\(port)" }
}

/// A connection closed on purpose, before the answer was complete.
struct DroppedConnection: Error {}

/// A request's context: Hummingbird's, and the client's port (which tells its connection).
struct SandboxContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let clientPort: Int?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientPort = source.channel.remoteAddress?.port
    }
}

struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxContext

    let api: SandboxAPI
    let faults: FaultInjector
    /// Where each request's method and path are written, for tests that count them.
    let requests: RequestLog?
    /// Where each new client connection is written, for benchmarks that count them.
    let connections: ConnectionLog?

    func respond(to request: Request, context: Context) async throws -> Response {
        requests?.note(method: request.method.rawValue, path: request.uri.path)
        if let port = context.clientPort { connections?.note(port: port) }
        var request = request
        let bodyBuffer: ByteBuffer
        do {
            bodyBuffer = try await request.collectBody(upTo: SandboxServer.maxRequestBytes)
        } catch {
            return Self.response(ConnectCore.HTTPResponse.error(APIError(status: 413, code: "VAL_001", ["The request body is too large."])))
        }
        // Each segment is decoded on its own; one that holds an encoded `/` stays encoded, so
        // an id such as `SU-1%2Fpermissions` is an unknown id, never another path.
        let path = request.uri.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { segment in
                let decoded = segment.removingPercentEncoding ?? String(segment)
                return decoded.contains("/") ? String(segment) : decoded
            }.joined(separator: "/")
        var headers = HTTPHeaders()
        for field in request.headers { headers.add(field.name.rawName, field.value) }
        // HTTP/1's Host header arrives as the request's authority.
        if headers["Host"] == nil, let authority = request.head.authority { headers.add("Host", authority) }
        let message = SandboxRequest(
            method: request.method.rawValue, path: path, query: request.uri.query ?? "", headers: headers,
            body: Data(buffer: bodyBuffer))

        let relative = String(path.dropFirst(SandboxAPI.basePath.count))
        var after: [Fault.Action] = []
        for action in faults.actions(method: message.method, path: relative) {
            switch action {
            case .latency(let delay): try await Task.sleep(for: delay)
            case .status(let status):
                return Self.response(ConnectCore.HTTPResponse.error(APIError(status: status, code: "SYS_001", ["Injected fault: HTTP \(status)."])))
            case .tooManyRequests(let retryAfter):
                var limited = ConnectCore.HTTPResponse.error(APIError(status: 429, code: "SYS_002", ["Too many requests."]))
                limited.headers.set("Retry-After", retryAfter)
                return Self.response(limited)
            case .dropConnection(afterHandling: false): return Self.dropped()
            case .hang:
                // Until the server stops: SIGTERM's graceful shutdown must not wait an hour.
                _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(3600)) }
                return Self.dropped()
            case .redirect(let origin):
                let target = origin + path + (request.uri.query.map { "?" + $0 } ?? "")
                return Response(status: .found, headers: [.location: target, .contentLength: "0"])
            case .dropConnection(afterHandling: true), .malformedBody, .slowBody, .lyingContentRange, .hugeBody, .invalidUTF8:
                after.append(action)
            }
        }
        var answer = await api.handle(message)
        for action in after {
            switch action {
            case .dropConnection: return Self.dropped()
            case .malformedBody: answer.body = Data(#"{"id": "SU-000-000-000", "name": "trunc"#.utf8)
            case .slowBody(let pause): return Self.response(answer, pause: pause)
            case .lyingContentRange:
                if answer.headers["Content-Range"] != nil { answer.headers.set("Content-Range", "items 0-99/100000") }
            case .hugeBody(let size): return Self.huge(size)
            case .invalidUTF8:
                // Inside the first name (`"name":"`), so one value holds the bad bytes.
                if let range = answer.body.range(of: Data(#""name":""#.utf8)) {
                    answer.body.insert(contentsOf: [0xFF, 0xC3, 0x28, 0xFE], at: range.upperBound)
                }
            case .latency, .status, .tooManyRequests, .hang, .redirect: break
            }
        }
        return Self.response(answer)
    }

    static func response(_ answer: ConnectCore.HTTPResponse, pause: Duration? = nil) -> Response {
        var fields = HTTPFields()
        for field in answer.headers {
            if let name = HTTPField.Name(field.name) { fields.append(HTTPField(name: name, value: field.value)) }
        }
        let bytes = answer.body
        guard let pause else {
            return Response(status: .init(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(data: bytes)))
        }
        let body = ResponseBody(contentLength: bytes.count) { writer in
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + 64, bytes.count)
                try await writer.write(ByteBuffer(data: bytes[offset..<end]))
                offset = end
                try await Task.sleep(for: pause)
            }
            try await writer.finish(nil)
        }
        return Response(status: .init(code: answer.status), headers: fields, body: body)
    }

    /// `[` + spaces + `]`, streamed in 64 KiB pieces: a body as big as asked, never in memory.
    static func huge(_ size: Int) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(contentLength: size) { writer in
            let chunk = ByteBuffer(repeating: UInt8(ascii: " "), count: 65_536)
            try await writer.write(ByteBuffer(string: "["))
            var left = size - 2
            while left > 0 {
                let piece = min(left, chunk.readableBytes)
                try await writer.write(chunk.getSlice(at: 0, length: piece)!)
                left -= piece
            }
            try await writer.write(ByteBuffer(string: "]"))
            try await writer.finish(nil)
        })
    }

    /// Headers promising a body that never comes, then the connection closes.
    static func dropped() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(contentLength: 1024) { _ in
            throw DroppedConnection()
        })
    }
}

/// One line per request, "METHOD /path" (no query, headers or body: nothing secret), appended
/// to a file as requests arrive.
final class RequestLog: Sendable {
    private let handle: Mutex<FileHandle>

    init(_ url: URL) throws {
        if !FileManager.default.fileExists(atPath: url.path) { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    func note(method: String, path: String) {
        handle.withLock { $0.write(Data("\(method) \(path)\n".utf8)) }
    }
}

/// One line per client connection ("connection from port N"), written by its first request.
final class ConnectionLog: Sendable {
    private let state: Mutex<(handle: FileHandle, seen: Set<Int>)>

    init(_ url: URL) throws {
        if !FileManager.default.fileExists(atPath: url.path) { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        state = Mutex((handle, []))
    }

    func note(port: Int) {
        state.withLock { state in
            guard state.seen.insert(port).inserted else { return }
            state.handle.write(Data("connection from port \(port)\n".utf8))
        }
    }
}
