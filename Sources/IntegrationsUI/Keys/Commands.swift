import TerminalKit

/// What a key can mean in the panes, lists and details; keymaps bind keys to these, and help
/// is generated from the bindings.
public enum Command: KeyCommand {
    case showPane(Pane), nextPane, previousPane, help, quit, interrupt, back, refresh, retryFailed, dismiss
    case filter, filterPanel, switchAccount
    case up, down, pageUp, pageDown, first, last, previousPage, nextPage
    case open, actions, create, copy, rowsPerPage, columns
    case previousTab, nextTab, edit, reveal, tokensOfExtension, trigger, checkKey, export, sort, flipSort, mark

    /// Whether it changes something on the server (off on a read-only account).
    public var isWrite: Bool {
        switch self {
        case .create, .edit, .actions, .trigger: true
        case .showPane, .nextPane, .previousPane, .help, .quit, .interrupt, .back, .refresh, .retryFailed, .dismiss, .filter,
            .filterPanel, .switchAccount, .up, .down, .pageUp, .pageDown, .first, .last, .previousPage, .nextPage, .open, .copy, .rowsPerPage,
            .columns, .previousTab, .nextTab, .reveal, .tokensOfExtension, .checkKey, .export, .sort, .flipSort, .mark:
            false
        }
    }

    /// The name a config file's `[keys]` table uses: `quit`, `next-page`, `pane-tokens`.
    public var configName: String {
        switch self {
        case .showPane(let pane): "pane-\(pane.title.lowercased())"
        case .nextPane: "next-pane"
        case .previousPane: "previous-pane"
        case .help: "help"
        case .quit: "quit"
        case .interrupt: "interrupt"
        case .back: "back"
        case .refresh: "refresh"
        case .retryFailed: "retry"
        case .dismiss: "dismiss"
        case .filter: "filter"
        case .filterPanel: "filter-panel"
        case .switchAccount: "switch-account"
        case .up: "up"
        case .down: "down"
        case .pageUp: "page-up"
        case .pageDown: "page-down"
        case .first: "first"
        case .last: "last"
        case .previousPage: "previous-page"
        case .nextPage: "next-page"
        case .open: "open"
        case .actions: "actions"
        case .create: "create"
        case .copy: "copy"
        case .rowsPerPage: "rows-per-page"
        case .columns: "columns"
        case .previousTab: "previous-tab"
        case .nextTab: "next-tab"
        case .edit: "edit"
        case .reveal: "reveal"
        case .tokensOfExtension: "tokens-of-extension"
        case .trigger: "trigger"
        case .checkKey: "check-key"
        case .export: "export"
        case .sort: "sort"
        case .flipSort: "flip-sort"
        case .mark: "mark"
        }
    }
}

/// What a key means in the wizard and the forms.
public enum FormCommand: String, KeyCommand {
    case nextField = "next-field"
    case previousField = "previous-field"
    case down, up, toggle
    /// The step's or form's primary button: NEXT, CREATE, SAVE, GO TO DETAILS.
    case submit
    case save
    case back
    /// CANCEL, CLOSE, or stop waiting for the server.
    case cancel
    case nextPage = "next-page"
    case previousPage = "previous-page"
    case retry, reveal, copy, export
    case removeHeader = "remove-header"
    case changeNext = "change-next"
    case changePrevious = "change-previous"
}

/// What a key means in a question: a confirmation, discarding typed input, resuming a draft.
public enum DialogCommand: String, KeyCommand {
    case confirm, cancel
    case moveFocus = "move-focus"
    /// Presses the focused button.
    case press
}

/// What a key means in a list that picks: the actions menu, the account switcher, the column
/// chooser.
public enum PickCommand: String, KeyCommand {
    case down, up, choose, toggle, close
    /// The export menu: write to a file instead of copying.
    case write
    /// The actions menu's items.
    case enable, disable, rotate, renew, delete, trigger
}

/// What a key means in a filter editor.
public enum FilterCommand: String, KeyCommand {
    case apply, clear
    case nextField = "next-field"
    case previousField = "previous-field"
    case changeNext = "change-next"
    case changePrevious = "change-previous"
}

/// What a key means in help.
public enum HelpCommand: String, KeyCommand {
    case close, down, up
    case pageDown = "page-down"
    case pageUp = "page-up"
    case search
}
