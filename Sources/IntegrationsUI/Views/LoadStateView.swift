import ConnectCore
import TerminalKit

/// How every list says it is loading, or that loading failed and `r` tries again.
enum LoadStateView {
    static func loading(_ what: String, tick: Int, at rect: Rect, _ screen: inout Screen) {
        screen.put("\(Spinner.frame(tick)) Loading \(what)…", x: rect.x, y: rect.y, style: Style(.muted), maxWidth: rect.width)
    }

    static func failed(_ error: ConnectError, at rect: Rect, _ screen: inout Screen) {
        let used = screen.putWrapped(error.description, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 3), style: Style(.error))
        screen.put("Press r to try again.", x: rect.x, y: rect.y + used + 1, style: Style(.muted), maxWidth: rect.width)
    }
}
