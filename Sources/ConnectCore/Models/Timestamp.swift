import Foundation

/// A date-time from the API, kept as sent and parsed when it can be.
///
/// Connect sends ISO 8601 with and without fractional seconds and with various offsets. A
/// value that does not parse must not make a whole list undecodable, so the raw text is kept
/// and `date` is optional.
public struct Timestamp: Codable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public let date: Date?

    public init(rawValue: String) {
        self.rawValue = rawValue
        date = Self.parse(rawValue)
    }

    public init(_ date: Date) {
        self.date = date
        rawValue = Self.format(date)
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// The API's own format: `2021-05-18T04:28:00+00:00`.
    public static func format(_ date: Date) -> String {
        let text = date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
        return text.hasSuffix("Z") ? text.dropLast() + "+00:00" : text
    }

    static func parse(_ text: String) -> Date? {
        if let fast = parseCommon(text) { return fast }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let plain = Date.ISO8601FormatStyle()
        return (try? plain.parse(trimmed)) ?? (try? withFraction.parse(trimmed))
    }

    /// The shape Connect sends, `2021-05-18T04:28:00+00:00` (fraction and `Z` allowed), read
    /// directly: a list of 1,000 tokens has 2,000 of them, and the general parser was a sixth
    /// of the time of decoding a page. Anything else goes to the general parser.
    static func parseCommon(_ text: String) -> Date? {
        var bytes = Array(text.utf8)[...]
        func number(_ count: Int) -> Int? {
            guard bytes.count >= count else { return nil }
            var value = 0
            for byte in bytes.prefix(count) {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            bytes = bytes.dropFirst(count)
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard bytes.first == byte else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard let year = number(4), take(45), let month = number(2), take(45), let day = number(2),
            take(84) || take(116), let hour = number(2), take(58), let minute = number(2), take(58),
            let second = number(2), (1...12).contains(month), hour < 24, minute < 60, second < 60
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...monthDays).contains(day) else { return nil }
        var fraction = 0.0
        if take(46) {
            var scale = 0.1
            var digits = 0
            while let byte = bytes.first, byte >= 48, byte <= 57 {
                fraction += Double(byte - 48) * scale
                scale /= 10
                digits += 1
                bytes = bytes.dropFirst()
            }
            guard digits > 0 else { return nil }
        }
        var offset = 0
        if take(90) || take(122) {
            offset = 0
        } else if let sign = bytes.first, sign == 43 || sign == 45 {
            bytes = bytes.dropFirst()
            guard let hours = number(2) else { return nil }
            _ = take(58)  // `+05:30` and `+0530` both
            guard let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offset = (sign == 45 ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard bytes.isEmpty else { return nil }
        // Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
