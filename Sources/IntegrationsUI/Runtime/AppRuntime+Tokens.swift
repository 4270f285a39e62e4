import ConnectCore
import Foundation
import TokenWizard

extension AppRuntime {
    /// The account, the Tokens pane, token details and what they look up; each answer comes
    /// back as an action.
    func performTokens(_ effect: AppEffect) {
        let client = self.client
        let clock = self.clock
        switch effect {
        case .loadAccount:
            spawn {
                .action(.accountLoaded(await attempt { () async throws(ConnectError) in
                    async let account = attempt { () async throws(ConnectError) in try await client.myAccount() }
                    async let context = attempt { () async throws(ConnectError) in try await client.authContext() }
                    return AccountInfo(account: try await account.get(), userName: try await context.get().user?.name)
                }))
            }
        case .loadTokens(let loadID, let query, let page):
            tokenLoad?.cancel()
            tokenLoad = spawn {
                .action(.tokensLoaded(loadID: loadID, await attempt { () async throws(ConnectError) in try await client.listTokens(query, page: page) }, now: clock()))
            }
        case .cancelTokenLoad:
            tokenLoad?.cancel()
        case .loadModules:
            spawn { .action(.modulesLoaded(await attempt { () async throws(ConnectError) in try await client.listModules(page: PageRequest(limit: 1000)).items })) }
        case .loadExtensions:
            spawn { .action(.extensionsLoaded(await attempt { () async throws(ConnectError) in try await client.listExtensions(page: PageRequest(limit: 1000)).items })) }
        case .loadExtensionPage(let loadID, let query, let page):
            spawn { .action(.extensionPageLoaded(loadID: loadID, await attempt { () async throws(ConnectError) in try await client.listExtensions(query, page: page) })) }
        case .loadToken(let id):
            spawn { .action(.tokenLoaded(await attempt { () async throws(ConnectError) in try await client.token(id: id) })) }
        case .loadExtension(let id):
            spawn { (try? await client.extensionDetails(id: id)).map { .action(.extensionLoaded($0)) } }
        case .perform(let action, let tokenID):
            spawn {
                let result = await attempt { () async throws(ConnectError) in try await Self.perform(action, tokenID, client) }
                return .action(.tokenActionFinished(action, tokenID: tokenID, result, now: clock()))
            }
        case .countTokens(let extensionID):
            spawn {
                let total = await attempt { () async throws(ConnectError) in
                    try await client.listTokens(ListQuery(filter: .eq("extension.id", .string(extensionID))), page: PageRequest(limit: 0)).total ?? 0
                }
                return .action(.extensionTokensCounted(extensionID: extensionID, total))
            }
        case .copyAPIKey, .copyText, .copyJWTSecret, .clearCopiedSecret, .loadWebhooks, .cancelWebhookLoad, .loadWebhook, .readAhead,
            .performWebhook, .webhookForm, .wizard, .editForm, .switchAccount, .deleteDraft, .discardPendingInput, .quit, .exportKey, .checkKey:
            assertionFailure("not a token effect: \(effect)")
        }
    }

    /// A token action; a lost answer is read back, so an action that happened shows as done.
    private static func perform(_ action: TokenAction, _ tokenID: String, _ client: ConnectClient) async throws(ConnectError) -> Token? {
        let readBack = try await client.tokenAction(tokenID, { () async throws(ConnectError) -> Token? in
            switch action {
            case .enable: return try await client.activateToken(id: tokenID)
            case .disable: return try await client.deactivateToken(id: tokenID)
            case .rotate: return try await client.rotateToken(id: tokenID)
            case .renew: return try await client.renewToken(id: tokenID)
            case .delete:
                try await client.deleteToken(id: tokenID)
                return nil
            }
        }, isDone: { now in
            switch action {
            case .enable: now?.status == .active
            case .disable: now?.status == .inactive
            case .delete: now == nil
            case .rotate, .renew: false  // a new secret cannot be told from the old by reading
            }
        })
        switch readBack {
        case .answered(let token), .lostButDone(let token): return token
        }
    }
}
