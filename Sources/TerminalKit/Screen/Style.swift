/// What a piece of text means on screen; a theme turns each role into colours.
public enum StyleRole: String, CaseIterable, Sendable, Hashable, Codable {
    case text, muted, accent, border, borderFocused = "border_focused", header, title, selection
    case statusActive = "status_active", statusInactive = "status_inactive"
    case statusPending = "status_pending", error, warning, success
    case keyHint = "key_hint", secret, stepCurrent = "step_current", stepDone = "step_done"
    case badge, link
    /// Where a text field takes typing: its whole width, so an empty field shows.
    case field
}

/// A cell's look: a role and attributes on top of it.
public struct Style: Sendable, Hashable {
    public var role: StyleRole
    public var bold: Bool
    public var underline: Bool
    /// Swap foreground and background (the cursor row of a list, a focused button).
    public var reverse: Bool

    public init(_ role: StyleRole = .text, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = Style()
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x, y, width, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether the cell at (`x`, `y`) is inside.
    public func contains(x column: Int, y row: Int) -> Bool { column >= x && column < maxX && row >= y && row < maxY }

    /// Whether the two share a cell.
    public func intersects(_ other: Rect) -> Bool {
        !isEmpty && !other.isEmpty && x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// The rectangle shrunk by `by` cells on every side.
    public func inset(_ by: Int) -> Rect { Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by) }

    /// The first `rows` rows, and what is left below them.
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let top = min(rows, height)
        return (Rect(x: x, y: y, width: width, height: top), Rect(x: x, y: y + top, width: width, height: height - top))
    }

    /// The last `rows` rows, and what is left above them.
    public func splitBottom(_ rows: Int) -> (Rect, Rect) {
        let bottom = min(rows, height)
        return (Rect(x: x, y: y, width: width, height: height - bottom), Rect(x: x, y: maxY - bottom, width: width, height: bottom))
    }

    /// The first `columns` columns, and what is left to their right.
    public func splitLeft(_ columns: Int) -> (Rect, Rect) {
        let left = min(columns, width)
        return (Rect(x: x, y: y, width: left, height: height), Rect(x: x + left, y: y, width: width - left, height: height))
    }

    /// A rectangle of this size centred in this one.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width)
        let h = min(height, self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }
}
