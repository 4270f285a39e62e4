import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// A real Secret Service: gnome-keyring-daemon, unlocked, in a D-Bus session of the test's own
/// (`dbus-run-session`); its files live in the test's home.
final class KeyringSession: @unchecked Sendable {
    static var isAvailable: Bool {
        ["dbus-run-session", "gnome-keyring-daemon", "secret-tool"].allSatisfy { tool in
            ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + tool) }
        }
    }

    let session: RunningProcess
    /// The session bus address the daemon answers on.
    let bus: String
    let stopFile: URL
    /// The daemon's and the bus's: a daemonized keyring outlives its session otherwise.
    let pids: [Int32]

    init(home: URL) async throws {
        stopFile = home.appendingPathComponent("stop-keyring")
        try? FileManager.default.removeItem(at: stopFile)
        let script = """
            eval "$(printf 'test-password' | gnome-keyring-daemon --unlock --daemonize --components=secrets)"
            echo "PIDS=$(pgrep -n -f 'gnome-keyring-daemon --unlock') $(pgrep -P $PPID dbus-daemon)"
            echo "BUS=$DBUS_SESSION_BUS_ADDRESS"
            # Until the test says stop (or two minutes): then the session, its bus and the
            # daemon all end.
            i=0; while [ ! -e "$HOME/stop-keyring" ] && [ $i -lt 600 ]; do sleep 0.2; i=$((i+1)); done
            """
        session = try RunningProcess(
            URL(fileURLWithPath: "/usr/bin/dbus-run-session"), ["--", "/bin/sh", "-c", script],
            environment: [
                "HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
                "XDG_RUNTIME_DIR": home.appendingPathComponent("run").path, "PATH": "/usr/bin:/bin",
            ])
        let output = try await session.waitForOutput(containing: "BUS=", timeout: .seconds(20))
        let line = output.split(separator: "\n").first { $0.hasPrefix("BUS=") } ?? ""
        bus = String(line.dropFirst(4))
        let pidLine = output.split(separator: "\n").first { $0.hasPrefix("PIDS=") } ?? ""
        pids = pidLine.dropFirst(5).split(separator: " ").compactMap { Int32($0) }
    }

    /// Ends the session: the script stops, so dbus-run-session ends the bus and the daemon.
    /// Stops the keyring daemon and its bus at once (not in a task the run may never wait for).
    func end() {
        for pid in pids { kill(pid, SIGKILL) }
        _ = FileManager.default.createFile(atPath: stopFile.path, contents: nil)
    }
}

/// Keys in the system keyring, end to end: `accounts add` stores there (and nowhere on disk
/// in the clear), the app and the commands use it, removal leaves nothing; without a D-Bus
/// session `accounts add` says how to fix it and stores nothing unless asked.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable && KeyringSession.isAvailable, "needs tmux, dbus-run-session, gnome-keyring and secret-tool"))
struct KeyringEndToEndTests {
    typealias World = EndToEndTests.World

    static func run(_ world: World, _ arguments: [String], bus: String?, input: String? = nil) async throws -> (Int32, String) {
        var environment = ["HOME": world.home.path, "PATH": "/usr/bin:/bin"]
        if let bus { environment["DBUS_SESSION_BUS_ADDRESS"] = bus }
        let process = try RunningProcess(BuiltBinary.url, arguments, environment: environment, standardInput: input)
        let status = try await process.waitForExit()
        return (status, process.output)
    }

    static func lookup(_ bus: String, _ account: String) async throws -> String {
        let process = try RunningProcess(
            URL(fileURLWithPath: "/usr/bin/secret-tool"), ["lookup", "service", "connect-tui", "account", account],
            environment: ["DBUS_SESSION_BUS_ADDRESS": bus, "PATH": "/usr/bin:/bin"])
        _ = try await process.waitForExit(timeout: .seconds(10))
        return process.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every file under `folder` that holds `needle` in the clear, the sandbox's own database
    /// aside (it is the server, which knows its tokens).
    static func files(under folder: URL, holding needle: String) -> [String] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var found: [String] = []
        while let url = walker?.nextObject() as? URL {
            if url.lastPathComponent.hasPrefix("sandbox.sqlite") { continue }
            guard let data = try? Data(contentsOf: url), data.range(of: Data(needle.utf8)) != nil else { continue }
            found.append(url.path)
        }
        return found
    }

