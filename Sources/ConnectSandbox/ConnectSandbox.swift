import ConnectCore

/// The built-in local Connect (issue "The sandbox"): a Hummingbird server over a GRDB store that
/// speaks the Integrations subset of the API. This target holds its namespace until then.
public enum ConnectSandbox {
    /// The path every sandbox route lives under, as on the real Connect.
    public static let basePath = "/public/v1"
}
