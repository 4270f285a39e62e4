import ConnectCore

/// The create-token wizard and the token edit form, as pure state machines (issue
/// "TokenWizard"). This target holds its namespace until then.
public enum TokenWizard {
    /// The wizard's steps as the portal names them.
    public static let stepTitles = ["General", "Extension", "Permissions", "Summary"]
}
