import CNcurses
import TerminalKit

/// Turns a theme's roles into curses colour pairs and attributes, downgraded to the colours
/// the terminal has (256 → 16 → 8 → none).
final class Palette {
    private let theme: Theme
    private let depth: Int
    private var pairs: [PairKey: Int16] = [:]

    private struct PairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    init(theme: Theme) {
        self.theme = theme
        if has_colors() {
            start_color()
            use_default_colors()
            depth = Int(cn_colors())
        } else {
            depth = 0
        }
    }

    func apply(_ style: Style, to window: UnsafeMutablePointer<WINDOW>) {
        let role = theme.style(for: style.role)
        var attributes = cn_a_normal()
        if style.bold || role.bold { attributes |= cn_a_bold() }
        if style.underline || role.underline { attributes |= cn_a_underline() }
        if style.reverse != role.reverse { attributes |= cn_a_reverse() }
        let pair = depth >= 8 ? self.pair(role.foreground, role.background) : 0
        if depth < 8, role.background != .terminalDefault { attributes |= cn_a_reverse() }
        wattr_set(window, attributes, pair, nil)
    }

    private func pair(_ foreground: Color, _ background: Color) -> Int16 {
        let key = PairKey(foreground: number(foreground), background: number(background))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < cn_color_pairs() else { return 0 }
        init_pair(next, key.foreground, key.background)
        pairs[key] = next
        return next
    }

    /// A curses colour number for `color` at this terminal's depth; -1 is the default colour.
    private func number(_ color: Color) -> Int16 {
        switch color {
        case .terminalDefault: return -1
        case .basic(let index): return Int16(depth >= 16 ? index : index % 8)
        case .indexed(let index): return depth >= 256 ? Int16(index) : Int16(ColorDepth.basic(fromIndexed: index) % (depth >= 16 ? 16 : 8))
        case .rgb(let r, let g, let b):
            let indexed = ColorDepth.indexed(r: r, g: g, b: b)
            return depth >= 256 ? Int16(indexed) : Int16(ColorDepth.basic(fromIndexed: indexed) % (depth >= 16 ? 16 : 8))
        }
    }
}
