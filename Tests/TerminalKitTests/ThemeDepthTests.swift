import Foundation
import Testing

@testable import TerminalKit

/// A theme file nested fifty thousand deep is a problem to report, never a crash.
@Suite struct ThemeDepthTests {
    @Test func aDeeplyNestedThemeFileIsAProblem() {
        let text = "[roles]\naccent = " + String(repeating: "[", count: 50_000) + "\n"
        #expect(throws: ThemeFile.Problem.self) { _ = try ThemeFile.parse(text, name: "deep") }
    }

    @Test func aThemeFileOfMoreThan256KiBIsRefusedUnread() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(("[roles]\n" + String(repeating: "# padding\n", count: 30_000)).utf8).write(to: folder.appendingPathComponent("huge.toml"))
        guard case .failure(let problem) = ThemeCatalog(folders: [folder]).load("huge") else {
            Issue.record("a 300 KB theme was read")
            return
        }
        #expect(problem.description.hasSuffix("is larger than 256 KiB; a theme is a few lines"))
    }
}
