import ConnectCore
import Foundation
import TokenWizard

extension AppRuntime {
    /// The create-token wizard's I/O; each answer goes back to the machine as an event.
    func performWizard(_ effect: CreateTokenWizard.Effect) {
        switch effect {
        case .loadExtensions(let page):
            request({ client throws(ConnectError) in try await client.listExtensions(page: page) }) { result in .wizard(.extensionsLoaded(page, result)) }
        case .loadModules:
            request({ client throws(ConnectError) in try await Self.modules(client) }) { result in .wizard(.modulesLoaded(result)) }
        case .creation(.prepare(let body)):
            let marker = ConnectClient.createMarker(makeUUID())
            request({ client throws(ConnectError) in try await client.claimTokenCreate(body, marker: marker) }) { result in .wizard(.creation(.prepared(result))) }
        case .creation(.create(let body)):
            // Written ahead: if connect-tui is killed while the request is out, the next start
            // offers the draft and its claim, and CREATE looks for the token first.
            saveUnfinishedWizard()
            request({ client throws(ConnectError) in try await client.createToken(body) }) { result in .wizard(.creation(.created(result))) }
        case .creation(.find(let claim)):
            request({ client throws(ConnectError) in try await client.findLostCreate(claim) }) { result in .wizard(.creation(.searched(result))) }
        case .grantPermission(let tokenID, let moduleID):
            request({ client throws(ConnectError) in try await client.addTokenPermission(tokenID: tokenID, moduleID: moduleID) }) { result in
                .wizard(.permissionGranted(moduleID: moduleID, WriteOutcome(result)))
            }
        case .openDetails, .close:
            break  // the reducer handles these itself
        }
    }
}

extension AppRuntime {
    /// The edit form's writes; each answer goes back to the form as an event.
    func performEdit(_ effect: TokenEditForm.Effect) {
        switch effect {
        case .loadModules:
            request({ client throws(ConnectError) in try await Self.modules(client) }) { result in .editForm(.modulesLoaded(result)) }
        case .updateToken(let id, let update):
            request({ client throws(ConnectError) in try await client.updateToken(id: id, update) }) { result in .editForm(.tokenUpdated(result)) }
        case .grantPermission(let tokenID, let moduleID):
            request({ client throws(ConnectError) in try await client.addTokenPermission(tokenID: tokenID, moduleID: moduleID) }) { result in
                .editForm(.permissionGranted(moduleID: moduleID, WriteOutcome(result)))
            }
        case .revokePermission(let tokenID, let moduleID):
            request({ client throws(ConnectError) in try await client.removeTokenPermission(tokenID: tokenID, moduleID: moduleID) }) { result in
                .editForm(.permissionRevoked(moduleID: moduleID, WriteOutcome(result)))
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
