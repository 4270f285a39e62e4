import ConnectCore
import Foundation
import TokenWizard

/// The webhook form's save as a state machine, in the style of `CreateTokenWizard`: each state
/// carries what it needs, every (state, event) pair is handled explicitly, and a pair that
/// cannot happen (an answer to a request this state never sent) traps in debug builds.
extension WebhookForm {
    public enum State: Sendable, Hashable {
        /// The fields are the user's; SAVE starts a save.
        case editing
        /// Reading the webhooks this body must not be confused with (create only).
        case preparing(WebhookWrite)
        /// The CREATE of this claim is out.
        case creating(WebhookCreateClaim)
        /// The update of this webhook is out.
        case updating(id: String)
        /// A CREATE went unanswered: looking for the webhook this claim may have made.
        case checkingLostCreate(WebhookCreateClaim)
        /// CANCEL with unsaved changes: discard or keep editing.
        case confirmingDiscard
    }

    public mutating func handle(_ event: Event) -> [Effect] {
        switch (state, event) {
        case (.editing, .saveTapped):
            return save()
        case (.editing, .cancelTapped):
            if hasChanges {
                state = .confirmingDiscard
                return []
            }
            return [.close(saved: nil)]
        case (.editing, .saved), (.editing, .edited), (.editing, .lostCreateSearched),
            (.confirmingDiscard, .saved), (.confirmingDiscard, .edited), (.confirmingDiscard, .lostCreateSearched):
            // A late answer after the user stopped waiting: the next SAVE looks first, so the
            // answer is not needed (and adopting it would throw away what was typed since).
            return []
        case (.editing, .discardConfirmed), (.editing, .keepEditingTapped):
            return []

        case (.preparing(let body), .createPrepared(.success(let prepared))):
            guard prepared.body == body else { return impossible(event) }
            if !prepared.existingIDs.isEmpty, duplicateAllowed != prepared.body {
                // Most likely made before (by a run that was stopped, or by someone else).
                state = .editing
                duplicateAllowed = prepared.body
                message = "An identical webhook exists (\(prepared.existingIDs.joined(separator: ", "))). SAVE again makes another."
                return []
            }
            state = .creating(prepared)
            return [.create(prepared.body)]
        case (.preparing, .createPrepared(.failure(let error))):
            state = .editing
            message = "Nothing was made: \(error.description)"
            return []
        case (.preparing, .saveTapped), (.preparing, .cancelTapped), (.preparing, .discardConfirmed),
            (.preparing, .keepEditingTapped):
            return []  // nothing is out yet, and it will not be long: the keys wait
        case (.preparing, .saved), (.preparing, .edited), (.preparing, .lostCreateSearched):
            return impossible(event)

        case (.creating, .saved(.success(let webhook))):
            state = .editing
            pendingClaim = nil
            return [.close(saved: webhook)]
        case (.creating(let claim), .saved(.failure(let error))):
            if error.outcomeUnknown {
                state = .checkingLostCreate(claim)
                message = "\(error.description) Checking whether the webhook was made…"
                return [.findLostCreate(claim)]
            }
            state = .editing
            refused(error)
            return []
        case (.creating(let claim), .cancelTapped), (.checkingLostCreate(let claim), .cancelTapped):
            // Stop waiting: nothing is sent again, and the next SAVE first finds out what landed.
            state = .editing
            pendingClaim = claim
            message = Self.lostCreate.stoppedWaiting
            return []
        case (.creating, .saveTapped), (.creating, .discardConfirmed), (.creating, .keepEditingTapped):
            return []  // e.g. a second SAVE while the first is on its way
        case (.creating, .createPrepared), (.creating, .edited), (.creating, .lostCreateSearched):
            return impossible(event)

        case (.updating, .edited(.success(.saved(let webhook)))):
            state = .editing
            return [.close(saved: webhook)]
        case (.updating, .edited(.success(.conflict(let fields, let server)))):
            state = .editing
            conflicts = fields
            if let server = WebhookWrite(editing: server) { rebase(on: server) }
            message = "Changed elsewhere: \(fields.joined(separator: ", ")). SAVE again overwrites; Esc keeps theirs."
            return []
        case (.updating, .edited(.failure(let error))):
            state = .editing
            refused(error)
            return []
        case (.updating, .cancelTapped):
            state = .editing
            message = "Stopped waiting; the change may still land. SAVE reads it again first."
            return []
        case (.updating, .saveTapped), (.updating, .discardConfirmed), (.updating, .keepEditingTapped):
            return []
        case (.updating, .createPrepared), (.updating, .saved), (.updating, .lostCreateSearched):
            return impossible(event)

        case (.checkingLostCreate, .lostCreateSearched(.success(.found(let found)))):
            state = .editing
            pendingClaim = nil
            return [.close(saved: found)]
        case (.checkingLostCreate(let claim), .lostCreateSearched(.success(.several(let hooks)))):
            state = .editing
            pendingClaim = claim
            message = Self.lostCreate.several(hooks.map(\.id))
            return []
        case (.checkingLostCreate, .lostCreateSearched(.success(.absent))):
            state = .editing
            pendingClaim = nil
            message = Self.lostCreate.absent
            return []
        case (.checkingLostCreate(let claim), .lostCreateSearched(.failure(let error))):
            state = .editing
            pendingClaim = claim
            message = Self.lostCreate.unknown(error.detail)
            return []
        case (.checkingLostCreate, .saved):
            // The lost CREATE's answer arrived after all, while looking: the lookup decides.
            return []
        case (.checkingLostCreate, .saveTapped), (.checkingLostCreate, .discardConfirmed),
            (.checkingLostCreate, .keepEditingTapped):
            return []
        case (.checkingLostCreate, .createPrepared), (.checkingLostCreate, .edited):
            return impossible(event)

        case (.confirmingDiscard, .discardConfirmed):
            return [.close(saved: nil)]
        case (.confirmingDiscard, .keepEditingTapped), (.confirmingDiscard, .cancelTapped):
            state = .editing
            return []
        case (.confirmingDiscard, .saveTapped):
            return []
        case (.editing, .createPrepared), (.confirmingDiscard, .createPrepared):
            // Preparing cannot be left before its answer.
            return impossible(event)
        }
    }

    /// SAVE: refused with the fields' problems, or the first request of a create (a lookup
    /// when an earlier CREATE's outcome is unknown) or of an update.
    private mutating func save() -> [Effect] {
        guard let body else {
            showsProblems = true
            message = "Fix the fields marked below, then save."
            if let first = order.first(where: { problems[$0] != nil }) { focus = first }
            return []
        }
        message = nil
        switch mode {
        case .create:
            if let pending = pendingClaim {
                state = .checkingLostCreate(pending)
                return [.findLostCreate(pending)]
            }
            state = .preparing(body)
            return [.prepareCreate(body)]
        case .edit(let webhook):
            state = .updating(id: webhook.id)
            return [.update(id: webhook.id, base: baseline ?? body, edited: body, overwrite: !conflicts.isEmpty)]
        }
    }

    /// How the form speaks of a CREATE whose answer was lost (as the token wizard does).
    static let lostCreate = LostCreateWording(noun: "webhook", button: "SAVE", list: "Webhooks")

    /// An answer to a request this state never sent: a bug; ignored in release builds.
    private func impossible(_ event: Event) -> [Effect] {
        assertionFailure("webhook form: \(event) cannot arrive in \(state)")
        return []
    }
}
