import ConnectTestSupport
import Foundation
import Testing

/// Hostile answers through the real binary: one clear line each, and the app stays usable.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct HostileAnswerEndToEndTests {
    @Test func lyingRedirectedAndHugeAnswersAreOneLineEachAndTheAppStaysUsable() async throws {
        let world = try await EndToEndTests.World.start(faults: [
            "lying-range,path=/auth/tokens", "redirect=http://127.0.0.1:9,path=/extensions", "huge=100MB,path=/notifications/webhooks",
        ])
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("List tokens failed: Content-Range \"items 0-99/100000\" does not match the 4 items received")
        try tui.press("4")
        try await tui.waitFor("List extensions failed: redirect refused")
        try tui.press("3")
        try await tui.waitFor("List webhooks failed: response larger than 64 MiB")
        try tui.press("1")
        try await tui.waitFor("API")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}
