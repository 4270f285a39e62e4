/// A credential (token secret, JWT secret) that never shows itself by accident.
///
/// `description`, `debugDescription` and reflection (`dump`, `print`, string interpolation,
/// swift-log metadata) all give a mask. Code that really needs the value reads
/// `unmaskedValue`, which makes every reveal easy to find.
public struct Secret: Codable, Hashable, Sendable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// The mask shown instead of the value.
    public static let mask = "••••••••"

    public let unmaskedValue: String

    public init(_ value: String) { unmaskedValue = value }

    public init(from decoder: any Decoder) throws {
        unmaskedValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(unmaskedValue)
    }

    public var isEmpty: Bool { unmaskedValue.isEmpty }
    public var description: String { Self.mask }
    public var debugDescription: String { "Secret(\(Self.mask))" }
    public var customMirror: Mirror { Mirror(self, children: ["value": Self.mask]) }
}
