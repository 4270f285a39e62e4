import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// A CREATE whose answer is lost or late, through the real binary and sandbox: the token is
/// found by what marks it as this CREATE's, a look-alike is never adopted, nothing is made twice.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct LostCreateEndToEndTests {
    typealias World = EndToEndTests.World

    /// A sandbox holding a look-alike "CI" token made before the faults start: the sandbox
    /// is stopped and served again on the same data with `faults`.
    static func world(lookAlikeDescription: String, faults: [String]) async throws -> (World, Token) {
        let first = try await World.start()
        let other = try await first.client.createToken(
            TokenCreate(name: "CI", description: lookAlikeDescription, externalID: nil, extensionID: "EXT-000"))
        first.server.signal(SIGTERM)
        _ = try await first.server.waitForExit()
        let server = try RunningProcess(
            BuiltBinary.url,
            ["sandbox", "serve", "--data", first.home.appendingPathComponent("sandbox.sqlite").path, "--port", "0"]
                + faults.flatMap { ["--fault", $0] })
        let output = try await server.waitForOutput(containing: "Serving until interrupted")
        let endpoint = String(try #require(output.split(separator: "\n").first { $0.hasPrefix("Sandbox endpoint:") }?.split(separator: " ").last))
        let client = ConnectClient(endpoint: try #require(URL(string: endpoint)), apiKey: first.key, transport: LiveTransport.make())
        return (World(server: server, client: client, key: first.key, endpoint: endpoint, home: first.home), other)
    }

    /// Types General, chooses Custom, checks Account, and presses CREATE.
    static func createCIToken(_ tui: TmuxSession) async throws {
        try await tui.waitFor("Tutorial API Token")
        try await tui.walkWizardToModules(name: "CI", description: "Mine")
        try tui.press("Down", "Space", "Enter")
    }

    @Test func aLookAlikeIsNeverAdoptedWhenTheCreateNeverHappened() async throws {
        // The request is dropped before the sandbox handles it: no token is made.
        let (world, other) = try await Self.world(lookAlikeDescription: "Someone else's", faults: ["drop,method=POST,path=/auth/tokens,times=1"])
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await Self.createCIToken(tui)
        try await tui.waitFor("The answer was lost; looking for the token…")
        #expect(try tui.screen().contains("[ STOP WAITING ] Esc"))
        #expect(!(try tui.screen()).contains("[ CREATE ]"), "CREATE is not offered while the request could land")
        try tui.press("Escape")
        try await tui.waitFor("Stopped waiting: it is not known yet whether the token was created")
        #expect(!(try tui.screen()).contains("The token was created"))
        let untouched = try await world.client.token(id: other.id)
        #expect(untouched.permissions?.isEmpty ?? true, "the other token was given nothing")
        let named = try await world.client.listTokens(ListQuery(filter: .eq("name", "CI")), page: PageRequest())
        #expect(named.items.map(\.id) == [other.id], "no token was made")
        try tui.press("Escape")
        try await tui.waitFor("Discard the new token?")
        let discard = try tui.screen()
        #expect(discard.contains("The token may exist already: look for External") && discard.contains("connect-tui-"), "discarding says where to look:\n\(discard)")
        try tui.press("y")
        try await tui.waitUntil("the wizard to close") { !$0.contains("Create token") }
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aCreateWhoseAnswerIsLostIsFoundByItsMarkerAndMadeOnce() async throws {
        // The sandbox makes the token, then drops the connection before answering.
        // The look-alike has the same name, extension and description: only the marker tells.
        let (world, other) = try await Self.world(lookAlikeDescription: "Mine", faults: ["drop-after,method=POST,path=/auth/tokens,times=1"])
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await Self.createCIToken(tui)
        let summary = try await tui.waitFor("The token was created.")
        let named = try await world.client.listTokens(ListQuery(filter: .eq("name", "CI")), page: PageRequest())
        #expect(named.total == 2, "the look-alike and one new token")
        let made = try #require(named.items.first { $0.id != other.id })
        #expect(summary.contains(made.id), "the Summary shows the token this CREATE made")
        #expect(made.externalID?.hasPrefix("connect-tui-") == true, "marked by connect-tui")
        #expect(made.permissions?.map(\.moduleID) == ["MD-0001"])
        #expect(try await world.client.token(id: other.id).permissions?.isEmpty ?? true, "the look-alike was given nothing")
        try tui.press("Escape", "q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aSlowAnswerIsWaitedForWithATimerNotTakenForLost() async throws {
        // Answers to creates take 12 s, beyond a read's 10 s timeout.
        let world = try await World.start(faults: ["latency=12s,method=POST,path=/auth/tokens,times=1"])
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await Self.createCIToken(tui)
        try await tui.waitFor("Creating the token… 2 s")
        try await tui.waitFor("The token was created.", timeout: .seconds(30))
        let named = try await world.client.listTokens(ListQuery(filter: .eq("name", "CI")), page: PageRequest())
        #expect(named.total == 1)
        try tui.press("Escape", "q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func killedWhileCreatingTheNextStartFindsTheTokenInsteadOfMakingAnother() async throws {
        // The create takes 3 s to land; connect-tui is killed with SIGKILL while it waits.
        let world = try await World.start(faults: ["latency=3s,method=POST,path=/auth/tokens,times=1"])
        defer { world.end() }
        let first = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await Self.createCIToken(first)
        try await first.waitFor("Creating the token…")
        let shell = try first.tmux(["display-message", "-p", "-t", first.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = TmuxSession.spawn(["/usr/bin/pkill", "-KILL", "-P", shell], captureOutput: false)
        try await first.waitFor("Killed")  // bash reports the SIGKILL; the screen was not restored
        let drafts = try FileManager.default.contentsOfDirectory(atPath: world.home.appendingPathComponent(".local/share/connect-tui/drafts").path)
        #expect(drafts.count == 1, "the draft was written before the request went out")
        let second = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await second.waitFor("Unfinished token")
        try second.press("y")
        try await second.waitFor("connect-tui stopped while creating this token; CREATE will first look for it.")
        try await second.waitFor("[x] Account")  // the modules have loaded: CREATE is accepted
        try second.press("Enter")
        try await second.waitFor("The token was created.", timeout: .seconds(40))
        let named = try await world.client.listTokens(ListQuery(filter: .eq("name", "CI")), page: PageRequest())
        #expect(named.total == 1, "made once, though the first run was killed mid-create")
        try second.press("Escape", "q")
        try await second.waitFor("EXIT=0")
    }

    @Test func aDeleteWhoseAnswerIsLostIsReadBackAndShownDone() async throws {
        let world = try await World.start(faults: ["drop-after,method=DELETE,path=/auth/tokens,times=1"])
        defer { world.end() }
        let doomed = try await world.client.createToken(TokenCreate(name: "Doomed", description: "d", externalID: nil, extensionID: "EXT-000"))
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Doomed \(doomed.id)")
        // Only that token on the list, so the action cannot land on another.
        try tui.press("/")
        try tui.type("Doomed")
        try tui.press("Enter")
        try await tui.waitFor("1–1 of 1")
        try tui.press(".")
        try await tui.waitFor("Delete")
        try tui.press("x")
        try await tui.waitFor("Delete token")
        try tui.press("y")
        try await tui.waitFor("Token \(doomed.id) deleted.")
        #expect(!(try tui.screen()).contains("It is not known"))
        let gone = await #expect(throws: ConnectError.self) { _ = try await world.client.token(id: doomed.id) }
        #expect(gone?.status == 404)
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}
