import ConnectCore
import Foundation

extension AppRuntime {
    /// A token's key handed to another tool: copied, or written to a 0600 file. The key is
    /// read afresh each time.
    func exportKey(_ tokenID: String, _ format: KeyExport.Format, to target: ExportTarget) {
        let what = "The \(format.rawValue) export of \(tokenID)"
        let render = { @Sendable (client: ConnectClient) async throws(ConnectError) -> Secret? in
            let token = try await client.token(id: tokenID)
            return token.apiKey.map { Secret(KeyExport.render(format, endpoint: client.endpoint, key: $0, name: token.name ?? tokenID)) }
        }
        switch target {
        case .clipboard:
            copySecret(what: what, read: render)
        case .file(let path, let overwrite):
            withSecret(what: what, read: render) { text in
                let url = URL(fileURLWithPath: NSString(string: path).expandingTildeInPath)
                let outcome: ExportFileOutcome
                do throws(SecureFile.NewFileError) {
                    try SecureFile.writeNew(Data(text.unmaskedValue.utf8), to: url, overwrite: overwrite)
                    outcome = .written
                } catch {
                    switch error {
                    case .exists: outcome = .exists
                    case .failed(let why): outcome = .failed(why.description)
                    }
                }
                return .action(.exportWritten(tokenID: tokenID, format, path: path, outcome))
            }
        }
    }

    /// A token's own key checked against `GET /auth/context`.
    func checkKey(_ tokenID: String) {
        request({ client throws(ConnectError) in await client.check(try await client.tokenWithKey(id: tokenID).1) }) { result in
            .keyChecked(tokenID: tokenID, result)
        }
    }
}
