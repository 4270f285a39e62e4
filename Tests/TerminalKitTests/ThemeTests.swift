import Foundation
import Testing

@testable import TerminalKit

/// The shipped theme files, the theme format, and colour downgrades.
@Suite struct ThemeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")
    static let shipped = ["dark", "light", "high-contrast", "monochrome", "cloudblue"]

    @Test(arguments: shipped)
    func everyShippedThemeParsesAndDefinesEveryKnownRoleAndNothingElse(name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("\(name).toml"), encoding: .utf8)
        // On an empty base, so a role the file forgets shows up as missing.
        let (theme, problems) = try ThemeFile.parse(text, name: name, base: Theme(name: "empty", roles: [:]))
        #expect(problems.isEmpty, "\(problems)")
        #expect(Set(theme.roles.keys) == Set(StyleRole.allCases), "missing: \(Set(StyleRole.allCases).subtracting(theme.roles.keys))")
    }

    @Test func theFolderHoldsExactlyTheShippedThemes() {
        #expect(ThemeCatalog(folders: [Self.folder]).names == Self.shipped.sorted())
    }

    @Test func theCompiledInThemesMatchTheirFiles() throws {
        for builtIn in [Theme.dark, .monochrome] {
            let text = try String(contentsOf: Self.folder.appendingPathComponent("\(builtIn.name).toml"), encoding: .utf8)
            let (parsed, _) = try ThemeFile.parse(text, name: builtIn.name, base: Theme(name: "", roles: [:]))
            #expect(parsed.roles == builtIn.roles, "\(builtIn.name).toml and the compiled-in copy differ")
        }
    }

    @Test func aPartialThemeKeepsTheOtherRolesOfTheBase() throws {
        let (theme, problems) = try ThemeFile.parse("[roles]\naccent = { fg = \"#ff0000\", bold = true }\nerror = { fg = 196 }", name: "mine")
        #expect(problems.isEmpty)
        #expect(theme.roles[.accent] == RoleStyle(.rgb(255, 0, 0), bold: true))
        #expect(theme.roles[.error] == RoleStyle(.indexed(196)))
        #expect(theme.roles[.header] == Theme.dark.roles[.header])
        #expect(theme.name == "mine")
    }

    @Test func badEntriesAreReportedAndSkipped() throws {
        let text = """
            colours = 1
            [roles]
            accent = { fg = "chartreuse" }
            sparkle = { fg = "red" }
            error = { fg = 300 }
            title = { bold = "yes" }
            muted = "grey"
            link = { fg = "#12345", blink = true }
            """
        let (theme, problems) = try ThemeFile.parse(text, name: "bad")
        #expect(problems.map(\.description).sorted() == [
            "theme bad: accent.fg is not a colour (a name, 0–255 or #rrggbb)",
            "theme bad: error.fg is not a colour (a name, 0–255 or #rrggbb)",
            "theme bad: link.blink is not known (fg, bg, bold, underline, reverse)",
            "theme bad: link.fg is not a colour (a name, 0–255 or #rrggbb)",
            "theme bad: muted must be a table like { fg = \"red\", bold = true }",
            "theme bad: title.bold must be true or false",
            "theme bad: unknown key colours (known: description, roles)",
            "theme bad: unknown role sparkle",
        ])
        #expect(theme.roles[.accent] == Theme.dark.roles[.accent], "a bad entry leaves the base's")
        #expect(throws: ThemeFile.Problem.self) { try ThemeFile.parse("[roles\n", name: "broken") }
    }

    @Test func colourNames() {
        #expect(ThemeFile.color("red") == .basic(1))
        #expect(ThemeFile.color("bright-cyan") == .basic(14))
        #expect(ThemeFile.color("GREY") == .basic(8))
        #expect(ThemeFile.color("default") == .terminalDefault)
        #expect(ThemeFile.color(7) == .basic(7))
        #expect(ThemeFile.color(255) == .indexed(255))
        #expect(ThemeFile.color(-1) == nil)
        #expect(ThemeFile.color("#0071bc") == .rgb(0, 0x71, 0xbc))
    }

    @Test(arguments: [
        // rgb → nearest 256-colour entry → nearest of the 16.
        ((255, 0, 0), 196, 9), ((0, 0, 0), 16, 0), ((255, 255, 255), 231, 15), ((128, 128, 128), 244, 8),
        ((0, 113, 188), 25, 4), ((11, 176, 123), 36, 6), ((245, 166, 35), 214, 3), ((0, 0, 255), 21, 4),
    ] as [((UInt8, UInt8, UInt8), Int, Int)])
    func colourDowngrades(rgb: (UInt8, UInt8, UInt8), indexed: Int, basic: Int) {
        #expect(ColorDepth.indexed(r: rgb.0, g: rgb.1, b: rgb.2) == indexed)
        #expect(ColorDepth.basic(fromIndexed: indexed) == basic)
    }

    @Test func keysAsAConfigNamesThem() {
        #expect(Key(configName: "x") == .character("x"))
        #expect(Key(configName: "G") == .character("G"))
        #expect(Key(configName: "ctrl-R") == .control("r"))
        #expect(Key(configName: "F5") == .function(5))
        #expect(Key(configName: "pgdn") == .pageDown)
        #expect(Key(configName: "space") == .character(" "))
        #expect(Key(configName: "shift-tab") == .backTab)
        #expect(Key(configName: "ctrl-") == nil)
        #expect(Key(configName: "f13") == nil)
        #expect(Key(configName: "hyper") == nil)
        #expect(Key(configName: "\u{1b}") == nil)
    }
}
