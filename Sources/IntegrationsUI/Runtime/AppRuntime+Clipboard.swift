import ConnectCore
import Foundation

extension AppRuntime {
    // Copying: a secret is read afresh from the server (never kept in an effect), then
    // written on the loop's thread (OSC 52) and by the desktop tool; clearing checks that the
    // clipboard still holds it.

    func copyAPIKey(_ tokenID: String) {
        copySecret(what: "The API key of \(tokenID)") { client throws(ConnectError) in
            try await client.token(id: tokenID).apiKey.map { Secret($0.unmaskedValue) }
        }
    }

    func copyJWTSecret(_ id: String) {
        copySecret(what: "The JWT secret of \(id)") { client throws(ConnectError) in
            try await client.webhook(id: id).jwtSecret.flatMap { $0.unmaskedValue.isEmpty ? nil : $0 }
        }
    }

    /// Text that is not a secret (a URL, an id): nothing to clear later.
    func copyText(_ text: String, what: String) {
        let clipboard = self.clipboard
        spawn { .copy(Secret(text), what: what, native: clipboard.copyNatively(text), isSecret: false) }
    }

    /// The copied secret's time is up: cleared if the clipboard still holds it.
    func clearCopiedSecret() {
        guard let secret = copiedSecret else { return }
        copiedSecret = nil
        let clipboard = self.clipboard
        spawn { .clipboardCleared(clipboard.clear(ifStillHolding: secret)) }
    }

    /// Reads a secret and copies it.
    func copySecret(what: String, read: @escaping @Sendable (ConnectClient) async throws(ConnectError) -> Secret?) {
        let clipboard = self.clipboard
        withSecret(what: what, read: read) { secret in
            .copy(secret, what: what, native: clipboard.copyNatively(secret.unmaskedValue), isSecret: true)
        }
    }

    /// Reads a secret and hands it to `use`; a failure or a missing secret is said as the
    /// copy's outcome.
    func withSecret(
        what: String, read: @escaping @Sendable (ConnectClient) async throws(ConnectError) -> Secret?,
        use: @escaping @Sendable (Secret) -> Message
    ) {
        let client = self.client
        spawn {
            switch await attempt({ () async throws(ConnectError) in try await read(client) }) {
            case .success(let secret?): return use(secret)
            case .success(nil): return .action(.copied(what: what, .noSecret))
            case .failure(let error): return .action(.copied(what: what, .failed(error)))
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
