import ConnectCore
import Foundation
import GRDB

/// Webhooks: CRUD and triggering, which records a delivery in the stats.
extension SandboxStore {
    static let webhookSource = "webhooks w LEFT JOIN products pr ON pr.id = w.product_id"
    static let webhookColumns = "w.*, pr.name AS product_name, pr.icon AS product_icon"

    func listWebhooks(_ query: SQLQuery, limit: Int, offset: Int) async throws -> ListResult<Webhook> {
        try await list(
            query, source: Self.webhookSource, columns: Self.webhookColumns, limit: limit, offset: offset,
            countSource: ("webhooks w", ["pr"]), map: Self.webhook(from:))
    }

    func webhook(id: String) async throws -> Webhook? {
        try await database.read { db in try Self.webhook(id: id, db) }
    }

    static func webhook(id: String, _ db: Database) throws -> Webhook? {
        try Row.fetchOne(
            db, sql: "SELECT \(webhookColumns) FROM \(webhookSource) WHERE w.id = ?", arguments: [id]
        ).map(webhook(from:))
    }

    static func webhook(from row: Row) -> Webhook {
        func party(_ prefix: String) -> Webhook.Party? {
            guard let id = row["\(prefix)_id"] as String? else { return nil }
            return Webhook.Party(id: id, name: row["\(prefix)_name"])
        }
        var hook = Webhook(id: row["id"], label: row["label"])
        hook.type = WebhookType(rawValue: row["type"])
        hook.objectClass = WebhookObjectClass(rawValue: row["object_class"])
        hook.active = row["active"]
        hook.externalURL = row["external_url"]
        hook.jwtSecret = Secret(row["jwt_secret"])
        hook.description = row["description"]
        hook.httpMethod = row["http_method"]
        hook.product = Webhook.Product(id: row["product_id"], name: row["product_name"], icon: row["product_icon"])
        hook.data = decode(JSONValue.self, row["data"]) ?? .object([:])
        hook.headers = decode(JSONValue.self, row["headers"]) ?? .object([:])
        hook.createdAt = (row["created_at"] as String?).map(Timestamp.init(rawValue:))
        hook.createdBy = party("created_by")
        hook.modifiedAt = (row["modified_at"] as String?).map(Timestamp.init(rawValue:))
        hook.modifiedBy = party("modified_by")
        hook.account = Webhook.Party(id: accountID, name: accountName)
        hook.stats = Webhook.Stats(
            events: row["stat_events"], triggers: row["stat_triggers"], successTriggers: row["stat_successes"],
            failureTriggers: row["stat_failures"], failureSinceLastSuccess: row["stat_failures_since_success"])
        hook.lastEvent = (row["last_event"] as String?).map(Timestamp.init(rawValue:))
        hook.lastSuccess = decode(Webhook.Delivery.self, row["last_success"])
        hook.lastFailure = decode(Webhook.Delivery.self, row["last_failure"])
        return hook
    }

    func createWebhook(_ body: WebhookWrite) async throws -> Webhook {
        let now = timestamp()
        return try await database.write { db in
            try Self.requireProduct(body.productID, db)
            let id = try Identifiers.unused("WB", in: "webhooks", db)
            try db.execute(
                sql: """
                    INSERT INTO webhooks(id, label, type, object_class, active, external_url, jwt_secret,
                        description, http_method, product_id, data, headers, created_at, created_by_id,
                        created_by_name)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, body.label, (body.type ?? .event).rawValue, body.objectClass.rawValue, body.active,
                    body.externalURL, body.jwtSecret.unmaskedValue, body.description, body.httpMethod,
                    body.productID, Self.json(body.data ?? .object([:])), Self.json(body.headers ?? .object([:])),
                    now, Self.userID, Self.userName,
                ])
            return try Self.webhook(id: id, db)!
        }
    }

    func updateWebhook(id: String, _ body: WebhookWrite) async throws -> Webhook? {
        let now = timestamp()
        return try await database.write { db in
            guard try Self.webhook(id: id, db) != nil else { return nil }
            try Self.requireProduct(body.productID, db)
            try db.execute(
                sql: """
                    UPDATE webhooks SET label = ?, type = ?, object_class = ?, active = ?, external_url = ?,
                        jwt_secret = ?, description = ?, http_method = ?, product_id = ?, data = ?,
                        headers = ?, modified_at = ?, modified_by_id = ?, modified_by_name = ?
                    WHERE id = ?
                    """,
                arguments: [
                    body.label, (body.type ?? .event).rawValue, body.objectClass.rawValue, body.active,
                    body.externalURL, body.jwtSecret.unmaskedValue, body.description, body.httpMethod,
                    body.productID, Self.json(body.data ?? .object([:])), Self.json(body.headers ?? .object([:])),
                    now, Self.userID, Self.userName, id,
                ])
            return try Self.webhook(id: id, db)
        }
    }

    func deleteWebhook(id: String) async throws -> Bool {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM webhooks WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    /// Records a test delivery. The sandbox calls no outside host: a delivery to a host under
    /// the reserved `.invalid` domain fails as a real one would (the name does not resolve);
    /// any other succeeds with a simulated 200.
    func triggerWebhook(id: String) async throws -> Webhook? {
        let now = timestamp()
        return try await database.write { db in
            guard let hook = try Self.webhook(id: id, db) else { return nil }
            guard hook.active == true else { throw APIError.validation("The webhook is not active; enable it first.") }
            let host = URL(string: hook.externalURL ?? "")?.host ?? ""
            let fails = host.hasSuffix(".invalid")
            let delivery = Webhook.Delivery(
                time: Timestamp(rawValue: now),
                response: fails ? .object([:]) : .object(["simulated": .bool(true)]),
                duration: fails ? 3000 : 42, status: fails ? .failure : .success,
                statusCode: fails ? nil : 200, errors: fails ? "Could not resolve host \(host)" : nil)
            let column = fails ? "last_failure" : "last_success"
            try db.execute(
                sql: """
                    UPDATE webhooks SET stat_events = stat_events + 1, stat_triggers = stat_triggers + 1,
                        stat_successes = stat_successes + ?, stat_failures = stat_failures + ?,
                        stat_failures_since_success = CASE WHEN ? THEN stat_failures_since_success + 1 ELSE 0 END,
                        last_event = ?, \(column) = ?
                    WHERE id = ?
                    """,
                arguments: [fails ? 0 : 1, fails ? 1 : 0, fails, now, Self.json(delivery), id])
            return try Self.webhook(id: id, db)
        }
    }

    static func requireProduct(_ id: String, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM products WHERE id = ?", arguments: [id]) ?? false else {
            throw APIError.validation("product_id: Product \(id) does not exist.")
        }
    }

    /// Removes everything and seeds again (`connect-tui sandbox reset`).
    public func reset() async throws {
        let now = now()
        try await database.write { db in
            for table in ["token_permissions", "tokens", "webhooks", "products", "extensions", "modules", "users", "accounts", "meta"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            try Self.seedIfEmpty(db, now: now)
        }
    }
}
