/// Makes server and system text safe for an error line: no secrets, no control characters,
/// one line, bounded length.
public struct Redactor: Sendable {
    /// Exact strings that must never appear (the client's own secret).
    private let secrets: [String]

    public init(secrets: [String] = []) {
        self.secrets = secrets.filter { $0.count >= 4 }
    }

    /// The cleaned text, at most `limit` characters.
    public func clean(_ text: String, limit: Int = 300) -> String {
        var out = text
        for secret in secrets { out = out.replacingOccurrences(of: secret, with: Secret.mask) }
        out = Self.maskKeyShapes(in: out)
        out = Self.visibleControls(in: out)
        if out.count > limit { out = String(out.prefix(limit)) + "…" }
        return out
    }

    /// Hides whatever follows `ApiKey `, the secret after `SU-…:`, and 40-hex runs (the shape
    /// of Connect secrets), so keys the client does not know are masked too.
    static func maskKeyShapes(in text: String) -> String {
        var out = text
        out = out.replacing(try! Regex(#"(?i)(apikey\s+)(SU-[0-9-]+:)?\S+"#)) { match in
            let prefix = match.output[1].substring ?? ""
            let id = match.output[2].substring ?? ""
            return prefix + id + Secret.mask
        }
        out = out.replacing(try! Regex(#"(SU-[0-9]{3}-[0-9]{3}-[0-9]{3}):[0-9A-Za-z]{8,}"#)) { match in
            (match.output[1].substring ?? "") + ":" + Secret.mask
        }
        out = out.replacing(try! Regex(#"\b[0-9a-fA-F]{40}\b"#)) { _ in Secret.mask }
        return out
    }

    /// Control characters (C0, DEL, C1) and bidi controls as `\u{…}`, line breaks as spaces.
    static func visibleControls(in text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: out.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