    @Test func aKeyAddedWithAKeyringLivesOnlyThereAndIsUsedAndRemoved() async throws {
        let world = try await World.start()
        defer { world.end() }
        let keyring = try await KeyringSession(home: world.home)
        defer { keyring.end() }
        let key = world.key.unmaskedValue

        let (added, said) = try await Self.run(world, ["accounts", "add", "prod", "--endpoint", world.endpoint], bus: keyring.bus, input: key + "\n")
        #expect(added == 0, "\(said)")
        #expect(said.contains("the key is in the system keyring (service connect-tui, account prod)"), "\(said)")
        let config = try String(contentsOf: world.home.appendingPathComponent(".config/connect-tui/config.toml"), encoding: .utf8)
        #expect(config.contains("api_key_source = \"keyring\""))
        #expect(Self.files(under: world.home, holding: world.key.secretPart).isEmpty, "the key is nowhere on disk in the clear")
        #expect(try await Self.lookup(keyring.bus, "prod") == key, "secret-tool finds it by service and account")

        let (listed, list) = try await Self.run(world, ["accounts", "list"], bus: keyring.bus)
        #expect(listed == 0 && list.contains("prod\tconfig.toml\t\(world.endpoint)\t(keyring)"), "\(list)")
        let (used, tokens) = try await Self.run(world, ["tokens", "list", "--account", "prod"], bus: keyring.bus)
        #expect(used == 0 && tokens.contains("Tutorial API Token"), "\(tokens)")

        // The app, on the same account, reads the key from the keyring.
        let tui = try TmuxSession(command: "cd '\(world.home.path)' && env -i HOME='\(world.home.path)' PATH=/usr/bin:/bin TERM=screen-256color DBUS_SESSION_BUS_ADDRESS='\(keyring.bus)' '\(BuiltBinary.url.path)' --account prod; echo EXIT=$?; sleep 20")
        try await tui.waitFor("Tutorial API Token")
        try await tui.waitFor("prod ·")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")

        let (removed, gone) = try await Self.run(world, ["accounts", "remove", "prod"], bus: keyring.bus)
        #expect(removed == 0 && gone.contains("and its key in the keyring"), "\(gone)")
        #expect(try await Self.lookup(keyring.bus, "prod").isEmpty, "nothing is left in the keyring")
        let after = try String(contentsOf: world.home.appendingPathComponent(".config/connect-tui/config.toml"), encoding: .utf8)
        #expect(!after.contains("prod"))
        keyring.end()
    }

    @Test func withoutADBusSessionNothingIsStoredUnlessAskedAndTheKeyCanMoveLater() async throws {
        let world = try await World.start()
        defer { world.end() }
        let key = world.key.unmaskedValue
        let configFile = world.home.appendingPathComponent(".config/connect-tui/config.toml")

        let (refused, why) = try await Self.run(world, ["accounts", "add", "prod", "--endpoint", world.endpoint], bus: nil, input: key + "\n")
        #expect(refused == 1)
        #expect(why.contains("no D-Bus session") && why.contains("--insecure-storage"), "\(why)")
        let untouched = (try? String(contentsOf: configFile, encoding: .utf8)) ?? ""
        #expect(!untouched.contains("prod"), "nothing was stored")

        let (insecure, said) = try await Self.run(world, ["accounts", "add", "prod", "--endpoint", world.endpoint, "--insecure-storage"], bus: nil, input: key + "\n")
        #expect(insecure == 0 && said.contains("as --insecure-storage asked"), "\(said)")
        #expect(try String(contentsOf: configFile, encoding: .utf8).contains(world.key.secretPart))
        #expect(SecureFile.mode(of: configFile) == 0o600)

        // Later, with a keyring: the key moves out of the file.
        let keyring = try await KeyringSession(home: world.home)
        defer { keyring.end() }
        let (moved, movedSaid) = try await Self.run(world, ["accounts", "move-to-keyring", "prod"], bus: keyring.bus)
        #expect(moved == 0, "\(movedSaid)")
        let movedText = try String(contentsOf: configFile, encoding: .utf8)
        #expect(!movedText.contains(world.key.secretPart))
        #expect(try await Self.lookup(keyring.bus, "prod") == key)
        let (used, tokens) = try await Self.run(world, ["tokens", "list", "--account", "prod"], bus: keyring.bus)
        #expect(used == 0 && tokens.contains("Tutorial API Token"), "\(tokens)")
        // The keyring gone, the account says where its key was and how to get it back.
        let (lost, lostSaid) = try await Self.run(world, ["tokens", "list", "--account", "prod"], bus: nil)
        #expect(lost == 1 && lostSaid.contains("system keyring"), "\(lostSaid)")
        #expect(!lostSaid.contains(world.key.secretPart))
        keyring.end()
    }
}
