import ConnectCore
import Foundation
import TerminalKit

extension AppReducer {
    static func openWebhookForm(editing hook: Webhook, _ state: inout AppState) -> [AppEffect] {
        state.webhookForm = WebhookForm(editing: hook)
        return []
    }

    /// Keys while the webhook form is open (modal). Tab/↓ and Shift-Tab/↑ move, typing edits,
    /// ←/→ or Space change the object class, Space toggles Active, Enter saves (on "+ add
    /// header" it adds one), Ctrl-D removes a header, Ctrl-R reveals the secret, Esc cancels.
    static func handleWebhookForm(_ key: Key, now: Date, _ state: inout AppState) -> [AppEffect] {
        guard var form = state.webhookForm else { return [] }
        var event: WebhookForm.Event?
        if form.phase == .confirmingDiscard {
            switch key {
            case .character("y"), .character("d"): event = .discardConfirmed
            case .character("n"), .escape, .enter: event = .keepEditingTapped
            default: break
            }
        } else if form.isBusy {
            if key == .escape {
                if form.phase == .preparing {
                    state.status = .info("Nothing is sent yet; a moment…", now: now)
                } else {
                    event = .cancelTapped
                }
            }
        } else {
            switch (key, form.focus) {
            case (.tab, _), (.down, _): form.moveFocus(by: 1)
            case (.backTab, _), (.up, _): form.moveFocus(by: -1)
            case (.escape, _): event = .cancelTapped
            case (.control("s"), _): event = .saveTapped
            case (.control("r"), _): form.revealsSecret.toggle()
            case (.control("d"), .headerName), (.control("d"), .headerValue): form.removeFocusedHeader()
            case (.enter, .addHeader), (.character(" "), .addHeader): form.addHeader()
            case (.enter, _): event = .saveTapped
            case (.left, .objectClass): form.cycleObjectClass(forward: false)
            case (.right, .objectClass), (.character(" "), .objectClass): form.cycleObjectClass(forward: true)
            case (.character(" "), .active): form.active.toggle()
            case (_, let slot):
                if var text = form[text: slot], text.handle(key) { form[text: slot] = text }
            }
        }
        state.webhookForm = form
        return event.map { webhookFormEvent($0, now: now, &state) } ?? []
    }

    /// Feeds one event to the form and turns its effects into the app's.
    static func webhookFormEvent(_ event: WebhookForm.Event, now: Date, _ state: inout AppState) -> [AppEffect] {
        guard var form = state.webhookForm else { return [] }
        let effects = form.handle(event)
        state.webhookForm = form
        return effects.flatMap { effect -> [AppEffect] in
            guard case .close(let saved) = effect else { return [.webhookForm(effect)] }
            state.webhookForm = nil
            guard let saved else { return [] }
            let created = { if case .create = form.mode { return true } else { return false } }()
            state.status = .info("Webhook \(saved.id) \(created ? "created" : "saved").", now: now)
            if state.webhookDetails?.webhookID == saved.id { state.webhookDetails?.webhook = .loaded(saved) }
            state.webhooks.cursorID = saved.id
            if created { state.webhooks.rewind(); state.webhooks.cursorID = saved.id }
            return [reloadWebhooks(&state)]
        }
    }
}
