import Foundation

/// An API token (`auth.Token`): a credential of the account, bound to an extension.
public struct Token: Codable, Hashable, Sendable, Identifiable {
    /// `SU-NNN-NNN-NNN`.
    public var id: String
    public var name: String?
    public var description: String?
    public var externalID: String?
    public var owner: AccountReference?
    public var status: TokenStatus?
    public var `extension`: ExtensionReference?
    public var handle: String?
    /// The token's secret; with `id` it makes the API key.
    public var token: Secret?
    public var events: Events?
    public var permissions: [TokenPermission]?
    public var expirationDate: Timestamp?
    public var renewedExpirationDate: Timestamp?
    public var renewedToken: Secret?

    enum CodingKeys: String, CodingKey {
        case id, name, description, owner, status, `extension`, handle, token, events, permissions
        case externalID = "external_id"
        case expirationDate = "expiration_date"
        case renewedExpirationDate = "renewed_expiration_date"
        case renewedToken = "renewed_token"
    }

    public init(
        id: String, name: String? = nil, description: String? = nil, externalID: String? = nil,
        owner: AccountReference? = nil, status: TokenStatus? = nil,
        extension: ExtensionReference? = nil, handle: String? = nil, token: Secret? = nil,
        events: Events? = nil, permissions: [TokenPermission]? = nil,
        expirationDate: Timestamp? = nil, renewedExpirationDate: Timestamp? = nil,
        renewedToken: Secret? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.externalID = externalID
        self.owner = owner
        self.status = status
        self.extension = `extension`
        self.handle = handle
        self.token = token
        self.events = events
        self.permissions = permissions
        self.expirationDate = expirationDate
        self.renewedExpirationDate = renewedExpirationDate
        self.renewedToken = renewedToken
    }

    /// The key to put in `Authorization` (the portal's "API Key/Handle"), when the server sent
    /// the secret: after a renew, the new one (`renewed_token`).
    public var apiKey: APIKey? {
        if let renewedToken, !renewedToken.isEmpty { return APIKey(tokenID: id, secret: renewedToken) }
        guard let token, !token.isEmpty else { return nil }
        return APIKey(tokenID: id, secret: token)
    }

    /// Whether a renew left a new key beside the old one.
    public var isRenewed: Bool { renewedToken.map { !$0.isEmpty } ?? (renewedExpirationDate != nil) }

    /// When the key in use stops working (nil: it does not expire): after a renew, the new
    /// key's `renewed_expiration_date`; otherwise `expiration_date`.
    public var keyExpires: Timestamp? { isRenewed ? renewedExpirationDate : expirationDate }

    /// After a renew, until when the old key still works (`expiration_date`).
    public var oldKeyValidUntil: Timestamp? { isRenewed ? expirationDate : nil }

    /// Whether the key in use expires within `days` of `now` (and has not yet).
    public func keyExpiresSoon(now: Date, days: Int = 7) -> Bool {
        guard let date = keyExpires?.date else { return false }
        return date > now && date.timeIntervalSince(now) <= TimeInterval(days * 24 * 3600)
    }
}

/// The lifecycle state of a token.
public enum TokenStatus: OpenEnum {
    case pending, active, inactive, deleted, expiring, expired, revitalised
    case unknown(String)

    public static let knownCases: [TokenStatus] = [
        .pending, .active, .inactive, .deleted, .expiring, .expired, .revitalised,
    ]

    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .active: "active"
        case .inactive: "inactive"
        case .deleted: "deleted"
        case .expiring: "expiring"
        case .expired: "expired"
        case .revitalised: "revitalised"
        case .unknown(let raw): raw
        }
    }

}

/// One module a token may use (an item of `permissions`).
public struct TokenPermission: Codable, Hashable, Sendable, Identifiable {
    public struct Granted: Codable, Hashable, Sendable {
        public var granted: Event?

        public init(granted: Event? = nil) { self.granted = granted }
    }

    public var id: String?
    /// The module, `{"id": "MD-0007"}`.
    public var object: IDReference
    public var events: Granted?

    public init(id: String? = nil, moduleID: String, granted: Event? = nil) {
        self.id = id
        object = IDReference(id: moduleID)
        events = granted.map { Granted(granted: $0) }
    }

    public var moduleID: String { object.id }
}
