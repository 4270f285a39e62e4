import ConnectCore
import Foundation
import GRDB

/// One page of a collection and the size of the whole filtered collection.
struct ListResult<Item: Sendable>: Sendable {
    let items: [Item]
    let total: Int
}

extension SandboxStore {
    static let tokenColumns = """
        t.id, t.name, t.description, t.external_id, t.status, t.extension_id, t.secret,
        t.created_at, t.created_by_id, t.created_by_name, t.updated_at, t.updated_by_id,
        t.updated_by_name, t.expiration_date, t.renewed_secret, t.renewed_expiration_date,
        e.name AS extension_name, e.icon AS extension_icon, e.revision AS extension_revision
        """
    static let tokenSource = "tokens t LEFT JOIN extensions e ON e.id = t.extension_id"

    /// Whether `secret` is a current secret of an active token.
    func authenticate(tokenID: String, secret: String) async throws -> Bool {
        let now = timestamp()
        return try await database.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM tokens WHERE id = ? AND status IN ('active', 'expiring', 'revitalised')
                    AND ((secret = ? AND (expiration_date IS NULL OR expiration_date > ?))
                         OR (renewed_secret = ? AND (renewed_expiration_date IS NULL OR renewed_expiration_date > ?)))
                    """,
                arguments: [tokenID, secret, now, secret, now]) ?? false
        }
    }

    /// The API key of the sandbox's own token.
    public func ownerKey() async throws -> APIKey {
        try await database.read { db in
            guard let id = try self.meta(db, "owner_token"),
                let secret = try String.fetchOne(db, sql: "SELECT secret FROM tokens WHERE id = ?", arguments: [id])
            else { throw APIError.internalError }
            return APIKey(tokenID: id, secret: Secret(secret))
        }
    }

    func listTokens(_ query: SQLQuery, limit: Int, offset: Int, withPermissions: Bool) async throws -> ListResult<Token> {
        try await list(
            query, source: Self.tokenSource, columns: Self.tokenColumns, limit: limit, offset: offset,
            countSource: ("tokens t", ["e"]), map: Self.token(from:),
            finish: { tokens, db in if withPermissions { try Self.attachPermissions(&tokens, db) } })
    }

    func token(id: String) async throws -> Token? {
        try await database.read { db in try Self.token(id: id, db) }
    }

    static func token(id: String, _ db: Database) throws -> Token? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT \(tokenColumns) FROM \(tokenSource) WHERE t.id = ?", arguments: [id])
        else { return nil }
        var tokens = [token(from: row)]
        try attachPermissions(&tokens, db)
        return tokens.first
    }

    /// A token from a row of `tokenColumns`, read by position: by name, every column lookup
    /// lowercases its name, which was a fifth of the time of serving a page.
    static func token(from row: Row) -> Token {
        func event(_ at: Int) -> Event {
            Event(at: (row[at] as String?).map(Timestamp.init(rawValue:)), by: ActorReference(id: row[at + 1], name: row[at + 2]))
        }
        let id: String = row[0]
        return Token(
            id: id, name: row[1], description: row[2], externalID: row[3],
            owner: AccountReference(id: accountID, name: accountName),
            status: TokenStatus(rawValue: row[4]),
            extension: ExtensionReference(id: row[5], name: row[16], icon: row[17], revision: row[18]),
            handle: id, token: Secret(row[6]),
            events: Events(created: event(7), updated: event(10)), permissions: [],
            expirationDate: (row[13] as String?).map(Timestamp.init(rawValue:)),
            renewedExpirationDate: (row[15] as String?).map(Timestamp.init(rawValue:)),
            renewedToken: (row[14] as String?).map(Secret.init))
    }

    static func permission(from row: Row) -> TokenPermission {
        TokenPermission(
            id: row["id"], moduleID: row["module_id"],
            granted: Event(
                at: Timestamp(rawValue: row["granted_at"]),
                by: ActorReference(id: row["granted_by_id"], name: row["granted_by_name"])))
    }

    /// Fills each token's permissions with one query for the whole page.
    static func attachPermissions(_ tokens: inout [Token], _ db: Database) throws {
        guard !tokens.isEmpty else { return }
        let marks = Array(repeating: "?", count: tokens.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT * FROM token_permissions WHERE token_id IN (\(marks)) ORDER BY seq",
            arguments: StatementArguments(tokens.map(\.id)))
        var byToken: [String: [TokenPermission]] = [:]
        for row in rows { byToken[row["token_id"], default: []].append(permission(from: row)) }
        for index in tokens.indices { tokens[index].permissions = byToken[tokens[index].id] ?? [] }
    }

    func createToken(_ body: TokenCreate) async throws -> Token {
        let now = timestamp()
        return try await database.write { db in
            let extensionID = body.extension.id
            guard let row = try Row.fetchOne(
                db, sql: "SELECT subtitle, name, token_limit FROM extensions WHERE id = ?", arguments: [extensionID])
            else { throw APIError.validation("extension: Extension \(extensionID) does not exist.") }
            if let limit = row["token_limit"] as Int? {
                let used = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM tokens WHERE extension_id = ?", arguments: [extensionID]) ?? 0
                if used >= limit {
                    let title = (row["subtitle"] as String?) ?? (row["name"] as String)
                    throw APIError.validation("extension: The account already has the \(limit) tokens \(title) allows.")
                }
            }
            let id = try Identifiers.unused("SU", in: "tokens", db)
            try Self.insertToken(
                db, id: id, name: body.name, description: body.description, externalID: body.externalID,
                extensionID: extensionID, createdAt: now, modules: [])
            return try Self.token(id: id, db)!
        }
    }

    func updateToken(id: String, _ update: TokenUpdate) async throws -> Token? {
        let now = timestamp()
        return try await database.write { db in
            guard try Self.token(id: id, db) != nil else { return nil }
            var sets = ["updated_at = ?", "updated_by_id = ?", "updated_by_name = ?"]
            var values: [DatabaseValue] = [now.databaseValue, Self.userID.databaseValue, Self.userName.databaseValue]
            if let name = update.name { sets.append("name = ?"); values.append(name.databaseValue) }
            if let description = update.description { sets.append("description = ?"); values.append(description.databaseValue) }
            if let externalID = update.externalID {
                sets.append("external_id = ?")
                values.append(externalID.isEmpty ? .null : externalID.databaseValue)
            }
            try db.execute(
                sql: "UPDATE tokens SET \(sets.joined(separator: ", ")) WHERE id = ?",
                arguments: StatementArguments(values + [id.databaseValue]))
            return try Self.token(id: id, db)
        }
    }

    func deleteToken(id: String) async throws -> Bool {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM tokens WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    func setTokenStatus(id: String, active: Bool) async throws -> Token? {
        let now = timestamp()
        return try await database.write { db in
            try db.execute(
                sql: "UPDATE tokens SET status = ?, updated_at = ?, updated_by_id = ?, updated_by_name = ? WHERE id = ?",
                arguments: [active ? "active" : "inactive", now, Self.userID, Self.userName, id])
            return try Self.token(id: id, db)
        }
    }

    /// Rotate: a new secret at once (an expiring or expired token is active again). Renew: a new
    /// secret (`renewed_token`, valid until `expiration`) beside the old one, which stays valid
    /// for a week (`expiration_date`); the token is then "revitalised".
    func newSecret(id: String, rotate: Bool, expiration: Timestamp?) async throws -> Token? {
        let now = now()
        let stamp = Timestamp.format(now)
        return try await database.write { db in
            guard try Self.token(id: id, db) != nil else { return nil }
            let secret = Identifiers.secret()
            if rotate {
                try db.execute(
                    sql: """
                        UPDATE tokens SET secret = ?, expiration_date = ?, renewed_secret = NULL,
                        renewed_expiration_date = NULL, updated_at = ?,
                        status = CASE WHEN status IN ('expiring', 'expired', 'revitalised') THEN 'active' ELSE status END
                        WHERE id = ?
                        """,
                    arguments: [secret, expiration?.date.map(Timestamp.format), stamp, id])
            } else {
                let oldUntil = Timestamp.format(now.addingTimeInterval(7 * 24 * 3600))
                try db.execute(
                    sql: """
                        UPDATE tokens SET renewed_secret = ?, renewed_expiration_date = ?,
                        expiration_date = CASE WHEN expiration_date IS NOT NULL AND expiration_date < ?
                            THEN expiration_date ELSE ? END,
                        updated_at = ?,
                        status = CASE WHEN status IN ('active', 'expiring', 'expired') THEN 'revitalised' ELSE status END
                        WHERE id = ?
                        """,
                    // The old key keeps at most a week; one that ended already stays ended.
                    arguments: [secret, expiration?.date.map(Timestamp.format), oldUntil, oldUntil, stamp, id])
            }
            return try Self.token(id: id, db)
        }
    }

    func listPermissions(tokenID: String, _ query: SQLQuery, limit: Int, offset: Int) async throws -> ListResult<TokenPermission>? {
        try await database.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM tokens WHERE id = ?", arguments: [tokenID]) ?? false
            else { return nil }
            let condition = (["p.token_id = ?"] + query.conditions).joined(separator: " AND ")
            let arguments = [tokenID.databaseValue] + query.arguments
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM token_permissions p WHERE \(condition)",
                arguments: StatementArguments(arguments)) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM token_permissions p WHERE \(condition) ORDER BY \(query.orderBy) LIMIT ? OFFSET ?",
                arguments: StatementArguments(arguments + [limit.databaseValue, offset.databaseValue]))
            return ListResult(items: rows.map(Self.permission(from:)), total: total)
        }
    }

    /// Grants a module; only tokens whose extension lets the user choose permissions.
    func grant(tokenID: String, moduleID: String) async throws -> PermissionMerge {
        let now = timestamp()
        return try await database.write { db in
            guard let extensionName = try String.fetchOne(
                db, sql: "SELECT e.name FROM tokens t JOIN extensions e ON e.id = t.extension_id WHERE t.id = ?",
                arguments: [tokenID])
            else { throw APIError.notFound("Token", tokenID) }
            guard extensionName == "custom" else {
                throw APIError.validation("Permissions of \(extensionName) tokens are set by their extension.")
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM modules WHERE id = ?", arguments: [moduleID]) ?? false
            else { throw APIError.validation("object: Module \(moduleID) does not exist.") }
            try Self.grant(db, tokenID: tokenID, moduleID: moduleID, at: now)
            let id = try String.fetchOne(
                db, sql: "SELECT id FROM token_permissions WHERE token_id = ? AND module_id = ?",
                arguments: [tokenID, moduleID])
            return PermissionMerge(id: id, moduleID: moduleID)
        }
    }

    /// Takes a module away (by module id or permission id), or every module when neither is
    /// given; absent is not an error. False when the token does not exist.
    func revoke(tokenID: String, moduleID: String?, permissionID: String?) async throws -> Bool {
        try await database.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM tokens WHERE id = ?", arguments: [tokenID]) ?? false
            else { return false }
            if moduleID == nil, permissionID == nil {
                try db.execute(sql: "DELETE FROM token_permissions WHERE token_id = ?", arguments: [tokenID])
            } else {
                try db.execute(
                    sql: "DELETE FROM token_permissions WHERE token_id = ? AND (module_id = ? OR id = ?)",
                    arguments: [tokenID, moduleID, permissionID])
            }
            return true
        }
    }
}
