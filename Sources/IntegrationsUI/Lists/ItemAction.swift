/// Something done from an actions menu: to one token or webhook, or to every marked one
/// (one request each, in turn: see `BulkRun`).
public enum ItemAction: Sendable, Hashable {
    case token(TokenAction, id: String)
    case webhook(WebhookAction, id: String)
    case tokens(TokenAction, [Mark])
    case webhooks(WebhookAction, [Mark])

    public var title: String {
        switch self {
        case .token(let action, _): action.title
        case .webhook(let action, _): action.title
        case .tokens(let action, let marks): "\(action.title) \(Mark.count(marks.count, "token"))"
        case .webhooks(let action, let marks): "\(action.title) \(Mark.count(marks.count, "webhook"))"
        }
    }

    /// The menu command that picks it (its key is in the menu's keymap).
    public var pick: PickCommand {
        switch self {
        case .token(let action, _), .tokens(let action, _): action.pick
        case .webhook(let action, _), .webhooks(let action, _): action.pick
        }
    }

    /// Whether it asks first; every bulk action does, naming what it acts on.
    public var needsConfirmation: Bool {
        switch self {
        case .token(let action, _): action.needsConfirmation
        case .webhook(let action, _): action.needsConfirmation
        case .tokens, .webhooks: true
        }
    }

    /// The effect that carries out a single action; a bulk one runs as a `BulkRun`.
    var effect: AppEffect? {
        switch self {
        case .token(let action, let id): .perform(action, tokenID: id)
        case .webhook(let action, let id): .performWebhook(action, webhookID: id)
        case .tokens, .webhooks: nil
        }
    }
}

/// Something done to one token.
public enum TokenAction: Sendable, Hashable, CaseIterable {
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
public enum WebhookAction: Sendable, Hashable, CaseIterable {
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
