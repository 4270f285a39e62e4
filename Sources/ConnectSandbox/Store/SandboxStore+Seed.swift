import ConnectCore
import Foundation
import GRDB

/// The data a new sandbox starts with: the portal documentation's example account and user,
/// its "Tutorial API Token", the extensions and modules it shows, a few products and webhooks,
/// and the sandbox's own owner token whose key `connect-tui sandbox key` prints.
extension SandboxStore {
    static let accountID = "PA-431-800"
    static let accountName = "Mighty Mick's LLC"
    static let userID = "UR-431-800-001"
    static let userName = "Michael Goldmill"
    static let tutorialTokenID = "SU-431-800-699"
    static let customExtensionID = "EXT-000"

    static let seedModules: [(String, String)] = [
        ("MD-0001", "Account"), ("MD-0002", "Agreements"), ("MD-0004", "Contracts"),
        ("MD-0005", "Customers"), ("MD-0024", "DevOps"), ("MD-0007", "Integrations"),
        ("MD-0023", "Helpdesk"), ("MD-0008", "Listings"), ("MD-0003", "Catalog"),
        ("MD-0006", "Forms"), ("MD-0032", "Leads"), ("MD-0010", "Pricing"),
        ("MD-0011", "Subscriptions"), ("MD-0012", "Usage"), ("MD-0013", "Billing"),
    ]

    struct SeedExtension {
        let id, name, subtitle, description, overview: String
        let categories: [String]
        let tokenLimit: Int?
    }

    static let seedExtensions: [SeedExtension] = [
        SeedExtension(
            id: "EXT-569", name: "reports", subtitle: "Connect Reports",
            description: "Generate custom reports from your Connect data.",
            overview: "Tokens of this extension let the Reports module read the data your reports need.",
            categories: ["Reports"], tokenLimit: 10),
        SeedExtension(
            id: customExtensionID, name: "custom", subtitle: "Custom Integration",
            description: "Custom integration of your own systems with Connect.",
            overview: "Choose exactly which modules the token may use.",
            categories: ["Integration"], tokenLimit: nil),
        SeedExtension(
            id: "EXT-005", name: "devops", subtitle: "Connect DevOps",
            description: "Run extensions with the DevOps module.",
            overview: "The DevOps module uses these tokens to run your extensions.",
            categories: ["DevOps"], tokenLimit: 1),
        SeedExtension(
            id: "EXT-816", name: "zapier", subtitle: "Zapier",
            description: "Automate Connect workflows with Zapier.",
            overview: "Connect Zapier zaps to your Connect account.",
            categories: ["Automation", "iPaaS"], tokenLimit: 5),
        SeedExtension(
            id: "EXT-248", name: "flowgear", subtitle: "Flowgear",
            description: "Integrate Connect with the Flowgear iPaaS platform.",
            overview: "Build Flowgear workflows on Connect data.",
            categories: ["iPaaS"], tokenLimit: 5),
    ]

