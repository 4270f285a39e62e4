import ConnectCore
import Foundation
import TokenWizard

extension AppRuntime {
    /// The create-token wizard's I/O; each answer goes back to the machine as an event.
    func performWizard(_ effect: CreateTokenWizard.Effect) {
        let client = self.client
        switch effect {
        case .loadExtensions(let page):
            spawn { .action(.wizard(.extensionsLoaded(page, await attempt { () async throws(ConnectError) in try await client.listExtensions(page: page) }))) }
        case .loadModules:
            spawn { .action(.wizard(.modulesLoaded(await attempt { () async throws(ConnectError) in try await client.listModules(page: PageRequest(limit: 1000)).items }))) }
        case .prepareCreate(let body):
            let marker = ConnectClient.createMarker(makeUUID())
            spawn { .action(.wizard(.createPrepared(await attempt { () async throws(ConnectError) in try await client.claimTokenCreate(body, marker: marker) }))) }
        case .createToken(let body):
            // Written ahead: if connect-tui is killed while the request is out, the next start
            // offers the draft and its claim, and CREATE looks for the token first.
            saveUnfinishedWizard()
            spawn { .action(.wizard(.tokenCreated(await attempt { () async throws(ConnectError) in try await client.createToken(body) }))) }
        case .findLostToken(let claim):
            spawn { .action(.wizard(.lostTokenSearched(await attempt { () async throws(ConnectError) in try await client.findLostCreate(claim) }))) }
        case .grantPermission(let tokenID, let moduleID):
            spawn {
                let result = await attempt { () async throws(ConnectError) in try await client.addTokenPermission(tokenID: tokenID, moduleID: moduleID) }
                return .action(.wizard(.permissionGranted(moduleID: moduleID, WriteOutcome(result))))
            }
        case .openDetails, .close:
            break  // the reducer handles these itself
        }
    }
}

extension AppRuntime {
    /// The edit form's writes; each answer goes back to the form as an event.
    func performEdit(_ effect: TokenEditForm.Effect) {
        let client = self.client
        let clock = self.clock
        switch effect {
        case .loadModules:
            spawn { .action(.editForm(.modulesLoaded(await attempt { () async throws(ConnectError) in try await client.listModules(page: PageRequest(limit: 1000)).items }), now: clock())) }
        case .updateToken(let id, let update):
            spawn { .action(.editForm(.tokenUpdated(await attempt { () async throws(ConnectError) in try await client.updateToken(id: id, update) }), now: clock())) }
        case .grantPermission(let tokenID, let moduleID):
            spawn {
                let result = await attempt { () async throws(ConnectError) in try await client.addTokenPermission(tokenID: tokenID, moduleID: moduleID) }
                return .action(.editForm(.permissionGranted(moduleID: moduleID, WriteOutcome(result)), now: clock()))
            }
        case .revokePermission(let tokenID, let moduleID):
            spawn {
                let result = await attempt { () async throws(ConnectError) in try await client.removeTokenPermission(tokenID: tokenID, moduleID: moduleID) }
                return .action(.editForm(.permissionRevoked(moduleID: moduleID, WriteOutcome(result)), now: clock()))
            }
        case .close:
            break  // the reducer handles it
        }
    }
}

extension WriteOutcome {
    /// Whether a write the machine asked for went through.
    init<T>(_ result: Result<T, ConnectError>) {
        switch result {
        case .success: self = .succeeded
        case .failure(let error): self = .failed(error)
        }
    }
}
