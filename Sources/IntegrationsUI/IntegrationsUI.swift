import ConnectCore
import TerminalKit
import TokenWizard

/// The app: state, actions, reducer, panes and views (issue "The terminal UI"). This target
/// holds its namespace until then.
public enum IntegrationsUI {
    /// The panes of the Integrations module, in sidebar order.
    public static let paneTitles = ["General", "Tokens", "Webhooks", "Extensions"]
}
