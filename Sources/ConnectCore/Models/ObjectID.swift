/// The shapes of the ids connect-tui takes from people (on the command line): checked before
/// any request, so a typo or a pasted path can never address something else.
public enum ObjectID {
    /// A token id: `SU-` and groups of digits (`SU-431-800-699`).
    public static func isToken(_ id: String) -> Bool { hasShape(id, prefix: "SU-") }

    /// A webhook id: `WB-` and groups of digits (`WB-111-222-333`).
    public static func isWebhook(_ id: String) -> Bool { hasShape(id, prefix: "WB-") }

    /// A module id: `MD-` and digits (`MD-0007`).
    public static func isModule(_ id: String) -> Bool { hasShape(id, prefix: "MD-") }

    private static func hasShape(_ id: String, prefix: String) -> Bool {
        guard id.hasPrefix(prefix), id.utf8.count <= 64 else { return false }
        let groups = id.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        return groups.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
