import TerminalKit

/// Label–value rows (details, the wizard's summary): the label muted and bold, the value
/// beside it, wrapping onto as many rows as it may; an empty value reads "—".
struct LabelRows {
    var rect: Rect
    var y: Int
    let labelWidth: Int

    init(_ rect: Rect, labelWidth: Int = 16) {
        self.rect = rect
        self.labelWidth = labelWidth
        y = rect.y
    }

    mutating func add(_ screen: inout Screen, _ label: String, _ value: String, _ style: Style = .plain, lines: Int = 1) {
        guard y < rect.maxY else { return }
        screen.put(label, x: rect.x, y: y, style: Style(.muted, bold: true), maxWidth: labelWidth - 1)
        let height = min(lines, rect.maxY - y)
        let value = value.trimmingCharacters(in: .whitespaces)
        y += max(1, screen.putWrapped(value.isEmpty ? "—" : value, in: Rect(x: rect.x + labelWidth, y: y, width: rect.width - labelWidth, height: height), style: style))
    }
}
