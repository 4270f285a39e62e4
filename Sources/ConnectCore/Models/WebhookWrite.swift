/// The body of `POST /notifications/webhooks` and `PUT /notifications/webhooks/{id}`.
///
/// Flat, unlike the webhook it creates: `product_id` instead of `product`. Every field the
/// spec requires is non-optional here, so a body missing one cannot be built.
public struct WebhookWrite: Codable, Hashable, Sendable {
    public var type: WebhookType?
    public var objectClass: WebhookObjectClass
    public var label: String
    public var productID: String
    public var externalURL: String
    public var jwtSecret: Secret
    public var active: Bool
    public var description: String
    public var httpMethod: String
    public var data: JSONValue?
    public var headers: JSONValue?

    enum CodingKeys: String, CodingKey {
        case type, label, active, description, data, headers
        case objectClass = "object_class"
        case productID = "product_id"
        case externalURL = "external_url"
        case jwtSecret = "jwt_secret"
        case httpMethod = "http_method"
    }

    public init(
        type: WebhookType? = .event, objectClass: WebhookObjectClass, label: String,
        productID: String, externalURL: String, jwtSecret: Secret, active: Bool,
        description: String, httpMethod: String = "POST", data: JSONValue? = .object([:]),
        headers: JSONValue? = .object([:])
    ) {
        self.type = type
        self.objectClass = objectClass
        self.label = label
        self.productID = productID
        self.externalURL = externalURL
        self.jwtSecret = jwtSecret
        self.active = active
        self.description = description
        self.httpMethod = httpMethod
        self.data = data
        self.headers = headers
    }

    /// The write body that would recreate `webhook` as it is (the starting point of an edit).
    public init?(editing webhook: Webhook) {
        guard let objectClass = webhook.objectClass, let product = webhook.product else {
            return nil
        }
        self.init(
            type: webhook.type, objectClass: objectClass, label: webhook.label,
            productID: product.id, externalURL: webhook.externalURL ?? "",
            jwtSecret: webhook.jwtSecret ?? Secret(""), active: webhook.active ?? false,
            description: webhook.description ?? "", httpMethod: webhook.httpMethod ?? "POST",
            data: webhook.data, headers: webhook.headers)
    }
}
