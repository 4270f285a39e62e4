import ConnectCore
import TerminalKit

/// The export menu (`E`): which format, for which token.
public struct ExportMenu: Sendable, Hashable {
    public var tokenID: String
    public var cursor = 0

    public var format: KeyExport.Format { KeyExport.Format.allCases[cursor] }
}

/// The file an export is about to be written to: the path being typed, and whether the file
/// there may be replaced (asked when it exists).
public struct ExportFile: Sendable, Hashable {
    public var tokenID: String
    public var format: KeyExport.Format
    public var path: TextField
    /// The file exists: replace it?
    public var asksToReplace = false

    public init(tokenID: String, format: KeyExport.Format) {
        self.tokenID = tokenID
        self.format = format
        path = TextField(format.fileName(tokenID: tokenID), limit: 1024)
    }
}
