import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// Renders the whole app: a pure function of the state.
public enum AppView {
    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(size: state.size)
        guard !state.isTooSmall else {
            renderTooSmall(state, &screen)
            return screen
        }
        let layout = Layout(state.size)
        renderHeader(state, layout, &screen)
        renderSidebar(state, layout, &screen)
        switch state.route {
        case .general: GeneralView.render(state, layout.content, &screen)
        case .tokenList, .webhookList, .extensionList: if let list = state.route.list { ListView.render(list.kind, state, layout.content, &screen) }
        case .tokenDetails(let details): DetailsView.render(details, state, layout.content, &screen)
        case .webhookDetails(let details): WebhookDetailsView.render(details, state, layout.content, &screen)
        case .extensionDetails(let details):
            ExtensionListView.renderDetails(details.extension, details.tokenCount, state, layout.content, &screen)
        }
        renderStatus(state, layout, &screen)
        renderFooter(state, layout, &screen)
        // Modals bottom first: the top one is drawn last, over the others.
        for modal in state.modals { Overlays.render(modal, state, layout, &screen) }
        return screen
    }

    static func renderTooSmall(_ state: AppState, _ screen: inout Screen) {
        let minimum = AppState.minimumSize
        let lines = [
            "Enlarge the terminal",
            "to at least \(minimum.columns)×\(minimum.rows)",
            "(now \(state.size.columns)×\(state.size.rows))", "\(state.keymaps.global.label(.quit)) quits",
        ]
        let top = max(0, (state.size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < state.size.rows {
            screen.put(line, x: max(0, (state.size.columns - line.displayWidth) / 2), y: top + index,
                       style: Style(index == 0 ? .warning : .muted))
        }
    }

    static func renderHeader(_ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let row = layout.header
        screen.fill(Rect(x: row.x, y: row.y, width: row.width, height: 1), style: Style(.header))
        var x = screen.put(" Integrations ", x: 0, y: row.y, style: Style(.header, bold: true))
        let place = state.connection.isSandbox ? " SANDBOX " : " \(state.connection.accountName) · \(state.connection.endpoint.host ?? "?") ".truncated(toWidth: max(12, state.size.columns / 3))
        let badge = (state.connection.readOnly ? " READ-ONLY ·" : "") + place
        let badgeX = row.width - badge.displayWidth - 1
        switch state.account {
        case .loaded(let info):
            let role = info.account.role?.title ?? info.account.type?.title ?? ""
            let who = [info.account.name, role.isEmpty ? nil : role].compactMap { $0 }.joined(separator: "  ")
                + (info.userName.map { " – \($0)" } ?? "")
            x += screen.put(" " + who, x: x, y: row.y, style: Style(.header), maxWidth: badgeX - x - 1)
        case .loading:
            screen.put(" \(Spinner.frame(state.tick)) connecting…", x: x, y: row.y, style: Style(.header), maxWidth: badgeX - x - 1)
        case .failed:
            screen.put(" not connected", x: x, y: row.y, style: Style(.header), maxWidth: badgeX - x - 1)
        }
        screen.put(badge, x: badgeX, y: row.y, style: Style(.badge))
        screen.put(" " + state.route.breadcrumb, x: 0, y: row.y + 1, style: Style(.muted), maxWidth: row.width)
    }

    static func renderSidebar(_ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        for pane in Pane.allCases {
            let selected = pane == state.pane
            let y = layout.paneRow(pane)
            let label = (layout.isNarrow ? " \(pane.rawValue + 1)" : " \(pane.rawValue + 1) \(pane.title)").fitted(toWidth: layout.sidebar.width - 1)
            screen.put(label, x: layout.sidebar.x, y: y, style: selected ? Style(.selection, bold: true) : Style(.text))
        }
        for y in layout.sidebar.y..<layout.sidebar.maxY {
            screen.put("│", x: layout.sidebar.maxX - 1, y: y, style: Style(.border))
        }
    }

    static func renderStatus(_ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        guard let status = state.status else { return }
        let row = layout.status
        switch status.kind {
        case .info:
            screen.put(" " + status.text, x: row.x, y: row.y, style: Style(.success), maxWidth: row.width)
        case .error:
            let text = " ✖ " + status.text
            let keys = state.keymaps.global
            let dismiss = "\(keys.label(.dismiss)) dismisses"
            let tail = "  " + (status.retry == nil ? dismiss : "\(keys.label(.retryFailed)) retries · " + dismiss)
            screen.put(text, x: row.x, y: row.y, style: Style(.error), maxWidth: row.width - tail.displayWidth)
            screen.put(tail, x: row.maxX - tail.displayWidth, y: row.y, style: Style(.muted))
        }
    }

    /// The focused context's most useful keys, then (with no modal open) `q quit`, and
    /// `? help` at the right.
    static func renderFooter(_ state: AppState, _ layout: Layout, _ screen: inout Screen) {
        let global = state.keymaps.global
        let quit = state.topModal == nil ? [KeyHint(key: global.label(.quit), hint: "quit")] : []
        let fixed = quit + (state.helpKey.map { [KeyHint(key: $0.description, hint: "help")] } ?? [])
        let fixedText = fixed.map { "\($0.key) \($0.hint)" }.joined(separator: "  ")
        let fixedX = layout.footer.maxX - fixedText.displayWidth - 1
        screen.drawHints(fixed, x: fixedX, y: layout.footer.y, maxWidth: fixedText.displayWidth + 2)
        let globalHints = state.topModal == nil ? global.hints.filter { $0.hint != "help" && $0.hint != "quit" } : []
        screen.drawHints(state.focus.hints + globalHints, x: layout.footer.x + 1, y: layout.footer.y, maxWidth: fixedX - layout.footer.x - 2)
    }

    /// "18/05/2021 04:28", as the portal writes dates, in `timeZone`.
    static func format(_ timestamp: Timestamp?, _ timeZone: TimeZone) -> String {
        guard let timestamp else { return "" }
        guard let date = timestamp.date else { return timestamp.rawValue }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.day, .month, .year, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(two(parts.day))/\(two(parts.month))/\(parts.year ?? 0) \(two(parts.hour)):\(two(parts.minute))"
    }

    /// The style of a token status.
    static func style(for status: TokenStatus?) -> Style {
        switch status {
        case .active?: Style(.statusActive)
        case .pending?, .expiring?, .revitalised?: Style(.statusPending)
        case .inactive?, .deleted?, .expired?, .unknown?, nil: Style(.statusInactive)
        }
    }
}

extension AppView {
    /// " 12 s": how long something has waited for the server, for the timers on screen.
    static func waited(since: Date?, _ state: AppState) -> String {
        guard let since else { return "" }
        return " \(max(0, Int(state.now.timeIntervalSince(since)))) s"
    }
}
