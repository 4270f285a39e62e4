import ConnectCore
import Foundation
import TokenWizard

extension AppRuntime {
    /// Who you are: the account and the user, read together.
    func loadAccount() {
        request({ client throws(ConnectError) in
            async let account = attempt { () async throws(ConnectError) in try await client.myAccount() }
            async let context = attempt { () async throws(ConnectError) in try await client.authContext() }
            return AccountInfo(account: try await account.get(), userName: try await context.get().user?.name)
        }) { result in .accountLoaded(result) }
    }

    /// Every module (there are few: one page holds them), for the app, the wizard and the form.
    static func modules(_ client: ConnectClient) async throws(ConnectError) -> [Module] {
        try await client.listModules(page: PageRequest(limit: 1000)).items
    }

    /// An extension's details; a failure leaves the details without them.
    func loadExtension(_ id: String) {
        let client = self.client
        spawn { (try? await client.extensionDetails(id: id)).map { .action(.extensionLoaded($0)) } }
    }

    /// How many tokens an extension has (`limit=0`: only the count).
    func countTokens(_ extensionID: String) {
        request({ client throws(ConnectError) in
            try await client.listTokens(ListQuery(filter: .eq("extension.id", .string(extensionID))), page: PageRequest(limit: 0)).total ?? 0
        }) { result in .extensionTokensCounted(extensionID: extensionID, result) }
    }

    /// A token action; a lost answer is read back, so an action that happened shows as done.
    func perform(_ action: TokenAction, tokenID: String) {
        request({ client throws(ConnectError) in
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
        }) { result in .tokenActionFinished(action, tokenID: tokenID, result) }
    }
}
