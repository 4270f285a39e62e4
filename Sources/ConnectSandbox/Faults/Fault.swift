import Synchronization
import Foundation

/// One misbehaviour the sandbox can be told to show, for tests of retries, timeouts and lost
/// answers. Matches requests by method and path, a number of times or always, at a rate.
public struct Fault: Sendable, Hashable, CustomStringConvertible {
    public enum Action: Sendable, Hashable {
        /// Wait before handling.
        case latency(Duration)
        /// Answer this status instead of handling (nothing is written).
        case status(Int)
        /// Answer 429 with this `Retry-After` instead of handling.
        case tooManyRequests(retryAfter: String)
        /// Close the connection without a complete answer; `afterHandling` means the request
        /// did take effect (a lost answer to a write).
        case dropConnection(afterHandling: Bool)
        /// Handle, then answer with a body that is not JSON.
        case malformedBody
        /// Handle, then send the body a few bytes at a time with this pause between them.
        case slowBody(Duration)
        /// Never answer.
        case hang
        /// Handle, then send a `Content-Range` that promises more items than the body has.
        case lyingContentRange
        /// Handle, then answer 200 with a JSON body of this many bytes (mostly spaces).
        case hugeBody(bytes: Int)
        /// Answer 302 to the same path on another origin (`http://host:port`), unhandled.
        case redirect(to: String)
        /// Handle, then put bytes that are not UTF-8 into the body's first string.
        case invalidUTF8
    }

    public var action: Action
    /// `GET`, `POST`, …; nil matches any.
    public var method: String?
    /// A path under `/public/v1` that the request's path starts with; nil matches any.
    public var path: String?
    /// How many more requests it applies to; nil is always.
    public var remaining: Int?
    /// The chance it applies to a matching request.
    public var rate: Double

    public init(_ action: Action, method: String? = nil, path: String? = nil, times: Int? = nil, rate: Double = 1) {
        self.action = action
        self.method = method?.uppercased()
        self.path = path
        remaining = times
        self.rate = rate
    }

    public var description: String {
        var parts = ["\(action)"]
        if let method { parts.append("method=\(method)") }
        if let path { parts.append("path=\(path)") }
        if let remaining { parts.append("times=\(remaining)") }
        if rate < 1 { parts.append("rate=\(rate)") }
        return parts.joined(separator: ",")
    }

    func matches(method: String, path: String) -> Bool {
        if let own = self.method, own != method.uppercased() { return false }
        if let own = self.path, !(path == own || path.hasPrefix(own.hasSuffix("/") ? own : own + "/")) { return false }
        return true
    }

    /// Reads `--fault` text: an action, then options, comma-separated. Actions:
    /// `latency=200ms`, `status=503`, `429=2` (Retry-After in seconds; a date has commas),
    /// `drop`, `drop-after`, `malformed`, `slow=100ms`, `hang`, `lying-range`, `huge=100MB`,
    /// `redirect=http://host:port`, `invalid-utf8`. Options: `method=POST`,
    /// `path=/auth/tokens`, `times=1`, `rate=0.5`.
    public static func parse(_ text: String) throws(FaultParseError) -> Fault {
        typealias Invalid = FaultParseError
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, !first.isEmpty else { throw Invalid(description: "an empty fault") }
        let (name, value) = split(first)
        let action: Action
        switch name {
        case "latency": action = .latency(try duration(value))
        case "status":
            guard let code = Int(value ?? ""), (400...599).contains(code) else {
                throw Invalid(description: "status needs a code from 400 to 599, as status=503")
            }
            action = .status(code)
        case "429": action = .tooManyRequests(retryAfter: value ?? "1")
        case "drop": action = .dropConnection(afterHandling: false)
        case "drop-after": action = .dropConnection(afterHandling: true)
        case "malformed": action = .malformedBody
        case "slow": action = .slowBody(try duration(value))
        case "hang": action = .hang
        case "lying-range": action = .lyingContentRange
        case "huge":
            let text = (value ?? "").uppercased()
            let scale = text.hasSuffix("MB") ? 1_048_576 : text.hasSuffix("KB") ? 1024 : 1
            guard let number = Int(text.hasSuffix("B") && scale > 1 ? String(text.dropLast(2)) : text), number > 0 else {
                throw Invalid(description: "huge needs a size, as huge=100MB")
            }
            action = .hugeBody(bytes: number * scale)
        case "redirect":
            guard let origin = value, origin.hasPrefix("http://") || origin.hasPrefix("https://") else {
                throw Invalid(description: "redirect needs an origin, as redirect=http://127.0.0.1:9999")
            }
            action = .redirect(to: origin)
        case "invalid-utf8": action = .invalidUTF8
        default: throw Invalid(description: "unknown fault '\(name)'")
        }
        var fault = Fault(action)
        for option in parts.dropFirst() {
            let (key, value) = split(option)
            switch (key, value) {
            case ("method", let method?): fault.method = method.uppercased()
            case ("path", let path?): fault.path = path
            case ("times", let count?):
                guard let times = Int(count), times > 0 else { throw Invalid(description: "times needs a positive number") }
                fault.remaining = times
            case ("rate", let rate?):
                guard let chance = Double(rate), (0...1).contains(chance) else {
                    throw Invalid(description: "rate needs a number from 0 to 1")
                }
                fault.rate = chance
            default: throw Invalid(description: "unknown fault option '\(option)'")
            }
        }
        return fault
    }

    private static func split(_ text: String) -> (String, String?) {
        guard let equals = text.firstIndex(of: "=") else { return (text, nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    private static func duration(_ text: String?) throws(FaultParseError) -> Duration {
        let value = text ?? ""
        if value.hasSuffix("ms"), let number = Int(value.dropLast(2)) { return .milliseconds(number) }
        if value.hasSuffix("s"), let number = Double(value.dropLast()) { return .milliseconds(Int(number * 1000)) }
        throw FaultParseError(description: "'\(value)' is not a duration such as 200ms or 2s")
    }
}

/// Why a `--fault` text could not be read.
public struct FaultParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
}

/// The faults in force; shared by the server and whoever sets them (flags, tests).
public final class FaultInjector: Sendable {
    private let state = Mutex<[Fault]>([])

    public init(_ faults: [Fault] = []) { state.withLock { $0 = faults } }

    public func add(_ fault: Fault) { state.withLock { $0.append(fault) } }

    public func removeAll() { state.withLock { $0.removeAll() } }

    public var faults: [Fault] { state.withLock { $0 } }

    /// The actions for one request, using up counted faults.
    func actions(method: String, path: String) -> [Fault.Action] {
        state.withLock { faults in
            var actions: [Fault.Action] = []
            for index in faults.indices where faults[index].matches(method: method, path: path) {
                guard faults[index].remaining.map({ $0 > 0 }) ?? true else { continue }
                guard faults[index].rate >= 1 || Double.random(in: 0..<1) < faults[index].rate else { continue }
                faults[index].remaining = faults[index].remaining.map { $0 - 1 }
                actions.append(faults[index].action)
            }
            faults.removeAll { $0.remaining == 0 }
            return actions
        }
    }
}
