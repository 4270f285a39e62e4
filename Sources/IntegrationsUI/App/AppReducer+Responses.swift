import ConnectCore
import Foundation
import TokenWizard

extension AppReducer {
    /// Answers to effects.
    static func apply(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        switch action {
        case .accountLoaded(let result):
            switch result {
            case .success(let info): state.account = .loaded(info)
            case .failure(let error):
                state.account = .failed(error)
                state.status = .error(error.description, retry: .loadAccount)
            }
            return []

        case .tokensLoaded(let loadID, let result, _):
            return listLoaded(TokenListKind.self, loadID: loadID, result, &state)
        case .extensionPageLoaded(let loadID, let result):
            return listLoaded(ExtensionListKind.self, loadID: loadID, result, &state)

        case .modulesLoaded(.success(let modules)):
            state.moduleOrder = modules
            state.modules = Dictionary(modules.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            return []
        case .modulesLoaded(.failure):
            return []  // the details still work, with ids instead of names
        case .extensionsLoaded(let result):
            switch result {
            case .success(let extensions): state.extensions = .loaded(extensions)
            case .failure(let error): state.extensions = .failed(error)
            }
            return []

        case .tokenLoaded(let result):
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
        case .extensionLoaded(let found):
            if state.details?.token.value?.extension?.id == found.id { state.details?.extensionDetails = found }
            return []

        case .tokenActionFinished(let action, let tokenID, let result, let now):
            if let effects = bulkAnswer(.tokens(action), id: tokenID, failure: result.failure, now: now, &state) { return effects }
            switch result {
            case .success(let token):
                if let token {
                    state.tokens.replace(token)
                    if state.details?.tokenID == tokenID { state.details?.token = .loaded(token) }
                    // A new secret is shown at once, masked, where v and y work on it.
                    if action == .rotate || action == .renew, state.details?.tokenID != tokenID {
                        var details = TokenDetailsState(tokenID: tokenID)
                        details.token = .loaded(token)
                        state.route = .tokenDetails(details)
                    }
                }
                state.status = .info(Self.done(action, tokenID), now: now)
                if action == .delete {
                    if state.details?.tokenID == tokenID { state.details = nil }
                    return [reloadTokens(&state)]
                }
            case .failure(let error):
                actionFailed(.token(action, id: tokenID), error, &state)
            }
            return []

        case .copied(let what, let outcome, let now):
            switch outcome {
            case .copied(let osc52, let tool, let secret):
                let how = ((osc52 ? ["OSC 52"] : []) + (tool.map { [$0] } ?? [])).joined(separator: " and ")
                state.status = .info("\(what) copied to the clipboard (\(how)).", now: now)
                // A secret leaves the clipboard after `clear_after` (if it is still there then).
                if secret, let seconds = state.clipboardClearAfter { state.clipboardClearAt = now.addingTimeInterval(TimeInterval(seconds)) }
            case .copyingOff: state.status = .error("\(what) could not be copied: copying is off in config.toml ([clipboard] mode)")
            case .tooLong: state.status = .error("\(what) could not be copied: it is too long for the terminal and no clipboard tool is available")
            case .noSecret: state.status = .error("\(what) could not be copied: the server did not send the secret")
            case .failed(let error): state.status = .error("\(what) could not be copied: \(error.description)")
            }
            return []

        case .key, .resized, .tick, .stopSignal, .wizard, .editForm, .draftFound, .draftUnreadable, .extensionTokensCounted,
            .webhooksLoaded, .webhookLoaded, .webhookActionFinished, .webhookForm, .accountSwitched, .clipboardCleared, .readAheadAnswered,
            .exportWritten, .keyChecked, .remembered, .rememberedUnreadable:
            return []
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
