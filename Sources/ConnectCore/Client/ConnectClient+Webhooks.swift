/// Webhooks: `/notifications/webhooks`.
extension ConnectClient {
    /// One page of webhooks (`GET /notifications/webhooks`); `query.search` searches label,
    /// description, id and product.
    public func listWebhooks(_ query: ListQuery = ListQuery(), page: PageRequest)
        async throws(ConnectError) -> Page<Webhook>
    {
        try await self.page(
            Webhook.self, Call(.listWebhooks, .get, ["notifications", "webhooks"]), query: query,
            page: page)
    }

    /// One webhook (`GET /notifications/webhooks/{id}`).
    public func webhook(id: String) async throws(ConnectError) -> Webhook {
        try await object(Webhook.self, Call(.getWebhook, .get, ["notifications", "webhooks", id]))
    }

    /// Creates a webhook (`POST /notifications/webhooks`). Never retried.
    public func createWebhook(_ body: WebhookWrite) async throws(ConnectError) -> Webhook {
        var call = Call(.createWebhook, .post, ["notifications", "webhooks"])
        call.body = try Self.encodeBody(body, for: call)
        return try await object(Webhook.self, call)
    }

    /// Replaces a webhook's settings (`PUT /notifications/webhooks/{id}`).
    public func updateWebhook(id: String, _ body: WebhookWrite) async throws(ConnectError) -> Webhook {
        var call = Call(.updateWebhook, .put, ["notifications", "webhooks", id])
        call.body = try Self.encodeBody(body, for: call)
        return try await object(Webhook.self, call)
    }

    /// Deletes a webhook (`DELETE /notifications/webhooks/{id}`).
    public func deleteWebhook(id: String) async throws(ConnectError) {
        try await perform(Call(.deleteWebhook, .delete, ["notifications", "webhooks", id]))
    }

    /// Sends a test delivery now (`POST /notifications/webhooks/{id}/trigger`); read the
    /// webhook again for the result.
    public func triggerWebhook(id: String) async throws(ConnectError) {
        try await perform(Call(.triggerWebhook, .post, ["notifications", "webhooks", id, "trigger"]))
    }
}

/// What saving an edit found.
public enum WebhookEditOutcome: Hashable, Sendable {
    case saved(Webhook)
    /// Changed elsewhere since the form opened, in fields the user changed too: nothing was
    /// sent. `server` is the copy as it is now, to merge against next time.
    case conflict(fields: [String], server: Webhook)
}

extension ConnectClient {
    /// Saves an edit without overwriting what it did not change: reads the webhook, puts the
    /// user's changes (`edited` against `base`) on the server's copy, and sends that; when a
    /// field the user changed was also changed elsewhere, sends nothing and says which, unless
    /// `overwrite` (the user saw the conflict and saved again).
    public func saveWebhookEdit(id: String, base: WebhookWrite, edited: WebhookWrite, overwrite: Bool = false) async throws(ConnectError)
        -> WebhookEditOutcome
    {
        let current = try await webhook(id: id)
        guard let server = WebhookWrite(editing: current) else {
            throw ConnectError(operation: .updateWebhook, method: .put, kind: .undecodable(reason: "the webhook has no object class or product", excerpt: ""))
        }
        let (merged, conflicts) = WebhookWrite.merge(base: base, edited: edited, server: server)
        if !conflicts.isEmpty, !overwrite { return .conflict(fields: conflicts, server: current) }
        return .saved(try await updateWebhook(id: id, merged))
    }
}
