import Foundation

/// Where this binary runs from: an installation (`PREFIX/bin/connect-tui` beside
/// `PREFIX/share/connect-tui/`) or a checkout (`swift run`, the binary under `.build`).
enum Installation {
    /// The binary itself, symlinks resolved. Not `argv[0]`: run from `PATH`, that is only a name.
    static var executable: URL {
        let url = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return url.resolvingSymlinksInPath()
    }

    /// `PREFIX/share/connect-tui` of an installation, when the binary is in `PREFIX/bin`.
    static var shareFolder: URL? {
        let share = executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/connect-tui")
        return FileManager.default.fileExists(atPath: share.path) ? share : nil
    }

    /// The checkout this binary was built from (`#filePath` is …/Sources/connect-tui/…), if it
    /// is still there.
    static var checkout: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) ? root : nil
    }

    /// The commit the binary was built from: written by `scripts/install` beside an
    /// installation, else read from the checkout's `.git` (no git needed); "unknown" otherwise.
    static var commit: String {
        if let share = shareFolder, let text = try? String(contentsOf: share.appendingPathComponent("commit"), encoding: .utf8) {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let git = checkout?.appendingPathComponent(".git"),
            let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        else { return "unknown" }
        guard head.hasPrefix("ref: ") else { return String(head.prefix(12)) }
        let ref = String(head.dropFirst(5))
        if let loose = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
            return String(loose.trimmingCharacters(in: .whitespacesAndNewlines).prefix(12))
        }
        let packed = (try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
        let line = packed.split(separator: "\n").first { $0.hasSuffix(" " + ref) }
        return line.map { String($0.prefix(12)) } ?? "unknown"
    }
}
