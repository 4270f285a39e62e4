import Foundation

/// When a failed request is sent again, and after how long.
///
/// Only reads are retried: on a lost connection, a timeout, any 5xx and 429. Writes never
/// are, because a write whose answer was lost may already have happened. The wait doubles
/// each time with jitter; a `Retry-After` from the server is honoured up to a cap.
public struct RetryPolicy: Sendable, Hashable {
    /// What happened to one attempt.
    public enum Outcome: Sendable, Hashable {
        case status(Int, retryAfter: String?)
        case transport(TransportError)
    }

    public enum Decision: Sendable, Hashable {
        case retry(after: Duration)
        case stop
    }

    /// Retries after the first attempt (so up to `maxRetries + 1` requests).
    public var maxRetries: Int
    /// The wait before the first retry, before jitter.
    public var baseDelay: Duration
    /// The longest wait backoff alone produces.
    public var maxBackoff: Duration
    /// The longest wait a `Retry-After` can ask for.
    public var retryAfterCap: Duration

    public init(
        maxRetries: Int = 3, baseDelay: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8), retryAfterCap: Duration = .seconds(60)
    ) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.retryAfterCap = retryAfterCap
    }

    /// Never retries: for scripts that want the first answer.
    public static let none = RetryPolicy(maxRetries: 0)

    /// Whether to try again after `retriesSoFar` retries ended in `outcome`.
    ///
    /// - Parameters:
    ///   - now: the current time, for a `Retry-After` given as a date.
    ///   - jitter: a number in `0..<1` from the caller's random source.
    public func decide(
        method: HTTPMethod, outcome: Outcome, retriesSoFar: Int, now: Date, jitter: Double
    ) -> Decision {
        guard method.isRead, retriesSoFar < maxRetries else { return .stop }
        switch outcome {
        case .status(let status, let retryAfter):
            guard status == 429 || (500...599).contains(status) else { return .stop }
            if let retryAfter, let wait = RetryAfter.delay(retryAfter, now: now) {
                return .retry(after: min(wait, retryAfterCap))
            }
            return .retry(after: backoff(retriesSoFar: retriesSoFar, jitter: jitter))
        case .transport(let error):
            switch error {
            case .connectionFailed, .timedOut:
                return .retry(after: backoff(retriesSoFar: retriesSoFar, jitter: jitter))
            case .cancelled, .responseTooLarge, .redirectRefused:
                return .stop
            }
        }
    }

    /// `baseDelay × 2^retries`, capped, then scaled into its upper half by the jitter so
    /// clients that failed together do not come back together.
    func backoff(retriesSoFar: Int, jitter: Double) -> Duration {
        let exponent = min(retriesSoFar, 30)
        let nominal = min(baseDelay * (1 << exponent), maxBackoff)
        let clamped = min(max(jitter, 0), 1)
        return nominal * (0.5 + 0.5 * clamped)
    }
}

/// Reads a `Retry-After` header: delay seconds or an HTTP date.
public enum RetryAfter {
    /// The wait the header asks for; `nil` when it is not readable. A date in the past is 0.
    public static func delay(_ header: String, now: Date) -> Duration? {
        let text = header.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let seconds = Int(text.prefix(9)) else { return nil }
            return .seconds(seconds)
        }
        guard let date = httpDate(text) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return seconds <= 0 ? .zero : .milliseconds(Int((seconds * 1000).rounded(.up)))
    }

    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two obsolete forms HTTP allows.
    static func httpDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

/// Time and chance, injected so tests never sleep and always know the jitter.
public struct RetryEnvironment: Sendable {
    public var sleep: @Sendable (Duration) async throws -> Void
    public var now: @Sendable () -> Date
    /// A number in `0..<1`.
    public var random: @Sendable () -> Double

    public init(
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        now: @escaping @Sendable () -> Date,
        random: @escaping @Sendable () -> Double
    ) {
        self.sleep = sleep
        self.now = now
        self.random = random
    }

    public static let live = RetryEnvironment(
        sleep: { try await Task.sleep(for: $0) },
        now: { Date() },
        random: { Double.random(in: 0..<1) })
}
