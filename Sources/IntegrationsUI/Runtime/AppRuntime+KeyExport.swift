import ConnectCore
import Foundation

extension AppRuntime {
    /// A token's key handed to other tools: exported (copied, or written to a 0600 file), or
    /// checked against `GET /auth/context`. The key is read afresh each time.
    func performKeyEffect(_ effect: AppEffect) {
        let client = self.client
        let clock = self.clock
        switch effect {
        case .exportKey(let tokenID, let format, let target):
            let clipboard = self.clipboard
            spawn {
                let what = "The \(format.rawValue) export of \(tokenID)"
                let token: Token
                switch await attempt({ () async throws(ConnectError) in try await client.token(id: tokenID) }) {
                case .success(let read): token = read
                case .failure(let error): return .action(.copied(what: what, .failed(error), now: clock()))
                }
                guard let key = token.apiKey else { return .action(.copied(what: what, .noSecret, now: clock())) }
                let text = KeyExport.render(format, endpoint: client.endpoint, key: key, name: token.name ?? tokenID)
                switch target {
                case .clipboard:
                    return .copy(Secret(text), what: what, native: clipboard.copyNatively(text), isSecret: true)
                case .file(let path, let overwrite):
                    let url = URL(fileURLWithPath: NSString(string: path).expandingTildeInPath)
                    let outcome: ExportFileOutcome
                    do throws(SecureFile.NewFileError) {
                        try SecureFile.writeNew(Data(text.utf8), to: url, overwrite: overwrite)
                        outcome = .written
                    } catch {
                        switch error {
                        case .exists: outcome = .exists
                        case .failed(let why): outcome = .failed(why.description)
                        }
                    }
                    return .action(.exportWritten(tokenID: tokenID, format, path: path, outcome, now: clock()))
                }
            }
        case .checkKey(let tokenID):
            spawn {
                let result = await attempt { () async throws(ConnectError) -> KeyCheck in
                    await client.check(try await client.tokenWithKey(id: tokenID).1)
                }
                return .action(.keyChecked(tokenID: tokenID, result))
            }
        case .loadAccount, .loadTokens, .cancelTokenLoad, .loadModules, .loadExtensions, .loadExtensionPage, .loadToken,
            .loadExtension, .perform, .countTokens, .copyAPIKey, .copyText, .copyJWTSecret, .clearCopiedSecret, .loadWebhooks,
            .cancelWebhookLoad, .loadWebhook, .performWebhook, .webhookForm, .wizard, .editForm, .switchAccount, .deleteDraft,
            .discardPendingInput, .quit, .readAhead:
            assertionFailure("not a key effect: \(effect)")
        }
    }
}
