import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// `--read-only` against a sandbox that writes down every request it gets: every write key,
/// menu and command is refused, and not one request but GET reaches the server.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ReadOnlyEndToEndTests {
    typealias World = EndToEndTests.World

    static func start() async throws -> (World, URL) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("requests-\(UUID().uuidString).log")
        return (try await World.start(serveArguments: ["--request-log", log.path]), log)
    }

    /// The methods the sandbox saw, other than GET.
    static func writes(_ log: URL) -> [String] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("GET ") }.map(String.init)
    }

    @Test func everyWriteKeyInTheAppIsRefusedAndNothingButGETIsSent() async throws {
        let (world, log) = try await Self.start()
        defer {
            try? FileManager.default.removeItem(at: log)
            world.end()
        }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color", arguments: "--read-only"))
        let first = try await tui.waitFor("Tutorial API Token")
        #expect(first.contains("READ-ONLY"))
        #expect(!first.contains(". actions") && !first.contains("c create"), "write keys are not offered")
        // Tokens: create, the actions menu; details: edit, the menu; the key check still works.
        try tui.press("c")
        try await tui.waitFor("Read-only: creating a token is off")
        try tui.press("Escape", "G", ".")
        try await tui.waitFor("Read-only: the actions menu")
        try tui.press("Escape", "Enter")
        try await tui.waitFor("API Key/Handle")
        try tui.press("e")
        try await tui.waitFor("Read-only: editing a token is off")
        try tui.press("Escape", ".")
        try await tui.waitFor("Read-only: the actions menu")
        try tui.press("Escape", "K")
        try await tui.waitFor("The key works")
        // Webhooks: create, edit, trigger, the menu. Extensions: a token for one.
        try tui.press("Escape", "Escape", "3")
        try await tui.waitFor("Fulfillment to ERP")
        for (key, said) in [("c", "creating a webhook"), ("e", "editing a webhook"), ("t", "trigger now"), (".", "the actions menu")] {
            try tui.press("Escape", key)
            try await tui.waitFor("Read-only: \(said)")
        }
        try tui.press("Escape", "4")
        try await tui.waitFor("Flowgear")
        try tui.press("c")
        try await tui.waitFor("Read-only: creating a token is off")
        #expect(try await world.client.token(id: "SU-431-800-699").status == .active)
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
        #expect(Self.writes(log).isEmpty, "the sandbox saw only GET: \(Self.writes(log))")
        let seen = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(seen.contains("GET /public/v1/auth/tokens"), "the log records what the app did")
    }

    @Test func everyWriteCommandIsRefusedBeforeItLeaves() async throws {
        let (world, log) = try await Self.start()
        defer {
            try? FileManager.default.removeItem(at: log)
            world.end()
        }
        let commands: [[String]] = [
            ["tokens", "delete", "SU-431-800-699"], ["tokens", "disable", "SU-431-800-699"],
            ["tokens", "rotate", "SU-431-800-699"], ["tokens", "renew", "SU-431-800-699"],
            ["tokens", "create", "--name", "x", "--description", "y", "--extension", "EXT-000"],
        ]
        for command in commands {
            let (status, output) = try await CommandTrustTests.run(world, ["--read-only"] + command)
            #expect(status == 1, "\(command): \(output)")
            #expect(output.contains("read-only: nothing was sent"), "\(command): \(output)")
        }
        // Reads still work.
        let (listed, list) = try await CommandTrustTests.run(world, ["--read-only", "tokens", "list"])
        #expect(listed == 0 && list.contains("Tutorial API Token"))
        #expect(try await world.client.token(id: "SU-431-800-699").status == .active)
        #expect(Self.writes(log).isEmpty, "\(Self.writes(log))")
    }
}
