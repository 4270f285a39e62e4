import ConnectCore

/// The portal's four-step create-token wizard (General → Extension → Permissions → Summary) as
/// a pure state machine: `handle(_:)` takes an event and returns the effects to perform. It does
/// no I/O; the app performs the effects and sends their results back as events.
public struct CreateTokenWizard: Hashable, Sendable {
    /// Which extensions let the user choose modules.
    public let rule: PermissionRule
    /// How many extensions one page of the Extension step asks for.
    public let extensionsPageSize: Int
    /// The extension the wizard was opened for (from the Extensions pane), if any.
    public let preselectedExtensionID: String?
    public internal(set) var state: State

    /// Starts on General; with `preselected`, that extension is already chosen.
    public init(
        rule: PermissionRule = .portal, extensionsPageSize: Int = 25, preselected: Extension? = nil
    ) {
        self.rule = rule
        self.extensionsPageSize = max(1, extensionsPageSize)
        preselectedExtensionID = preselected?.id
        state = .editing(.general(GeneralStep(input: WizardInput(extension: preselected))))
    }

    init(rule: PermissionRule, extensionsPageSize: Int, preselectedExtensionID: String?, state: State) {
        self.rule = rule
        self.extensionsPageSize = max(1, extensionsPageSize)
        self.preselectedExtensionID = preselectedExtensionID
        self.state = state
    }

    /// The steps as the portal names them.
    public static let stepTitles = ["General", "Extension", "Permissions", "Summary"]

    /// The first page of extensions.
    var firstExtensionsPage: PageRequest { PageRequest(limit: extensionsPageSize, offset: 0) }
}

/// Everything the user has entered so far; carried from step to step so BACK loses nothing.
public struct WizardInput: Codable, Hashable, Sendable {
    public var general: GeneralInput
    public var `extension`: Extension?
    public var modules: ModuleSelection

    public init(
        general: GeneralInput = GeneralInput(), extension: Extension? = nil,
        modules: ModuleSelection = ModuleSelection()
    ) {
        self.general = general
        self.extension = `extension`
        self.modules = modules
    }
}

extension CreateTokenWizard {
    /// Where the wizard is.
    public enum State: Hashable, Sendable {
        /// On step 1–3, taking input.
        case editing(Step)
        /// CANCEL was pressed with input typed: discard it, or keep editing this step.
        case confirmingCancel(Step)
        /// CREATE was pressed; nothing the user does can send it again.
        case submitting(Submitting)
        /// Step 4: the created token.
        case summary(Summary)
        /// The wizard is gone; `createdTokenID` says whether it left a token behind.
        case closed(createdTokenID: String?)
    }

    /// The steps that take input. Each holds only what is valid on it.
    public enum Step: Hashable, Sendable {
        case general(GeneralStep)
        case `extension`(ExtensionStep)
        case permissions(PermissionsStep)

        public var input: WizardInput {
            switch self {
            case .general(let step): step.input
            case .extension(let step): step.input
            case .permissions(let step): step.input
            }
        }

        /// 1, 2 or 3.
        public var number: Int {
            switch self {
            case .general: 1
            case .extension: 2
            case .permissions: 3
            }
        }
    }

    /// Step 1: name, external id, description.
    public struct GeneralStep: Hashable, Sendable {
        public internal(set) var input: WizardInput
        /// Set once NEXT was refused, so messages show from then on, not while first typing.
        public internal(set) var showsProblems = false

        /// The messages to show next to the fields.
        public var problems: [GeneralField: String] { showsProblems ? input.general.problems : [:] }
    }

    /// Step 2: pick one extension from a paged list. General is valid here.
    public struct ExtensionStep: Hashable, Sendable {
        public internal(set) var input: WizardInput
        public let general: ValidGeneral
        public internal(set) var list: ExtensionList
        /// Why NEXT was refused.
        public internal(set) var message: String?
    }

    /// One page of the extension list and its loading state.
    public struct ExtensionList: Hashable, Sendable {
        public internal(set) var page: PageRequest
        public internal(set) var content: Loadable<Page<Extension>>
    }

