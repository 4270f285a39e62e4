/// What the client was doing, named as a person would say it in an error line.
public enum ConnectOperation: String, Sendable, Hashable, CaseIterable {
    case authContext = "read who you are"
    case myAccount = "read your account"
    case listTokens = "list tokens"
    case getToken = "read token"
    case createToken = "create token"
    case updateToken = "update token"
    case deleteToken = "delete token"
    case activateToken = "enable token"
    case deactivateToken = "disable token"
    case rotateToken = "rotate token secret"
    case renewToken = "renew token secret"
    case listTokenPermissions = "list token permissions"
    case addTokenPermission = "grant permission"
    case removeTokenPermission = "remove permission"
    case listModules = "list modules"
    case listExtensions = "list extensions"
    case getExtension = "read extension"
    case listWebhooks = "list webhooks"
    case getWebhook = "read webhook"
    case createWebhook = "create webhook"
    case updateWebhook = "update webhook"
    case deleteWebhook = "delete webhook"
    case triggerWebhook = "trigger webhook"

    /// "List tokens", for the start of a line.
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
