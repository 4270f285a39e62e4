import ConnectCore
import Testing

@testable import TokenWizard

/// The General fields accept what the API accepts, counted as the API counts.
@Suite struct GeneralInputTests {
    @Test func requiredFieldsEachGetAMessage() {
        let input = GeneralInput(name: " ", externalID: "", description: "")
        #expect(input.problems == [.name: "Name is required.", .description: "Description is required."])
        #expect(input.validated == nil)
    }

    @Test func valuesAreTrimmedAndABlankExternalIDIsNil() throws {
        let valid = try #require(GeneralInput(name: "  CI  ", externalID: "  ", description: " d ").validated)
        #expect(valid == ValidGeneral(name: "CI", externalID: nil, description: "d"))
    }

    @Test func limitsCountCodePoints() {
        let name128 = String(repeating: "é", count: 128)
        #expect(GeneralInput(name: name128, description: "d").problems.isEmpty)
        #expect(GeneralInput(name: name128 + "x", description: "d").problems[.name] == "Name must be at most 128 characters (it has 129).")
        // One emoji flag is two code points.
        let flags = String(repeating: "🇩🇪", count: 64)
        #expect(GeneralField.length(of: flags) == 128)
        #expect(GeneralInput(name: flags + "a", description: "d").problems[.name] != nil)
        // "e" + combining acute is two code points, one character.
        let combining = String(repeating: "e\u{301}", count: 127)
        #expect(GeneralInput(name: "n", description: combining).problems.isEmpty)
        #expect(GeneralInput(name: "n", description: combining + "e\u{301}").problems[.description] == "Description must be at most 255 characters (it has 256).")
        #expect(GeneralInput(name: "n", externalID: String(repeating: "x", count: 129), description: "d").problems[.externalID] != nil)
    }

    @Test(arguments: ["a\nb", "a\rb", "tab\there", "bell\u{7}", "esc\u{1b}[2J", "del\u{7f}", "csi\u{9b}2J", "nel\u{85}", "ls\u{2028}", "rlo\u{202e}txt", "iso\u{2066}"])
    func controlCharactersAndLineBreaksAreRefused(text: String) {
        #expect(GeneralInput(name: text, description: "d").problems[.name] == "Name cannot contain line breaks or control characters.")
    }

    @Test func ordinaryUnicodeIsFine() {
        #expect(GeneralInput(name: "東京 token 👩‍💻", externalID: "ext-1", description: "Ünïcödé").problems.isEmpty)
    }
}
