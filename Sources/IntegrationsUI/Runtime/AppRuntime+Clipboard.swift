import ConnectCore
import Foundation

extension AppRuntime {
    /// Copying: a secret is read afresh from the server (never kept in an effect), then
    /// written on the loop's thread (OSC 52) and by the desktop tool; clearing checks that the
    /// clipboard still holds it.
    func performClipboard(_ effect: AppEffect) {
        let client = self.client
        switch effect {
        case .copyAPIKey(let tokenID):
            copySecret(what: "The API key of \(tokenID)") { () async throws(ConnectError) in
                try await client.token(id: tokenID).apiKey.map { Secret($0.unmaskedValue) }
            }
        case .copyJWTSecret(let id):
            copySecret(what: "The JWT secret of \(id)") { () async throws(ConnectError) in
                try await client.webhook(id: id).jwtSecret.flatMap { $0.unmaskedValue.isEmpty ? nil : $0 }
            }
        case .copyText(let text, let what):
            let clipboard = self.clipboard
            spawn { .copy(Secret(text), what: what, native: clipboard.copyNatively(text), isSecret: false) }
        case .clearCopiedSecret:
            guard let secret = copiedSecret else { return }
            copiedSecret = nil
            let clipboard = self.clipboard
            spawn { .clipboardCleared(clipboard.clear(ifStillHolding: secret)) }
        case .loadAccount, .loadTokens, .cancelTokenLoad, .loadModules, .loadExtensions, .loadExtensionPage, .loadToken, .loadExtension, .perform, .readAhead,
            .countTokens, .loadWebhooks, .cancelWebhookLoad, .loadWebhook, .performWebhook, .webhookForm, .wizard, .editForm,
            .switchAccount, .deleteDraft, .discardPendingInput, .quit, .exportKey, .checkKey:
            assertionFailure("not a clipboard effect: \(effect)")
        }
    }

    /// Reads a secret and copies it; a failure or a missing secret is said as the copy's outcome.
    private func copySecret(what: String, read: @escaping @Sendable () async throws(ConnectError) -> Secret?) {
        let clipboard = self.clipboard
        let clock = self.clock
        spawn {
            switch await attempt(read) {
            case .success(let secret?): return .copy(secret, what: what, native: clipboard.copyNatively(secret.unmaskedValue), isSecret: true)
            case .success(nil): return .action(.copied(what: what, .noSecret, now: clock()))
            case .failure(let error): return .action(.copied(what: what, .failed(error), now: clock()))
            }
        }
    }

    /// A copied secret whose `clear_after` time has not come yet is cleared now: quitting must
    /// not leave it on the clipboard for good (still only if the clipboard holds it).
    func clearCopiedSecretBeforeExit() {
        guard state.clipboardClearAt != nil, let secret = copiedSecret else { return }
        copiedSecret = nil
        if case .cleared(let sequence) = clipboard.clear(ifStillHolding: secret), let sequence {
            terminal.sendControlSequence(sequence)
        }
    }
}
