import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// A Webhooks-pane command; nil leaves the key to the global keymap.
    static func handleWebhookList(_ command: Command, _ state: inout AppState) -> [AppEffect]? {
        if let effects = handleList(WebhookListKind.self, command, &state) { return effects }
        guard let hook = state.webhooks.selected else { return command == .create ? openWebhookForm(&state) : nil }
        switch command {
        case .open:
            var details = WebhookDetailsState(webhookID: hook.id)
            details.webhook = .loaded(hook)
            state.route = .webhookDetails(details)
            return [.loadWebhook(id: hook.id)]
        case .actions:
            openActions(bulkMenu(WebhookListKind.self, state) ?? menu(for: hook), &state)
            return []
        case .trigger: return request(.one(.webhook(.trigger), id: hook.id), &state)
        case .copy: return [.copyText(hook.externalURL ?? "", what: "The URL of \(hook.id)")]
        case .create: return openWebhookForm(&state)
        case .edit: return openWebhookForm(editing: hook, &state)
        case .back, .filter, .up, .down, .pageUp, .pageDown, .first, .last, .previousPage, .nextPage, .rowsPerPage, .filterPanel,
            .columns, .previousTab, .nextTab, .reveal, .tokensOfExtension, .checkKey, .export, .sort, .flipSort, .mark:
            return nil
        }
    }

    /// A key in webhook details; nil leaves it to the global keymap.
    static func handleWebhookDetails(_ details: WebhookDetailsState, _ command: Command, _ state: inout AppState) -> [AppEffect]? {
        var details = details
        let hook = details.webhook.value
        switch command {
        case .back:
            state.webhookDetails = nil
            return []
        case .previousTab, .nextTab:
            details.tab = details.tab == .general ? .deliveries : .general
        case .reveal:
            details.revealed.toggle()
        case .copy:
            return [.copyJWTSecret(webhookID: details.webhookID)]
        case .actions:
            guard let hook else { return [] }
            openActions(menu(for: hook), &state)
            return []
        case .trigger:
            return request(.one(.webhook(.trigger), id: details.webhookID), &state)
        case .edit:
            guard let hook else { return [] }
            return openWebhookForm(editing: hook, &state)
        case .filter, .up, .down, .pageUp, .pageDown, .first, .last, .previousPage, .nextPage, .open, .create, .rowsPerPage,
            .filterPanel, .columns, .tokensOfExtension, .checkKey, .export, .sort, .flipSort, .mark:
            return nil
        }
        state.webhookDetails = details
        return []
    }

    static func menu(for hook: Webhook) -> ActionsMenu {
        let toggle: WebhookAction = hook.active == true ? .disable : .enable
        return ActionsMenu(items: [toggle, .trigger, .delete].map { .one(.webhook($0), id: hook.id) })
    }

    static func webhookLoaded(_ result: Result<Webhook, ConnectError>, _ state: inout AppState) {
        guard var details = state.webhookDetails else {
            if case .success(let hook) = result { state.webhooks.replace(hook) }
            return
        }
        switch result {
        case .success(let hook):
            guard hook.id == details.webhookID else { return }
            details.webhook = .loaded(hook)
            state.webhooks.replace(hook)
        case .failure(let error):
            details.webhook = .failed(error)
        }
        state.webhookDetails = details
    }

    static func webhookActionFinished(
        _ action: WebhookAction, _ id: String, _ result: Result<Webhook?, ConnectError>, _ state: inout AppState
    ) -> [AppEffect] {
        let refreshKey = state.keymaps.global.label(.refresh)
        return actionFinished(WebhookListKind.self, .webhook(action), id, result, &state) { hook in
            let message = done(action, id, hook, refreshKey: refreshKey)
            return action == .trigger && hook?.lastDelivery?.status == .failure ? .error(message) : .info(message)
        }
    }

    /// What the status line says after a webhook action.
    static func done(_ action: WebhookAction, _ id: String, _ hook: Webhook?, refreshKey: String) -> String {
        switch action {
        case .enable: return "Webhook \(id) enabled."
        case .disable: return "Webhook \(id) disabled."
        case .delete: return "Webhook \(id) deleted."
        case .trigger:
            guard let delivery = hook?.lastDelivery else { return "Webhook \(id) triggered; no result is recorded yet (press \(refreshKey))." }
            return "Triggered \(id): " + describe(delivery)
        }
    }

    /// "success, HTTP 200 in 42 ms" or "failure: Could not resolve host …".
    static func describe(_ delivery: Webhook.Delivery) -> String {
        var text = delivery.status?.rawValue ?? "unknown"
        if let code = delivery.statusCode { text += ", HTTP \(code)" }
        if let duration = delivery.duration { text += " in \(duration) ms" }
        if let errors = delivery.errors, !errors.isEmpty { text += ": \(errors)" }
        return text
    }
}
