/// Strings a hostile or broken server might send, for tests that show them.
public enum HostileStrings {
    /// Every C0 control, DEL, every C1 control, whole escape sequences, bidi and invisible
    /// characters, CJK, emoji, combining marks, right-to-left text, long and empty strings.
    public static var corpus: [String] {
        var strings: [String] = []
        for value in 0x00..<0x20 { strings.append("c0[\(String(UnicodeScalar(UInt8(value))))]") }
        strings.append("del[\u{7F}]")
        for value in 0x80...0x9F { strings.append("c1[\(String(UnicodeScalar(UInt8(value))))]") }
        strings += [
            "\u{1b}[2J\u{1b}[H cleared", "\u{1b}[10;10H moved", "\u{1b}[?1049l left alt screen",
            "\u{1b}]0;PWNED\u{07} title", "\u{1b}]2;PWNED\u{1b}\\ title ST", "\u{1b}]8;;https://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\",
            "\u{1b}]52;c;SGFjaw==\u{07} clipboard", "\u{1b}[6n report cursor", "\u{1b}[c device attributes",
            "\u{9b}2J csi c1", "\u{1b}P+q544e\u{1b}\\ dcs", "\u{1b}[31mred\u{1b}[0m", "\u{1b}c reset",
            "abc\u{202E}fdp.exe", "\u{202D}override", "\u{2066}isolate\u{2069}", "\u{200F}rtl mark",
            "zero\u{200B}width", "bom\u{FEFF}", "word\u{2060}joiner", "line\u{2028}sep", "para\u{2029}sep",
            "東京の新しいトークン", "한국어 토큰", "👩‍💻🏳️‍🌈🇩🇪👍🏽", "e" + String(repeating: "\u{301}", count: 100),
            "שלום עולם مرحبا", String(repeating: "x", count: 4096), String(repeating: "東", count: 2048), "",
            " ", "\t\t", "\r\n", "\u{FFFD}", "\u{1b}", "\u{1b}[", "\u{1b}]", "trailing\u{1b}",
        ]
        return strings
    }
}
