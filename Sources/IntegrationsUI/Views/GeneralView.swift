import ConnectCore
import TerminalKit
import TokenWizard

/// General: the API endpoint, what it and tokens are for, the account and the connection.
enum GeneralView {
    static func render(_ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        var y = rect.y
        screen.put("General", x: rect.x, y: y, style: Style(.title, bold: true))
        y += 2
        screen.put("API endpoint", x: rect.x, y: y, style: Style(.muted, bold: true))
        y += 1
        let used = screen.put(state.connection.endpoint.absoluteString, x: rect.x, y: y, style: Style(.accent), maxWidth: rect.width - 8)
        screen.put("  y copy", x: rect.x + used, y: y, style: Style(.keyHint))
        y += 2
        y += screen.putWrapped(
            "Programs reach Connect through this endpoint. Each request carries an API token's key in its Authorization header (ApiKey SU-…:secret); the token decides which modules the program may use. Create and manage tokens in the Tokens pane (2).",
            in: Rect(x: rect.x, y: y, width: rect.width, height: 4), style: Style(.text)) + 1
        guard y + 3 < rect.maxY else { return }
        screen.put("Account", x: rect.x, y: y, style: Style(.muted, bold: true))
        y += 1
        switch state.account {
        case .loaded(let info):
            screen.put("\(info.account.name) (\(info.account.id)), \(info.account.role?.title ?? info.account.type?.title ?? "")", x: rect.x, y: y, maxWidth: rect.width)
            y += 1
            if let user = info.userName { screen.put("User: \(user)", x: rect.x, y: y, maxWidth: rect.width) }
            y += 2
            screen.put("● Connected", x: rect.x, y: y, style: Style(.statusActive))
        case .loading:
            screen.put("\(Spinner.frame(state.tick)) Connecting…", x: rect.x, y: y, style: Style(.muted))
            y += 3
        case .failed(let error):
            screen.put("● Not connected", x: rect.x, y: y + 2, style: Style(.error))
            screen.putWrapped(error.description, in: Rect(x: rect.x, y: y + 3, width: rect.width, height: 2), style: Style(.error))
            y += 2
        }
        let origin = state.connection.isSandbox ? "the built-in sandbox" : state.connection.source
        screen.put("  via \(origin)", x: rect.x + 12, y: y, style: Style(.muted), maxWidth: max(0, rect.width - 12))
    }
}
