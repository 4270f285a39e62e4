import ConnectCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Foundation's transport: a thin adapter from `HTTPRequest` to URLSession and back. No longer
/// the live one (`NIOTransport` is: see DECISIONS.md); kept out of the app, so the binary does
/// not load FoundationNetworking and libcurl, for the benchmark that compares the two.
///
/// It never follows redirects (the `Authorization` header must not travel to another host),
/// caps the size of a response, sends no cookies and caches nothing.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    public typealias Configuration = TransportConfiguration

    private let session: URLSession
    private let configuration: Configuration
    private let tasks: TaskTable

    public init(configuration: Configuration = Configuration()) {
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.connectTimeout
        sessionConfiguration.timeoutIntervalForResource = max(configuration.requestTimeout, configuration.writeTimeout)
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.configuration = configuration
        tasks = TaskTable(maxResponseBytes: configuration.maxResponseBytes)
        session = URLSession(
            configuration: sessionConfiguration, delegate: tasks, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = request.method.isRead ? configuration.connectTimeout : configuration.writeTimeout
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body
        let task = session.dataTask(with: urlRequest)
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    tasks.register(task, continuation)
                    task.resume()
                }
            } onCancel: {
                task.cancel()
            }
        } catch let error as TransportError {
            throw error
        } catch {
            throw .connectionFailed(String(describing: error))
        }
    }
}

/// The session delegate: collects each task's response and body and resumes its caller.
private final class TaskTable: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Pending {
        var continuation: CheckedContinuation<HTTPResponse, any Error>
        var response: HTTPURLResponse?
        var body = Data()
        var failure: TransportError?
    }

    private let lock = NSLock()
    private var pending: [Int: Pending] = [:]
    private let maxResponseBytes: Int

    init(maxResponseBytes: Int) { self.maxResponseBytes = maxResponseBytes }

    func register(
        _ task: URLSessionTask, _ continuation: CheckedContinuation<HTTPResponse, any Error>
    ) {
        lock.withLock { pending[task.taskIdentifier] = Pending(continuation: continuation) }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge = response.expectedContentLength > Int64(maxResponseBytes)
        lock.withLock {
            pending[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
            if tooLarge {
                pending[dataTask.taskIdentifier]?.failure = .responseTooLarge(
                    limit: maxResponseBytes)
            }
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overLimit = lock.withLock { () -> Bool in
            let id = dataTask.taskIdentifier
            // In place: copying the entry out and back made every chunk copy the whole body
            // so far (a 64 MiB body took minutes).
            guard pending[id] != nil, pending[id]?.failure == nil else { return false }
            pending[id]?.body.append(data)
            guard (pending[id]?.body.count ?? 0) > maxResponseBytes else { return false }
            pending[id]?.body = Data()
            pending[id]?.failure = .responseTooLarge(limit: maxResponseBytes)
            return true
        }
        if overLimit { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
    ) {
        guard let entry = lock.withLock({ pending.removeValue(forKey: task.taskIdentifier) })
        else { return }
        if let failure = entry.failure {
            entry.continuation.resume(throwing: failure)
        } else if let error {
            entry.continuation.resume(throwing: Self.transportError(error))
        } else if let response = entry.response {
            if (300..<400).contains(response.statusCode) {
                let location = response.value(forHTTPHeaderField: "Location")
                entry.continuation.resume(throwing: TransportError.redirectRefused(location: location))
                return
            }
            var headers = HTTPHeaders()
            for (name, value) in response.allHeaderFields {
                headers.add(String(describing: name), String(describing: value))
            }
            entry.continuation.resume(
                returning: HTTPResponse(status: response.statusCode, headers: headers, body: entry.body))
        } else {
            entry.continuation.resume(throwing: TransportError.connectionFailed("no HTTP response"))
        }
    }

    private static func transportError(_ error: any Error) -> TransportError {
        guard let urlError = error as? URLError else {
            // Never Foundation's raw text (`NSCocoaErrorDomain …`): it says nothing to a person.
            return .connectionFailed("the request failed before an answer came")
        }
        switch urlError.code {
        case .timedOut: return .timedOut
        case .cancelled: return .cancelled
        case .cannotFindHost, .dnsLookupFailed: return .connectionFailed("host not found")
        case .cannotConnectToHost: return .connectionFailed("could not connect to the server")
        case .networkConnectionLost: return .connectionFailed("the connection was lost")
        case .notConnectedToInternet: return .connectionFailed("no network")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .connectionFailed("TLS connection failed")
        case .badServerResponse: return .connectionFailed("malformed HTTP response")
        case .unknown:
            // libcurl's "unknown" is what a connection closed before the answer looks like.
            return .connectionFailed("the connection closed before the answer came")
        case .badURL, .unsupportedURL: return .connectionFailed("the endpoint is not a URL that can be reached")
        case .resourceUnavailable, .zeroByteResource, .cannotParseResponse, .cannotDecodeRawData,
            .cannotDecodeContentData:
            return .connectionFailed("the server's answer could not be read")
        default: return .connectionFailed("the connection failed (network error \(urlError.code.rawValue))")
        }
    }
}
