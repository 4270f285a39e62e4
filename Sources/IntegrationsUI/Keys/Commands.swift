import TerminalKit

/// What a key means everywhere (unless a form or dialog on top takes it): panes, help, quit,
/// refresh, the status line, accounts.
public enum GlobalCommand: String, KeyCommand {
    case paneGeneral = "pane-general", paneTokens = "pane-tokens", paneWebhooks = "pane-webhooks"
    case paneExtensions = "pane-extensions"
    case nextPane = "next-pane", previousPane = "previous-pane", help, quit, interrupt, refresh
    case retryFailed = "retry", dismiss
    case switchAccount = "switch-account"
}

/// What a key can mean on a screen (a list, details); keymaps bind keys to these, and help
/// is generated from the bindings.
public enum Command: String, KeyCommand {
    case back, filter
    case filterPanel = "filter-panel"
    case up, down, pageUp = "page-up", pageDown = "page-down", first, last
    case previousPage = "previous-page", nextPage = "next-page"
    case open, actions, create, copy, rowsPerPage = "rows-per-page", columns
    case previousTab = "previous-tab", nextTab = "next-tab", edit, reveal
    case tokensOfExtension = "tokens-of-extension", trigger, checkKey = "check-key", export, sort
    case flipSort = "flip-sort", mark

    /// Whether it changes something on the server (off on a read-only account).
    public var isWrite: Bool {
        switch self {
        case .create, .edit, .actions, .trigger: true
        case .back, .filter, .filterPanel, .up, .down, .pageUp, .pageDown, .first, .last, .previousPage, .nextPage, .open, .copy,
            .rowsPerPage, .columns, .previousTab, .nextTab, .reveal, .tokensOfExtension, .checkKey, .export, .sort, .flipSort, .mark:
            false
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
