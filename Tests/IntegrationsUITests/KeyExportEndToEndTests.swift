import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// The key's path into other tools, with the real binary, a sandbox process, /bin/sh and curl:
/// exports that work as exported, checks that say the truth, renew and rotate as the API
/// defines them.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct KeyExportEndToEndTests {
    typealias World = EndToEndTests.World

    static func sh(_ script: String, _ environment: [String: String]) async throws -> (Int32, String) {
        let process = try RunningProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: environment)
        let status = try await process.waitForExit()
        return (status, process.output)
    }

    static func http(_ world: World, key: String) async throws -> String {
        try await sh("curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: \(key)' '\(world.endpoint)/auth/context'", [:]).1
    }

    @Test func theCurlExportRunsAndTheEnvExportIsWhatConnectTuiReads() async throws {
        let world = try await World.start()
        defer { world.end() }
        let (status, curl) = try await CommandTrustTests.run(world, ["tokens", "export", "SU-431-800-699", "--format", "curl"])
        #expect(status == 0)
        let (ran, answer) = try await Self.sh(curl.trimmingCharacters(in: .newlines) + " -s -w ' HTTP %{http_code}'", [:])
        #expect(ran == 0 && answer.hasSuffix("HTTP 200"), "\(answer)")
        #expect(answer.contains("Mighty Mick's LLC"))

        let file = world.home.appendingPathComponent("connect.env").path
        #expect(try await CommandTrustTests.run(world, ["tokens", "export", "SU-431-800-699", "--format", "env", "--output", file]).0 == 0)
        // A shell with nothing else configured: the two lines are all connect-tui needs.
        let empty = world.home.appendingPathComponent("empty-home").path
        let (listed, list) = try await Self.sh(
            "set -a; . '\(file)'; set +a; '\(BuiltBinary.url.path)' tokens list", ["HOME": empty, "PATH": "/usr/bin:/bin"])
        #expect(listed == 0, "\(list)")
        #expect(list.contains("SU-431-800-699\tActive\tEXT-000\tTutorial API Token"))
    }

    @Test func filesAre0600AndNeverReplacedWithoutForce() async throws {
        let world = try await World.start()
        defer { world.end() }
        let file = world.home.appendingPathComponent("pm.json")
        try "mine".write(to: file, atomically: true, encoding: .utf8)
        let (refused, output) = try await CommandTrustTests.run(world, ["tokens", "export", "SU-431-800-699", "--format", "postman", "--output", file.path])
        #expect(refused == 1 && output.contains("exists; nothing was written"), "\(output)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
        #expect(try await CommandTrustTests.run(world, ["tokens", "export", "SU-431-800-699", "--format", "postman", "--output", file.path, "--force"]).0 == 0)
        #expect(SecureFile.mode(of: file) == 0o600)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect((json["values"] as? [[String: Any]])?.count == 2)
        // Nothing but the export itself ever shows the key.
        #expect(!output.contains(world.key.secretPart))
    }

    @Test func checkSaysWhetherTheTokensOwnKeyWorks() async throws {
        let world = try await World.start()
        defer { world.end() }
        let (works, good) = try await CommandTrustTests.run(world, ["tokens", "check", "SU-431-800-699"])
        #expect(works == 0, "\(good)")
        #expect(good.contains("works: acts as Mighty Mick's LLC (PA-431-800) as token “Tutorial API Token” (SU-431-800-699) — HTTP 200 in "))
        _ = try await world.client.deactivateToken(id: "SU-431-800-699")
        let (refused, bad) = try await CommandTrustTests.run(world, ["tokens", "check", "SU-431-800-699"])
        #expect(refused == 1)
        #expect(bad.contains("refused:") && bad.contains("HTTP 401"), "\(bad)")
        let secret = try #require(try await world.client.token(id: "SU-431-800-699").token).unmaskedValue
        #expect(!good.contains(secret) && !bad.contains(secret), "no check line shows the key")
    }

    @Test func renewKeepsTheOldKeyAWhileRotateStopsItAtOnce() async throws {
        let world = try await World.start()
        defer { world.end() }
        let old = try #require(try await world.client.token(id: "SU-431-800-699").apiKey).unmaskedValue
        let (renewed, said) = try await CommandTrustTests.run(world, ["tokens", "renew", "SU-431-800-699"])
        #expect(renewed == 0 && said.contains("the old key works until"), "\(said)")
        let token = try await world.client.token(id: "SU-431-800-699")
        #expect(token.status == .revitalised)
        let new = try #require(token.apiKey).unmaskedValue
        #expect(new != old)
        #expect(try await Self.http(world, key: old) == "200", "the old key works until it expires")
        #expect(try await Self.http(world, key: new) == "200")
        #expect(try await CommandTrustTests.run(world, ["tokens", "rotate", "SU-431-800-699"]).0 == 0)
        #expect(try await Self.http(world, key: old) == "401", "rotate stops the old key at once")
        #expect(try await Self.http(world, key: new) == "401")
    }

    @Test func theAppChecksExportsAndRenewsFromDetails() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Tutorial API Token")
        // The seed's expiring key is marked in the list.
        try await tui.waitFor("Expiring ⚠")
        try tui.press("j", "Enter")
        try await tui.waitFor("Nightly report export")
        try await tui.waitFor("⚠ renew it soon")
        try tui.press("Escape")
        try await tui.waitFor("+ CREATE TOKEN")
        try tui.press("G", "Enter")
        try await tui.waitFor("Never expires")
        try tui.press("K")
        let checked = try await tui.waitFor("The key works")
        #expect(checked.contains("HTTP 200"))
        // Export to a file: the name is offered, Enter writes it; again, it asks first.
        try tui.press("E")
        try await tui.waitFor("Export the key of SU-431-800-699")
        try tui.press("j", "w")
        try await tui.waitFor("connect-SU-431-800-699.env")
        try tui.press("Enter")
        try await tui.waitFor("was written to")
        let file = world.home.appendingPathComponent("connect-SU-431-800-699.env")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("CONNECT_API_KEY='ApiKey SU-431-800-699:"))
        #expect(SecureFile.mode(of: file) == 0o600)
        // Enter copies the chosen format (OSC 52, which tmux keeps in its buffer).
        try tui.press("E", "Enter")
        try await tui.waitFor("curl export of SU-431-800-699 copied to the clipboard")
        #expect(try tui.buffer().hasPrefix("curl -H 'Authorization: ApiKey SU-431-800-699:"))
        try tui.press("E", "j", "w")
        try await tui.waitFor("connect-SU-431-800-699.env")
        try tui.press("Enter")
        try await tui.waitFor("It exists. Replace it?")
        try tui.press("n", "Escape")
        try await tui.waitUntil("the prompt closed") { !$0.contains("Replace it?") && !$0.contains("Write the env export") }
        // Renew from the actions menu: the confirmation says what happens to the old key.
        try tui.press(".", "n")
        let asked = try await tui.waitFor("Renew the secret of")
        let words = asked.split(whereSeparator: { $0.isWhitespace || $0 == "│" }).joined(separator: " ")
        #expect(words.contains("the current one keeps working until it expires"), "\(asked)")
        try tui.press("y")
        let renewed = try await tui.waitFor("was renewed")
        #expect(renewed.contains("old key works until"))
        #expect(renewed.contains("ApiKey SU-431-800-699:••••••••"), "the new key, masked")
        #expect(try await world.client.token(id: "SU-431-800-699").status == .revitalised)
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}
