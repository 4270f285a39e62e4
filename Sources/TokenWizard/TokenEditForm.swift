import ConnectCore

/// The token edit form (details → EDIT): name, external id, description, and for tokens whose
/// permissions the user configures, the module checklist.
///
/// SAVE sends only what differs from the token as last saved: one update for the text fields
/// that changed, one grant per added module, one removal per removed module. What succeeded
/// becomes the new baseline, so after a partial failure SAVE sends only what is still missing.
public struct TokenEditForm: Hashable, Sendable {
    public enum Phase: Hashable, Sendable {
        case editing
        /// Waiting for these writes to answer.
        case saving(pending: Set<Change>)
        /// CANCEL with unsaved changes: discard them or keep editing.
        case confirmingDiscard
        case closed(saved: Bool)
    }

    /// One write of a save.
    public enum Change: Hashable, Sendable {
        case update
        case grant(String)
        case revoke(String)
    }

    public enum Event: Hashable, Sendable {
        case fieldEdited(GeneralField, String)
        case moduleToggled(String)
        case allModulesToggled
        case modulesLoaded(Result<[Module], ConnectError>)
        case retryTapped
        case saveTapped
        case tokenUpdated(Result<TokenUpdate, ConnectError>)
        case permissionGranted(moduleID: String, WriteOutcome)
        case permissionRevoked(moduleID: String, WriteOutcome)
        case cancelTapped
        case discardConfirmed
        case keepEditingTapped
    }

    public enum Effect: Hashable, Sendable {
        /// Answer with `.modulesLoaded(…)`.
        case loadModules
        /// Answer with `.tokenUpdated(…)`.
        case updateToken(id: String, TokenUpdate)
        /// Answer with `.permissionGranted(…)`.
        case grantPermission(tokenID: String, moduleID: String)
        /// Answer with `.permissionRevoked(…)`.
        case revokePermission(tokenID: String, moduleID: String)
        /// Close the form; when `saved`, reload the token's details.
        case close(saved: Bool)
    }

    public let tokenID: String
    public let configurable: Bool
    public internal(set) var input: GeneralInput
    public internal(set) var selection: ModuleSelection
    /// The token as the server has it, as far as the form knows.
    public internal(set) var saved: GeneralInput
    public internal(set) var savedModules: Set<String>
    public internal(set) var modules: Loadable<[Module]>
    public internal(set) var phase: Phase
    /// Why the last SAVE did not complete.
    public internal(set) var message: String?
    /// Set once SAVE was refused, so field messages show from then on.
    public internal(set) var showsProblems = false
    /// Whether anything was saved, to refresh details even when the form is then cancelled.
    var savedSomething = false

    /// A form for `token`, and the effects it needs first.
    public static func editing(_ token: Token, rule: PermissionRule = .portal) -> (TokenEditForm, [Effect]) {
        let configurable = rule.isConfigurable(token.extension?.id, name: token.extension?.name)
        let granted = Set((token.permissions ?? []).map(\.moduleID))
        let form = TokenEditForm(
            tokenID: token.id, configurable: configurable, input: GeneralInput(token: token),
            selection: ModuleSelection(granted), saved: GeneralInput(token: token),
            savedModules: granted, modules: configurable ? .loading : .loaded([]),
            phase: .editing)
        return (form, configurable ? [.loadModules] : [])
    }

    /// The messages to show next to the fields.
    public var problems: [GeneralField: String] { showsProblems ? input.problems : [:] }

    /// The text-field update SAVE would send, with only the fields that changed.
    public var pendingUpdate: TokenUpdate? {
        func changed(_ field: GeneralField) -> String? {
            let now = GeneralField.trimmed(input[field])
            return now == GeneralField.trimmed(saved[field]) ? nil : now
        }
        let update = TokenUpdate(
            name: changed(.name), description: changed(.description), externalID: changed(.externalID))
        return update == TokenUpdate() ? nil : update
    }

    /// Modules SAVE would grant.
    public var pendingGrants: [String] {
        configurable ? selection.chosen.subtracting(savedModules).sorted() : []
    }

    /// Modules SAVE would take away.
    public var pendingRevokes: [String] {
        configurable ? savedModules.subtracting(selection.chosen).sorted() : []
    }

    public var hasChanges: Bool {
        pendingUpdate != nil || !pendingGrants.isEmpty || !pendingRevokes.isEmpty
    }

    /// Whether SAVE can be pressed: something changed, everything is valid, nothing is running.
    public var canSave: Bool {
        guard case .editing = phase, hasChanges, input.problems.isEmpty else { return false }
        guard configurable, !pendingGrants.isEmpty || !pendingRevokes.isEmpty else { return true }
        // Only a change of modules needs them loaded, and may not take the last one away: a
        // token that has none can still be renamed.
        return modules.value != nil && !selection.isEmpty
    }
}
