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
        /// Creating the webhook (see `CreateAttempt`: it is never made twice).
        case creating(WebhookCreation)
        /// The update of this webhook is out.
        case updating(id: String)
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
        case (.editing, .creation), (.editing, .edited), (.confirmingDiscard, .creation), (.confirmingDiscard, .edited):
            // A late answer after the user stopped waiting: the next SAVE looks first, so the
            // answer is not needed (and adopting it would throw away what was typed since).
            return []
        case (.editing, .discardConfirmed), (.editing, .keepEditingTapped):
            return []

        case (.creating(.preparing), .creation(.prepared(.success(let claim))))
        where !claim.existingIDs.isEmpty && duplicateAllowed != claim.body:
            // Most likely made before (by a run that was stopped, or by someone else).
            state = .editing
            duplicateAllowed = claim.body
            message = "An identical webhook exists (\(claim.existingIDs.joined(separator: ", "))). SAVE again makes another."
            return []
        case (.creating(let attempt), .creation(let answer)):
            return go(attempt.answered(answer, Self.lostCreate))
        case (.creating(let attempt), .cancelTapped):
            return go(attempt.stopWaiting(Self.lostCreate))
        case (.creating, .saveTapped), (.creating, .discardConfirmed), (.creating, .keepEditingTapped):
            return []  // e.g. a second SAVE while the first is on its way
        case (.creating, .edited):
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
        case (.updating, .creation):
            return impossible(event)

        case (.confirmingDiscard, .discardConfirmed):
            return [.close(saved: nil)]
        case (.confirmingDiscard, .keepEditingTapped), (.confirmingDiscard, .cancelTapped):
            state = .editing
            return []
        case (.confirmingDiscard, .saveTapped):
            return []
        }
    }

    /// Where the create went: on, closed with the webhook, or back to the fields.
    private mutating func go(_ next: WebhookCreation.Next) -> [Effect] {
        switch next {
        case .going(let attempt, let request):
            state = .creating(attempt)
            return request.map { [.creation($0)] } ?? []
        case .made(let webhook):
            state = .editing
            return [.close(saved: webhook)]
        case .stopped(let why, let pending):
            state = .editing
            pendingClaim = pending
            message = why
            return []
        case .refused(let error):
            state = .editing
            refused(error)
            return []
        case .ignored:
            return []
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
            // The attempt carries the pending claim now; it gives it back if it is still owed.
            let (attempt, first) = WebhookCreation.start(body, pending: pendingClaim)
            pendingClaim = nil
            state = .creating(attempt)
            return [.creation(first)]
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
