import ConnectCore
import Foundation
import GRDB

/// The sandbox's data: one SQLite file (WAL, every write a transaction, `synchronous=FULL`,
/// so a killed process loses nothing it acknowledged).
public final class SandboxStore: Sendable {
    let database: DatabasePool
    /// List totals, kept until the next write.
    let counts = CountCache()
    private let countObserver: CountCache.Observer
    /// The clock new rows are stamped with; injected so tests control time.
    let now: @Sendable () -> Date

    /// Opens (creating if needed) the store at `path`, migrates it, and seeds a new one.
    public init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        database = try DatabasePool(path: path, configuration: configuration)
        countObserver = CountCache.Observer(counts)
        database.add(transactionObserver: countObserver, extent: .databaseLifetime)
        self.now = now
        try Self.migrator.migrate(database)
        try database.write { db in try Self.seedIfEmpty(db, now: now()) }
        chmod(path, 0o600)
    }

    /// The current time in the API's format.
    func timestamp() -> String { Timestamp.format(now()) }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE accounts (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, role TEXT NOT NULL,
                    external_id TEXT, created_at TEXT NOT NULL);
                CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT);
                CREATE TABLE modules (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
                CREATE TABLE extensions (
                    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                    subtitle TEXT, description TEXT NOT NULL, overview TEXT, portal TEXT NOT NULL,
                    status TEXT NOT NULL, featured INTEGER NOT NULL DEFAULT 0,
                    priority INTEGER NOT NULL DEFAULT 0, websites TEXT, categories TEXT,
                    token_limit INTEGER, system INTEGER NOT NULL DEFAULT 0, icon TEXT,
                    revision INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL);
                CREATE TABLE tokens (
                    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT, description TEXT,
                    external_id TEXT, status TEXT NOT NULL,
                    extension_id TEXT NOT NULL REFERENCES extensions(id), secret TEXT NOT NULL,
                    created_at TEXT NOT NULL, created_by_id TEXT, created_by_name TEXT,
                    updated_at TEXT NOT NULL, updated_by_id TEXT, updated_by_name TEXT,
                    expiration_date TEXT, renewed_secret TEXT, renewed_expiration_date TEXT);
                CREATE INDEX tokens_by_created ON tokens(created_at, seq);
                CREATE INDEX tokens_by_name ON tokens(name, seq);
                CREATE INDEX tokens_by_status ON tokens(status, created_at, seq);
                CREATE INDEX tokens_by_extension ON tokens(extension_id, created_at, seq);
                CREATE INDEX tokens_by_external_id ON tokens(external_id);
                CREATE TABLE token_permissions (
                    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
                    token_id TEXT NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
                    module_id TEXT NOT NULL REFERENCES modules(id), granted_at TEXT NOT NULL,
                    granted_by_id TEXT, granted_by_name TEXT, UNIQUE(token_id, module_id));
                CREATE INDEX permissions_by_module ON token_permissions(module_id, token_id);
                CREATE TABLE products (id TEXT PRIMARY KEY, name TEXT NOT NULL, icon TEXT);
                CREATE TABLE webhooks (
                    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT NOT NULL,
                    type TEXT NOT NULL, object_class TEXT NOT NULL, active INTEGER NOT NULL,
                    external_url TEXT NOT NULL, jwt_secret TEXT NOT NULL, description TEXT,
                    http_method TEXT NOT NULL, product_id TEXT NOT NULL REFERENCES products(id),
                    data TEXT NOT NULL, headers TEXT NOT NULL, created_at TEXT NOT NULL,
                    created_by_id TEXT, created_by_name TEXT, modified_at TEXT,
                    modified_by_id TEXT, modified_by_name TEXT,
                    stat_events INTEGER NOT NULL DEFAULT 0, stat_triggers INTEGER NOT NULL DEFAULT 0,
                    stat_successes INTEGER NOT NULL DEFAULT 0, stat_failures INTEGER NOT NULL DEFAULT 0,
                    stat_failures_since_success INTEGER NOT NULL DEFAULT 0,
                    last_event TEXT, last_success TEXT, last_failure TEXT);
                CREATE INDEX webhooks_by_label ON webhooks(label, seq);
                """)
        }
        migrator.registerMigration("v2: status and extension together") { db in
            // The portal's filter (status and extension, newest first) from one index.
            try db.execute(sql: "CREATE INDEX tokens_by_status_extension ON tokens(status, extension_id, created_at, seq)")
        }
        return migrator
    }

    // MARK: - Meta

    func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    func setMeta(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }
}

/// Ids and secrets in Connect's shapes, from the system's cryptographic random source.
enum Identifiers {
    /// `SU-123-456-789`, `WB-…`, `PM-…`. Random ids never start with 9: that range belongs to
    /// bulk-seeded tokens, which are numbered so a large seed needs no collision checks.
    static func make(_ prefix: String) -> String {
        var random = SystemRandomNumberGenerator()
        let digits = String(Int.random(in: 1...8, using: &random))
            + (0..<8).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
        let chunks = stride(from: 0, to: 9, by: 3).map { start -> String in
            let from = digits.index(digits.startIndex, offsetBy: start)
            return String(digits[from..<digits.index(from, offsetBy: 3)])
        }
        return prefix + "-" + chunks.joined(separator: "-")
    }

    /// 40 lowercase hex characters (160 bits), as Connect's token secrets.
    static func secret() -> String {
        var random = SystemRandomNumberGenerator()
        let hex = (0..<3).map { _ -> String in
            let text = String(random.next(), radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }.joined()
        return String(hex.prefix(40))
    }

    /// A fresh id of `prefix` not yet in `table`.
    static func unused(_ prefix: String, in table: String, _ db: Database) throws -> String {
        while true {
            let id = make(prefix)
            let taken = try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ?", arguments: [id]) ?? false
            if !taken { return id }
        }
    }
}