    /// Step 3: the modules (configurable extensions) or the extension's own permissions.
    public struct PermissionsStep: Hashable, Sendable {
        public internal(set) var input: WizardInput
        public let general: ValidGeneral
        public let chosen: Extension
        /// Whether the user picks modules (a checklist) or the extension sets them (read-only).
        public let configurable: Bool
        /// The modules offered; only fetched when `configurable`.
        public internal(set) var modules: Loadable<[Module]>
        /// Why CREATE was refused, or why the last CREATE failed.
        public internal(set) var message: String?
        /// A CREATE whose outcome is not known yet (its answer was lost and the look for it did
        /// not finish): the next CREATE looks for this claim first, so it is never made twice.
        public internal(set) var pendingClaim: TokenCreateClaim?
        /// The extension list of step 2, kept so BACK shows it as it was.
        let extensions: ExtensionList?
    }

    /// After CREATE: the token is being made (or looked for), then given its modules.
    public struct Submitting: Hashable, Sendable {
        public enum Phase: Hashable, Sendable {
            /// The CREATE itself (see `CreateAttempt`); Esc stops waiting for a slow answer.
            case attempt(TokenCreation)
            /// Created; granting the chosen modules one by one.
            case granting(Token, pending: Set<String>, granted: Set<String>, failures: [String: ConnectError])
        }

        public let returnStep: PermissionsStep
        public internal(set) var phase: Phase

        /// Whether a CREATE (or a look for one) that may still land is out.
        public var mayLand: Bool {
            switch phase {
            case .attempt(let attempt): attempt.mayLand
            case .granting: false
            }
        }
    }

    /// Step 4: the created token, its key and its permissions.
    public struct Summary: Hashable, Sendable {
        public let token: Token
        public let `extension`: Extension
        /// The modules known to the wizard, for names.
        public let modules: [Module]
        public internal(set) var granted: Set<String>
        public internal(set) var failedGrants: [String: ConnectError]
        /// Modules being granted again after RETRY.
        public internal(set) var retrying: Set<String>
        public let configurable: Bool

        /// A warning when some modules could not be granted.
        public var warning: String? {
            guard !failedGrants.isEmpty else { return nil }
            let names = failedGrants.keys.sorted().map { id in
                modules.first { $0.id == id }?.name ?? id
            }
            let reason = failedGrants.sorted { $0.key < $1.key }.first?.value.detail ?? ""
            return "The token was created, but these permissions were not granted: "
                + names.joined(separator: ", ") + " (\(reason)). Press RETRY to grant them."
        }
    }

    /// What happened, named for what the user or the app did.
    public enum Event: Hashable, Sendable {
        case fieldEdited(GeneralField, String)
        case nextTapped
        case backTapped
        case cancelTapped
        case createTapped
        case retryTapped
        case extensionsLoaded(PageRequest, Result<Page<Extension>, ConnectError>)
        case extensionsNextPageTapped
        case extensionsPreviousPageTapped
        case extensionChosen(Extension)
        case modulesLoaded(Result<[Module], ConnectError>)
        case moduleToggled(String)
        case allModulesToggled
        /// An answer to one of the CREATE's requests.
        case creation(TokenCreation.Answer)
        case permissionGranted(moduleID: String, WriteOutcome)
        case discardConfirmed
        case keepEditingTapped
        case goToDetailsTapped
        case closeTapped
    }

    /// I/O the app performs for the wizard; results come back as events.
    public enum Effect: Hashable, Sendable {
        /// Answer with `.extensionsLoaded(page, …)`.
        case loadExtensions(PageRequest)
        /// Answer with `.modulesLoaded(…)`, every module.
        case loadModules
        /// One of the CREATE's requests (see `CreateAttempt`); answer with `.creation(…)`.
        case creation(TokenCreation.Request)
        /// Answer with `.permissionGranted(moduleID:…)`.
        case grantPermission(tokenID: String, moduleID: String)
        /// Close the wizard and open the token's details.
        case openDetails(tokenID: String)
        /// Close the wizard; select the created token, if any, in the list.
        case close(createdTokenID: String?)
    }
}
