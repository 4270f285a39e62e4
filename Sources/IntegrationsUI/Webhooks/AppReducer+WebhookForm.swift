import ConnectCore
import Foundation
import TerminalKit

extension AppReducer {
    static func openWebhookForm(editing hook: Webhook? = nil, _ state: inout AppState) -> [AppEffect] {
        if refusedReadOnly(hook == nil ? "creating a webhook" : "editing a webhook", &state) { return [] }
        state.modals.append(.webhookForm(hook.map { WebhookForm(editing: $0) } ?? WebhookForm()))
        return []
    }

    /// Keys while the webhook form is open (modal). On a text field, typing and editing keys
    /// win over toggling and changing a choice.
    static func handleWebhookForm(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var form = state.webhookForm else { return [] }
        var event: WebhookForm.Event?
        if form.state == .confirmingDiscard {
            event = discardAnswer(key, state).map { $0 ? .discardConfirmed : .keepEditingTapped }
        } else if form.isBusy {
            if state.keymaps.waiting.command(for: key) == .cancel { event = .cancelTapped }
        } else {
            let onText = form[text: form.focus] != nil
            var command = state.keymaps.webhookForm.command(for: key)
            if onText, command == .toggle || command == .changeNext || command == .changePrevious { command = nil }
            switch (command, form.focus) {
            case (.nextField?, _): form.moveFocus(by: 1)
            case (.previousField?, _): form.moveFocus(by: -1)
            case (.cancel?, _): event = .cancelTapped
            case (.save?, _): event = .saveTapped
            case (.reveal?, _): form.revealsSecret.toggle()
            case (.removeHeader?, .headerName), (.removeHeader?, .headerValue): form.removeFocusedHeader()
            case (.submit?, .addHeader), (.toggle?, .addHeader): form.addHeader()
            case (.submit?, _): event = .saveTapped
            case (.changePrevious?, .objectClass): form.cycleObjectClass(forward: false)
            case (.changeNext?, .objectClass), (.toggle?, .objectClass): form.cycleObjectClass(forward: true)
            case (.toggle?, .active): form.active.toggle()
            case (.removeHeader?, _), (.toggle?, _), (.changeNext?, _), (.changePrevious?, _), (.down?, _), (.up?, _),
                (.back?, _), (.nextPage?, _), (.previousPage?, _), (.retry?, _), (.copy?, _), (.export?, _):
                break
            case (nil, let slot):
                if var text = form[text: slot], text.handle(key, keymap: state.keymaps.text) { form[text: slot] = text }
            }
        }
        state.webhookForm = form
        return event.map { webhookFormEvent($0, &state) } ?? []
    }

    /// Feeds one event to the form and turns its effects into the app's.
    static func webhookFormEvent(_ event: WebhookForm.Event, _ state: inout AppState) -> [AppEffect] {
        guard var form = state.webhookForm else { return [] }
        let effects = form.handle(event)
        state.webhookForm = form
        return effects.flatMap { effect -> [AppEffect] in
            guard case .close(let saved) = effect else { return [.webhookForm(effect)] }
            state.webhookForm = nil
            guard let saved else { return [] }
            let created = { if case .create = form.mode { return true } else { return false } }()
            state.status = .info("Webhook \(saved.id) \(created ? "created" : "saved").")
            if state.webhookDetails?.webhookID == saved.id { state.webhookDetails?.webhook = .loaded(saved) }
            state.webhooks.cursorID = saved.id
            if created { state.webhooks.rewind(); state.webhooks.cursorID = saved.id }
            return [reload(WebhookListKind.self, &state)]
        }
    }
}
