import ConnectCore
import Foundation
import GRDB

/// The account, its user, the modules and the extensions.
extension SandboxStore {
    func authContext() -> AuthContext {
        AuthContext(
            account: AccountReference(id: Self.accountID, name: Self.accountName),
            user: AuthContext.User(id: Self.userID, name: Self.userName))
    }

    func listAccounts(_ query: SQLQuery, limit: Int, offset: Int) async throws -> ListResult<Account> {
        try await list(query, source: "accounts a", columns: "a.*", limit: limit, offset: offset) { row in
            Account(
                id: row["id"], name: row["name"], type: AccountType(rawValue: row["type"]),
                role: AccountRole(rawValue: row["role"]),
                events: Events(created: Event(at: Timestamp(rawValue: row["created_at"]))))
        }
    }

    func listModules(_ query: SQLQuery, limit: Int, offset: Int) async throws -> ListResult<Module> {
        try await list(query, source: "modules m", columns: "m.*", limit: limit, offset: offset) { row in
            Module(id: row["id"], name: row["name"])
        }
    }

    func module(id: String) async throws -> Module? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM modules WHERE id = ?", arguments: [id])
                .map { Module(id: $0["id"], name: $0["name"]) }
        }
    }

    func listExtensions(_ query: SQLQuery, limit: Int, offset: Int) async throws -> ListResult<Extension> {
        try await list(query, source: "extensions x", columns: "x.*", limit: limit, offset: offset, map: Self.extensionFrom)
    }

    func extensionDetails(id: String) async throws -> Extension? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT x.* FROM extensions x WHERE x.id = ?", arguments: [id])
                .map(Self.extensionFrom)
        }
    }

    static func extensionFrom(_ row: Row) -> Extension {
        let categories = decode([Extension.Category].self, row["categories"])
        let limit: Int? = row["token_limit"]
        var result = Extension(
            id: row["id"], name: row["name"], subtitle: row["subtitle"], description: row["description"],
            overview: row["overview"], portal: ExtensionPortal(rawValue: row["portal"]),
            status: ExtensionStatus(rawValue: row["status"]), websites: decode([String].self, row["websites"]),
            categories: categories,
            constraints: limit.map { Extension.Constraints(account: .init(tokens: $0)) },
            system: row["system"], events: Events(created: Event(at: Timestamp(rawValue: row["created_at"]))))
        result.featured = row["featured"]
        result.priority = row["priority"]
        result.revision = row["revision"]
        result.icon = row["icon"]
        result.owner = AccountReference(id: "PA-000-000", name: "CloudBlue")
        return result
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// Counts and reads one page of any collection; `finish` may complete the page's items
    /// in the same read (a token's permissions).
    func list<Item: Sendable>(
        _ query: SQLQuery, source: String, columns: String, limit: Int, offset: Int,
        countSource: (table: String, joinedAliases: [String])? = nil,
        map: @escaping @Sendable (Row) -> Item,
        finish: @escaping @Sendable (inout [Item], Database) throws -> Void = { _, _ in }
    ) async throws -> ListResult<Item> {
        // The joins only add columns (each is a LEFT JOIN on a unique key), so a count whose
        // conditions use none of the joined tables counts the main table alone.
        var counted = source
        if let countSource, !query.conditions.contains(where: { condition in countSource.joinedAliases.contains { condition.contains("\($0).") } }) {
            counted = countSource.table
        }
        let countSQL = "SELECT COUNT(*) FROM \(counted) \(query.whereClause)"
        let cacheKey = countSQL + "\u{0}" + query.arguments.map(\.description).joined(separator: "\u{0}")
        let counts = self.counts
        let before = counts.generation
        return try await database.read { db in
            // The page first: its SELECT takes the snapshot the count must agree with.
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(columns) FROM \(source) \(query.whereClause) ORDER BY \(query.orderBy) LIMIT ? OFFSET ?",
                arguments: StatementArguments(query.arguments + [max(limit, 0).databaseValue, offset.databaseValue]))
            let settled = CountCache.isSettled(before: before, after: counts.generation)
            let total: Int
            if settled, let cached = counts.count(for: cacheKey, generation: before) {
                total = cached
            } else {
                total = try Int.fetchOne(db, sql: countSQL, arguments: StatementArguments(query.arguments)) ?? 0
                if settled { counts.store(total, for: cacheKey, generation: before) }
            }
            var items = rows.map(map)
            try finish(&items, db)
            return ListResult(items: items, total: total)
        }
    }
}
