import ConnectCore
import Testing

@testable import TokenWizard

/// The create attempt the wizard and the webhook form share: every state × every input, as a
/// table. A pair without a row must be `.ignored`.
@Suite struct CreateAttemptTests {
    typealias Attempt = TokenCreation
    static let words = LostCreateWording(noun: "token", button: "CREATE", list: "Tokens")
    static let claim = Sample.claim
    static var edited: TokenCreate {
        var body = Sample.request
        body.name = "CI token 2"
        return body
    }
    static let twin = Token(id: "SU-999-999-999", name: "CI token")

    static let states: [String: Attempt] = [
        "preparing": .preparing(Sample.request),
        "creating": .creating(claim),
        "checking": .checking(claim, then: nil),
        "checking first": .checking(claim, then: edited),
    ]

    /// Each input: an answer, or nil for the user stopping the wait.
    static let inputs: [String: Attempt.Answer?] = [
        "prepared": .prepared(.success(claim)), "prepare failed": .prepared(.failure(Sample.readFailed)),
        "created": .created(.success(Sample.token)), "refused": .created(.failure(Sample.rejected)),
        "lost": .created(.failure(Sample.lost)),
        "found": .searched(.success(.found(Sample.token))), "several": .searched(.success(.several([Sample.token, twin]))),
        "absent": .searched(.success(.absent)), "search failed": .searched(.failure(Sample.readFailed)),
        "stop": nil,
    ]

    static func row(_ state: String, _ input: String) -> Attempt.Next? {
        let stopped = Attempt.Next.stopped(words.stoppedWaiting, pending: claim)
        switch (state, input) {
        case ("preparing", "prepared"): return .going(.creating(claim), send: .create(claim.body))
        case ("preparing", "prepare failed"): return .stopped(words.notSent(Sample.readFailed.description), pending: nil)
        case ("creating", "created"): return .made(Sample.token)
        case ("creating", "refused"): return .refused(Sample.rejected)
        case ("creating", "lost"): return .going(.checking(claim, then: nil), send: .find(claim))
        case ("creating", "stop"), ("checking", "stop"), ("checking first", "stop"): return stopped
        case ("checking", "found"), ("checking first", "found"): return .made(Sample.token)
        case ("checking", "several"), ("checking first", "several"):
            return .stopped(words.several([Sample.token.id, twin.id]), pending: claim)
        case ("checking", "absent"): return .stopped(words.absent, pending: nil)
        case ("checking first", "absent"): return .going(.preparing(edited), send: .prepare(edited))
        case ("checking", "search failed"), ("checking first", "search failed"):
            return .stopped(words.unknown(Sample.readFailed.detail), pending: claim)
        default: return nil
        }
    }

    @Test(arguments: states.keys.sorted())
    func everyInput(state name: String) throws {
        let attempt = try #require(Self.states[name])
        for (input, answer) in Self.inputs.sorted(by: { $0.key < $1.key }) {
            let next = answer.map { attempt.answered($0, Self.words) } ?? attempt.stopWaiting(Self.words)
            #expect(next == (Self.row(name, input) ?? .ignored), "\(name) × \(input)")
        }
    }

    @Test func aPressLooksForAPendingClaimBeforeAnythingElse() {
        let (fresh, first) = Attempt.start(Sample.request, pending: nil)
        #expect(fresh == .preparing(Sample.request) && first == .prepare(Sample.request))
        let (owed, look) = Attempt.start(Self.edited, pending: Self.claim)
        #expect(owed == .checking(Self.claim, then: Self.edited) && look == .find(Self.claim))
    }

    @Test func onlyARequestThatIsOutCanLand() {
        #expect(Self.states.filter(\.value.mayLand).keys.sorted() == ["checking", "checking first", "creating"])
        #expect(Self.states.compactMap(\.value.claim).count == 3, "preparing has no claim yet")
    }
}
