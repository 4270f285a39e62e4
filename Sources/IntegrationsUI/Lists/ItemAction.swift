/// An action a list offers: what is done, and to which kind of item.
public enum ListAction: Sendable, Hashable {
    case token(TokenAction)
    case webhook(WebhookAction)

    /// The verb, whichever kind of item it is for.
    var verb: any ItemVerb {
        switch self {
        case .token(let action): action
        case .webhook(let action): action
        }
    }

    public var title: String { verb.title }
    public var pick: PickCommand { verb.pick }
    public var needsConfirmation: Bool { verb.needsConfirmation }

    var deletes: Bool { self == .token(.delete) || self == .webhook(.delete) }

    /// "token", for "3 tokens".
    var noun: String {
        switch self {
        case .token: "token"
        case .webhook: "webhook"
        }
    }

    /// The list whose items it acts on.
    var list: ListID {
        switch self {
        case .token: .tokens
        case .webhook: .webhooks
        }
    }
}

/// Something done from an actions menu: to one item, or to every marked one (one request
/// each, in turn: see `BulkRun`).
public enum ItemAction: Sendable, Hashable {
    case one(ListAction, id: String)
    case marked(ListAction, [Mark])

    public var action: ListAction {
        switch self {
        case .one(let action, _), .marked(let action, _): action
        }
    }

    public var title: String {
        switch self {
        case .one(let action, _): action.title
        case .marked(let action, let marks): "\(action.title) \(Mark.count(marks.count, action.noun))"
        }
    }

    /// Whether it asks first; every bulk action does, naming what it acts on.
    public var needsConfirmation: Bool {
        switch self {
        case .one(let action, _): action.needsConfirmation
        case .marked: true
        }
    }

    /// The effect that carries out a single action; a bulk one runs as a `BulkRun`.
    var effect: AppEffect? {
        switch self {
        case .one(let action, let id): .perform(action, id: id)
        case .marked: nil
        }
    }
}

/// What a verb says of itself: its title, the menu command that picks it (its key is in the
/// menu's keymap), and whether it asks first.
public protocol ItemVerb: Sendable, Hashable {
    var title: String { get }
    var pick: PickCommand { get }
    var needsConfirmation: Bool { get }
}

/// Something done to one token.
public enum TokenAction: ItemVerb, CaseIterable {
    case enable, disable, rotate, renew, delete

    public var title: String {
        switch self {
        case .enable: "Enable"
        case .disable: "Disable"
        case .rotate: "Rotate secret"
        case .renew: "Renew secret"
        case .delete: "Delete"
        }
    }

    public var pick: PickCommand {
        switch self {
        case .enable: .enable
        case .disable: .disable
        case .rotate: .rotate
        case .renew: .renew
        case .delete: .delete
        }
    }

    /// Whether it asks first: anything that can break an integration that uses the token.
    public var needsConfirmation: Bool {
        switch self {
        case .enable: false
        case .disable, .rotate, .renew, .delete: true
        }
    }
}

/// Something done to one webhook.
public enum WebhookAction: ItemVerb, CaseIterable {
    case enable, disable, trigger, delete

    public var title: String {
        switch self {
        case .enable: "Enable"
        case .disable: "Disable"
        case .trigger: "Trigger now"
        case .delete: "Delete"
        }
    }

    public var pick: PickCommand {
        switch self {
        case .enable: .enable
        case .disable: .disable
        case .trigger: .trigger
        case .delete: .delete
        }
    }

    /// Whether it asks first: stopping deliveries, sending one to a real receiver, deleting.
    public var needsConfirmation: Bool {
        switch self {
        case .enable: false
        case .disable, .trigger, .delete: true
        }
    }
}
