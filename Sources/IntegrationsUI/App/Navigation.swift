import ConnectCore
import TerminalKit
import TokenWizard

/// Where the user is, under whatever is open over it: a pane, and the screen within it.
public enum Route: Sendable, Hashable {
    case general
    case tokenList
    case tokenDetails(TokenDetailsState)
    case webhookList
    case webhookDetails(WebhookDetailsState)
    case extensionList
    case extensionDetails(ExtensionDetailsState)

    /// The pane the sidebar highlights.
    public var pane: Pane {
        switch self {
        case .general: .general
        case .tokenList, .tokenDetails: .tokens
        case .webhookList, .webhookDetails: .webhooks
        case .extensionList, .extensionDetails: .extensions
        }
    }

    /// The screen's keys.
    func keymap(_ keymaps: KeymapSet) -> Keymap<Command> {
        switch self {
        case .general: keymaps.general
        case .tokenList: keymaps.tokenList
        case .tokenDetails: keymaps.details
        case .webhookList: keymaps.webhookList
        case .webhookDetails: keymaps.webhookDetails
        case .extensionList: keymaps.extensions
        case .extensionDetails: keymaps.extensionDetails
        }
    }

    /// The list this screen is, if it is one.
    public var list: ListID? {
        switch self {
        case .tokenList: .tokens
        case .webhookList: .webhooks
        case .extensionList: .extensions
        case .general, .tokenDetails, .webhookDetails, .extensionDetails: nil
        }
    }

    /// A pane's first screen.
    public static func list(of pane: Pane) -> Route {
        switch pane {
        case .general: .general
        case .tokens: .tokenList
        case .webhooks: .webhookList
        case .extensions: .extensionList
        }
    }

    /// "Integrations › Tokens › Token details".
    public var breadcrumb: String {
        switch self {
        case .general, .tokenList, .webhookList, .extensionList: "Integrations › \(pane.title)"
        case .tokenDetails: "Integrations › Tokens › Token details"
        case .webhookDetails: "Integrations › Webhooks › Webhook details"
        case .extensionDetails(let details): "Integrations › Extensions › \(details.extension.subtitle ?? details.extension.name)"
        }
    }
}

/// One extension's details, and how many tokens use it.
public struct ExtensionDetailsState: Sendable, Hashable {
    public var `extension`: Extension
    public var tokenCount: Loadable<Int> = .loading
}

/// What opens over the route, each with its own state. Keys and clicks go to the top one.
public enum Modal: Sendable, Hashable {
    case wizard(WizardUIState)
    case editForm(EditFormUIState)
    case webhookForm(WebhookForm)
    /// A draft from an earlier run, offered back until the user answers.
    case draftOffer(WizardDraft)
    case switcher(AccountSwitcher)
    case menu(ActionsMenu)
    case confirm(ConfirmDialog)
    /// A bulk action on the marked rows: its progress, then what happened to each.
    case bulk(BulkRun)
    /// Choosing an export format for a token's key.
    case export(ExportMenu)
    /// The file an export goes to (and, when it exists, whether to replace it).
    case exportFile(ExportFile)
    /// A list's filter line (`/`): the rows follow as the text is typed.
    case filterLine(ListID, FilterLine)
    /// A list's FILTER panel: the text and the structured choices.
    case filter(ListID, FilterEditor)
    /// A list's column chooser, and its cursor.
    case columns(ListID, cursor: Int)
    /// Typing the PERMISSIONS tab's filter (the text lives in the details, which it filters).
    case permissionFilter(TextField)
    case help(HelpState)
}

/// A form's "discard?" question: what it is called and what to warn of. The wizard and both
/// forms ask it alike, answer it with the same keys, and it is drawn over them the same way.
struct DiscardQuestion: Hashable {
    var title = "Discard your changes?"
    var warning: String?
}

