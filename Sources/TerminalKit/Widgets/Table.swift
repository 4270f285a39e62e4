/// A table: a header row, then rows of cells, one row selected, scrolled to keep it in view.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// The share of spare width this column gets; columns with 0 keep `minWidth`.
        public var weight: Int
        public var minWidth: Int

        public init(_ title: String, minWidth: Int, weight: Int = 1) {
            self.title = title
            self.minWidth = minWidth
            self.weight = weight
        }
    }

    /// One cell: its text and style (a status colour), and a muted detail after the text
    /// that is kept whole when the cell is too narrow (the text gives way first).
    public struct Item: Sendable {
        public var text: String
        public var style: Style
        public var detail: String?

        public init(_ text: String, _ style: Style = .plain, detail: String? = nil) {
            self.text = text
            self.style = style
            self.detail = detail
        }
    }

    public var columns: [Column]
    public var rows: [[Item]]
    public var selected: Int?
    /// Shown instead of rows when there are none ("No data available").
    public var emptyMessage: String
    /// Text marked wherever a cell shows it (case aside): what the rows were filtered by.
    public var highlight: String?
    /// Rows marked for an action on several: a ✓ in a gutter at the left.
    public var marked: Set<Int> = []
    /// Whether the gutter shows (from the first mark, on any page, to the last).
    public var showsMarks = false

    /// The columns the marks take at the left.
    public var gutter: Int { showsMarks ? 2 : 0 }

    public init(columns: [Column], rows: [[Item]], selected: Int?, emptyMessage: String = "No data available") {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.emptyMessage = emptyMessage
    }

    /// Column widths for a total `width`, one space between columns. Spare width goes first
    /// to the columns whose text would be cut (the one nearest to whole first, each up to
    /// what its longest cell needs), then what is left by weight.
    public func widths(for width: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let gaps = columns.count - 1
        var widths = columns.map(\.minWidth)
        var spare = width - gaps - widths.reduce(0, +)
        if spare > 0 {
            let needed = columns.indices.map { index in
                rows.reduce(columns[index].title.displayWidth) { most, row in
                    guard row.indices.contains(index) else { return most }
                    let item = row[index]
                    // As wide as it shows: controls become visible escapes on screen.
                    let shown = SafeText.visible(item.text).displayWidth + (item.detail.map { SafeText.visible($0).displayWidth + 1 } ?? 0)
                    return max(most, shown)
                }
            }
            // The column nearest to whole first, so as many as possible show whole.
            for index in columns.indices.sorted(by: { needed[$0] - widths[$0] < needed[$1] - widths[$1] }) where spare > 0 {
                let grow = min(spare, max(0, needed[index] - widths[index]))
                widths[index] += grow
                spare -= grow
            }
            let weights = max(1, columns.reduce(0) { $0 + $1.weight })
            var given = 0
            for index in columns.indices {
                let share = spare * columns[index].weight / weights
                widths[index] += share
                given += share
            }
            if let last = columns.indices.last(where: { columns[$0].weight > 0 }) { widths[last] += spare - given }
        } else if spare < 0 {
            // Too narrow: the widest columns give way first, never below 3 columns.
            var missing = -spare
            while missing > 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
                widths[widest] -= 1
                missing -= 1
            }
        }
        return widths
    }

    /// Draws into `rect`: header on the first row.
    public func render(into screen: inout Screen, _ whole: Rect) {
        guard whole.height > 0, whole.width > gutter else { return }
        let rect = Rect(x: whole.x + gutter, y: whole.y, width: whole.width - gutter, height: whole.height)
        let widths = widths(for: rect.width)
        var x = rect.x
        for (index, column) in columns.enumerated() {
            screen.put(column.title.fitted(toWidth: widths[index]), x: x, y: rect.y, style: Style(.muted, bold: true), maxWidth: widths[index])
            x += widths[index] + 1
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard !rows.isEmpty else {
            screen.put(emptyMessage, x: body.x + max(0, (body.width - emptyMessage.displayWidth) / 2),
                       y: body.y + min(1, body.height - 1), style: Style(.muted), maxWidth: body.width)
            return
        }
        let offset = max(0, (selected ?? 0) - body.height + 1)
        for (line, rowIndex) in (offset..<min(rows.count, offset + body.height)).enumerated() {
            let y = body.y + line
            let isSelected = rowIndex == selected
            if isSelected { screen.fill(Rect(x: whole.x, y: y, width: whole.width, height: 1), style: Style(.selection)) }
            if marked.contains(rowIndex) {
                screen.put("✓", x: whole.x, y: y, style: isSelected ? Style(.selection, bold: true) : Style(.accent, bold: true))
            }
            var x = body.x
            for (index, item) in rows[rowIndex].prefix(columns.count).enumerated() {
                let style = isSelected ? Style(.selection, bold: item.style.bold) : item.style
                let width = widths[index]
                if let detail = item.detail, detail.displayWidth + 4 <= width {
                    let textWidth = min(item.text.displayWidth, width - detail.displayWidth - 1)
                    let shown = item.text.truncated(toWidth: textWidth)
                    let used = screen.put(shown, x: x, y: y, style: style, maxWidth: textWidth)
                    mark(shown, at: x, y: y, width: used, base: style, &screen)
                    let detailX = x + used + 1
                    let detailUsed = screen.put(detail, x: detailX, y: y, style: isSelected ? style : Style(.muted), maxWidth: width - used - 1)
                    mark(detail, at: detailX, y: y, width: detailUsed, base: isSelected ? style : Style(.muted), &screen)
                } else {
                    let shown = item.text.truncated(toWidth: width)
                    let used = screen.put(shown, x: x, y: y, style: style, maxWidth: width)
                    mark(shown, at: x, y: y, width: used, base: style, &screen)
                }
                x += widths[index] + 1
            }
        }
    }

    /// Underlines and brightens each place `text` (as drawn from `x`, `width` columns of it)
    /// shows the highlight.
    private func mark(_ text: String, at x: Int, y: Int, width: Int, base: Style, _ screen: inout Screen) {
        guard let highlight, !highlight.isEmpty else { return }
        let shown = Array(SafeText.visible(text))
        let needle = highlight.map { $0.lowercased() }
        guard needle.count <= shown.count else { return }
        // Where each character starts, in columns from `x`.
        var starts: [Int] = [0]
        for character in shown { starts.append(starts[starts.count - 1] + DisplayWidth.of(character)) }
        var index = 0
        while index + needle.count <= shown.count {
            guard (0..<needle.count).allSatisfy({ shown[index + $0].lowercased() == needle[$0] }) else {
                index += 1
                continue
            }
            let start = x + starts[index]
            let end = min(x + starts[index + needle.count], x + width, screen.size.columns)
            for column in max(start, 0)..<max(start, end) {
                screen[column, y].style = Style(base.role, bold: true, underline: true, reverse: base.reverse)
            }
            index += needle.count
        }
    }
}
