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
    /// Nothing but reads (`--read-only`, `read_only = true`): write keys say so, forms stay shut.
    public var readOnly: Bool
    /// The token whose key connect-tui itself uses (`SU-…`): disabling, rotating or deleting it
    /// cuts connect-tui off too, and the confirmation says so.
    public var ownTokenID: String?

    public init(endpoint: URL, isSandbox: Bool, source: String, accountName: String? = nil, readOnly: Bool = false, ownTokenID: String? = nil) {
        self.endpoint = endpoint
        self.isSandbox = isSandbox
        self.source = source
        self.accountName = accountName ?? (isSandbox ? "sandbox" : source)
        self.readOnly = readOnly
        self.ownTokenID = ownTokenID
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
    /// When an info message goes away (set by the reducer when the message appears).
    public var expires: Date?
    /// What `R` does again after an error: the failed operation.
    public var retry: AppEffect?

    public static func info(_ text: String) -> StatusMessage {
        StatusMessage(kind: .info, text: text, expires: nil)
    }

    /// How long an info message stays.
    static let shownFor: TimeInterval = 4

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

/// Everything the app shows; views are pure functions of it. Where the user is is one route
/// and a stack of modals over it (see Navigation.swift): what cannot be on screen together
/// cannot be represented.
public struct AppState: Sendable, Hashable {
    public var size: TerminalSize
    public var connection: Connection
    public var account: Loadable<AccountInfo> = .loading
    /// The pane and the screen within it.
    public var route: Route = .tokenList
    /// What is open over the route, bottom first; the last one has the keys.
    public var modals: [Modal] = []
    /// The lists keep their place while another pane shows.
    public var tokens = TokenListState()
    public var webhooks = WebhookListState()
    public var extensionList = ExtensionListState()
    /// The accounts the switcher offers and the one in use.
    public var accountChoices: [AccountChoice] = []
    public var currentAccount: AccountChoice?
    /// The key bindings: the defaults with the config's changes.
    public var keymaps = KeymapSet.defaults
    public var status: StatusMessage?
    /// Seconds after which a copied secret is cleared (`[clipboard] clear_after`), and when the
    /// one copied last is due.
    public var clipboardClearAfter: Int?
    public var clipboardClearAt: Date?
    /// `refresh_interval`: the list on screen is read again quietly this often (seconds).
    public var refreshInterval: Int?
    /// Every extension: the token filter's choices and the names shown beside tokens.
    public var extensions: Loadable<[Extension]> = .loading
    /// Module names by id, for the permissions tab.
    public var modules: [String: String] = [:]
    public var moduleOrder: [Module] = []
    /// The last click on a list row, so that a second one there soon after opens it.
    public var lastClick: LastClick?
    /// When the last key came: reading ahead waits for the user to rest.
    public var lastKeyAt: Date?
    /// Animation frame of spinners.
    public var tick = 0
    /// The time of the last key or tick: what timers on screen count from, and what every
    /// answer is taken to have come at.
    public var now: Date
    public var timeZone: TimeZone
    public var quitting = false

    public init(size: TerminalSize, connection: Connection, timeZone: TimeZone = .current, now: Date) {
        self.now = now
        self.size = size
        self.connection = connection
        self.timeZone = timeZone
    }

    /// The state a run (or an account switch) starts in: the first of the setup's messages
    /// shows (the rest are one command away).
    public init(size: TerminalSize, connection: Connection, timeZone: TimeZone, setup: AppSetup, now: Date) {
        self.init(size: size, connection: connection, timeZone: timeZone, now: now)
        accountChoices = setup.accountChoices
        currentAccount = setup.currentAccount
        keymaps = setup.keymaps
        clipboardClearAfter = setup.clipboardClearAfter
        refreshInterval = setup.refreshInterval
        if let rowsPerPage = setup.rowsPerPage {
            tokens.rowsPerPage = rowsPerPage
            webhooks.rowsPerPage = rowsPerPage
            extensionList.rowsPerPage = rowsPerPage
        }
        if let first = setup.messages.first {
            let more = setup.messages.count > 1 ? " (and \(setup.messages.count - 1) more: see `connect-tui accounts list`)" : ""
            status = .error(first + more)
        }
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
        modals.contains { modal in
            switch modal {
            case .confirm, .draftOffer: true
            case .exportFile(let file): file.asksToReplace
            case .wizard, .editForm, .webhookForm: modal.discardQuestion != nil
            case .switcher, .menu, .bulk, .filterLine, .filter, .columns, .permissionFilter, .help, .export: false
            }
        }
    }
}

/// Where and when the last click on a list row landed.
public struct LastClick: Hashable, Sendable {
    public var y: Int
    public var at: Date

    /// Two clicks on one row this close together open it.
    public static let doubleClickInterval: TimeInterval = 0.5
}

/// What a run starts with beyond the account, from flags and config.toml: the accounts to
/// switch between, the key bindings, timings, and messages about the setup to show first.
public struct AppSetup: Sendable, Hashable {
    public var accountChoices: [AccountChoice] = []
    public var currentAccount: AccountChoice?
    public var keymaps = KeymapSet.defaults
    public var rowsPerPage: Int?
    /// `refresh_interval`: seconds between quiet reloads of the list on screen.
    public var refreshInterval: Int?
    /// `[clipboard] clear_after`: seconds a copied secret stays.
    public var clipboardClearAfter: Int?
    public var messages: [String] = []

    public init() {}
}
