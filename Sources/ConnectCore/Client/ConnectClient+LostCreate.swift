import Foundation

/// What was found when a create's answer never came.
public enum LostCreate<Item: Hashable & Sendable>: Hashable, Sendable {
    /// Exactly one object matches the claim: the create happened and this is it.
    case found(Item)
    /// More than one object could be it: nothing is adopted, the user decides.
    case several([Item])
    /// Nothing matched, looked for until the create could no longer land: it did not happen.
    case absent
}

/// Everything that identifies the object one create makes, taken before it is sent: the body
/// as sent (with a marker of its own where the user left a field free) and the ids of the
/// objects that already matched it then, which can never be the one this create made.
public struct CreateClaim<Body: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var body: Body
    public var existingIDs: [String]

    public init(body: Body, existingIDs: [String]) {
        self.body = body
        self.existingIDs = existingIDs.sorted()
    }
}

public typealias TokenCreateClaim = CreateClaim<TokenCreate>
public typealias WebhookCreateClaim = CreateClaim<WebhookWrite>

/// How long a create whose answer was lost is looked for before it is taken as not made: the
/// longest a request can take to land (the write timeout) is over by then.
public struct LostCreateWait: Sendable, Hashable {
    /// From the first look; while it lasts, "not found yet" is not "not made".
    public var settle: Duration
    /// Between two looks.
    public var interval: Duration

    public init(settle: Duration = .seconds(30), interval: Duration = .seconds(2)) {
        self.settle = settle
        self.interval = interval
    }
}

/// Lost creates: found by identity, never by resemblance. One mechanism for tokens and webhooks.
extension ConnectClient {
    /// What connect-tui puts in a token's external id when the user left it empty, so a lost
    /// create can be told apart from every other token.
    public static func createMarker(_ uuid: UUID) -> String { "connect-tui-" + uuid.uuidString.lowercased() }

    /// The claim for a token create: the body (its external id is `marker` if the user gave
    /// none) and the tokens that already look like it.
    public func claimTokenCreate(_ body: TokenCreate, marker: String) async throws(ConnectError) -> TokenCreateClaim {
        var body = body
        if (body.externalID ?? "").isEmpty { body.externalID = marker }
        let existing = try await tokensMatching(body)
        return TokenCreateClaim(body: body, existingIDs: existing.map(\.id))
    }

    /// The claim for a webhook create: the webhooks that already look like it.
    public func claimWebhookCreate(_ body: WebhookWrite) async throws(ConnectError) -> WebhookCreateClaim {
        WebhookCreateClaim(body: body, existingIDs: try await webhooksMatching(body).map(\.id))
    }

    /// Looks for the token a lost create made, until it shows or `wait.settle` has passed.
    public func findLostCreate(_ claim: TokenCreateClaim, wait: LostCreateWait = LostCreateWait()) async throws(ConnectError)
        -> LostCreate<Token>
    {
        try await lookRepeatedly(wait, .listTokens) { () async throws(ConnectError) in
            try await tokensMatching(claim.body).filter { !claim.existingIDs.contains($0.id) }
        }
    }

    /// Looks for the webhook a lost create made, until it shows or `wait.settle` has passed.
    public func findLostCreate(_ claim: WebhookCreateClaim, wait: LostCreateWait = LostCreateWait()) async throws(ConnectError)
        -> LostCreate<Webhook>
    {
        try await lookRepeatedly(wait, .listWebhooks) { () async throws(ConnectError) in
            try await webhooksMatching(claim.body).filter { !claim.existingIDs.contains($0.id) }
        }
    }

    private func lookRepeatedly<Item>(
        _ wait: LostCreateWait, _ operation: ConnectOperation, _ look: () async throws(ConnectError) -> [Item]
    ) async throws(ConnectError) -> LostCreate<Item> {
        // A number of looks rather than a deadline, so the client's injected sleep is the only
        // clock (tests run the whole wait at once).
        var looksLeft = max(1, Int((wait.settle / wait.interval).rounded(.up))) + 1
        while true {
            let candidates = try await look()
            if candidates.count == 1 { return .found(candidates[0]) }
            if candidates.count > 1 { return .several(candidates) }
            looksLeft -= 1
            guard looksLeft > 0 else { return .absent }
            do {
                try await environment.sleep(wait.interval)
            } catch {
                throw ConnectError(operation: operation, method: .get, kind: .cancelled)
            }
        }
    }

    /// Tokens equal to `body` in every field the user gave.
    func tokensMatching(_ body: TokenCreate) async throws(ConnectError) -> [Token] {
        let query = ListQuery(filter: .and([.eq("name", .string(body.name)), .eq("extension.id", .string(body.extension.id))]))
        let candidates = try await all { (page) async throws(ConnectError) in try await self.listTokens(query, page: page) }
        return candidates.filter { token in
            token.name == body.name && (token.description ?? "") == (body.description ?? "")
                && (token.externalID ?? "") == (body.externalID ?? "") && token.extension?.id == body.extension.id
        }
    }

    /// Webhooks equal to `body` in every field the user gave (the secret included).
    func webhooksMatching(_ body: WebhookWrite) async throws(ConnectError) -> [Webhook] {
        let query = ListQuery(filter: .and([
            .eq("label", .string(body.label)), .eq("external_url", .string(body.externalURL)),
            .eq("product.id", .string(body.productID)),
        ]))
        let candidates = try await all { (page) async throws(ConnectError) in try await self.listWebhooks(query, page: page) }
        return candidates.filter { webhook in
            guard let found = WebhookWrite(editing: webhook) else { return false }
            return found.objectClass == body.objectClass && found.label == body.label && found.productID == body.productID
                && found.externalURL == body.externalURL && found.jwtSecret == body.jwtSecret && found.active == body.active
                && found.description == body.description && (found.headers ?? .object([:])) == (body.headers ?? .object([:]))
        }
    }
}

/// Token actions whose answer is lost.
extension ConnectClient {
    /// Whether a token action's lost answer hid a success: nil when it went through with its
    /// answer; otherwise the token read again (`.some(nil)`: it is gone).
    public enum ActionReadBack: Sendable, Hashable {
        case answered(Token?)
        case lostButDone(Token?)
    }

    /// Runs an action on token `id`; when its answer is lost, reads the token again and returns
    /// it if `isDone` holds for it (nil: the token is gone), so a write that happened is never
    /// reported as a failure. Otherwise the original error, or one saying the read failed too.
    public func tokenAction(
        _ id: String, _ write: () async throws(ConnectError) -> Token?, isDone: (Token?) -> Bool
    ) async throws(ConnectError) -> ActionReadBack {
        do {
            return .answered(try await write())
        } catch where error.outcomeUnknown {
            let now: Token?
            do {
                now = try await token(id: id)
            } catch let reread where reread.isNotFound {
                now = nil
            } catch let reread {
                throw ConnectError(
                    operation: error.operation, method: error.method,
                    kind: .network("the answer was lost (\(error.detail)) and reading \(id) again failed (\(reread.detail)): it may or may not have happened"))
            }
            guard isDone(now) else { throw error }
            return .lostButDone(now)
        }
    }
}
