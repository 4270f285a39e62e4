import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Odd terminals, big and tiny sizes, and a crash: the screen stays sane and the terminal is
/// given back as it was.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct TerminalEdgeTests {
    typealias World = EndToEndTests.World

    func settings(_ world: World, _ name: String) throws -> String {
        try String(contentsOf: world.home.appendingPathComponent(name), encoding: .utf8)
    }

    /// What runs in a test's tmux starts as it would for a user, with no signal blocked,
    /// although the test thread that starts tmux blocks them all.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "reads /proc"))
    func whatRunsInTmuxHasNoSignalBlocked() async throws {
        let tui = try TmuxSession(command: "grep ^SigBlk: /proc/self/status; sleep 20")
        let screen = try await tui.waitFor("SigBlk:")
        #expect(screen.contains("SigBlk: 0000000000000000"), "the tab shows as a space")
    }

    @Test func fromHugeToTinyAndBack() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("Tutorial API Token")
        try tui.resize(columns: 300, rows: 100)
        try await tui.waitUntil("the whole 300×100 used") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 99 && lines.last { $0.contains("q quit") }.map { $0.count > 250 } == true
        }
        try tui.resize(columns: 20, rows: 5)
        try await tui.waitFor("to at least")
        try tui.resize(columns: 120, rows: 40)
        try await tui.waitFor("LABEL")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
        #expect(try settings(world, "before.txt") == settings(world, "after.txt"))
    }

    @Test func withoutTERMItSaysSoAndExits() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "-u TERM"))
        try await tui.waitFor("EXIT=1")
        #expect(try tui.screen().contains("connect-tui: "))
        #expect(try settings(world, "before.txt") == settings(world, "after.txt"))
    }

    @Test func aPlainCLocaleStillShowsUnicode() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "LANG=C LC_ALL=C"))
        try await tui.waitFor("Integrations › Tokens")
        try await tui.waitFor("1–4 of 4")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aCrashRestoresTheTerminal() async throws {
        let world = try await World.start()
        defer { world.end() }
        // The key comes from a file: on a crash the shell prints the command line it ran, and
        // that line must hold no key for the search below to mean anything.
        let keyFile = world.home.appendingPathComponent("key.txt")
        try world.key.unmaskedValue.write(to: keyFile, atomically: true, encoding: .utf8)
        let quote = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = "cd \(quote(world.home.path)) && { stty -a > before.txt; env HOME=\(quote(world.home.path)) CONNECT_TUI_TEST_CRASH_AFTER_MS=1500 "
            + "\(quote(BuiltBinary.url.path)) --api-key-file key.txt --endpoint \(quote(world.endpoint)); status=$?; stty -a > after.txt; echo \"EXIT=$status\"; sleep 20; }"
        let tui = try TmuxSession(command: command)
        try await tui.waitFor("Tutorial API Token")
        try await tui.waitFor("the terminal was restored")
        try await tui.waitUntil("the shell's status after the crash") { $0.contains("EXIT=") && !$0.contains("EXIT=0") }
        #expect(try settings(world, "before.txt") == settings(world, "after.txt"), "stty -a after the crash equals before")
        #expect(!(try tui.screen()).contains("LABEL"), "the alternate screen is gone")
        // The crash report and every file the run left hold no part of the key.
        let secret = world.key.secretPart
        #expect(!(try tui.screen()).contains(secret))
        let files = FileManager.default.enumerator(at: world.home, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where !file.path.hasSuffix(".sqlite") && !file.path.contains(".sqlite-") && file != keyFile {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            #expect(!String(decoding: data, as: UTF8.self).contains(secret), "\(file.lastPathComponent) holds the key")
        }
    }

    @Test func whenItsTerminalVanishesItExitsInsteadOfSpinning() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("Tutorial API Token")
        let shell = try tui.tmux(["display-message", "-p", "-t", tui.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let (_, children) = TmuxSession.spawn(["/usr/bin/pgrep", "-P", shell], captureOutput: true)
        let app = try #require(children.split(separator: "\n").compactMap { pid_t($0) }.first, "the app's process")
        // SIGKILL the terminal (tmux's server): no SIGHUP is sent, the input just ends.
        _ = TmuxSession.spawn(["/usr/bin/pkill", "-KILL", "-f", "tmux -u -L \(tui.socket)"], captureOutput: false)
        let deadline = ContinuousClock.now + .seconds(10)
        while kill(app, 0) == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(kill(app, 0) != 0, "connect-tui \(app) still runs without a terminal")
        if kill(app, 0) == 0 { kill(app, SIGKILL) }
    }
}
