import ConnectCore
@testable import TokenWizard

/// Extensions, modules, tokens and errors the wizard tests share.
enum Sample {
    static let custom = Extension(
        id: "EXT-000", name: "custom", subtitle: "Custom Integration",
        description: "Custom integration of your own systems.", status: .published)
    static let zapier = Extension(
        id: "EXT-816", name: "zapier", subtitle: "Zapier", description: "Zapier workflows.",
        status: .published)
    static let reports = Extension(
        id: "EXT-569", name: "reports", subtitle: "Connect Reports", description: "Reports.",
        status: .published)
    static let modules = [
        Module(id: "MD-0001", name: "Account"), Module(id: "MD-0007", name: "Integrations"),
        Module(id: "MD-0023", name: "Helpdesk"),
    ]
    static let firstPage = PageRequest(limit: 25, offset: 0)
    static let extensionsPage = Page(
        items: [custom, zapier], range: ContentRange(first: 0, last: 1, total: 2), request: firstPage)
    static let token = Token(
        id: "SU-111-222-333", name: "CI token", description: "For CI", status: .active,
        extension: ExtensionReference(id: "EXT-000", name: "custom"),
        token: Secret("0123456789abcdef0123456789abcdef01234567"))
    static let validGeneral = GeneralInput(name: "CI token", externalID: "", description: "For CI")
    static let request = TokenCreate(
        name: "CI token", description: "For CI", externalID: nil, extensionID: "EXT-000")
    /// The claim the app answers `.creation(.prepare(request))` with: a marker in the empty
    /// external id, and one look-alike token that existed before.
    static let claim = TokenCreateClaim(
        body: TokenCreate(name: "CI token", description: "For CI", externalID: "connect-tui-test", extensionID: "EXT-000"),
        existingIDs: ["SU-000-000-001"])
    static let rejected = ConnectError(
        operation: .createToken, method: .post,
        kind: .http(status: 400, code: "VAL_001", messages: ["name: already taken"]))
    static let lost = ConnectError(operation: .createToken, method: .post, kind: .timedOut)
    static let readFailed = ConnectError(
        operation: .listExtensions, method: .get, kind: .http(status: 503, code: nil, messages: []))
}

/// A wizard driven through real events to each state the tables start from.
enum States {
    static func run(_ wizard: inout CreateTokenWizard, _ events: [CreateTokenWizard.Event]) {
        for event in events { _ = wizard.handle(event) }
    }

    static func wizard(_ events: [CreateTokenWizard.Event]) -> CreateTokenWizard {
        var wizard = CreateTokenWizard()
        run(&wizard, events)
        return wizard
    }

    static let typedGeneral: [CreateTokenWizard.Event] = [
        .fieldEdited(.name, "CI token"), .fieldEdited(.description, "For CI"),
    ]
    static let toExtension = typedGeneral + [.nextTapped]
    static let extensionLoaded = toExtension + [.extensionsLoaded(Sample.firstPage, .success(Sample.extensionsPage))]
    static let customChosen = extensionLoaded + [.extensionChosen(Sample.custom)]
    static let toPermissions = customChosen + [.nextTapped]
    static let modulesLoaded = toPermissions + [.modulesLoaded(.success(Sample.modules))]
    static let oneModule = modulesLoaded + [.moduleToggled("MD-0001")]
    static let preparing = oneModule + [.createTapped]
    static let creating = preparing + [.creation(.prepared(.success(Sample.claim)))]
    static let granting = creating + [.creation(.created(.success(Sample.token)))]
    static let summary = granting + [.permissionGranted(moduleID: "MD-0001", .succeeded)]

    /// Every state the table covers, by name.
    static let named: [String: [CreateTokenWizard.Event]] = [
        "general, empty": [],
        "general, typed": typedGeneral,
        "extension, loading": toExtension,
        "extension, failed": toExtension + [.extensionsLoaded(Sample.firstPage, .failure(Sample.readFailed))],
        "extension, chosen": customChosen,
        "permissions, loading": toPermissions,
        "permissions, one module": oneModule,
        "permissions, read-only": extensionLoaded + [.extensionChosen(Sample.zapier), .nextTapped],
        "submitting, preparing": preparing,
        "submitting, creating": creating,
        "submitting, checking": creating + [.creation(.created(.failure(Sample.lost)))],
        "submitting, granting": granting,
        "summary": summary,
        "summary, grant failed": granting + [.permissionGranted(moduleID: "MD-0001", .failed(Sample.rejected))],
        "confirming cancel": typedGeneral + [.cancelTapped],
        "closed": [.cancelTapped],
    ]
}

/// One event of each kind, with the payloads the table uses.
let everyEvent: [CreateTokenWizard.Event] = [
    .fieldEdited(.name, "Renamed"), .nextTapped, .backTapped, .cancelTapped, .createTapped,
    .retryTapped, .extensionsLoaded(Sample.firstPage, .success(Sample.extensionsPage)),
    .extensionsNextPageTapped, .extensionsPreviousPageTapped, .extensionChosen(Sample.zapier),
    .modulesLoaded(.success(Sample.modules)), .moduleToggled("MD-0007"), .allModulesToggled,
    .creation(.prepared(.success(Sample.claim))), .creation(.created(.success(Sample.token))), .creation(.searched(.success(.absent))),
    .permissionGranted(moduleID: "MD-0001", .succeeded), .discardConfirmed, .keepEditingTapped,
    .goToDetailsTapped, .closeTapped,
]

extension CreateTokenWizard.Event {
    /// The event's kind, for table keys. Exhaustive: a new event breaks this until it is named.
    var name: String {
        switch self {
        case .fieldEdited: "fieldEdited"
        case .nextTapped: "next"
        case .backTapped: "back"
        case .cancelTapped: "cancel"
        case .createTapped: "create"
        case .retryTapped: "retry"
        case .extensionsLoaded: "extensionsLoaded"
        case .extensionsNextPageTapped: "nextPage"
        case .extensionsPreviousPageTapped: "previousPage"
        case .extensionChosen: "extensionChosen"
        case .modulesLoaded: "modulesLoaded"
        case .moduleToggled: "moduleToggled"
        case .allModulesToggled: "allModules"
        case .creation(.prepared): "createPrepared"
        case .creation(.created): "tokenCreated"
        case .creation(.searched): "lostTokenSearched"
        case .permissionGranted: "permissionGranted"
        case .discardConfirmed: "discard"
        case .keepEditingTapped: "keepEditing"
        case .goToDetailsTapped: "goToDetails"
        case .closeTapped: "close"
        }
    }
}
