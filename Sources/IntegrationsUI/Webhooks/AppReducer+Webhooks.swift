import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// A Webhooks-pane command; nil leaves the key to the global keymap.
    static func handleWebhookList(_ command: Command, now: Date, _ state: inout AppState) -> [AppEffect]? {
        let screenful = Layout(state.size).listRows
        func move(to row: Int) -> [AppEffect] {
            state.webhooks.moveCursor(to: row)
            return []
        }
        let selected = state.webhooks.selected
        switch command {
        case .down: return move(to: state.webhooks.cursor + 1)
        case .up: return move(to: state.webhooks.cursor - 1)
        case .pageDown: return move(to: state.webhooks.cursor + screenful)
        case .pageUp: return move(to: state.webhooks.cursor - screenful)
        case .first: return move(to: 0)
        case .last: return move(to: state.webhooks.items.count - 1)
        case .nextPage: return state.webhooks.turnToNextPage() ? [reloadWebhooks(&state)] : []
        case .previousPage: return state.webhooks.turnToPreviousPage() ? [reloadWebhooks(&state)] : []
        case .rowsPerPage:
            state.webhooks.cycleRowsPerPage()
            state.status = .info("\(state.webhooks.rowsPerPage) rows per page", now: now)
            return [reloadWebhooks(&state)]
        case .open:
            guard let hook = selected else { return [] }
            var details = WebhookDetailsState(webhookID: hook.id)
            details.webhook = .loaded(hook)
            state.route = .webhookDetails(details)
            return [.loadWebhook(id: hook.id)]
        case .actions:
            guard let hook = selected else { return [] }
            state.modals.append(.menu(menu(for: hook)))
            return []
        case .trigger:
            guard let hook = selected else { return [] }
            return request(.webhook(.trigger, id: hook.id), now: now, &state)
        case .copy:
            guard let hook = selected else { return [] }
            return [.copyText(hook.externalURL ?? "", what: "The URL of \(hook.id)")]
        case .filter:
            state.modals.append(.webhookFilter(WebhookFilterEditor(state.webhooks.filter)))
            return []
        case .columns:
            state.modals.append(.columns(.webhooks, cursor: 0))
            return []
        case .create:
            state.modals.append(.webhookForm(WebhookForm()))
            return []
        case .edit:
            guard let hook = selected else { return [] }
            return openWebhookForm(editing: hook, &state)
        case .back:
            guard state.webhooks.content.isLoading else { return nil }
            state.webhooks.content = .failed(ConnectError(operation: .listWebhooks, method: .get, kind: .cancelled))
            return [.cancelWebhookLoad]
        case .showPane, .nextPane, .previousPane, .help, .quit, .interrupt, .refresh, .retryFailed, .dismiss, .switchAccount,
            .previousTab, .nextTab, .reveal, .tokensOfExtension:
            return nil
        }
    }

    /// A key in webhook details; nil leaves it to the global keymap.
    static func handleWebhookDetails(_ details: WebhookDetailsState, _ command: Command, now: Date, _ state: inout AppState) -> [AppEffect]? {
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
            state.modals.append(.menu(menu(for: hook)))
            return []
        case .trigger:
            return request(.webhook(.trigger, id: details.webhookID), now: now, &state)
        case .edit:
            guard let hook else { return [] }
            return openWebhookForm(editing: hook, &state)
        case .showPane, .nextPane, .previousPane, .help, .quit, .interrupt, .refresh, .retryFailed, .dismiss, .switchAccount,
            .filter, .up, .down, .pageUp, .pageDown, .first, .last, .previousPage, .nextPage, .open, .create, .rowsPerPage,
            .columns, .tokensOfExtension:
            return nil
        }
        state.webhookDetails = details
        return []
    }

    static func menu(for hook: Webhook) -> ActionsMenu {
        let toggle: WebhookAction = hook.active == true ? .disable : .enable
        return ActionsMenu(items: [toggle, .trigger, .delete].map { .webhook($0, id: hook.id) })
    }

    /// A new load of the current webhook page; answers to earlier loads will be ignored.
    static func reloadWebhooks(_ state: inout AppState) -> AppEffect {
        .loadWebhooks(loadID: state.webhooks.beginLoad(), state.webhooks.filter.query, state.webhooks.page)
    }

    /// The webhook filter editor: type the search text, move to status and object class and
    /// change them, apply, or clear the filter.
    static func handleWebhookFilterEditor(_ editor: WebhookFilterEditor, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var editor = editor
        let count = WebhookFilterEditor.Field.allCases.count
        let command = filterCommand(key, onText: editor.field == .search, state)
        switch command {
        case .apply?:
            state.closeTopModal()
            return [applyWebhookFilter(editor.filter, &state)]
        case .clear?:
            state.closeTopModal()
            return state.webhooks.filter.isEmpty ? [] : [applyWebhookFilter(WebhookFilter(), &state)]
        case .nextField?:
            editor.field = WebhookFilterEditor.Field(rawValue: (editor.field.rawValue + 1) % count)!
        case .previousField?:
            editor.field = WebhookFilterEditor.Field(rawValue: (editor.field.rawValue + count - 1) % count)!
        case .changeNext?, .changePrevious?:
            editor.cycle(forward: command == .changeNext)
        case nil:
            if editor.field == .search { _ = editor.search.handle(key, keymap: state.keymaps.text) }
        }
        state.modals[state.modals.count - 1] = .webhookFilter(editor)
        return []
    }

    static func applyWebhookFilter(_ filter: WebhookFilter, _ state: inout AppState) -> AppEffect {
        state.webhooks.filter = filter
        state.webhooks.rewind()
        return reloadWebhooks(&state)
    }

    /// Answers to the webhook effects.
    static func webhookAnswer(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        switch action {
        case .webhooksLoaded(let loadID, let result):
            return state.webhooks.accept(result, loadID: loadID) ? [reloadWebhooks(&state)] : []
        case .webhookLoaded(let result):
            guard var details = state.webhookDetails else {
                if case .success(let hook) = result { state.webhooks.replace(hook) }
                return []
            }
            switch result {
            case .success(let hook):
                guard hook.id == details.webhookID else { return [] }
                details.webhook = .loaded(hook)
                state.webhooks.replace(hook)
            case .failure(let error):
                details.webhook = .failed(error)
            }
            state.webhookDetails = details
            return []
        case .webhookActionFinished(let action, let id, let result, let now):
            switch result {
            case .success(let hook):
                if let hook {
                    state.webhooks.replace(hook)
                    if state.webhookDetails?.webhookID == id { state.webhookDetails?.webhook = .loaded(hook) }
                }
                state.status = .info(done(action, id, hook, refreshKey: state.keymaps.global.label(.refresh)), now: now)
                if action == .trigger, let delivery = hook?.lastDelivery, delivery.status == .failure {
                    state.status = .error(done(action, id, hook, refreshKey: state.keymaps.global.label(.refresh)))
                }
                if action == .delete {
                    if state.webhookDetails?.webhookID == id { state.webhookDetails = nil }
                    return [reloadWebhooks(&state)]
                }
            case .failure(let error) where error.outcomeUnknown:
                state.status = .error(error.description + " It is not known whether it happened; press \(state.keymaps.global.label(.refresh)) to look again.")
            case .failure(let error):
                state.status = .error(error.description, retry: error.isTransient ? .performWebhook(action, webhookID: id) : nil)
            }
            return []
        default:
            return []
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
