import Foundation

/// Changes to config.toml made by `connect-tui accounts …`, as edits of its lines: the user's
/// comments, order and other settings stay as they were.
public enum ConfigEditor {
    /// Where `accounts add` put the key: in config.toml, or in the system keyring.
    public enum KeyPlace: Sendable, Hashable {
        case file(APIKey)
        case keyring
    }

    /// Appends an `[[accounts]]` entry.
    public static func addingAccount(
        _ name: String, endpoint: URL, key: KeyPlace, to text: String
    ) throws(ConfigurationMessage) -> String {
        let document = try parsed(text)
        if document.tables.contains(where: { $0.name == "accounts" && $0.isArrayElement && $0["name"]?.stringValue == name }) {
            throw ConfigurationMessage("an account named \(name) exists; remove it first or choose another name")
        }
        var out = text
        if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
        if !out.isEmpty { out += "\n" }
        out += """
            [[accounts]]
            name = \(quoted(name))
            endpoint = \(quoted(endpoint.absoluteString))
            \(keyLine(key))

            """
        return out
    }

    static func keyLine(_ place: KeyPlace) -> String {
        switch place {
        case .file(let key): "api_key = \(quoted(key.unmaskedValue))"
        case .keyring: "api_key_source = \"keyring\""
        }
    }

    /// The account's `api_key = …` line replaced by `api_key_source = "keyring"` (the key is
    /// in the keyring already).
    public static func movingKeyToKeyring(_ name: String, in text: String) throws(ConfigurationMessage) -> String {
        let document = try parsed(text)
        guard let table = document.tables.first(where: { $0.name == "accounts" && $0.isArrayElement && $0["name"]?.stringValue == name }) else {
            throw ConfigurationMessage("there is no account named \(name) in config.toml")
        }
        guard let line = table["api_key"]?.line else {
            throw ConfigurationMessage("\(name) keeps no key in config.toml (api_key_cmd or the keyring already)")
        }
        var lines = text.components(separatedBy: "\n")
        lines[line - 1] = keyLine(.keyring)
        return lines.joined(separator: "\n")
    }

    /// Removes the `[[accounts]]` entry of that name, and `active` if it named it.
    public static func removingAccount(_ name: String, from text: String) throws(ConfigurationMessage) -> String {
        let document = try parsed(text)
        guard let table = document.tables.first(where: { $0.name == "accounts" && $0.isArrayElement && $0["name"]?.stringValue == name }) else {
            throw ConfigurationMessage("there is no account named \(name) in config.toml")
        }
        var lines = text.components(separatedBy: "\n")
        lines.removeSubrange((table.line - 1)..<min(lines.count, table.lastLine))
        var out = lines.joined(separator: "\n")
        if document.root["active"]?.stringValue == name { out = try settingActive(nil, in: out) }
        return out
    }

    /// Sets (or with nil removes) the top-level `active = "…"`.
    public static func settingActive(_ name: String?, in text: String) throws(ConfigurationMessage) -> String {
        let document = try parsed(text)
        if let name, !document.tables.contains(where: { $0.name == "accounts" && $0["name"]?.stringValue == name }) {
            throw ConfigurationMessage("there is no account named \(name) in config.toml")
        }
        var lines = text.components(separatedBy: "\n")
        let line = name.map { "active = \(quoted($0))" }
        if let existing = document.root["active"]?.line {
            if let line { lines[existing - 1] = line } else { lines.remove(at: existing - 1) }
        } else if let line {
            // Top-level keys must come before the first table.
            let firstTable = document.tables.first?.line ?? (lines.count + 1)
            lines.insert(line, at: max(0, min(lines.count, firstTable - 1)))
        }
        return lines.joined(separator: "\n")
    }

    static func parsed(_ text: String) throws(ConfigurationMessage) -> ConfigDocument {
        do { return try ConfigDocument.parse(text) } catch {
            throw ConfigurationMessage("config.toml \(error.description); fix it before changing accounts")
        }
    }

    /// A TOML basic string.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension ConfigDocument.Value {
    var stringValue: String? { if case .string(let text) = kind { text } else { nil } }
}
