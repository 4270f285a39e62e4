import TerminalKit

/// The `?` overlay over the whole screen: the keys of where the user is first, scrolled, each
/// description whole.
enum HelpView {
    static func render(_ help: HelpState, _ state: AppState, _ screen: inout Screen) {
        let frame = Rect(x: 0, y: 0, width: state.size.columns, height: state.size.rows)
        _ = Overlays.panel(frame, title: "Keys", &screen)
        let area = HelpContent.area(state.size)
        let lines = HelpContent.lines(state, width: area.width)
        let first = min(help.scroll, max(0, lines.count - area.height))
        for (row, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
            let y = area.y + row
            // A section's title never sits alone on the last row.
            if row == area.height - 1, case .title = line { break }
            switch line {
            case .title(let title): screen.put(title, x: area.x, y: y, style: Style(.title, bold: true), maxWidth: area.width)
            case .binding(let keys, let text):
                screen.put(keys, x: area.x, y: y, style: Style(.keyHint), maxWidth: HelpContent.keysWidth)
                screen.put(text, x: area.x + HelpContent.keysWidth + 1, y: y, maxWidth: area.width - HelpContent.keysWidth - 1)
            case .more(let text): screen.put(text, x: area.x + HelpContent.keysWidth + 1, y: y, maxWidth: area.width - HelpContent.keysWidth - 1)
            case .blank: break
            }
        }
        if lines.isEmpty { screen.put("No key matches.", x: area.x, y: area.y, style: Style(.muted)) }
        let bottom = area.maxY
        if let search = help.search {
            screen.put("/", x: area.x, y: bottom, style: Style(.accent))
            screen.drawTextField(search, x: area.x + 1, y: bottom, width: min(40, area.width - 1), focused: true)
        } else {
            let more = lines.count > area.height ? "\(first + 1)–\(min(lines.count, first + area.height)) of \(lines.count)  " : ""
            screen.put(more + FormChrome.hintLine(state.keymaps.help.hints), x: area.x, y: bottom, style: Style(.muted), maxWidth: area.width)
        }
    }
}
