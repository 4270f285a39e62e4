extension Screen {
    /// A single-line frame around `rect` with an optional title in its top edge.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, focused: Bool = false) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style = Style(focused ? .borderFocused : .border)
        put("┌" + String(repeating: "─", count: rect.width - 2) + "┐", x: rect.x, y: rect.y, style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        put("└" + String(repeating: "─", count: rect.width - 2) + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if let title, rect.width > 4 {
            put(" \(title) ", x: rect.x + 2, y: rect.y, style: Style(.title, bold: true), maxWidth: rect.width - 4)
        }
    }

    /// Text wrapped at word boundaries into `rect`; returns the rows used.
    @discardableResult
    public mutating func putWrapped(_ text: String, in rect: Rect, style: Style = .plain) -> Int {
        let lines = Self.wrap(SafeText.visible(text), width: rect.width)
        for (index, line) in lines.prefix(rect.height).enumerated() {
            put(line, x: rect.x, y: rect.y + index, style: style, maxWidth: rect.width)
        }
        return min(lines.count, rect.height)
    }

    /// Lines of at most `width` columns, broken at spaces where possible.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                let candidate = line.isEmpty ? word : line + " " + word
                if candidate.displayWidth <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                while word.displayWidth > width {
                    var head = ""
                    for character in word where (head + String(character)).displayWidth <= width { head.append(character) }
                    if head.isEmpty { break }
                    lines.append(head)
                    word.removeFirst(head.count)
                }
                line = word
            }
            lines.append(line)
        }
        return lines
    }
}
