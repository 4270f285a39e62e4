import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// The built binary in a real pseudo-terminal (tmux), driven by keys, checked on screen and
/// through the API of a standalone sandbox.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct EndToEndTests {
    /// A standalone sandbox, a client for it, and a temporary HOME.
    struct World {
        let server: RunningProcess
        let client: ConnectClient
        let key: APIKey
        let endpoint: String
        let home: URL

        /// `seededTokens` more tokens are added (`sandbox seed`) before the sandbox serves.
        static func start(faults: [String] = [], serveArguments: [String] = [], seededTokens: Int? = nil) async throws -> World {
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("connect-tui-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            if let seededTokens {
                let seed = try RunningProcess(
                    BuiltBinary.url, ["sandbox", "seed", "--data", home.appendingPathComponent("sandbox.sqlite").path, "--tokens", "\(seededTokens)"])
                #expect(try await seed.waitForExit(timeout: .seconds(120)) == 0)
            }
            let server = try RunningProcess(
                BuiltBinary.url,
                ["sandbox", "serve", "--data", home.appendingPathComponent("sandbox.sqlite").path, "--port", "0"]
                    + faults.flatMap { ["--fault", $0] } + serveArguments)
            let output = try await server.waitForOutput(containing: "Serving until interrupted")
            let lines = output.split(separator: "\n")
            let endpoint = String(try #require(lines.first { $0.hasPrefix("Sandbox endpoint:") }?.split(separator: " ").last))
            let key = try APIKey(parsing: String(try #require(lines.first { $0.hasPrefix("API key:") }).dropFirst("API key:".count)))
            let client = ConnectClient(endpoint: try #require(URL(string: endpoint)), apiKey: key, transport: LiveTransport.make())
            return World(server: server, client: client, key: key, endpoint: endpoint, home: home)
        }

        /// Writes the app's config.toml in the home (`~/.config/connect-tui/`).
        func writeConfig(_ text: String) throws {
            let folder = home.appendingPathComponent(".config/connect-tui")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        }

        /// The shell command that runs the app on this sandbox and records the tty settings.
        var appCommand: String { appCommand() }

        func appCommand(extraEnvironment: String = "", arguments: String = "") -> String {
            let quote = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            // Everything runs inside the braces, after a cd that worked: nothing is ever
            // written into the folder the tests were started from.
            return "cd \(quote(home.path)) && { stty -a > before.txt; "
                + "env \(extraEnvironment) HOME=\(quote(home.path)) CONNECT_API_KEY=\(quote(key.unmaskedValue)) CONNECT_ENDPOINT=\(quote(endpoint)) TZ=UTC "
                + "\(quote(BuiltBinary.url.path)) \(arguments); status=$?; stty -a > after.txt; echo \"EXIT=$status\"; sleep 20; }"
        }

        /// Stops the sandbox and removes the home at once (not in a task the test run may
        /// never wait for, which left homes behind in /tmp).
        func end() {
            server.signal(SIGTERM)
            try? FileManager.default.removeItem(at: home)
        }
    }

    @Test func browseRevealCopyDisableEnableDeleteResizeQuit() async throws {
        let world = try await World.start()
        defer { world.end() }
        let doomed = try await world.client.createToken(TokenCreate(name: "Delete me", description: "e2e", externalID: nil, extensionID: "EXT-000"))
        let tutorialKey = try #require(try await world.client.token(id: "SU-431-800-699").apiKey).unmaskedValue

        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("Tutorial API Token")
        try await tui.waitFor("Michael Goldmill")

        // Details: the last row is the oldest token, the tutorial one.
        try tui.press("G", "Enter")
        try await tui.waitFor("The following represents a tutorial API token.")
        try await tui.waitFor("ApiKey SU-431-800-699:••••••••")
        #expect(!(try tui.screen()).contains(String(tutorialKey.suffix(40))))
        try tui.press("v")
        try await tui.waitFor(tutorialKey)
        try tui.press("y")
        try await tui.waitFor("copied to the clipboard")
        #expect(try tui.buffer() == tutorialKey, "OSC 52 reached tmux's clipboard")
        try tui.press("v")
        try await tui.waitUntil("the key masked again") { !$0.contains(tutorialKey) }

        // Disable with confirmation, then enable.
        try tui.press("Escape")
        try await tui.waitFor("LABEL")
        try tui.press(".", "d")
        try await tui.waitFor("Disable Tutorial API Token (SU-431-800-699)?")
        try tui.press("y")
        try await tui.waitFor("Token SU-431-800-699 disabled.")
        try await tui.waitUntil("the row to say Inactive") { $0.split(separator: "\n").contains { $0.contains("SU-431-800-699") && $0.contains("Inactive") } }
        #expect(try await world.client.token(id: "SU-431-800-699").status == .inactive)
        try tui.press(".", "e")
        try await tui.waitFor("Token SU-431-800-699 enabled.")
        #expect(try await world.client.token(id: "SU-431-800-699").status == .active)

        // Delete through the filter line, with confirmation: the rows follow the typing.
        try tui.press("/")
        try await tui.waitFor("Enter keeps · Esc clears")
        try tui.type("Delete me")
        try await tui.waitFor("1–1 of 1")
        try tui.press("Enter")
        try await tui.waitUntil("the line closed, the filter kept") { !$0.contains("Esc clears") && $0.contains("1–1 of 1") }
        try tui.press(".", "x")
        try await tui.waitFor("Delete Delete me (\(doomed.id))?")
        try tui.press("y")
        try await tui.waitFor("Token \(doomed.id) deleted.")
        let gone = await #expect(throws: ConnectError.self) { _ = try await world.client.token(id: doomed.id) }
        #expect(gone?.status == 404)

        // Resizes re-lay the screen; too small asks for more room.
        try tui.press("/", "Escape")
        try tui.resize(columns: 80, rows: 24)
        try await tui.waitUntil("the narrow layout") { $0.contains("Integrations › Tokens") && $0.split(separator: "\n").count <= 24 }
        try tui.resize(columns: 30, rows: 8)
        try await tui.waitFor("Enlarge the terminal")
        try tui.resize(columns: 120, rows: 40)
        try await tui.waitFor("LABEL")

        // Quit: the terminal is as it was.
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
        let before = try String(contentsOf: world.home.appendingPathComponent("before.txt"), encoding: .utf8)
        let after = try String(contentsOf: world.home.appendingPathComponent("after.txt"), encoding: .utf8)
        #expect(before == after, "stty -a after quitting equals before")
    }

    @Test func aHostileTokenNameChangesNeitherTheScreenTheTitleNorTheClipboard() async throws {
        let world = try await World.start()
        defer { world.end() }
        let hostile = "\u{1b}]0;PWNED\u{07}\u{1b}]52;c;SGFjaw==\u{07}\u{1b}[2J\u{1b}[H\u{9b}31mEvil"
        _ = try await world.client.createToken(TokenCreate(name: hostile, description: "e2e", externalID: nil, extensionID: "EXT-000"))

        let tui = try TmuxSession(command: world.appCommand)
        let titleBefore = try tui.paneTitle()
        let screen = try await tui.waitFor(#"\u{1b}]0;PWNED\u{7}"#)
        #expect(screen.contains("Tutorial API Token"), "the screen was not cleared")
        #expect(try tui.paneTitle() == titleBefore)
        #expect(try tui.paneTitle() != "PWNED")
        #expect((try? tui.buffer()) ?? "" != "Hack", "the name did not write the clipboard")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aSlowLoadLeavesInputLiveAndEscCancelsIt() async throws {
        // The first list is quick; every later one takes 20 seconds.
        let world = try await World.start(faults: ["latency=20s,method=GET,path=/auth/tokens,rate=1"])
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("Loading tokens…", timeout: .seconds(10))
        try tui.press("1")
        try await tui.waitFor("API endpoint", timeout: .seconds(5))
        try tui.press("2")
        try await tui.waitFor("Loading tokens…", timeout: .seconds(5))
        try tui.press("Escape")
        try await tui.waitFor("List tokens failed: cancelled", timeout: .seconds(5))
        try tui.press("q")
        try await tui.waitFor("EXIT=0", timeout: .seconds(5))
    }

    @Test(arguments: ["TERM", "HUP", "INT", "QUIT"])
    func aStopSignalRestoresTheTerminal(signal: String) async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("Tutorial API Token")
        let shell = try tui.tmux(["display-message", "-p", "-t", tui.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = TmuxSession.spawn(["/usr/bin/pkill", "-\(signal)", "-P", shell], captureOutput: false)
        try await tui.waitFor("EXIT=0")
        let before = try String(contentsOf: world.home.appendingPathComponent("before.txt"), encoding: .utf8)
        let after = try String(contentsOf: world.home.appendingPathComponent("after.txt"), encoding: .utf8)
        #expect(before == after)
    }

    @Test func withoutATerminalItSaysSoAndExits() async throws {
        let app = try RunningProcess(BuiltBinary.url, [], environment: ["HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin", "TERM": "xterm"])
        #expect(try await app.waitForExit() == 1)
        #expect(app.output.contains("connect-tui needs a terminal"))
    }

    @Test func aDumbTerminalIsRefusedPlainly() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=dumb"))
        try await tui.waitFor("cannot move the cursor")
        try await tui.waitFor("EXIT=1")
    }

    @Test func ctrlZSuspendsAndFgResumes() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try await world.appInShell()
        try await tui.suspendAndResume { shell in #expect(!shell.contains("LABEL"), "the shell has the screen back") }
        try tui.press("q")
        try await tui.waitUntil("the shell's prompt back") { screen in
            let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return lines.last == "prompt$" && !screen.contains("LABEL")
        }
    }

    @Test func createACustomTokenWithTwoModulesThroughTheWizard() async throws {
        // The first CREATE is refused by the server; the second goes through.
        let world = try await World.start(faults: ["status=500,method=POST,path=/auth/tokens,times=1"])
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("Tutorial API Token")
        try await tui.walkWizardToModules(name: "Wizard token", description: "Made through the keys")
        try tui.press("C-b", "C-b")
        try await tui.waitFor("Create token – Step 1")
        #expect(try tui.screen().contains("Wizard token"), "BACK from Permissions to General keeps the typed name")
        try tui.type("!")
        try tui.press("Escape")
        try await tui.waitFor("Discard the new token?")
        try tui.press("n", "BSpace", "Enter")
        try await tui.waitFor("(•) Custom Integration")
        try tui.press("Enter")
        try await tui.waitFor("All modules")
        try tui.press("Down", "Space", "Down", "Down", "Down", "Down", "Down", "Space")
        try tui.press("Enter")
        try await tui.waitFor("Create token failed: HTTP 500")
        #expect(try tui.screen().contains("[x] Account"), "the input is kept")
        try tui.press("Enter", "Enter")
        try await tui.waitFor("The token was created.")
        let summary = try tui.screen()
        let id = try #require(summary.split(separator: "\n").first { $0.contains("ID            SU-") }?.split(separator: " ").first { $0.hasPrefix("SU-") })
        #expect(summary.contains("Account, Integrations"))
        try tui.press("Enter")
        try await tui.waitFor("Token details")
        try await tui.waitFor(String(id))
        try tui.press("l")
        try await tui.waitUntil("Account and Integrations enabled") { screen in
            let lines = screen.split(separator: "\n")
            return lines.contains { $0.contains("Account") && $0.contains("● Enabled") }
                && lines.contains { $0.contains("Integrations") && $0.contains("● Enabled") }
                && lines.contains { $0.contains("Agreements") && $0.contains("○ Disabled") }
        }

        let made = try await world.client.listTokens(ListQuery(filter: .eq("name", "Wizard token")), page: PageRequest())
        #expect(made.total == 1, "one token, despite Enter pressed twice on CREATE")
        #expect(Set(made.items.first?.permissions?.map(\.moduleID) ?? []) == ["MD-0001", "MD-0007"])
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aWizardStoppedBySIGTERMIsOfferedBack() async throws {
        let world = try await World.start()
        defer { world.end() }
        let first = try TmuxSession(command: world.appCommand)
        try await first.waitFor("Tutorial API Token")
        try first.press("c")
        try first.type("Half done")
        try first.press("Tab", "Tab")
        try first.type("Interrupted")
        try first.press("Enter")
        try await first.waitFor("Custom Integration")
        let shell = try first.tmux(["display-message", "-p", "-t", first.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = TmuxSession.spawn(["/usr/bin/pkill", "-TERM", "-P", shell], captureOutput: false)
        try await first.waitFor("EXIT=0")
        let folder = world.home.appendingPathComponent(".local/share/connect-tui/drafts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1, "\(files)")
        let draft = folder.appendingPathComponent(try #require(files.first))
        let text = try String(contentsOf: draft, encoding: .utf8)
        #expect(text.contains(world.endpoint), "the draft names its account")
        #expect(text.contains("Half done"))
        #expect(!text.contains(world.key.secretPart), "no secret in the draft")

        let second = try TmuxSession(command: world.appCommand)
        try await second.waitFor("Resume where you left off?")
        try second.press("y")
        try await second.waitFor("Create token – Step 2")
        try second.press("C-b")
        try await second.waitFor("Half done")
        #expect(!FileManager.default.fileExists(atPath: draft.path), "an answered draft is not offered twice")
        try second.press("Escape")
        try await second.waitFor("Discard the new token?")
        try second.press("y")
        try await second.waitFor("LABEL")
        try second.press("q")
        try await second.waitFor("EXIT=0")
    }

    @Test func renameATokenAndRemoveAModule() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("Tutorial API Token")
        try tui.press("G", "Enter")
        try await tui.waitFor("The following represents a tutorial API token.")
        try tui.press("e")
        try await tui.waitFor("Edit token SU-431-800-699")
        try await tui.waitFor("[x] Agreements")
        try tui.press("C-u")
        try tui.type("Renamed by the edit form")
        try tui.press("Tab", "Tab", "Tab", "Down", "Down", "Space")
        try await tui.waitFor("[ ] Agreements")
        try tui.press("Enter")
        try await tui.waitFor("Token SU-431-800-699 saved.")
        try await tui.waitFor("Renamed by the edit form SU-431-800-699")
        let token = try await world.client.token(id: "SU-431-800-699")
        #expect(token.name == "Renamed by the edit form")
        #expect(!(token.permissions ?? []).contains { $0.moduleID == "MD-0002" }, "Agreements was removed")
        #expect((token.permissions ?? []).count == 7)
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func fromAnExtensionToTheWizardWithItChosen() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("Tutorial API Token")
        try tui.press("4")
        try await tui.waitFor("Flowgear")
        try tui.press("j", "Enter")
        try await tui.waitFor("Extension details")
        try await tui.waitFor("Tokens        2")
        try tui.press("t")
        try await tui.waitFor("FILTER: EXT-000")
        try await tui.waitFor("1–2 of 2")
        try tui.press("4")
        try await tui.waitFor("Flowgear")
        try tui.press("G", "c")
        try await tui.waitFor("Create token – Step 1")
        try tui.type("Flowgear token")
        try tui.press("Tab", "Tab")
        try tui.type("From the extensions pane")
        try tui.press("Enter")
        try await tui.waitFor("(•) Flowgear")
        try tui.press("Escape")
        try await tui.waitFor("Discard the new token?")
        try tui.press("y", "q")
        try await tui.waitFor("EXIT=0")
    }
}
