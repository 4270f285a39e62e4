import ConnectCore
import Foundation
import TokenWizard

extension AppRuntime {
    /// The Webhooks pane's I/O; each answer comes back as an action.
    func performWebhookEffect(_ effect: AppEffect) {
        let client = self.client
        let clock = self.clock
        switch effect {
        case .loadWebhooks(let loadID, let query, let page):
            webhookLoad?.cancel()
            webhookLoad = spawn {
                .action(.webhooksLoaded(loadID: loadID, await attempt { () async throws(ConnectError) in try await client.listWebhooks(query, page: page) }))
            }
        case .cancelWebhookLoad:
            webhookLoad?.cancel()
        case .loadWebhook(let id):
            spawn { .action(.webhookLoaded(await attempt { () async throws(ConnectError) in try await client.webhook(id: id) })) }
        case .performWebhook(let action, let id):
            spawn {
                let result = await attempt { () async throws(ConnectError) in try await Self.perform(action, id, client) }
                return .action(.webhookActionFinished(action, webhookID: id, result, now: clock()))
            }
        case .webhookForm(let effect):
            performWebhookForm(effect)
        case .loadAccount, .loadTokens, .cancelTokenLoad, .loadModules, .loadExtensions, .loadExtensionPage, .loadToken, .loadExtension, .perform, .readAhead,
            .countTokens, .copyAPIKey, .copyText, .copyJWTSecret, .clearCopiedSecret, .wizard, .editForm, .switchAccount,
            .deleteDraft, .discardPendingInput, .quit, .exportKey, .checkKey:
            assertionFailure("not a webhook effect: \(effect)")
        }
    }

    /// Enable and disable send the webhook back as read just now with `active` changed, so a
    /// change made elsewhere in the meantime is not undone. A trigger reads the webhook
    /// afterwards for its result.
    private static func perform(_ action: WebhookAction, _ id: String, _ client: ConnectClient) async throws(ConnectError) -> Webhook? {
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
    }

    /// The webhook form's writes; each answer goes back to the form as an event.
    private func performWebhookForm(_ effect: WebhookForm.Effect) {
        let client = self.client
        let clock = self.clock
        switch effect {
        case .prepareCreate(let body):
            spawn { .action(.webhookForm(.createPrepared(await attempt { () async throws(ConnectError) in try await client.claimWebhookCreate(body) }), now: clock())) }
        case .create(let body):
            spawn { .action(.webhookForm(.saved(await attempt { () async throws(ConnectError) in try await client.createWebhook(body) }), now: clock())) }
        case .update(let id, let base, let edited, let overwrite):
            spawn {
                .action(.webhookForm(.edited(await attempt { () async throws(ConnectError) in
                    try await client.saveWebhookEdit(id: id, base: base, edited: edited, overwrite: overwrite)
                }), now: clock()))
            }
        case .findLostCreate(let claim):
            spawn { .action(.webhookForm(.lostCreateSearched(await attempt { () async throws(ConnectError) in try await client.findLostCreate(claim) }), now: clock())) }
        case .close:
            break  // the reducer handles it
        }
    }
}