    static func seedIfEmpty(_ db: Database, now: Date) throws {
        let seeded = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts") ?? 0
        guard seeded == 0 else { return }
        let created = "2021-05-18T04:28:00+00:00"
        try db.execute(
            sql: "INSERT INTO accounts VALUES (?, ?, 'provider', 'distributor', 'mighty-micks', '2020-02-01T09:00:00+00:00')",
            arguments: [accountID, accountName])
        try db.execute(
            sql: "INSERT INTO users VALUES (?, ?, 'michael@mighty-micks.example')", arguments: [userID, userName])
        for (id, name) in seedModules {
            try db.execute(sql: "INSERT INTO modules(id, name) VALUES (?, ?)", arguments: [id, name])
        }
        for ext in seedExtensions {
            let categories = ext.categories.enumerated().map { ["id": "CA-\(100 + $0.offset)", "name": $0.element] }
            try db.execute(
                sql: """
                    INSERT INTO extensions(id, name, subtitle, description, overview, portal, status,
                        websites, categories, token_limit, system, created_at)
                    VALUES (?, ?, ?, ?, ?, 'any', 'published', ?, ?, ?, 1, '2020-01-15T00:00:00+00:00')
                    """,
                arguments: [
                    ext.id, ext.name, ext.subtitle, ext.description, ext.overview,
                    json(["https://connect.cloudblue.com/community/extensions/\(ext.name)/"]),
                    json(categories), ext.tokenLimit,
                ])
        }
        let ownerID = try Identifiers.unused("SU", in: "tokens", db)
        try insertToken(
            db, id: ownerID, name: "connect-tui sandbox",
            description: "The sandbox's own key: what `connect-tui sandbox key` prints.",
            extensionID: customExtensionID, createdAt: Timestamp.format(now),
            modules: seedModules.map(\.0))
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('owner_token', ?)", arguments: [ownerID])
        try insertToken(
            db, id: tutorialTokenID, name: "Tutorial API Token",
            description: "The following represents a tutorial API token.", extensionID: customExtensionID,
            createdAt: created, modules: ["MD-0001", "MD-0002", "MD-0004", "MD-0005", "MD-0024", "MD-0007", "MD-0023", "MD-0008"])
        // Keys near and past their end, so expiry shows somewhere from the first start.
        let day: TimeInterval = 24 * 3600
        try insertToken(
            db, id: try Identifiers.unused("SU", in: "tokens", db), name: "Nightly report export",
            description: "Its key expires in three days: renew it to keep the export running.",
            extensionID: "EXT-569", status: "expiring", createdAt: Timestamp.format(now.addingTimeInterval(-90 * day)), modules: [],
            expiration: Timestamp.format(now.addingTimeInterval(3 * day)))
        try insertToken(
            db, id: try Identifiers.unused("SU", in: "tokens", db), name: "Retired reporting key",
            description: "Its key expired two days ago.",
            extensionID: "EXT-569", status: "expired", createdAt: Timestamp.format(now.addingTimeInterval(-400 * day)), modules: [],
            expiration: Timestamp.format(now.addingTimeInterval(-2 * day)))

        let products = [
            ("PRD-276-377-545", "Cloud Backup Pro"), ("PRD-561-716-033", "Mighty Mail"),
            ("PRD-007-100-200", "Office Suite 365"),
        ]
        for (id, name) in products {
            try db.execute(sql: "INSERT INTO products VALUES (?, ?, NULL)", arguments: [id, name])
        }
        let hooks: [(String, String, String, String, Bool)] = [
            ("Fulfillment to ERP", "fulfillment_request", "PRD-276-377-545", "https://erp.mighty-micks.example/connect/fulfillment", true),
            ("Tier config sync", "tier_config_request", "PRD-561-716-033", "https://sync.mighty-micks.example/tiers", true),
            ("Usage files (paused)", "usage_file", "PRD-007-100-200", "https://usage.mighty-micks.invalid/files", false),
        ]
        for (label, objectClass, product, url, active) in hooks {
            try db.execute(
                sql: """
                    INSERT INTO webhooks(id, label, type, object_class, active, external_url, jwt_secret,
                        description, http_method, product_id, data, headers, created_at,
                        created_by_id, created_by_name)
                    VALUES (?, ?, 'event', ?, ?, ?, ?, ?, 'POST', ?, '{}', '{}', ?, ?, ?)
                    """,
                arguments: [
                    try Identifiers.unused("WB", in: "webhooks", db), label, objectClass, active, url,
                    Identifiers.secret(), "Sends \(objectClass.replacingOccurrences(of: "_", with: " "))s to \(url).",
                    product, created, userID, userName,
                ])
        }
    }

    static func insertToken(
        _ db: Database, id: String, name: String, description: String?, externalID: String? = nil,
        extensionID: String, status: String = "active", createdAt: String, modules: [String], expiration: String? = nil
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO tokens(id, name, description, external_id, status, extension_id, secret,
                    created_at, created_by_id, created_by_name, updated_at, updated_by_id, updated_by_name, expiration_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, name, description, externalID, status, extensionID, Identifiers.secret(), createdAt,
                userID, userName, createdAt, userID, userName, expiration,
            ])
        for module in modules {
            try grant(db, tokenID: id, moduleID: module, at: createdAt)
        }
    }

    static func grant(_ db: Database, tokenID: String, moduleID: String, at: String) throws {
        try db.execute(
            sql: """
                INSERT INTO token_permissions(id, token_id, module_id, granted_at, granted_by_id, granted_by_name)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(token_id, module_id) DO NOTHING
                """,
            arguments: [try Identifiers.unused("PM", in: "token_permissions", db), tokenID, moduleID, at, userID, userName])
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// Adds `count` tokens for load: mostly active Custom tokens, some inactive, a few of other
    /// extensions, created over the past year. One transaction, one prepared statement.
    public func seedTokens(count: Int) async throws {
        let base = now()
        try await database.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO tokens(id, name, description, external_id, status, extension_id, secret,
                    created_at, created_by_id, created_by_name, updated_at, updated_by_id, updated_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let start = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM tokens") ?? 0
            let others = ["EXT-569", "EXT-816", "EXT-248"]
            for n in stride(from: 1, through: count, by: 1) {
                let number = start + n
                // Ids from the sequence number keep a bulk insert free of collision checks.
                let digits = String(format: "9%08d", number % 100_000_000)
                let id = "SU-\(digits.prefix(3))-\(digits.dropFirst(3).prefix(3))-\(digits.suffix(3))"
                let created = Timestamp.format(base.addingTimeInterval(-Double(count - n) * 300))
                let extensionID = n % 10 == 0 ? others[n % 3] : Self.customExtensionID
                try statement.execute(arguments: [
                    id, String(format: "Load token %06d", number), "Seeded for load testing.",
                    n % 7 == 0 ? "load-\(number)" : nil, n % 5 == 0 ? "inactive" : "active",
                    extensionID, Identifiers.secret(), created, Self.userID, Self.userName, created,
                    Self.userID, Self.userName,
                ])
            }
        }
    }
}
