import Foundation

/// A token's endpoint and key in the form another tool reads: a curl command, env lines,
/// or a Postman, Insomnia or HTTPie file. Pure: the same input gives the same text.
public enum KeyExport {
    public enum Format: String, CaseIterable, Sendable, Hashable {
        case curl, env, postman, insomnia, httpie

        /// The file name a written export gets by default.
        public func fileName(tokenID: String) -> String {
            let base = "connect-\(tokenID)"
            switch self {
            case .curl: return "\(base).sh"
            case .env: return "\(base).env"
            case .postman: return "\(base).postman_environment.json"
            case .insomnia: return "\(base).insomnia.json"
            case .httpie: return "\(base).httpie-session.json"
            }
        }

        /// What the format is for, in one line.
        public var summary: String {
            switch self {
            case .curl: "a curl command that asks who the key is"
            case .env: "CONNECT_ENDPOINT and CONNECT_API_KEY lines (dotenv)"
            case .postman: "a Postman environment (Paw and Hoppscotch read it)"
            case .insomnia: "an Insomnia v4 export with one environment"
            case .httpie: "an HTTPie session carrying the Authorization header"
            }
        }
    }

    /// The variable names every format uses: what connect-tui itself reads.
    public static let endpointVariable = "CONNECT_ENDPOINT"
    public static let keyVariable = "CONNECT_API_KEY"

    /// The export text (ends with a newline).
    public static func render(_ format: Format, endpoint: URL, key: APIKey, name: String) -> String {
        let endpointText = endpoint.absoluteString
        let keyText = key.unmaskedValue
        switch format {
        case .curl:
            let target = endpointText.hasSuffix("/") ? endpointText + "auth/context" : endpointText + "/auth/context"
            return "curl -H \(shellQuoted("Authorization: " + keyText)) \(shellQuoted(target))\n"
        case .env:
            return "\(endpointVariable)=\(shellQuoted(endpointText))\n\(keyVariable)=\(shellQuoted(keyText))\n"
        case .postman:
            return json([
                "id": .string(stableID(key, "postman")),
                "name": .string("Connect – \(name)"),
                "values": .array([
                    .object(["key": .string(endpointVariable), "value": .string(endpointText), "type": .string("default"), "enabled": .bool(true)]),
                    .object(["key": .string(keyVariable), "value": .string(keyText), "type": .string("secret"), "enabled": .bool(true)]),
                ]),
                "_postman_variable_scope": .string("environment"),
                "_postman_exported_using": .string("connect-tui"),
            ])
        case .insomnia:
            return json([
                "_type": .string("export"),
                "__export_format": .number(4),
                "__export_source": .string("connect-tui"),
                "resources": .array([
                    .object([
                        "_id": .string("env_" + stableID(key, "insomnia")),
                        "_type": .string("environment"),
                        "parentId": .null,
                        "name": .string("Connect – \(name)"),
                        "data": .object([endpointVariable: .string(endpointText), keyVariable: .string(keyText)]),
                    ]),
                ]),
            ])
        case .httpie:
            return json([
                "__meta__": .object([
                    "about": .string("HTTPie session file"), "help": .string("https://httpie.io/docs/cli/sessions"),
                    "httpie": .string("3.2.2"),
                ]),
                "auth": .object(["type": .null, "username": .null, "password": .null]),
                "cookies": .array([]),
                "headers": .array([.object(["name": .string("Authorization"), "value": .string(keyText)])]),
            ])
        }
    }

    /// `'text'` for a POSIX shell: single quotes, a quote inside as `'\''`.
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// An id that stays the same for the same token (so a re-import replaces, not adds), and
    /// tells nothing of the secret.
    static func stableID(_ key: APIKey, _ salt: String) -> String {
        let seed = (key.tokenID ?? "connect") + "-" + salt
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func json(_ object: [String: JSONValue]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(JSONValue.object(object))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
