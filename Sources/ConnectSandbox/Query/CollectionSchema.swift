import ConnectCore
import GRDB

/// What a collection's list can be filtered and ordered by, and how each RQL field maps to SQL.
///
/// Only fields listed here reach SQL; their values are always bound as parameters, never
/// spliced into the statement.
struct CollectionSchema: Sendable {
    enum Kind: Sendable {
        case text, integer, boolean, date
    }

    struct Field: Sendable {
        /// The SQL expression the field reads.
        let sql: String
        let kind: Kind
        /// For fields of a related list (a token's permissions): the condition is wrapped in
        /// this `EXISTS (…)` template at `%CONDITION%`.
        var exists: String? = nil
        /// The values the spec allows (lowercase); others are a 400, not an empty list.
        var choices: [String]? = nil
        var orderable: Bool { exists == nil }
    }

    /// The collection's name in messages ("tokens").
    let name: String
    let fields: [String: Field]
    /// Columns `search=` looks in.
    let searchColumns: [String]
    /// The unique, stable order that breaks ties (and is the default).
    let tieBreak: String

    func field(_ name: String) throws(APIError) -> Field {
        guard let field = fields[name] else {
            throw .validation("Unknown field '\(name)': \(self.name) can be filtered by \(fields.keys.sorted().joined(separator: ", ")).")
        }
        return field
    }
}

extension CollectionSchema {
    static let tokens = CollectionSchema(
        name: "tokens",
        fields: [
            "id": .init(sql: "t.id", kind: .text),
            "name": .init(sql: "t.name", kind: .text),
            "description": .init(sql: "t.description", kind: .text),
            "external_id": .init(sql: "t.external_id", kind: .text),
            "status": .init(sql: "t.status", kind: .text, choices: TokenStatus.knownCases.map(\.rawValue)),
            "extension.id": .init(sql: "t.extension_id", kind: .text),
            "extension.name": .init(sql: "e.name", kind: .text),
            "events.created.at": .init(sql: "t.created_at", kind: .date),
            "events.created.by.id": .init(sql: "t.created_by_id", kind: .text),
            "events.created.by.name": .init(sql: "t.created_by_name", kind: .text),
            "events.updated.at": .init(sql: "t.updated_at", kind: .date),
            "expiration_date": .init(sql: "t.expiration_date", kind: .date),
            "permissions.id": .init(
                sql: "p.id", kind: .text,
                exists: "EXISTS (SELECT 1 FROM token_permissions p WHERE p.token_id = t.id AND %CONDITION%)"),
            "permissions.object.id": .init(
                sql: "p.module_id", kind: .text,
                exists: "EXISTS (SELECT 1 FROM token_permissions p WHERE p.token_id = t.id AND %CONDITION%)"),
        ],
        searchColumns: ["t.name", "t.id", "t.description"], tieBreak: "t.seq")

    static let permissions = CollectionSchema(
        name: "permissions",
        fields: ["id": .init(sql: "p.id", kind: .text), "object.id": .init(sql: "p.module_id", kind: .text)],
        searchColumns: [], tieBreak: "p.seq")

    static let modules = CollectionSchema(
        name: "modules",
        fields: ["id": .init(sql: "m.id", kind: .text), "name": .init(sql: "m.name", kind: .text)],
        searchColumns: ["m.name"], tieBreak: "m.seq")

    static let extensions = CollectionSchema(
        name: "extensions",
        fields: [
            "id": .init(sql: "x.id", kind: .text),
            "name": .init(sql: "x.name", kind: .text),
            "status": .init(sql: "x.status", kind: .text, choices: ExtensionStatus.knownCases.map(\.rawValue)),
            "portal": .init(sql: "x.portal", kind: .text, choices: ExtensionPortal.knownCases.map(\.rawValue)),
            "featured": .init(sql: "x.featured", kind: .boolean),
            "priority": .init(sql: "x.priority", kind: .integer),
            "system": .init(sql: "x.system", kind: .boolean),
            "constraints.account.tokens": .init(sql: "x.token_limit", kind: .integer),
            "external_id": .init(sql: "NULL", kind: .text),
            "industries.id": .init(
                sql: "json_extract(i.value, '$.id')", kind: .text,
                exists: "EXISTS (SELECT 1 FROM json_each('[]') i WHERE %CONDITION%)"),
            "categories.id": .init(
                sql: "json_extract(c.value, '$.id')", kind: .text,
                exists: "EXISTS (SELECT 1 FROM json_each(x.categories) c WHERE %CONDITION%)"),
            "events.created.at": .init(sql: "x.created_at", kind: .date),
        ],
        searchColumns: ["x.name", "x.subtitle", "x.description"], tieBreak: "x.seq")

    static let webhooks = CollectionSchema(
        name: "webhooks",
        fields: [
            "id": .init(sql: "w.id", kind: .text),
            "label": .init(sql: "w.label", kind: .text),
            "description": .init(sql: "w.description", kind: .text),
            "active": .init(sql: "w.active", kind: .boolean),
            "type": .init(sql: "w.type", kind: .text, choices: WebhookType.knownCases.map(\.rawValue)),
            "object_class": .init(sql: "w.object_class", kind: .text, choices: WebhookObjectClass.knownCases.map(\.rawValue)),
            "external_url": .init(sql: "w.external_url", kind: .text),
            "product.id": .init(sql: "w.product_id", kind: .text),
            "product.name": .init(sql: "pr.name", kind: .text),
            "created_at": .init(sql: "w.created_at", kind: .date),
        ],
        searchColumns: ["w.label", "w.description", "w.id", "w.product_id", "pr.name"], tieBreak: "w.seq")

    static let accounts = CollectionSchema(
        name: "accounts",
        fields: [
            "id": .init(sql: "a.id", kind: .text), "name": .init(sql: "a.name", kind: .text),
            "type": .init(sql: "a.type", kind: .text, choices: AccountType.knownCases.map(\.rawValue)),
            "role": .init(sql: "a.role", kind: .text, choices: AccountRole.knownCases.map(\.rawValue)),
            "external_id": .init(sql: "a.external_id", kind: .text),
            "public": .init(sql: "0", kind: .boolean),
            "events.created.at": .init(sql: "a.created_at", kind: .date),
        ],
        searchColumns: ["a.name"], tieBreak: "a.rowid")
}
