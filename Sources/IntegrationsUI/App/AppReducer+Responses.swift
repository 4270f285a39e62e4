import ConnectCore
import Foundation
import TokenWizard

extension AppReducer {
    static func accountLoaded(_ result: Result<AccountInfo, ConnectError>, _ state: inout AppState) {
        state.account = Loadable(result)
        if case .failure(let error) = result { state.status = .error(error.description, retry: .loadAccount) }
    }

    /// The modules' names; without them the details still work, with ids instead of names.
    static func modulesLoaded(_ result: Result<[Module], ConnectError>, _ state: inout AppState) {
        guard case .success(let modules) = result else { return }
        state.moduleOrder = modules
        state.modules = Dictionary(modules.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    static func tokenLoaded(_ result: Result<Token, ConnectError>, _ state: inout AppState) -> [AppEffect] {
        guard var details = state.details else { return [] }
        switch result {
        case .success(let token):
            guard token.id == details.tokenID else { return [] }
            details.token = .loaded(token)
            state.details = details
            state.tokens.replace(token)
            if details.extensionDetails == nil, let id = token.extension?.id { return [.loadExtension(id: id)] }
        case .failure(let error):
            details.token = .failed(error)
            state.details = details
        }
        return []
    }

    static func tokenActionFinished(
        _ action: TokenAction, _ tokenID: String, _ result: Result<Token?, ConnectError>, _ state: inout AppState
    ) -> [AppEffect] {
        let effects = actionFinished(TokenListKind.self, .token(action), tokenID, result, &state) { _ in
            .info(Self.done(action, tokenID))
        }
        // A new secret is shown at once, masked, where v and y work on it.
        if action == .rotate || action == .renew, case .success(let token?) = result, state.details?.tokenID != tokenID {
            var details = TokenDetailsState(tokenID: tokenID)
            details.token = .loaded(token)
            state.route = .tokenDetails(details)
        }
        return effects
    }

    /// How a copy went, in words; a copied secret is cleared after `clear_after`.
    static func copied(_ what: String, _ outcome: CopyOutcome, _ state: inout AppState) {
        switch outcome {
        case .copied(let osc52, let tool, let secret):
            let how = ((osc52 ? ["OSC 52"] : []) + (tool.map { [$0] } ?? [])).joined(separator: " and ")
            state.status = .info("\(what) copied to the clipboard (\(how)).")
            // A secret leaves the clipboard after `clear_after` (if it is still there then).
            if secret, let seconds = state.clipboardClearAfter { state.clipboardClearAt = state.now.addingTimeInterval(TimeInterval(seconds)) }
        case .copyingOff: state.status = .error("\(what) could not be copied: copying is off in config.toml ([clipboard] mode)")
        case .tooLong: state.status = .error("\(what) could not be copied: it is too long for the terminal and no clipboard tool is available")
        case .noSecret: state.status = .error("\(what) could not be copied: the server did not send the secret")
        case .failed(let error): state.status = .error("\(what) could not be copied: \(error.description)")
        }
    }

    static func done(_ action: TokenAction, _ tokenID: String) -> String {
        switch action {
        case .enable: "Token \(tokenID) enabled."
        case .disable: "Token \(tokenID) disabled."
        case .rotate: "The secret of \(tokenID) was rotated; the old key no longer works. The new key is below."
        case .renew: "The secret of \(tokenID) was renewed; the old key works until it expires. The new key is below."
        case .delete: "Token \(tokenID) deleted."
        }
    }
}
