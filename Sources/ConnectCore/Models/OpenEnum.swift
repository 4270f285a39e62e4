/// A string enum that keeps values it does not know instead of failing to decode.
///
/// The Connect API grows: a new token status or webhook type must not make a whole list
/// undecodable. Conforming enums list their known cases and have an `unknown(String)` case.
public protocol OpenEnum: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Every case except `unknown`, in the order the spec lists them.
    static var knownCases: [Self] { get }
    /// A value the spec does not list; the raw string is kept as the server sent it.
    static func unknown(_ rawValue: String) -> Self
    /// The string the API uses for this value.
    var rawValue: String { get }
}

extension OpenEnum {
    public init(rawValue: String) {
        self = Self.knownCases.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Whether the server sent a value this version does not know.
    public var isKnown: Bool { Self.knownCases.contains(self) }
}

extension OpenEnum {
    /// The word a person reads: "Active", "Distributor", "Fulfillment request". A value this
    /// version does not know is shown as sent.
    public var title: String {
        guard isKnown else { return rawValue }
        let words = rawValue.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
