import ConnectCore
import Foundation

/// What the app remembers of each account (`UIMemory`), one file per account under
/// `$XDG_STATE_HOME/connect-tui/remembered/`, 0600, written atomically; named by a hash of
/// the account (endpoint and token id, never the secret). A file that cannot be read is set
/// aside and said, and the defaults apply.
public struct MemoryFile: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    func url(account: String) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in account.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return folder.appendingPathComponent(String(hash, radix: 16) + ".json")
    }

    func load(account: String) -> StoredJSON.Read<UIMemory> {
        StoredJSON.read(UIMemory.self, at: url(account: account))
    }

    /// Saves; a failure is not worth stopping for (the defaults apply next time).
    public func save(_ memory: UIMemory, account: String) {
        try? StoredJSON.write(memory, to: url(account: account))
    }
}
