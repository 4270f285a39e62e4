/// What the user reads about a create whose answer was lost, the same for every kind of
/// object: the token wizard and the webhook form say it with their noun and button.
public struct LostCreateWording: Sendable, Hashable {
    /// "token", "webhook".
    public let noun: String
    /// The button that creates: "CREATE", "SAVE".
    public let button: String
    /// The list to look on: "Tokens", "Webhooks".
    public let list: String
    /// What else is true when several objects match ("; none was given modules").
    public let severalNote: String

    public init(noun: String, button: String, list: String, severalNote: String = "") {
        self.noun = noun
        self.button = button
        self.list = list
        self.severalNote = severalNote
    }

    /// Getting ready to send failed: nothing was sent, so pressing again is safe.
    public func notSent(_ description: String) -> String { "Nothing was created: \(description)" }

    /// The user stopped waiting for the answer.
    public var stoppedWaiting: String {
        "Stopped waiting: it is not known yet whether the \(noun) was created. \(button) will look for it first."
    }

    /// The lookup itself failed.
    public func unknown(_ detail: String) -> String {
        "It is not known whether the \(noun) was created (\(detail)). \(button) will look for it first."
    }

    /// More than one object matches the claim exactly; none is touched.
    public func several(_ ids: [String]) -> String {
        "\(ids.count) \(noun)s match this \(button) exactly (\(ids.sorted().joined(separator: ", ")))\(severalNote). "
            + "Check them on the \(list) list; \(button) will look again first."
    }

    /// The object did not appear while the client waited: it was not created.
    public var absent: String {
        "The answer to \(button) was lost, and the \(noun) did not appear while connect-tui waited: it was not created. Press \(button) to try again."
    }

    /// What an attempt is doing, beside its spinner.
    public func progress<Body, Made>(_ attempt: CreateAttempt<Body, Made>) -> String {
        switch attempt {
        case .preparing: "Getting ready to create the \(noun)…"
        case .creating: "Creating the \(noun)…"
        case .checking(_, then: nil): "The answer was lost; looking for the \(noun)…"
        case .checking: "Looking first for the \(noun) an earlier \(button) may have made…"
        }
    }

    /// While a request that may land is out.
    public var nothingSentAgain: String {
        "Nothing is sent again: after STOP WAITING, \(button) first looks for the \(noun) this request may have made."
    }
}
