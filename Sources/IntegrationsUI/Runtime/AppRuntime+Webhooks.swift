import ConnectCore
import Foundation
import TokenWizard

extension AppRuntime {
    /// Enable and disable send the webhook back as read just now with `active` changed, so a
    /// change made elsewhere in the meantime is not undone. A trigger reads the webhook
    /// afterwards for its result.
    func perform(_ action: WebhookAction, webhookID id: String) {
        request({ client throws(ConnectError) -> Webhook? in
            switch action {
            case .enable, .disable:
                let current = try await client.webhook(id: id)
                guard var body = WebhookWrite(editing: current) else {
                    throw ConnectError(operation: .updateWebhook, method: .put, kind: .invalidRequest("the server's copy of \(id) has no object class or product"))
                }
                body.active = action == .enable
                return try await client.updateWebhook(id: id, body)
            case .trigger:
                try await client.triggerWebhook(id: id)
                return try? await client.webhook(id: id)
            case .delete:
                try await client.deleteWebhook(id: id)
                return nil
            }
        }) { result in .webhookActionFinished(action, webhookID: id, result) }
    }

    /// The webhook form's writes; each answer goes back to the form as an event.
    func performWebhookForm(_ effect: WebhookForm.Effect) {
        switch effect {
        case .creation(.prepare(let body)):
            request({ client throws(ConnectError) in try await client.claimWebhookCreate(body) }) { result in .webhookForm(.creation(.prepared(result))) }
        case .creation(.create(let body)):
            request({ client throws(ConnectError) in try await client.createWebhook(body) }) { result in .webhookForm(.creation(.created(result))) }
        case .creation(.find(let claim)):
            request({ client throws(ConnectError) in try await client.findLostCreate(claim) }) { result in .webhookForm(.creation(.searched(result))) }
        case .update(let id, let base, let edited, let overwrite):
            request({ client throws(ConnectError) in try await client.saveWebhookEdit(id: id, base: base, edited: edited, overwrite: overwrite) }) { result in
                .webhookForm(.edited(result))
            }
        case .close:
            break  // the reducer handles it
        }
    }
}
