import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

@testable import IntegrationsUI

enum UISample {
    static let now = Date(timeIntervalSince1970: 1_763_800_000)
    /// A runtime's settings with the system's clock and random ids.
    static var settings: AppRuntime.Settings { AppRuntime.Settings(clock: { Date() }, makeUUID: { UUID() }) }
    static let connection = Connection(endpoint: URL(string: "http://127.0.0.1:5555/public/v1")!, isSandbox: true, source: "sandbox")
    static let account = AccountInfo(account: Account(id: "PA-431-800", name: "Mighty Mick's LLC", type: .provider, role: .distributor), userName: "Michael Goldmill")

    static func token(_ id: String, _ name: String, status: TokenStatus = .active, secret: String = "0123456789abcdef0123456789abcdef01234567") -> Token {
        Token(
            id: id, name: name, description: "The following represents a tutorial API token.", status: status,
            extension: ExtensionReference(id: "EXT-000", name: "custom"), token: Secret(secret),
            events: Events(
                created: Event(at: Timestamp(rawValue: "2021-05-18T04:28:00+00:00"), by: ActorReference(name: "Michael Goldmill")),
                updated: Event(at: Timestamp(rawValue: "2021-05-19T10:00:00+00:00"), by: ActorReference(name: "Michael Goldmill"))),
            permissions: [TokenPermission(moduleID: "MD-0001"), TokenPermission(moduleID: "MD-0007")])
    }

    static let tutorial = token("SU-431-800-699", "Tutorial API Token")
    static let modules = [Module(id: "MD-0001", name: "Account"), Module(id: "MD-0007", name: "Integrations"), Module(id: "MD-0023", name: "Helpdesk")]

    static func page(_ tokens: [Token], total: Int? = nil, offset: Int = 0, limit: Int = 10) -> Page<Token> {
        let count = total ?? tokens.count
        let range = tokens.isEmpty ? ContentRange(first: 0, last: -1, total: count) : ContentRange(first: offset, last: offset + tokens.count - 1, total: count)
        return Page(items: tokens, range: range, request: PageRequest(limit: limit, offset: offset))
    }

    /// A state with the account and a page of tokens loaded.
    static func state(_ size: TerminalSize, tokens: [Token] = [tutorial], total: Int? = nil) -> AppState {
        var state = AppState(size: size, connection: connection, timeZone: TimeZone(identifier: "UTC")!, now: UISample.now)
        _ = AppReducer.start(&state)
        _ = AppReducer.reduce(&state, .accountLoaded(.success(account)))
        _ = AppReducer.reduce(&state, .modulesLoaded(.success(modules)))
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: state.tokens.loadID, .success(.tokens(page(tokens, total: total)))))
        return state
    }

    static func webhook(_ id: String, _ label: String, active: Bool = true, url: String = "https://erp.example.com/connect/hook") -> Webhook {
        var hook = Webhook(id: id, label: label)
        hook.type = .event
        hook.objectClass = .fulfillmentRequest
        hook.active = active
        hook.externalURL = url
        hook.jwtSecret = Secret("jwt-secret-value-0123456789")
        hook.description = "Sends fulfillment requests to the ERP."
        hook.httpMethod = "POST"
        hook.product = Webhook.Product(id: "PRD-276-377-545", name: "Cloud Backup Pro")
        hook.data = .object([:])
        hook.headers = .object(["X-Tenant": .string("mighty")])
        hook.createdAt = Timestamp(rawValue: "2021-05-18T04:28:00+00:00")
        hook.createdBy = Webhook.Party(id: "UR-1", name: "Michael Goldmill")
        hook.stats = Webhook.Stats(events: 7, triggers: 5, successTriggers: 3, failureTriggers: 2, failureSinceLastSuccess: 1)
        hook.lastSuccess = Webhook.Delivery(time: Timestamp(rawValue: "2026-11-20T10:00:00+00:00"), duration: 42, status: .success, statusCode: 200)
        hook.lastFailure = Webhook.Delivery(time: Timestamp(rawValue: "2026-11-21T11:30:00+00:00"), duration: 3000, status: .failure, errors: "Could not resolve host")
        return hook
    }

    static let erpHook = webhook("WB-111-222-333", "Fulfillment to ERP")

    static func webhookPage(_ hooks: [Webhook], total: Int? = nil, offset: Int = 0, limit: Int = 10) -> Page<Webhook> {
        let count = total ?? hooks.count
        let range = hooks.isEmpty ? ContentRange(first: 0, last: -1, total: count) : ContentRange(first: offset, last: offset + hooks.count - 1, total: count)
        return Page(items: hooks, range: range, request: PageRequest(limit: limit, offset: offset))
    }

    /// The Webhooks pane shown with a page of webhooks loaded.
    static func webhookState(_ size: TerminalSize, hooks: [Webhook] = [erpHook], total: Int? = nil) -> AppState {
        var state = state(size)
        _ = press(&state, .character("3"))
        _ = AppReducer.reduce(&state, .listLoaded(.webhooks, loadID: state.webhooks.loadID, .success(.webhooks(webhookPage(hooks, total: total)))))
        return state
    }

    /// The Extensions pane showing `extensions` (its first page, as the server sends it).
    static func extensionsState(_ size: TerminalSize, _ extensions: [Extension]) -> AppState {
        var state = state(size)
        _ = AppReducer.reduce(&state, .extensionsLoaded(.success(extensions)))
        _ = press(&state, .character("4"))
        let page = Page(items: extensions, range: ContentRange(first: 0, last: max(0, extensions.count - 1), total: extensions.count), request: PageRequest(limit: 10))
        _ = AppReducer.reduce(&state, .listLoaded(.extensions, loadID: state.extensionList.loadID, .success(.extensions(page))))
        return state
    }

    static let small = TerminalSize(columns: 80, rows: 24)
    static let large = TerminalSize(columns: 120, rows: 40)

    static func press(_ state: inout AppState, _ keys: Key...) -> [AppEffect] {
        keys.flatMap { AppReducer.reduce(&state, .key($0, now: now)) }
    }
}

extension Screen {
    /// The row that contains `text`, if any.
    func row(containing text: String) -> String? { lines.first { $0.contains(text) } }
}
