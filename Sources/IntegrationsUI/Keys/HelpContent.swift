import TerminalKit

/// What `?` shows: the focused context's keys first, then the global ones, then every other
/// context, each description wrapped whole to the width, narrowed by the search.
public enum HelpContent {
    public enum Line: Sendable, Hashable {
        case title(String)
        case binding(keys: String, text: String)
        /// The rest of a description that did not fit on its first line.
        case more(String)
        case blank
    }

    /// The width of the keys column.
    public static let keysWidth = 16

    public static func lines(_ state: AppState, width: Int) -> [Line] {
        let focused = state.focusBeneathHelp.keymaps
        let global = state.keymaps.global.summary
        let first = focused + [global]
        let rest = state.keymaps.all.filter { summary in !first.contains { $0.name == summary.name } }
        let needle = state.topHelp?.needle ?? ""
        let textWidth = max(10, width - keysWidth - 1)
        var lines: [Line] = []
        for (index, summary) in (first + rest).enumerated() {
            let rows = summary.rows.filter {
                needle.isEmpty || $0.help.lowercased().contains(needle) || $0.keys.lowercased().contains(needle)
                    || summary.title.lowercased().contains(needle)
            }
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.title(index < focused.count ? "\(summary.title) (here)" : summary.title))
            for row in rows {
                let wrapped = Screen.wrap(row.help, width: textWidth, maxLines: 8)
                lines.append(.binding(keys: row.keys, text: wrapped.first ?? ""))
                lines += wrapped.dropFirst().map { .more($0) }
            }
        }
        return lines
    }

    /// The help panel's text area for a screen size: inside the border, above the hint row.
    public static func area(_ size: TerminalSize) -> Rect {
        let inner = Rect(x: 0, y: 0, width: size.columns, height: size.rows).inset(1)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height - 1)
    }
}

extension AppState {
    /// The help overlay, when it is on top.
    var topHelp: HelpState? {
        if case .help(let help)? = topModal { help } else { nil }
    }
}
