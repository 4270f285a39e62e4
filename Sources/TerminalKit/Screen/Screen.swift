/// One cell of the screen: a grapheme cluster and its style. A wide character fills its cell
/// and leaves the next one empty (`text == ""`).
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
}

/// A grid of cells that views render into and the terminal layer draws.
///
/// Every string put on it passes through `SafeText`, so a `Screen` never holds a control
/// character: whatever renders into it cannot emit escapes to the terminal.
public struct Screen: Sendable, Hashable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]
    /// Where a click presses a key: each button drawn with its key marks its cells. What is
    /// drawn over them later (a dialog's fill) takes them away.
    public private(set) var targets: [ClickTarget] = []

    public init(size: TerminalSize) {
        self.size = size
        cells = Array(repeating: .blank, count: size.columns * size.rows)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.columns, height: size.rows) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.columns + x] }
        set { cells[y * size.columns + x] = newValue }
    }

    /// Writes `text` from (x, y), cut at `maxWidth` columns (and at the screen's edge), and
    /// returns the columns used. Untrusted text is made visible-safe first.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.rows, x < size.columns else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.columns - max(x, 0))
        guard limit > 0 else { return 0 }
        var column = x
        var used = 0
        for character in SafeText.visible(text) {
            if character.isASCII {
                // The common case, without splitting the cluster.
                guard used < limit else { break }
                if column >= 0 { write(Cell(String(character), style), x: column, y: y) }
                column += 1
                used += 1
                continue
            }
            let cells = DisplayWidth.cells(of: character)
            // A cluster is drawn whole or not at all.
            guard used + cells.reduce(0, { $0 + $1.width }) <= limit else { break }
            for (part, width) in cells {
                if width == 0 {
                    // A combining mark joins the cell before it.
                    if column > 0, column - 1 < size.columns, used > 0 { self[column - 1, y].text += part }
                    continue
                }
                if column >= 0 {
                    write(Cell(part, style), x: column, y: y)
                    if width == 2, column + 1 < size.columns { write(Cell("", style), x: column + 1, y: y) }
                }
                column += width
                used += width
            }
        }
        return used
    }

    /// Marks `rect` as pressing `key` when clicked.
    public mutating func addTarget(_ rect: Rect, press key: Key) {
        guard !rect.isEmpty else { return }
        targets.append(ClickTarget(rect: rect, key: key))
    }

    /// The key a click at (`x`, `y`) presses, if it lands on a target.
    public func target(x: Int, y: Int) -> Key? {
        targets.last { $0.rect.contains(x: x, y: y) }?.key
    }

    /// Fills a rectangle with spaces of `style` (and takes away the targets under it).
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        targets.removeAll { $0.rect.intersects(rect) }
        for y in max(0, rect.y)..<min(size.rows, rect.maxY) {
            for x in max(0, rect.x)..<min(size.columns, rect.maxX) { write(Cell(" ", style), x: x, y: y) }
        }
    }

    /// Writes one cell, first blanking the other half of any wide character it cuts in two, so
    /// every row always adds up to the screen's width.
    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        let old = self[x, y]
        // Over the right half of a wide character (and not as the right half of a new one):
        // the left half would stand alone.
        if old.text.isEmpty, !cell.text.isEmpty, x > 0 {
            self[x - 1, y] = Cell(" ", self[x - 1, y].style)
        }
        // Over the left half of a wide character: its right half would be an orphan. (A new
        // wide character rewrites that cell right after.)
        if let first = old.text.first, DisplayWidth.of(first) == 2, x + 1 < size.columns, self[x + 1, y].text.isEmpty {
            self[x + 1, y] = Cell(" ", self[x + 1, y].style)
        }
        self[x, y] = cell
    }

    /// The text of each row, trailing spaces kept: what a person reads, for tests.
    public var lines: [String] {
        (0..<size.rows).map { y in (0..<size.columns).map { self[$0, y].text }.joined() }
    }

    /// The whole screen as text, trailing spaces removed from each line.
    public var text: String {
        lines.map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// The positions whose cells differ from `other` (all of them if the sizes differ).
    public func changes(from other: Screen?) -> [(x: Int, y: Int)] {
        guard let other, other.size == size else {
            return (0..<size.rows).flatMap { y in (0..<size.columns).map { (x: $0, y: y) } }
        }
        var out: [(x: Int, y: Int)] = []
        for index in cells.indices where cells[index] != other.cells[index] {
            out.append((x: index % size.columns, y: index / size.columns))
        }
        return out
    }
}

/// A rectangle of the screen that a click turns into a key press.
public struct ClickTarget: Sendable, Hashable {
    public var rect: Rect
    public var key: Key
}
