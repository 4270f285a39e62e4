import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// Webhook details: status, label and id; GENERAL (settings, secret, headers) and DELIVERIES
/// (stats, last success, last failure) tabs.
enum WebhookDetailsView {
    static func render(_ details: WebhookDetailsState, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        guard let hook = LoadStateView.detailsHeader("Webhook details", details.webhook, id: details.webhookID, keymap: state.keymaps.webhookDetails, state, rect, &screen)
        else { return }
        _ = LoadStateView.statusLine(WebhookListView.activeTitle(hook.active), WebhookListView.activeStyle(hook.active), "\(hook.label) \(hook.id)", room: 0, rect, &screen)
        let body = LoadStateView.tabs(details.tab, rect, &screen)
        switch details.tab {
        case .general: renderGeneral(hook, details, state, body, &screen)
        case .deliveries: renderDeliveries(hook, state, body, &screen)
        }
    }

    static func renderGeneral(_ hook: Webhook, _ details: WebhookDetailsState, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        var rows = LabelRows(rect)
        rows.add(&screen, "Label", hook.label)
        rows.add(&screen, "Object class", hook.objectClass?.title ?? "")
        rows.add(&screen, "Type", hook.type?.title ?? "")
        rows.add(&screen, "Product", [hook.product?.name, hook.product?.id].compactMap { $0 }.joined(separator: " "))
        // Credentials inside the URL or the headers stay masked until `v`, like the secret.
        let url = hook.externalURL ?? ""
        rows.add(&screen, "External URL", details.revealed ? url : Credentials.maskedURL(url), lines: 2)
        rows.add(&screen, "Description", hook.description ?? "", lines: 2)
        if rows.y < rect.maxY {
            let secret = hook.jwtSecret.map { details.revealed ? $0.unmaskedValue : Self.mask($0) } ?? "(the server did not send it)"
            screen.put("JWT secret", x: rect.x, y: rows.y, style: Style(.muted, bold: true))
            let hint = "  " + SecretHint.text(revealed: details.revealed, reveal: state.keymaps.webhookDetails.label(.reveal), copy: state.keymaps.webhookDetails.label(.copy))
            let shown = screen.put(secret, x: rect.x + rows.labelWidth, y: rows.y, style: Style(.secret), maxWidth: rect.width - rows.labelWidth - hint.displayWidth)
            screen.put(hint, x: rect.x + rows.labelWidth + shown, y: rows.y, style: Style(.keyHint), maxWidth: rect.width - rows.labelWidth - shown)
            rows.y += 1
        }
        rows.add(&screen, "Headers", headerText(hook.headers, revealed: details.revealed), lines: 2)
        rows.add(&screen, "HTTP method", hook.httpMethod ?? "")
        rows.add(&screen, "Created", "\(AppView.format(hook.createdAt, state.timeZone)) \(hook.createdBy?.name ?? "")", Style(.muted))
        rows.add(&screen, "Modified", "\(AppView.format(hook.modifiedAt, state.timeZone)) \(hook.modifiedBy?.name ?? "")", Style(.muted))
        rows.add(&screen, "API URL", hook.apiURL ?? "", Style(.muted))
    }

    static func renderDeliveries(_ hook: Webhook, _ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        var rows = LabelRows(rect)
        let stats = hook.stats
        func number(_ value: Int?) -> String { value.map(String.init) ?? "—" }
        rows.add(&screen, "Events", number(stats?.events))
        rows.add(&screen, "Triggers", "\(number(stats?.triggers))  (\(number(stats?.successTriggers)) succeeded, \(number(stats?.failureTriggers)) failed)")
        let streak = stats?.failureSinceLastSuccess ?? 0
        rows.add(&screen, "Failing streak", "\(number(stats?.failureSinceLastSuccess)) failures since the last success", streak > 0 ? Style(.error) : .plain)
        rows.add(&screen, "Last event", AppView.format(hook.lastEvent, state.timeZone))
        if let earliest = hook.earliestPossibleTrigger { rows.add(&screen, "Next possible", AppView.format(earliest, state.timeZone)) }
        rows.y += 1
        for (title, delivery) in [("Last success", hook.lastSuccess), ("Last failure", hook.lastFailure)] {
            guard let delivery, delivery.time != nil || delivery.status != nil else {
                rows.add(&screen, title, "none", Style(.muted))
                continue
            }
            rows.add(&screen, title, "\(AppView.format(delivery.time, state.timeZone))  \(AppReducer.describe(delivery))", WebhookListView.deliveryStyle(delivery.status), lines: 2)
            if let response = delivery.response, response != .object([:]) {
                rows.add(&screen, "  response", response.headerText, Style(.muted), lines: 2)
            }
        }
    }

    /// "name: value · name: value", or "none".
    static func headerText(_ headers: JSONValue?, revealed: Bool) -> String {
        guard case .object(let pairs)? = headers, !pairs.isEmpty else { return "none" }
        return pairs.sorted { $0.key < $1.key }.map { name, value in
            "\(name): \(revealed || !Credentials.looksSecret(name) ? value.headerText : Secret.mask)"
        }.joined(separator: " · ")
    }

    /// The secret as dots of a fixed length: neither its length nor any character is given away.
    static func mask(_ secret: Secret) -> String {
        secret.isEmpty ? "(empty)" : String(repeating: "•", count: 12)
    }
}
