import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// The filter line over a sandbox of 100,000 tokens: the rows follow quick typing (by id as
/// well as name) without `Enter`, and the server is asked at most once per pause of typing.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct LiveFilterEndToEndTests {
    typealias World = EndToEndTests.World

    /// How many token lists the sandbox has been asked for so far.
    static func tokenLists(_ log: URL) -> Int {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0 == "GET /public/v1/auth/tokens" }.count
    }

    @Test func quickTypingOverAHundredThousandTokensAsksOncePerPause() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("requests-\(UUID().uuidString).log")
        let world = try await World.start(serveArguments: ["--request-log", log.path], seededTokens: 100_000)
        defer {
            try? FileManager.default.removeItem(at: log)
            world.end()
        }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("of 100004")
        try tui.press("/")
        try await tui.waitFor("Enter keeps · Esc clears")
        let before = Self.tokenLists(log)
        // A key at a time, each once the last is on screen (as a quick typist would); no Enter.
        let started = ContinuousClock.now
        var typed = ""
        for character in "SU-431-800-699" {
            try tui.type(String(character))
            typed.append(character)
            try await tui.waitFor("/ \(typed)")
        }
        let typing = ContinuousClock.now - started
        let found = try await tui.waitFor("1–1 of 1")
        #expect(found.contains("Tutorial API Token SU-431-800-699"), "found by its id")
        #expect(found.contains("/ SU-431-800-699"), "the line is still open")
        // Once per 150 ms of typing at most, plus the one after it rested.
        let asked = Self.tokenLists(log) - before
        let allowed = 1 + Int(typing / .milliseconds(150))
        #expect(asked >= 1 && asked <= allowed, "asked \(asked) times in \(typing) of typing")

        // Enter keeps the filter; Esc on the line clears it and every token is back.
        try tui.press("Enter")
        // (Typing that rested mid-way may have shown the same row for a shorter text: Enter
        // then asks for the whole one.)
        let kept = try await tui.waitUntil("the filter kept") {
            !$0.contains("Esc clears") && $0.contains("FILTER: “SU-431-800-699”") && $0.contains("1–1 of 1")
        }
        #expect(kept.contains("Tutorial API Token SU-431-800-699"))
        try tui.press("/", "Escape")
        let all = try await tui.waitFor("of 100004")
        #expect(!all.contains("FILTER: “"))
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}
