/// Request bodies that create or change tokens.

/// `POST /auth/tokens` (`auth.TokenWrite`).
public struct TokenCreate: Codable, Hashable, Sendable {
    /// The extension the token is for: `{"id": …}`.
    public struct ExtensionChoice: Codable, Hashable, Sendable {
        public var id: String

        public init(id: String) { self.id = id }
    }

    public var name: String
    public var description: String?
    public var externalID: String?
    public var `extension`: ExtensionChoice

    enum CodingKeys: String, CodingKey {
        case name, description, `extension`
        case externalID = "external_id"
    }

    public init(name: String, description: String?, externalID: String?, extensionID: String) {
        self.name = name
        self.description = description
        self.externalID = externalID
        self.extension = ExtensionChoice(id: extensionID)
    }
}

/// `PUT /auth/tokens/{id}` body and response (`auth.TokenUpdate`).
public struct TokenUpdate: Codable, Hashable, Sendable {
    public var name: String?
    public var description: String?
    public var externalID: String?

    enum CodingKeys: String, CodingKey {
        case name, description
        case externalID = "external_id"
    }

    public init(name: String? = nil, description: String? = nil, externalID: String? = nil) {
        self.name = name
        self.description = description
        self.externalID = externalID
    }
}

/// `POST /auth/tokens/{id}/rotate` and `…/renew` body (`auth.TokenRenewRotate`).
public struct TokenRenewRotate: Codable, Hashable, Sendable {
    public var expirationDate: Timestamp?

    enum CodingKeys: String, CodingKey { case expirationDate = "expiration_date" }

    public init(expirationDate: Timestamp? = nil) { self.expirationDate = expirationDate }
}

/// `POST` / `DELETE /auth/tokens/{id}/permissions` body and response (`auth.PermissionMerge`).
public struct PermissionMerge: Codable, Hashable, Sendable {
    public var id: String?
    public var object: IDReference

    public init(id: String? = nil, moduleID: String) {
        self.id = id
        object = IDReference(id: moduleID)
    }
}
