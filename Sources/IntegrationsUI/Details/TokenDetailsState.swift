import ConnectCore
import TokenWizard

/// The token details view: GENERAL and PERMISSIONS tabs of one token.
public struct TokenDetailsState: Sendable, Hashable {
    public enum Tab: String, CaseIterable, Sendable {
        case general = "GENERAL", permissions = "PERMISSIONS"
    }

    public var tokenID: String
    public var token: Loadable<Token> = .loading
    public var extensionDetails: Extension?
    public var tab: Tab = .general
    /// Whether the API key shows in full.
    public var revealed = false
    /// Filters the permissions table by module name.
    public var permissionFilter = ""
    public var permissionsCursor = 0
    /// What `K` found out about the key, once asked.
    public var keyCheck: Loadable<KeyCheck>?

    public init(tokenID: String) { self.tokenID = tokenID }
}
