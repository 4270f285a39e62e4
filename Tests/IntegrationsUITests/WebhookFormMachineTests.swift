import ConnectCore
import ConnectTestSupport
import Foundation
import TerminalKit
import Testing

@testable import IntegrationsUI

typealias Form = WebhookForm

/// The webhook form's save machine: every state × every event that can reach it, and random
/// walks with late, failing and out-of-order answers.
@Suite struct WebhookFormMachineTests {
    static let body = WebhookFormTests.filled().body!
    static let claim = WebhookCreateClaim(body: body, existingIDs: [])
    static let made = UISample.webhook("WB-100-200-300", "Orders to CRM")
    static let lost = WebhookFormTests.lost
    static let refusal = ConnectError(operation: .createWebhook, method: .post, kind: .http(status: 400, code: "VAL_001", messages: ["label: too long"]))
    static let readFailed = ConnectError(operation: .listWebhooks, method: .get, kind: .network("connection refused"))

    /// The forms of each state, by name.
    static func form(_ name: String) -> Form {
        var create = WebhookFormTests.filled()
        var edit = Form(editing: UISample.erpHook)
        edit.label = TextField("Renamed")
        switch name {
        case "editing": return create
        case "editing (edit)": return edit
        case "preparing": create.state = .creating(.preparing(body))
        case "creating": create.state = .creating(.creating(claim))
        case "checking": create.state = .creating(.checking(claim, then: nil))
        case "updating": edit.state = .updating(id: UISample.erpHook.id); return edit
        case "confirming": create.state = .confirmingDiscard
        default: Issue.record("no state \(name)")
        }
        return create
    }

    static let states = ["editing", "editing (edit)", "preparing", "creating", "checking", "updating", "confirming"]

    static let events: [String: Form.Event] = [
        "save": .saveTapped, "cancel": .cancelTapped, "discard": .discardConfirmed, "keep": .keepEditingTapped,
        "prepared": .creation(.prepared(.success(claim))),
        "prepared twin": .creation(.prepared(.success(WebhookCreateClaim(body: body, existingIDs: ["WB-9"])))),
        "prepare failed": .creation(.prepared(.failure(readFailed))),
        "saved": .creation(.created(.success(made))), "refused": .creation(.created(.failure(refusal))), "lost": .creation(.created(.failure(lost))),
        "edited": .edited(.success(.saved(made))), "edit refused": .edited(.failure(refusal)),
        "found": .creation(.searched(.success(.found(made)))),
        "several": .creation(.searched(.success(.several([made, UISample.erpHook])))),
        "absent": .creation(.searched(.success(.absent))), "search failed": .creation(.searched(.failure(readFailed))),
    ]

    /// Which answers each state can receive (any other answer is a bug and traps in debug
    /// builds); user events reach every state.
    static func canArrive(_ event: String, in state: String) -> Bool {
        let user = ["save", "cancel", "discard", "keep"]
        let prepared = ["prepared", "prepared twin", "prepare failed"]
        let created = ["saved", "refused", "lost"]
        let edited = ["edited", "edit refused"]
        let searched = ["found", "several", "absent", "search failed"]
        switch state {
        case "editing", "confirming": return user.contains(event) || created.contains(event) || edited.contains(event) || searched.contains(event)
        case "editing (edit)": return user.contains(event) || edited.contains(event)
        case "preparing": return user.contains(event) || prepared.contains(event)
        case "creating": return user.contains(event) || created.contains(event)
        case "checking": return user.contains(event) || created.contains(event) || searched.contains(event)
        case "updating": return user.contains(event) || edited.contains(event)
        default: return false
        }
    }

    /// What each (state, event) pair does: the state after and the effects; a pair without a
    /// row changes nothing at all.
    static func row(_ state: String, _ event: String) -> (Form.State, [Form.Effect])? {
        switch (state, event) {
        case ("editing", "save"): (.creating(.preparing(body)), [.creation(.prepare(body))])
        case ("editing", "cancel"): (.confirmingDiscard, [])
        case ("editing (edit)", "save"):
            (.updating(id: UISample.erpHook.id), [.update(id: UISample.erpHook.id, base: WebhookWrite(editing: UISample.erpHook)!, edited: form("editing (edit)").body!, overwrite: false)])
        case ("editing (edit)", "cancel"): (.confirmingDiscard, [])
        case ("preparing", "prepared"): (.creating(.creating(claim)), [.creation(.create(body))])
        case ("preparing", "prepared twin"): (.editing, [])
        case ("preparing", "prepare failed"): (.editing, [])
        case ("creating", "saved"): (.editing, [.close(saved: made)])
        case ("creating", "refused"): (.editing, [])
        case ("creating", "lost"): (.creating(.checking(claim, then: nil)), [.creation(.find(claim))])
        case ("creating", "cancel"), ("checking", "cancel"): (.editing, [])
        case ("checking", "found"): (.editing, [.close(saved: made)])
        case ("checking", "several"), ("checking", "absent"), ("checking", "search failed"): (.editing, [])
        case ("updating", "edited"): (.editing, [.close(saved: made)])
        case ("updating", "edit refused"), ("updating", "cancel"): (.editing, [])
        case ("confirming", "discard"): (.confirmingDiscard, [.close(saved: nil)])
        case ("confirming", "keep"), ("confirming", "cancel"): (.editing, [])
        default: nil
        }
    }

