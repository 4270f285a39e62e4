import ConnectCore
import Foundation
import TokenWizard

/// Unfinished wizards on disk, one file per running connect-tui (so two that quit at once do
/// not overwrite each other), each saying which account it belongs to (so it is offered only
/// there): written atomically, 0600 in a 0700 folder, no secrets (a `WizardDraft` holds none).
/// A file that cannot be read is moved aside, not deleted.
public struct DraftFile: Sendable {
    /// The folder of drafts (`…/connect-tui/drafts`).
    public let folder: URL
    /// This instance's own file.
    public let url: URL
    /// The one file of versions before drafts had accounts, offered on any account.
    public let legacy: URL?

    public init(folder: URL, instance: UUID, legacy: URL? = nil) {
        self.folder = folder
        url = folder.appendingPathComponent("\(instance.uuidString.lowercased()).json")
        self.legacy = legacy
    }

    /// The account a draft belongs to: the endpoint and the key's token id (never the secret).
    public static func account(of client: ConnectClient) -> String {
        "\(client.endpoint.absoluteString) \(client.apiKey.tokenID ?? "")"
    }

    public enum LoadResult: Sendable {
        case none
        /// The newest draft of the account and the file it came from (older ones wait their turn).
        case draft(WizardDraft, file: URL)
        /// A file was unreadable and now sits at `keptAt`.
        case unreadable(keptAt: URL)
    }

    /// The newest draft of `account`; drafts of other accounts stay where they are.
    public func load(account: String) -> LoadResult {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
        if let legacy, FileManager.default.fileExists(atPath: legacy.path) { files.append(legacy) }
        var found: [(draft: WizardDraft, file: URL, date: Date)] = []
        for file in files {
            let draft: WizardDraft
            switch StoredJSON.read(WizardDraft.self, at: file) {
            case .missing: continue
            case .read(let read): draft = read
            case .setAside(let aside): return .unreadable(keptAt: aside)
            }
            guard draft.account == nil || draft.account == account else { continue }
            let date = (try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            found.append((draft, file, date))
        }
        guard let newest = found.max(by: { $0.date < $1.date }) else { return .none }
        return .draft(newest.draft, file: newest.file)
    }

    /// Writes this instance's draft.
    public func save(_ draft: WizardDraft) throws(ConfigurationMessage) {
        try StoredJSON.write(draft, to: url)
    }

    public func delete(_ file: URL) { try? FileManager.default.removeItem(at: file) }
}