extension Modal {
    /// The question the form on top is asking before it throws typed input away, if any.
    var discardQuestion: DiscardQuestion? {
        switch self {
        case .wizard(let ui):
            guard case .confirmingCancel(let step) = ui.machine.state else { return nil }
            // A CREATE whose outcome is not known may have made the token: say where to look.
            guard case .permissions(let permissions) = step, let marker = permissions.pendingClaim?.body.externalID else {
                return DiscardQuestion(title: "Discard the new token?")
            }
            return DiscardQuestion(title: "Discard the new token?", warning: "The token may exist already: look for External ID \(marker) on the Tokens list.")
        case .editForm(let ui): return ui.form.phase == .confirmingDiscard ? DiscardQuestion() : nil
        case .webhookForm(let form): return form.state == .confirmingDiscard ? DiscardQuestion() : nil
        case .draftOffer, .switcher, .menu, .confirm, .bulk, .export, .exportFile, .filterLine, .filter, .columns, .permissionFilter, .help:
            return nil
        }
    }
}

/// The `?` overlay: how far it is scrolled, and what it is narrowed to.
public struct HelpState: Sendable, Hashable {
    public var scroll = 0
    /// The search being typed (after `/`), or nil.
    public var search: TextField?

    public init() {}

    public var needle: String { search?.text.trimmingCharacters(in: .whitespaces).lowercased() ?? "" }
}

extension AppState {
    /// The pane of the route (the sidebar's highlight).
    public var pane: Pane { route.pane }

    /// The modal on top, which every key and click goes to.
    public var topModal: Modal? { modals.last }

    /// Token details, when they are the route.
    public var details: TokenDetailsState? {
        get { if case .tokenDetails(let details) = route { details } else { nil } }
        set {
            if let newValue { route = .tokenDetails(newValue) } else if case .tokenDetails = route { route = .tokenList }
        }
    }

    /// Webhook details, when they are the route.
    public var webhookDetails: WebhookDetailsState? {
        get { if case .webhookDetails(let details) = route { details } else { nil } }
        set {
            if let newValue { route = .webhookDetails(newValue) } else if case .webhookDetails = route { route = .webhookList }
        }
    }

    /// An extension's details, when they are the route.
    public var openExtension: ExtensionDetailsState? {
        get { if case .extensionDetails(let details) = route { details } else { nil } }
        set {
            if let newValue { route = .extensionDetails(newValue) } else if case .extensionDetails = route { route = .extensionList }
        }
    }

    public var wizard: WizardUIState? {
        get { modal { if case .wizard(let value) = $0 { value } else { nil } } }
        set { setModal(newValue, Modal.wizard) { if case .wizard = $0 { true } else { false } } }
    }

    public var editForm: EditFormUIState? {
        get { modal { if case .editForm(let value) = $0 { value } else { nil } } }
        set { setModal(newValue, Modal.editForm) { if case .editForm = $0 { true } else { false } } }
    }

    public var webhookForm: WebhookForm? {
        get { modal { if case .webhookForm(let value) = $0 { value } else { nil } } }
        set { setModal(newValue, Modal.webhookForm) { if case .webhookForm = $0 { true } else { false } } }
    }

    public var switcher: AccountSwitcher? { modal { if case .switcher(let value) = $0 { value } else { nil } } }
    public var menu: ActionsMenu? { modal { if case .menu(let value) = $0 { value } else { nil } } }
    public var confirm: ConfirmDialog? { modal { if case .confirm(let value) = $0 { value } else { nil } } }

    /// The newest open modal of one kind.
    func modal<Value>(_ extract: (Modal) -> Value?) -> Value? {
        modals.lazy.reversed().compactMap(extract).first
    }

    /// Replaces the newest modal of one kind, opens one on top, or (nil) closes all of that kind.
    mutating func setModal<Value>(_ value: Value?, _ embed: (Value) -> Modal, _ matches: (Modal) -> Bool) {
        guard let value else {
            modals.removeAll(where: matches)
            return
        }
        if let index = modals.lastIndex(where: matches) {
            modals[index] = embed(value)
        } else {
            modals.append(embed(value))
        }
    }

    /// Closes the top modal.
    mutating func closeTopModal() {
        _ = modals.popLast()
    }

    /// The top modal, changed (the keys go to it, so it is the one a handler changes).
    mutating func replaceTopModal(_ modal: Modal) {
        modals[modals.count - 1] = modal
    }
}
