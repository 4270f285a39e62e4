/// An extension (`auth.Extension`): what a token is for (Custom, Reports, Zapier, …).
public struct Extension: Codable, Hashable, Sendable, Identifiable {
    public struct Category: Codable, Hashable, Sendable {
        public var id: String?
        public var name: String?

        public init(id: String? = nil, name: String? = nil) {
            self.id = id
            self.name = name
        }
    }

    public struct Constraints: Codable, Hashable, Sendable {
        public struct AccountConstraints: Codable, Hashable, Sendable {
            /// How many tokens of this extension one account may have.
            public var tokens: Int?

            public init(tokens: Int? = nil) { self.tokens = tokens }
        }

        public var account: AccountConstraints?

        public init(account: AccountConstraints? = nil) { self.account = account }
    }

    public var id: String
    /// The type slug, such as `custom`.
    public var name: String
    public var icon: String?
    public var revision: Int?
    public var externalID: String?
    public var subtitle: String?
    public var description: String?
    public var overview: String?
    public var portal: ExtensionPortal?
    public var featured: Bool?
    public var priority: Int?
    public var status: ExtensionStatus?
    public var websites: [String]?
    public var categories: [Category]?
    public var industries: [Category]?
    public var owner: AccountReference?
    public var constraints: Constraints?
    public var system: Bool?
    public var events: Events?

    enum CodingKeys: String, CodingKey {
        case id, name, icon, revision, subtitle, description, overview, portal, featured, priority
        case status, websites, categories, industries, owner, constraints, system, events
        case externalID = "external_id"
    }

    public init(
        id: String, name: String, subtitle: String? = nil, description: String? = nil,
        overview: String? = nil, portal: ExtensionPortal? = nil, status: ExtensionStatus? = nil,
        websites: [String]? = nil, categories: [Category]? = nil,
        constraints: Constraints? = nil, system: Bool? = nil, events: Events? = nil
    ) {
        self.id = id
        self.name = name
        self.subtitle = subtitle
        self.description = description
        self.overview = overview
        self.portal = portal
        self.status = status
        self.websites = websites
        self.categories = categories
        self.constraints = constraints
        self.system = system
        self.events = events
    }
}

/// Which portals an extension appears in.
public enum ExtensionPortal: OpenEnum {
    case any, provider, vendor
    case unknown(String)

    public static let knownCases: [ExtensionPortal] = [.any, .provider, .vendor]

    public var rawValue: String {
        switch self {
        case .any: "any"
        case .provider: "provider"
        case .vendor: "vendor"
        case .unknown(let raw): raw
        }
    }
}

/// The publication state of an extension.
public enum ExtensionStatus: OpenEnum {
    case draft, published, unrestricted, publishing, unpublishing
    case unknown(String)

    public static let knownCases: [ExtensionStatus] = [
        .draft, .published, .unrestricted, .publishing, .unpublishing,
    ]

    public var rawValue: String {
        switch self {
        case .draft: "draft"
        case .published: "published"
        case .unrestricted: "unrestricted"
        case .publishing: "publishing"
        case .unpublishing: "unpublishing"
        case .unknown(let raw): raw
        }
    }
}
