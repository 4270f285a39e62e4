import ConnectCore

/// One CREATE, from the press to the object made or to an honest "not known": the part of
/// the token wizard and the webhook form that must never make an object twice, written once.
///
/// A press first reads what the new object must not be confused with (the claim), then
/// sends the CREATE once. A lost answer is followed by a look for the claim; stopping the
/// wait, or a look that cannot finish, leaves the claim pending, and the next press looks for
/// it before anything else. Each state carries what it needs; every (state, input) pair is
/// answered explicitly.
public enum CreateAttempt<Body: Codable & Hashable & Sendable, Made: Identifiable & Hashable & Sendable>:
    Hashable, Sendable where Made.ID == String
{
    public typealias Claim = CreateClaim<Body>

    /// Reading the look-alikes of this body; nothing is sent yet, and it will not be long.
    case preparing(Body)
    /// The CREATE of this claim is out; a slow answer is waited for.
    case creating(Claim)
    /// Looking for what this claim's CREATE made. `then`: the body to create when it is not
    /// there (a press that had to look first); nil after this attempt's own lost answer.
    case checking(Claim, then: Body?)

    /// What the app sends for an attempt.
    public enum Request: Hashable, Sendable {
        /// Read the look-alikes and mark the body; answer `.prepared`.
        case prepare(Body)
        /// Answer `.created`. Sent at most once per claim.
        case create(Body)
        /// Look for the object the claim's CREATE made, by identity; answer `.searched`.
        case find(Claim)
    }

    /// The answers to the requests.
    public enum Answer: Hashable, Sendable {
        case prepared(Result<Claim, ConnectError>)
        case created(Result<Made, ConnectError>)
        case searched(Result<LostCreate<Made>, ConnectError>)
    }

    /// Where an input leaves the attempt.
    public enum Next: Hashable, Sendable {
        /// Still under way: the attempt now, and what to send (nil: keep waiting).
        case going(CreateAttempt, send: Request?)
        /// The object exists: made, or found where a lost answer left it.
        case made(Made)
        /// Over without an object: why, and the claim the next press must look for first
        /// (nil: nothing can have been made).
        case stopped(String, pending: Claim?)
        /// The server said no; nothing was made.
        case refused(ConnectError)
        /// An answer to a request this attempt no longer waits for (late, or after the user
        /// stopped waiting): it changes nothing.
        case ignored
    }

    /// A press: looks for the pending claim first, if any; otherwise prepares `body`.
    public static func start(_ body: Body, pending: Claim?) -> (CreateAttempt, Request) {
        guard let pending else { return (.preparing(body), .prepare(body)) }
        return (.checking(pending, then: body), .find(pending))
    }

    /// The claim this attempt may have made an object for, once there is one.
    public var claim: Claim? {
        switch self {
        case .preparing: nil
        case .creating(let claim), .checking(let claim, _): claim
        }
    }

    /// Whether a request that may still land is out (so waiting for it can be stopped).
    public var mayLand: Bool {
        switch self {
        case .preparing: false
        case .creating, .checking: true
        }
    }

    public func answered(_ answer: Answer, _ words: LostCreateWording) -> Next {
        switch (self, answer) {
        case (.preparing, .prepared(.success(let claim))):
            return .going(.creating(claim), send: .create(claim.body))
        case (.preparing, .prepared(.failure(let error))):
            return .stopped(words.notSent(error.description), pending: nil)
        case (.creating, .created(.success(let made))), (.checking, .searched(.success(.found(let made)))):
            return .made(made)
        case (.creating(let claim), .created(.failure(let error))):
            return error.outcomeUnknown ? .going(.checking(claim, then: nil), send: .find(claim)) : .refused(error)
        case (.checking(let claim, _), .searched(.success(.several(let found)))):
            return .stopped(words.several(found.map(\.id)), pending: claim)
        case (.checking(_, let then), .searched(.success(.absent))):
            guard let then else { return .stopped(words.absent, pending: nil) }
            return .going(.preparing(then), send: .prepare(then))
        case (.checking(let claim, _), .searched(.failure(let error))):
            return .stopped(words.unknown(error.detail), pending: claim)
        case (.preparing, .created), (.preparing, .searched), (.creating, .prepared), (.creating, .searched),
            (.checking, .prepared), (.checking, .created):
            // Late: the answer to a request left behind (after a stop, or a lost answer that
            // came after all while looking, where the look decides). Preparing cannot be left
            // before its answer, so `.prepared` elsewhere never comes.
            return .ignored
        }
    }

    /// The user stops waiting: nothing more is sent, and what is out may still land, so the
    /// claim stays pending. Preparing sends nothing yet, so there is nothing to stop.
    public func stopWaiting(_ words: LostCreateWording) -> Next {
        switch self {
        case .preparing: .ignored
        case .creating(let claim), .checking(let claim, _): .stopped(words.stoppedWaiting, pending: claim)
        }
    }
}

public typealias TokenCreation = CreateAttempt<TokenCreate, Token>
public typealias WebhookCreation = CreateAttempt<WebhookWrite, Webhook>
