import Foundation
import TokenWizard

/// The unfinished wizard on disk: written atomically, 0600 in a 0700 folder, no secrets (a
/// `WizardDraft` holds none). A file that cannot be read is moved aside, not deleted.
public struct DraftFile: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    public enum LoadResult: Sendable {
        case none
        case draft(WizardDraft)
        /// The file was unreadable and now sits at `keptAt`.
        case unreadable(keptAt: URL)
    }

    public func load() -> LoadResult {
        guard let data = try? Data(contentsOf: url) else { return .none }
        if let draft = try? JSONDecoder().decode(WizardDraft.self, from: data) { return .draft(draft) }
        let aside = url.appendingPathExtension("unreadable")
        try? FileManager.default.removeItem(at: aside)
        try? FileManager.default.moveItem(at: url, to: aside)
        return .unreadable(keptAt: aside)
    }

    public func save(_ draft: WizardDraft) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(draft)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    public func delete() { try? FileManager.default.removeItem(at: url) }
}
