import Testing

@testable import TerminalKit

/// A theme file nested fifty thousand deep is a problem to report, never a crash.
@Suite struct ThemeDepthTests {
    @Test func aDeeplyNestedThemeFileIsAProblem() {
        let text = "[roles]\naccent = " + String(repeating: "[", count: 50_000) + "\n"
        #expect(throws: ThemeFile.Problem.self) { _ = try ThemeFile.parse(text, name: "deep") }
    }
}
