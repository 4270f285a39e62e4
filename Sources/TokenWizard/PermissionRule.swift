import ConnectCore

/// Which extensions let the user choose a token's modules.
///
/// In the portal only Custom tokens get the module checklist; other extensions set their own
/// permissions. The rule is a value handed to the wizard, so a server with other configurable
/// extensions needs no code change.
public struct PermissionRule: Codable, Hashable, Sendable {
    /// Extension type slugs (`Extension.name`, e.g. `custom`) whose permissions are configured.
    public var configurableNames: Set<String>
    /// Extension ids whose permissions are configured, whatever their name.
    public var configurableIDs: Set<String>

    public init(configurableNames: Set<String> = ["custom"], configurableIDs: Set<String> = []) {
        self.configurableNames = configurableNames
        self.configurableIDs = configurableIDs
    }

    /// The portal's rule: Custom only.
    public static let portal = PermissionRule()

    public func isConfigurable(_ extensionID: String?, name: String?) -> Bool {
        if let extensionID, configurableIDs.contains(extensionID) { return true }
        guard let name else { return false }
        return configurableNames.contains(name.lowercased())
    }

    public func isConfigurable(_ chosen: Extension) -> Bool {
        isConfigurable(chosen.id, name: chosen.name)
    }
}
