/// The account a key belongs to (`auth.Account`, from `GET /accounts?limit=1`).
public struct Account: Codable, Hashable, Sendable, Identifiable {
    /// `VA-…` for vendors, `PA-…` for providers.
    public var id: String
    public var name: String
    public var icon: String?
    public var description: String?
    public var type: AccountType?
    public var role: AccountRole?
    public var brand: String?
    public var externalID: String?
    public var events: Events?

    enum CodingKeys: String, CodingKey {
        case id, name, icon, description, type, role, brand, events
        case externalID = "external_id"
    }

    public init(
        id: String, name: String, type: AccountType? = nil, role: AccountRole? = nil,
        events: Events? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.role = role
        self.events = events
    }
}

/// Whether an account sells its own products or resells others'.
public enum AccountType: OpenEnum {
    case vendor, provider
    case unknown(String)

    public static let knownCases: [AccountType] = [.vendor, .provider]

    public var rawValue: String {
        switch self {
        case .vendor: "vendor"
        case .provider: "provider"
        case .unknown(let raw): raw
        }
    }
}

/// The role the portal shows next to the account name ("Distributor").
public enum AccountRole: OpenEnum {
    case vendor, distributor, reseller
    case unknown(String)

    public static let knownCases: [AccountRole] = [.vendor, .distributor, .reseller]

    public var rawValue: String {
        switch self {
        case .vendor: "vendor"
        case .distributor: "distributor"
        case .reseller: "reseller"
        case .unknown(let raw): raw
        }
    }

}

/// Who the key acts as (`GET /auth/context`).
public struct AuthContext: Codable, Hashable, Sendable {
    public struct User: Codable, Hashable, Sendable {
        public var id: String?
        public var name: String?

        public init(id: String? = nil, name: String? = nil) {
            self.id = id
            self.name = name
        }
    }

    public var account: AccountReference?
    public var user: User?

    public init(account: AccountReference? = nil, user: User? = nil) {
        self.account = account
        self.user = user
    }
}
