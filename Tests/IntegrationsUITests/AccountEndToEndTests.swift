import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Accounts through the built binary: two sandboxes on two ports, switched with `a`.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct AccountEndToEndTests {
    typealias World = EndToEndTests.World

    @Test func switchingAccountsShowsTheOtherAccountsTokens() async throws {
        let first = try await World.start()
        let second = try await World.start()
        defer { first.end(); second.end() }
        _ = try await second.client.createToken(TokenCreate(name: "Only in the second sandbox", description: "e2e", externalID: nil, extensionID: "EXT-000"))

        // The second sandbox as an account of config.toml, added the way a user does.
        let add = try RunningProcess(
            BuiltBinary.url, ["accounts", "add", "second", "--endpoint", second.endpoint, "--insecure-storage"],
            environment: ["HOME": first.home.path], standardInput: second.key.unmaskedValue + "\n")
        #expect(try await add.waitForExit() == 0, "\(add.output)")
        let config = first.home.appendingPathComponent(".config/connect-tui/config.toml")
        let attributes = try FileManager.default.attributesOfItem(atPath: config.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let tui = try TmuxSession(command: first.appCommand)
        try await tui.waitFor("Tutorial API Token")
        #expect(!(try tui.screen()).contains("Only in the second sandbox"))
        try tui.press("a")
        try await tui.waitFor("Switch account")
        try await tui.waitFor("config.toml · 127.0.0.1")
        try tui.press("Down", "Enter")
        try await tui.waitFor("Now on second (config.toml).")
        try await tui.waitFor("Only in the second sandbox")
        try await tui.waitFor("second · 127.0.0.1")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aFailingKeyCommandFallsBackToTheSandboxAndSaysWhy() async throws {
        let world = try await World.start()
        defer { world.end() }
        let folder = world.home.appendingPathComponent(".config/connect-tui")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            [[accounts]]
            name = "vault"
            endpoint = "\(world.endpoint)"
            api_key_cmd = "echo secret-output-never-shown; exit 7"
            """.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        // No CONNECT_API_KEY: config.toml's only account is the first choice.
        let quote = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = "cd \(quote(world.home.path)) && env HOME=\(quote(world.home.path)) XDG_DATA_HOME=\(quote(world.home.path)) TZ=UTC \(quote(BuiltBinary.url.path)); echo \"EXIT=$?\"; sleep 20"
        let tui = try TmuxSession(command: command)
        try await tui.waitFor("api_key_cmd of vault failed (exit status 7); using the sandbox")
        try await tui.waitFor("SANDBOX")
        #expect(!(try tui.screen()).contains("secret-output-never-shown"))
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}
