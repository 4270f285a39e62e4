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
