import TerminalKit
import TokenWizard

/// The name / external id / description fields of the wizard and the edit form: label, field,
/// inline message, and a counter (the focused field's, and any near its limit).
enum FormFields {
    /// Draws the three fields from the top of `rect`, three rows each (label, field, message);
    /// returns the row after them.
    @discardableResult
    static func render(
        _ fields: [GeneralField: TextField], focus: GeneralField?, problems: [GeneralField: String],
        _ rect: Rect, _ screen: inout Screen
    ) -> Int {
        var y = rect.y
        let fieldWidth = min(rect.width - 2, 70)
        for field in GeneralField.allCases {
            let focused = field == focus
            let text = fields[field]?.text ?? ""
            screen.put(field.label + (field.isRequired ? " *" : " (optional)"), x: rect.x, y: y, style: Style(focused ? .accent : .muted, bold: focused))
            let length = GeneralField.length(of: text)
            // The focused field always says how full it is; the others once near the limit.
            if focused || length > field.limit - 20 {
                let counter = "\(length)/\(field.limit)"
                screen.put(counter, x: rect.x + fieldWidth - counter.displayWidth, y: y, style: Style(length > field.limit ? .error : .muted))
            }
            screen.drawTextField(fields[field] ?? TextField(), x: rect.x, y: y + 1, width: fieldWidth, focused: focused)
            if let problem = problems[field] {
                screen.put(problem, x: rect.x, y: y + 2, style: Style(.error), maxWidth: rect.width)
            }
            y += 3
        }
        return y
    }
}
