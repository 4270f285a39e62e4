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

extension WebhookWrite {
    /// The fields a person edits, by the name the form gives them, for merging and conflicts.
    static let fields: [(name: String, differs: @Sendable (WebhookWrite, WebhookWrite) -> Bool, take: @Sendable (inout WebhookWrite, WebhookWrite) -> Void)] = [
        ("object class", { $0.objectClass != $1.objectClass }, { $0.objectClass = $1.objectClass }),
        ("label", { $0.label != $1.label }, { $0.label = $1.label }),
        ("product", { $0.productID != $1.productID }, { $0.productID = $1.productID }),
        ("URL", { $0.externalURL != $1.externalURL }, { $0.externalURL = $1.externalURL }),
        ("JWT secret", { $0.jwtSecret != $1.jwtSecret }, { $0.jwtSecret = $1.jwtSecret }),
        ("active", { $0.active != $1.active }, { $0.active = $1.active }),
        ("description", { $0.description != $1.description }, { $0.description = $1.description }),
        ("headers", { ($0.headers ?? .object([:])) != ($1.headers ?? .object([:])) }, { $0.headers = $1.headers }),
    ]

    /// The server's copy with only what the user changed (`edited` against `base`, the copy the
    /// form opened with) put on top, so changes made elsewhere meanwhile are kept. `conflicts`
    /// names the fields both sides changed to different values; the merge takes the user's.
    public static func merge(base: WebhookWrite, edited: WebhookWrite, server: WebhookWrite) -> (merged: WebhookWrite, conflicts: [String]) {
        var merged = server
        var conflicts: [String] = []
        for field in fields where field.differs(base, edited) {
            if field.differs(base, server), field.differs(server, edited) { conflicts.append(field.name) }
            field.take(&merged, edited)
        }
        return (merged, conflicts)
    }
}
