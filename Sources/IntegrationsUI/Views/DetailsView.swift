import ConnectCore
import TerminalKit
import TokenWizard

/// Token details: status, name and id, extension; GENERAL and PERMISSIONS tabs.
enum DetailsView {
    static func render(_ details: TokenDetailsState, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        guard let token = LoadStateView.detailsHeader("Token details", details.token, id: details.tokenID, keymap: state.keymaps.details, state, rect, &screen)
        else { return }
        var x = LoadStateView.statusLine(token.status?.title ?? "Unknown", AppView.style(for: token.status), "\(token.name ?? "") \(token.id)", room: 24, rect, &screen)
        let y = rect.y + 1
        x += screen.put("Extension: ", x: x, y: y, style: Style(.muted), maxWidth: max(0, rect.maxX - x))
        screen.put("\(token.extension?.name ?? "") \(token.extension?.id ?? "")", x: x, y: y, maxWidth: max(0, rect.maxX - x))
        let body = LoadStateView.tabs(details.tab, rect, &screen)
        switch details.tab {
        case .general: renderGeneral(token, details, state, body, &screen)
        case .permissions: renderPermissions(token, details, state, body, &screen)
        }
    }

    static func renderGeneral(_ token: Token, _ details: TokenDetailsState, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        var y = rect.y
        func label(_ text: String) {
            guard y < rect.maxY else { return }
            screen.put(text, x: rect.x, y: y, style: Style(.muted, bold: true))
            y += 1
        }
        label("Description")
        y += screen.putWrapped(token.description ?? "—", in: Rect(x: rect.x, y: y, width: rect.width, height: 2)) + 1
        label("API Key/Handle")
        if let key = token.apiKey {
            let shown = details.revealed ? key.unmaskedValue : key.masked
            y += screen.putWrapped(shown, in: Rect(x: rect.x, y: y, width: rect.width, height: 2), style: Style(.secret))
            let keys = state.keymaps.details
            let hint = SecretHint.text(revealed: details.revealed, reveal: keys.label(.reveal), copy: keys.label(.copy))
                + "  ·  \(keys.label(.checkKey)) check  ·  \(keys.label(.export)) export"
            screen.put(hint, x: rect.x, y: y, style: Style(.keyHint), maxWidth: rect.width)
        } else {
            screen.put("(the server did not send the secret)", x: rect.x, y: y, style: Style(.muted))
        }
        y += 1
        let (expiry, soon) = expiryText(token, state)
        screen.put(expiry, x: rect.x, y: y, style: Style(soon ? .warning : .muted), maxWidth: rect.width)
        y += 1
        if let check = details.keyCheck {
            let (text, style) = checkText(check, token, state)
            screen.put(text, x: rect.x, y: y, style: style, maxWidth: rect.width)
            y += 1
        }
        y += 1
        label(details.extensionDetails?.subtitle ?? "Extension")
        y += screen.putWrapped(details.extensionDetails?.description ?? (token.extension?.name ?? "—"), in: Rect(x: rect.x, y: y, width: rect.width, height: 2)) + 1
        guard y < rect.maxY else { return }
        let created = token.events?.created
        let updated = token.events?.updated
        let line = "Created: \(AppView.format(created?.at, state.timeZone)) \(created?.by?.name ?? "")   Updated: \(AppView.format(updated?.at, state.timeZone)) \(updated?.by?.name ?? "")"
        screen.put(line, x: rect.x, y: y, style: Style(.muted), maxWidth: rect.width)
    }

    static func renderPermissions(_ token: Token, _ details: TokenDetailsState, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        let editing: Bool = if case .permissionFilter? = state.topModal { true } else { false }
        let filterText = editing ? "FILTER: \(details.permissionFilter)▏"
            : details.permissionFilter.isEmpty ? "FILTER (\(state.keymaps.details.label(.filter)))" : "FILTER: \(details.permissionFilter)"
        screen.put(filterText, x: rect.x, y: rect.y, style: Style(.accent), maxWidth: rect.width)
        let rows = AppReducer.permissionRows(token, modules: state.moduleOrder, filter: details.permissionFilter)
        let table = Table(
            columns: [Table.Column("MODULE", minWidth: 16, weight: 1), Table.Column("STATUS", minWidth: 12, weight: 0)],
            rows: rows.map { [Table.Item($0.name, Style(.text, bold: $0.name == "All")), Table.Item($0.enabled ? "● Enabled" : "○ Disabled", Style($0.enabled ? .statusActive : .statusInactive))] },
            selected: rows.isEmpty ? nil : min(details.permissionsCursor, rows.count - 1), emptyMessage: "No module matches")
        table.render(into: &screen, Rect(x: rect.x, y: rect.y + 2, width: min(rect.width, 48), height: rect.height - 2))
    }

    /// "Expires 02/12/2026 12:33 (in 3 days) ⚠", "Expired …", "Never expires"; after a renew,
    /// until when the old key still works. True when the key ends within seven days.
    static func expiryText(_ token: Token, _ state: AppState) -> (String, Bool) {
        let old = token.oldKeyValidUntil.map { "  ·  old key works until \(AppView.format($0, state.timeZone))" } ?? ""
        guard let expires = token.keyExpires else { return ("Never expires" + old, false) }
        let when = AppView.format(expires, state.timeZone)
        guard let date = expires.date else { return ("Expires \(when)" + old, false) }
        if date <= state.now { return ("Expired \(when)" + old, true) }
        let left: String
        switch date.timeIntervalSince(state.now) / 86400 {
        case ..<1: left = "within a day"
        case let days: left = Int(days.rounded()) == 1 ? "in 1 day" : "in \(Int(days.rounded())) days"
        }
        let soon = token.keyExpiresSoon(now: state.now)
        return ("Expires \(when) (\(left))\(soon ? " ⚠ renew it soon" : "")" + old, soon)
    }

    /// The key check's line: it works as whom, or why not; the status and the time.
    static func checkText(_ check: Loadable<KeyCheck>, _ token: Token, _ state: AppState) -> (String, Style) {
        switch check {
        case .loading: return ("\(Spinner.frame(state.tick)) Checking the key…", Style(.muted))
        case .failed(let error): return ("✖ The key could not be checked: \(error.description)", Style(.error))
        case .loaded(let result) where result.works:
            let who = result.account.map { "\($0.name ?? "") \($0.id ?? "")" } ?? "its account"
            return ("✔ The key works: acts as \(who) as “\(token.name ?? token.id)” · HTTP \(result.status) · \(result.milliseconds)", Style(.success))
        case .loaded(let result):
            let status = result.status == 0 ? "no answer" : "HTTP \(result.status)"
            return ("✖ The key is refused: \(status) · \(result.milliseconds) · \(result.reason)", Style(.error))
        }
    }
}
