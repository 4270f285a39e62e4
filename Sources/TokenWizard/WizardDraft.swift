import ConnectCore

/// An unfinished wizard saved to disk and offered back at the next start. Holds what the user
/// typed and chose, never a secret.
public struct WizardDraft: Codable, Hashable, Sendable {
    /// The step the draft was taken on.
    public enum Step: String, Codable, Hashable, Sendable {
        case general, `extension`, permissions
    }

    /// Bumped when the format changes; an unknown version is refused, not misread.
    public static let currentVersion = 1

    public var version: Int
    public var step: Step
    public var input: WizardInput
    public var preselectedExtensionID: String?
    /// The draft was taken while a CREATE was unanswered: the token may exist.
    public var createMayHaveHappened: Bool
    /// What identifies the token that unanswered CREATE would have made.
    public var claim: TokenCreateClaim?
    /// The account the draft belongs to (endpoint and key id); it is offered only there.
    public var account: String?

    public init(
        step: Step, input: WizardInput, preselectedExtensionID: String? = nil,
        createMayHaveHappened: Bool = false, claim: TokenCreateClaim? = nil, account: String? = nil
    ) {
        version = Self.currentVersion
        self.step = step
        self.input = input
        self.preselectedExtensionID = preselectedExtensionID
        self.createMayHaveHappened = createMayHaveHappened
        self.claim = claim
        self.account = account
    }
}

extension CreateTokenWizard {
    /// A draft of the input so far; nil when there is nothing unfinished to keep (the token
    /// exists, or the wizard is closed).
    public var draft: WizardDraft? {
        func draft(of step: Step, claim: TokenCreateClaim? = nil) -> WizardDraft {
            let name: WizardDraft.Step =
                switch step {
                case .general: .general
                case .extension: .extension
                case .permissions: .permissions
                }
            let pending: TokenCreateClaim? =
                if case .permissions(let permissions) = step { claim ?? permissions.pendingClaim } else { claim }
            return WizardDraft(
                step: name, input: step.input, preselectedExtensionID: preselectedExtensionID,
                createMayHaveHappened: pending != nil, claim: pending)
        }
        switch state {
        case .editing(let step), .confirmingCancel(let step):
            return draft(of: step)
        case .submitting(let submitting):
            switch submitting.phase {
            case .attempt(let attempt): return draft(of: .permissions(submitting.returnStep), claim: attempt.claim)
            case .granting: return nil
            }
        case .summary, .closed:
            return nil
        }
    }

    /// Why a draft cannot be restored.
    public enum RestoreError: Error, Hashable, Sendable, CustomStringConvertible {
        case unsupportedVersion(Int)

        public var description: String {
            switch self {
            case .unsupportedVersion(let version):
                "the saved draft has format \(version), which this version cannot read"
            }
        }
    }

    /// A wizard that continues `draft` on the step it was taken on, with the effects that step
    /// needs. Input is validated again: when an earlier step's input is no longer acceptable,
    /// the wizard lands on that step instead, showing why.
    public static func restoring(
        _ draft: WizardDraft, rule: PermissionRule = .portal, extensionsPageSize: Int = 25
    ) throws(RestoreError) -> (CreateTokenWizard, [Effect]) {
        guard draft.version == WizardDraft.currentVersion else {
            throw .unsupportedVersion(draft.version)
        }
        var wizard = CreateTokenWizard(
            rule: rule, extensionsPageSize: extensionsPageSize,
            preselectedExtensionID: draft.preselectedExtensionID,
            state: .editing(.general(GeneralStep(input: draft.input))))
        let input = draft.input
        guard draft.step != .general else { return (wizard, []) }
        guard let valid = input.general.validated else {
            wizard.state = .editing(.general(GeneralStep(input: input, showsProblems: true)))
            return (wizard, [])
        }
        let list = ExtensionList(page: wizard.firstExtensionsPage, content: .loading)
        guard draft.step == .permissions, let chosen = input.extension else {
            wizard.state = .editing(.extension(ExtensionStep(input: input, general: valid, list: list)))
            return (wizard, [.loadExtensions(list.page)])
        }
        let configurable = rule.isConfigurable(chosen)
        let message: String? =
            switch (draft.createMayHaveHappened, draft.claim) {
            case (true, .some): "connect-tui stopped while creating this token; CREATE will first look for it."
            case (true, nil): "connect-tui stopped while creating this token: check the Tokens list before pressing CREATE."
            case (false, _): nil
            }
        wizard.state = .editing(
            .permissions(
                PermissionsStep(
                    input: input, general: valid, chosen: chosen, configurable: configurable,
                    modules: configurable ? .loading : .loaded([]), message: message,
                    pendingClaim: draft.createMayHaveHappened ? draft.claim : nil, extensions: nil)))
        return (wizard, configurable ? [.loadModules] : [])
    }
}