    @Test(arguments: states)
    func everyEventThatCanArrive(state name: String) {
        for (event, value) in Self.events.sorted(by: { $0.key < $1.key }) where Self.canArrive(event, in: name) {
            let start = Self.form(name)
            var form = start
            let effects = form.handle(value)
            if let (state, expected) = Self.row(name, event) {
                #expect(form.state == state, "\(name) × \(event): state")
                #expect(effects == expected, "\(name) × \(event): effects")
            } else {
                #expect(form == start, "\(name) × \(event) must change nothing")
                #expect(effects.isEmpty, "\(name) × \(event) must emit nothing")
            }
        }
    }

    @Test func theLookupStaysOwedUntilItIsAnswered() {
        var form = Self.form("creating")
        _ = form.handle(.cancelTapped)
        #expect(form.pendingClaim == Self.claim, "stopped waiting: the next SAVE must look")
        #expect(form.handle(.saveTapped) == [.creation(.find(Self.claim))])
        _ = form.handle(.creation(.searched(.failure(Self.readFailed))))
        #expect(form.pendingClaim == Self.claim, "still not known")
        #expect(form.handle(.saveTapped) == [.creation(.find(Self.claim))])
        #expect(form.handle(.creation(.searched(.success(.absent)))) == [.creation(.prepare(Self.body))], "not there: only now is a CREATE prepared")
        #expect(form.state == .creating(.preparing(Self.body)))
    }

    // MARK: Random walks

    @Test(arguments: 0..<30)
    func randomWalksNeverCreateTwice(seed: UInt64) {
        var random = SeededGenerator(seed: seed &* 104_729 &+ 3)
        var closes = 0
        for _ in 0..<60 where walk(&random, seed: seed, editing: Bool.random(using: &random)) { closes += 1 }
        #expect(closes >= 10, "walks must end in a save often enough (seed \(seed): \(closes) of 60)")
    }

    /// One walk; returns whether the form closed with a saved webhook.
    func walk(_ random: inout SeededGenerator, seed: UInt64, editing: Bool) -> Bool {
        var form = editing ? Form(editing: UISample.erpHook) : WebhookFormTests.filled()
        var outstanding: [Form.Effect] = []
        var createsInFlight = 0
        for _ in 0..<80 {
            let event: Form.Event
            if !outstanding.isEmpty, Int.random(in: 0..<3, using: &random) > 0 {
                let effect = outstanding.remove(at: Int.random(in: 0..<outstanding.count, using: &random))
                event = answer(effect, &random)
                if case .creation(.create) = effect { createsInFlight -= 1 }
                if case .creation(.searched(.success(.absent))) = event {
                    // `.absent` is only said once a create could no longer land.
                    createsInFlight -= outstanding.filter { if case .creation(.create) = $0 { true } else { false } }.count
                    outstanding.removeAll { if case .creation(.create) = $0 { true } else { false } }
                }
            } else {
                let user: [Form.Event] = [.saveTapped, .saveTapped, .cancelTapped, .discardConfirmed, .keepEditingTapped]
                event = user[Int.random(in: 0..<user.count, using: &random)]
                if Int.random(in: 0..<8, using: &random) == 0 { form.description = TextField("typed \(Int.random(in: 0..<9, using: &random))") }
            }
            let pendingBefore = form.pendingClaim
            let effects = form.handle(event)
            for effect in effects {
                switch effect {
                case .creation(.create):
                    createsInFlight += 1
                    #expect(createsInFlight == 1, "two creates in flight (seed \(seed))")
                    #expect(pendingBefore == nil, "a create while an earlier one's outcome is unknown (seed \(seed))")
                case .close(let saved):
                    return saved != nil
                case .creation(.prepare), .creation(.find), .update:
                    break
                }
            }
            outstanding += effects
        }
        return false
    }

    /// A random answer to an effect: success, refusal, or a lost answer.
    func answer(_ effect: Form.Effect, _ random: inout SeededGenerator) -> Form.Event {
        let roll = Int.random(in: 0..<4, using: &random)
        switch effect {
        case .creation(.prepare(let body)):
            return roll == 0 ? .creation(.prepared(.failure(Self.readFailed))) : .creation(.prepared(.success(WebhookCreateClaim(body: body, existingIDs: roll == 1 ? ["WB-9"] : []))))
        case .creation(.create):
            return [.creation(.created(.success(Self.made))), .creation(.created(.failure(Self.refusal))), .creation(.created(.failure(Self.lost))), .creation(.created(.failure(Self.lost)))][roll]
        case .update:
            return roll == 0 ? .edited(.failure(Self.refusal)) : .edited(.success(.saved(Self.made)))
        case .creation(.find):
            return [.creation(.searched(.success(.found(Self.made)))), .creation(.searched(.success(.absent))),
                    .creation(.searched(.failure(Self.readFailed))), .creation(.searched(.success(.several([Self.made, UISample.erpHook]))))][roll]
        case .close:
            return .keepEditingTapped
        }
    }
}
