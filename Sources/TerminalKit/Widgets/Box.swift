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
        let lines = Self.wrap(SafeText.visible(text), width: rect.width, maxLines: max(0, rect.height))
        for (index, line) in lines.enumerated() {
            put(line, x: rect.x, y: rect.y + index, style: style, maxWidth: rect.width)
        }
        return lines.count
    }

    /// Lines of at most `width` columns, broken at spaces where possible; a word wider than a
    /// line is cut. Stops after `maxLines`, so a huge text costs no more than what is shown.
    public static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        /// Ends the current line; false once enough lines are made.
        func flush() -> Bool {
            lines.append(line)
            line = ""
            lineWidth = 0
            return lines.count < maxLines
        }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1) }
                if line.isEmpty, lineWidth == 0, wordWidth <= width {
                    line = String(word)
                    lineWidth = wordWidth
                    continue
                }
                if lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if !line.isEmpty, !flush() { return lines }
                if wordWidth <= width {
                    line = String(word)
                    lineWidth = wordWidth
                    continue
                }
                for character in word {
                    let characterWidth = DisplayWidth.of(character)
                    if lineWidth + characterWidth > width, !line.isEmpty, !flush() { return lines }
                    line.append(character)
                    lineWidth += characterWidth
                }
            }
            if !flush() { return lines }
        }
        return lines
    }
}
