/// Small objects that other objects point at: an owner account, a user, an extension.

/// An account as other objects name it (`owner`, `auth/context`'s `account`).
public struct AccountReference: Codable, Hashable, Sendable {
    public var id: String?
    public var name: String?
    public var icon: String?

    public init(id: String? = nil, name: String? = nil, icon: String? = nil) {
        self.id = id
        self.name = name
        self.icon = icon
    }
}

/// A user or account that did something (`events.created.by`).
public struct ActorReference: Codable, Hashable, Sendable {
    public var id: String?
    public var name: String?
    public var icon: String?

    public init(id: String? = nil, name: String? = nil, icon: String? = nil) {
        self.id = id
        self.name = name
        self.icon = icon
    }
}

/// When something happened and who did it.
public struct Event: Codable, Hashable, Sendable {
    public var at: Timestamp?
    public var by: ActorReference?

    public init(at: Timestamp? = nil, by: ActorReference? = nil) {
        self.at = at
        self.by = by
    }
}

/// The `events` object of tokens, extensions and accounts.
public struct Events: Codable, Hashable, Sendable {
    public var created: Event?
    public var updated: Event?

    public init(created: Event? = nil, updated: Event? = nil) {
        self.created = created
        self.updated = updated
    }
}

/// The extension a token belongs to (`auth.ExtensionReference`).
public struct ExtensionReference: Codable, Hashable, Sendable {
    public var id: String?
    /// The extension's type slug, such as `custom` or `zapier`.
    public var name: String?
    public var icon: String?
    public var revision: Int?

    public init(id: String? = nil, name: String? = nil, icon: String? = nil, revision: Int? = nil) {
        self.id = id
        self.name = name
        self.icon = icon
        self.revision = revision
    }
}

/// An object named only by its id (`{"id": "MD-0001"}`).
public struct IDReference: Codable, Hashable, Sendable {
    public var id: String

    public init(id: String) { self.id = id }
}
