import TerminalKit

/// Where things are on screen for a size; views draw there and clicks are matched against it.
public struct Layout: Sendable {
    /// The sidebar with names, and the narrow one (pane numbers only) below 100 columns.
    public static let sidebarWidth = 16
    public static let narrowSidebarWidth = 4

    /// Whether the sidebar shows only numbers.
    public let isNarrow: Bool

    public let header: Rect
    public let sidebar: Rect
    public let content: Rect
    public let footer: Rect
    public let status: Rect

    public init(_ size: TerminalSize) {
        let full = Rect(x: 0, y: 0, width: size.columns, height: size.rows)
        let (header, rest) = full.splitTop(2)
        let (middle, bottom) = rest.splitBottom(2)
        isNarrow = size.columns < 100
        let (sidebar, content) = middle.splitLeft(isNarrow ? Self.narrowSidebarWidth : Self.sidebarWidth)
        self.header = header
        self.sidebar = sidebar
        self.content = Rect(x: content.x + 1, y: content.y, width: content.width - 1, height: content.height)
        let (status, footer) = bottom.splitTop(1)
        self.status = status
        self.footer = footer
    }

    /// The sidebar row of each pane.
    public func paneRow(_ pane: Pane) -> Int { sidebar.y + 1 + pane.rawValue }

    /// The table of the Tokens and Webhooks panes: title row, toolbar row, then header and rows.
    public var listTable: Rect { Rect(x: content.x, y: content.y + 2, width: content.width, height: content.height - 3) }

    /// How many rows of that table fit.
    public var listRows: Int { max(1, listTable.height - 1) }
}
