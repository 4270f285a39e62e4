/// A Connect API key: `ApiKey SU-NNN-NNN-NNN:<secret>`.
///
/// Accepts a key pasted with or without the `ApiKey ` prefix and always sends it with. The
/// key never prints itself: `description` masks the secret.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Why a text is not a usable key.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case empty
        case invalidCharacters

        public var description: String {
            switch self {
            case .empty: "the API key is empty"
            case .invalidCharacters: "the API key contains spaces or control characters"
            }
        }
    }

    static let prefix = "ApiKey "

    /// What follows the prefix: `SU-…:secret`.
    private let credential: Secret

    /// The token id part (`SU-431-800-699`), when the key has one.
    public var tokenID: String? {
        let text = credential.unmaskedValue
        guard let colon = text.firstIndex(of: ":") else { return nil }
        return String(text[..<colon])
    }

    public init(parsing text: String) throws(ParseError) {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        let word = Self.prefix.trimmingCharacters(in: .whitespaces)
        if body.lowercased().hasPrefix(word.lowercased()),
            body.count == word.count || body.dropFirst(word.count).first?.isWhitespace == true
        {
            body = body.dropFirst(word.count).drop(while: \.isWhitespace)
        }
        guard !body.isEmpty else { throw .empty }
        let allowed = body.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
        guard allowed else { throw .invalidCharacters }
        credential = Secret(String(body))
    }

    /// The key of a token from its id and secret.
    public init(tokenID: String, secret: Secret) {
        credential = Secret("\(tokenID):\(secret.unmaskedValue)")
    }

    /// The value of the `Authorization` header.
    public var authorizationHeaderValue: String { Self.prefix + credential.unmaskedValue }

    /// The key in full, for copying and for the user who asked to see it.
    public var unmaskedValue: String { authorizationHeaderValue }

    /// The secret part alone, for redacting it from text.
    public var secretPart: String {
        let text = credential.unmaskedValue
        guard let colon = text.firstIndex(of: ":") else { return text }
        return String(text[text.index(after: colon)...])
    }

    /// The key with its secret hidden: `ApiKey SU-431-800-699:••••••••`.
    public var masked: String {
        Self.prefix + (tokenID.map { "\($0):" } ?? "") + Secret.mask
    }

    public var description: String { masked }
    public var debugDescription: String { "APIKey(\(masked))" }
    public var customMirror: Mirror { Mirror(self, children: ["key": masked]) }
}
