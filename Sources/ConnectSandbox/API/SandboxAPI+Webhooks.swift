import ConnectCore
import Foundation

/// `/notifications/webhooks…`
extension SandboxAPI {
    func webhooks(_ method: String, _ rest: [String], _ request: SandboxRequest) async throws -> HTTPResponse {
        switch (method, rest.count) {
        case ("GET", 0):
            let base = apiURL(request)
            return try await listPage(request, .webhooks) { query, limit, offset in
                let result = try await store.listWebhooks(query, limit: limit, offset: offset)
                return ListResult(items: result.items.map { Self.withAPIURL($0, base) }, total: result.total)
            }
        case ("POST", 0):
            let write = try validWebhook(request)
            return .json(201, Self.withAPIURL(try await store.createWebhook(write), apiURL(request)))
        case ("GET", 1):
            let hook = try found(await store.webhook(id: rest[0]), rest[0], "Webhook")
            return .json(200, Self.withAPIURL(hook, apiURL(request)))
        case ("PUT", 1):
            let write = try validWebhook(request)
            let hook = try found(await store.updateWebhook(id: rest[0], write), rest[0], "Webhook")
            return .json(200, Self.withAPIURL(hook, apiURL(request)))
        case ("DELETE", 1):
            guard try await store.deleteWebhook(id: rest[0]) else { throw APIError.notFound("Webhook", rest[0]) }
            return HTTPResponse(status: 204)
        case ("POST", 2) where rest[1] == "trigger":
            _ = try found(await store.triggerWebhook(id: rest[0]), rest[0], "Webhook")
            return .json(200, [String: String]())
        default:
            throw unmatched(["notifications", "webhooks"] + rest)
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

    /// The API a webhook's receiver calls back: this sandbox, as the request reached it.
    func apiURL(_ request: SandboxRequest) -> String {
        let host = request.headers["Host"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        let safeHost = host.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) } ? host : "127.0.0.1"
        return "http://\(safeHost)\(Self.basePath)"
    }

    static func withAPIURL(_ hook: Webhook, _ base: String) -> Webhook {
        var hook = hook
        hook.apiURL = base
        return hook
    }
}
