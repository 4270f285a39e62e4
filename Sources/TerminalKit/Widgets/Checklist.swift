/// A list of checkboxes, `[x] Name`, with a cursor row.
public struct Checklist: Sendable {
    public var items: [(title: String, checked: Bool)]
    public var cursor: Int

    public init(items: [(title: String, checked: Bool)], cursor: Int) {
        self.items = items
        self.cursor = cursor
    }

    /// Draws one row per item from the top of `rect`, scrolled to keep the cursor in view.
    public func render(into screen: inout Screen, _ rect: Rect) {
        guard rect.height > 0 else { return }
        let offset = max(0, cursor - rect.height + 1)
        for (line, index) in (offset..<min(items.count, offset + rect.height)).enumerated() {
            let item = items[index]
            let style = index == cursor ? Style(.selection) : Style(.text)
            screen.put("[\(item.checked ? "x" : " ")] \(item.title)".fitted(toWidth: rect.width), x: rect.x, y: rect.y + line, style: style)
        }
    }
}
