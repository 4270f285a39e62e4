/// How many terminal columns text takes, counted the way terminals and curses count (each
/// character's `wcwidth`, added up): 0 for combining and zero-width characters, 2 for East
/// Asian wide and fullwidth characters and emoji shown as emoji, 1 for the rest.
///
/// A cluster is not given the single wide cell a font may draw it in: an emoji with a skin tone
/// is 4 columns, a flag of two regional indicators is 2, `❤️` is 1. Where a terminal would
/// merge emoji joined by a zero-width joiner and curses would not, the joiner is left out when
/// drawing (`cells(of:)`), so both see two emoji. Measured in tmux; see DECISIONS.md.
public enum DisplayWidth {
    /// The width of one grapheme cluster (what a person sees as one character).
    public static func of(_ character: Character) -> Int {
        if character.isASCII { return character == "\0" ? 0 : 1 }  // the common case, without splitting
        return cells(of: character).reduce(0) { $0 + $1.width }
    }

    /// A cluster split into what each cell holds: every part starts with a character that takes
    /// columns, followed by the zero-width ones that belong to it (accents, variation
    /// selectors). A zero-width joiner between emoji is dropped. A cluster of zero width is one
    /// part of width 0.
    public static func cells(of character: Character) -> [(text: String, width: Int)] {
        var parts: [(text: String, width: Int)] = []
        var afterEmoji = false
        for scalar in character.unicodeScalars {
            if scalar.value == 0x200D, afterEmoji { continue }
            if scalar.value > 0x7F, scalar.properties.isEmoji { afterEmoji = true }
            let width = of(scalar)
            if width == 0 {
                if parts.isEmpty { parts.append(("", 0)) }
                parts[parts.count - 1].text.unicodeScalars.append(scalar)
            } else {
                parts.append((String(scalar), width))
            }
        }
        return parts
    }

    /// The width of a single scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
        // Regional indicators are one column each; a flag is two of them.
        if (0x1F1E6...0x1F1FF).contains(value) { return 1 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The width of a whole string.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
            0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
            0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
            0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
            0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E,
            0x1F191...0x1F19A, 0x1F200...0x1F251, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            // The emoji blocks (U+1F300 on) are wide exactly where they are shown as emoji,
            // which `isEmojiPresentation` says; 🏳 or 🕊 alone are one column.
            true
        default:
            false
        }
    }
}

extension String {
    /// The columns this text takes in a terminal.
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// The text cut to at most `width` columns, ending in `…` when something was cut.
    public func truncated(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        guard displayWidth > width else { return self }
        var out = ""
        var used = 0
        for character in self {
            let next = DisplayWidth.of(character)
            if used + next > width - 1 { break }
            out.append(character)
            used += next
        }
        return out + "…"
    }

    /// The text cut or padded with spaces to exactly `width` columns.
    public func fitted(toWidth width: Int) -> String {
        let cut = truncated(toWidth: width)
        return cut + String(repeating: " ", count: max(0, width - cut.displayWidth))
    }
}
