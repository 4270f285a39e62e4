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
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let plain = Date.ISO8601FormatStyle()
        return (try? plain.parse(trimmed)) ?? (try? withFraction.parse(trimmed))
    }
}
