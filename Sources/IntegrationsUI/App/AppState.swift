import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// The panes of the sidebar, in order.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case general, tokens, webhooks, extensions

    public var title: String {
        switch self {
        case .general: "General"
        case .tokens: "Tokens"
        case .webhooks: "Webhooks"
        case .extensions: "Extensions"
        }
    }
}

/// Where the app talks to, as the header and General pane show it.
public struct Connection: Sendable, Hashable {
    public var endpoint: URL
    public var isSandbox: Bool
    /// Where the account came from ("sandbox", "CONNECT_API_KEY", "config.toml").
    public var source: String
    /// The account's name where it was configured ("production", "sandbox").
    public var accountName: String

    public init(endpoint: URL, isSandbox: Bool, source: String, accountName: String? = nil) {
        self.endpoint = endpoint
        self.isSandbox = isSandbox
        self.source = source
        self.accountName = accountName ?? (isSandbox ? "sandbox" : source)
    }
}

/// Who the key acts as.
public struct AccountInfo: Sendable, Hashable {
    public var account: Account
    public var userName: String?

    public init(account: Account, userName: String?) {
        self.account = account
        self.userName = userName
    }
}

/// A line in the status bar: info clears itself, an error stays until dismissed.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, error }

    public var kind: Kind
    public var text: String
    /// When an info message goes away.
    public var expires: Date?
    /// What `R` does again after an error: the failed operation.
    public var retry: AppEffect?

    public static func info(_ text: String, now: Date) -> StatusMessage {
        StatusMessage(kind: .info, text: text, expires: now.addingTimeInterval(4))
    }

    public static func error(_ text: String, retry: AppEffect? = nil) -> StatusMessage {
        StatusMessage(kind: .error, text: text, expires: nil, retry: retry)
    }
}

/// A question before something that cannot be undone; CANCEL is focused.
public struct ConfirmDialog: Sendable, Hashable {
    public var title: String
    public var message: String
    public var confirmTitle: String
    /// What CONFIRM does.
    public var action: ItemAction
    public var confirmFocused = false
}

/// The actions menu of a row or details view (the portal's vertical ellipsis).
public struct ActionsMenu: Sendable, Hashable {
    public var items: [ItemAction]
    public var selected = 0
}

/// Everything the app shows; views are pure functions of it.
public struct AppState: Sendable {
    public var size: TerminalSize
    public var connection: Connection
    public var account: Loadable<AccountInfo> = .loading
    public var pane: Pane = .tokens
    public var tokens = TokenListState()
    public var details: TokenDetailsState?
    /// The create-token wizard, when open (modal).
    public var wizard: WizardUIState?
    /// The token edit form, when open (modal).
    public var editForm: EditFormUIState?
    /// A draft from an earlier run, offered back until the user answers.
    public var offeredDraft: WizardDraft?
    /// The Webhooks pane, one webhook's details, and the webhook form (modal) when open.
    public var webhooks = WebhookListState()
    public var webhookDetails: WebhookDetailsState?
    public var webhookForm: WebhookForm?
    /// The accounts the switcher offers, the one in use, and the switcher when open.
    public var accountChoices: [AccountChoice] = []
    public var currentAccount: AccountChoice?
    public var switcher: AccountSwitcher?
    /// The key bindings: the defaults with the config's changes.
    public var keymaps = KeymapSet.defaults
    public var menu: ActionsMenu?
    public var confirm: ConfirmDialog?
    public var status: StatusMessage?
    public var showsHelp = false
    /// The extensions: the Extensions pane's rows and the token filter's choices.
    public var extensions: Loadable<[Extension]> = .loading
    public var extensionsCursor = 0
    /// The extension whose details are open, and how many tokens use it.
    public var openExtension: (extension: Extension, tokenCount: Loadable<Int>)?
    /// Module names by id, for the permissions tab.
    public var modules: [String: String] = [:]
    public var moduleOrder: [Module] = []
    /// Animation frame of spinners.
    public var tick = 0
    /// The time of the last key or tick: what timers on screen count from.
    public var now: Date?
    public var timeZone: TimeZone
    public var quitting = false

    public init(size: TerminalSize, connection: Connection, timeZone: TimeZone = .current) {
        self.size = size
        self.connection = connection
        self.timeZone = timeZone
    }

    /// The smallest terminal the layout works in.
    public static let minimumSize = TerminalSize(columns: 60, rows: 14)

    public var isTooSmall: Bool {
        size.columns < Self.minimumSize.columns || size.rows < Self.minimumSize.rows
    }
}

extension AppState {
    /// Whether a question is on screen whose answer changes or throws something away (a
    /// confirmation, discarding typed input, resuming a draft).
    public var isAsking: Bool {
        if confirm != nil || offeredDraft != nil { return true }
        if case .confirmingCancel? = wizard?.machine.state { return true }
        if case .confirmingDiscard? = editForm?.form.phase { return true }
        return webhookForm?.phase == .confirmingDiscard
    }
}
