/// Makes untrusted text safe to put on a screen: every control character (C0, DEL, C1 such as
/// U+009B), every bidi override or isolate and the invisible format characters become visible
/// escapes like `\u{1b}`, so text from a server can never move the cursor, change the title,
/// write the clipboard or hide what it says.
public enum SafeText {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// C0 and C1 controls, DEL, bidi embeddings, overrides, isolates and marks, and the
    /// invisible characters that can hide text (zero-width space, word joiner, BOM). The
    /// zero-width joiner stays: emoji sequences need it.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E,
            0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
            true
        default:
            false
        }
    }
}
