import ConnectCore
import Foundation

/// `/notifications/webhooks…`
extension SandboxAPI {
    func webhooks(_ method: String, _ rest: [String], _ request: SandboxRequest) async throws -> HTTPResponse {
        switch (method, rest.count) {
        case ("GET", 0):
            return try await listPage(request, .webhooks, store.listWebhooks)
        case ("POST", 0):
            let write = try validWebhook(request)
            return .json(201, try await store.createWebhook(write))
        case ("GET", 1):
            return .json(200, try found(await store.webhook(id: rest[0]), rest[0], "Webhook"))
        case ("PUT", 1):
            let write = try validWebhook(request)
            return .json(200, try found(await store.updateWebhook(id: rest[0], write), rest[0], "Webhook"))
        case ("DELETE", 1):
            guard try await store.deleteWebhook(id: rest[0]) else { throw APIError.notFound("Webhook", rest[0]) }
            return HTTPResponse(status: 204)
        case ("POST", 2) where rest[1] == "trigger":
            _ = try found(await store.triggerWebhook(id: rest[0]), rest[0], "Webhook")
            return .json(200, [String: String]())
        case (_, 0), (_, 1):
            throw APIError.methodNotAllowed
        case (_, 2) where rest[1] == "trigger":
            throw APIError.methodNotAllowed
        default:
            throw knownPathOrNotFound(["notifications", "webhooks"] + rest)
        }
    }

    /// The body of a create or update, with every rule of the spec checked.
    private func validWebhook(_ request: SandboxRequest) throws -> WebhookWrite {
        let write = try body(WebhookWrite.self, request)
        var problems = [
            Self.check(write.label, "label", limit: 100, required: true),
            Self.check(write.externalURL, "external_url", limit: 4096, required: true),
            Self.check(write.jwtSecret.unmaskedValue, "jwt_secret", limit: 100, required: true),
            Self.check(write.productID, "product_id", limit: 100, required: true),
        ].compactMap { $0 }
        if !write.objectClass.isKnown {
            problems.append("object_class: \"\(write.objectClass.rawValue)\" is not a valid choice.")
        }
        if let type = write.type, !type.isKnown {
            problems.append("type: \"\(type.rawValue)\" is not a valid choice.")
        }
        if write.httpMethod != "POST" {
            problems.append("http_method: \"\(write.httpMethod)\" is not a valid choice.")
        }
        if !write.externalURL.isEmpty, !Self.isWebURL(write.externalURL) {
            problems.append("external_url: Enter a valid URL.")
        }
        for (name, value) in [("data", write.data), ("headers", write.headers)] {
            if let value, value.objectValue == nil { problems.append("\(name): Must be a JSON object.") }
        }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        return write
    }

    /// An absolute http(s) URL with a host.
    static func isWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return ["http", "https"].contains(scheme) && !(url.host ?? "").isEmpty
    }
}
