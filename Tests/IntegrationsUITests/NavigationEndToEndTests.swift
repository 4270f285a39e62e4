import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// The navigation model as a user meets it: what is highlighted, where keys and clicks go,
/// what the footer and help say, and keys rebound in config.toml. Each scenario is one that
/// the app got wrong before the route-and-modals model.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct NavigationEndToEndTests {
    typealias World = EndToEndTests.World

    /// The sidebar's highlighted pane number, read from the colours tmux keeps.
    static func highlightedPane(_ tui: TmuxSession) throws -> String? {
        let lines = try tui.tmux(["capture-pane", "-p", "-e", "-t", tui.name]).split(separator: "\n")
        for line in lines.dropFirst(2).prefix(6) {
            guard let bar = line.firstIndex(of: "│") else { continue }
            let sidebar = line[..<bar]
            // Bold, reverse or a background colour marks the selected row (whatever the theme
            // and the colours tmux offers); plain rows carry at most resets.
            let marks = sidebar.matches(of: /\x1b\[([0-9;]*)m/).map { String($0.1) }
            guard marks.contains(where: { code in code.split(separator: ";").contains { ["1", "7"].contains($0) || $0.hasPrefix("4") && $0 != "49" } })
            else { continue }
            let plain = sidebar.replacingOccurrences(of: "\u{1b}\\[[0-9;]*m", with: "", options: .regularExpression)
            return plain.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
        }
        return nil
    }

    /// A left click at a cell, as the terminal sends it (X10 mouse: ESC [ M, button, x, y).
    static func click(_ tui: TmuxSession, x: Int, y: Int) throws {
        try mouse(tui, button: 32, x: x, y: y)
        try mouse(tui, button: 35, x: x, y: y)
    }

    /// One X10 mouse report, as raw bytes (a column past 94 is a byte past 127, which typed
    /// text would send as UTF-8).
    static func mouse(_ tui: TmuxSession, button: UInt8, x: Int, y: Int) throws {
        let bytes: [UInt8] = [0x1B, 0x5B, 0x4D, button, UInt8(33 + x), UInt8(33 + y)]
        try tui.tmux(["send-keys", "-t", tui.name, "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// A turn of the wheel at a cell (X10 mouse: buttons 4 and 5 are 64 and 65).
    static func wheel(_ tui: TmuxSession, x: Int, y: Int, down: Bool) throws {
        try mouse(tui, button: down ? 97 : 96, x: x, y: y)
    }

    /// Whether the app in the pane asked the terminal to report the mouse.
    static func mouseRequested(_ tui: TmuxSession) throws -> Bool {
        try tui.tmux(["display-message", "-p", "-t", tui.name, "#{mouse_any_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Where `text` starts on the screen: (column, row).
    static func cell(of text: String, in screen: String) throws -> (x: Int, y: Int) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = try #require(lines.firstIndex { $0.contains(text) }, "\(text) is on screen")
        let start = try #require(lines[y].range(of: text)).lowerBound
        return (lines[y][..<start].count, y)
    }

    @Test func theMouseScrollsPressesButtonsAndOpensRowsAndCanBeLeftToTheTerminal() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        let list = try await tui.waitFor("Tutorial API Token")
        #expect(try Self.mouseRequested(tui), "the app asked the terminal for the mouse")
        // The wheel moves the cursor as ↓ does: Enter then opens the second row.
        let lines = list.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try Self.cell(of: "LABEL", in: list)
        let first = String(lines[header.y + 1]).trimmingCharacters(in: .whitespaces)
        let second = String(lines[header.y + 2])
        #expect(!first.isEmpty)
        let secondName = try #require(second.split(separator: "│").last?.split(separator: " ").prefix(2).joined(separator: " "))
        try Self.wheel(tui, x: header.x + 2, y: header.y + 1, down: true)
        try Self.wheel(tui, x: header.x + 2, y: header.y + 1, down: true)
        try Self.wheel(tui, x: header.x + 2, y: header.y + 1, down: false)
        try tui.press("Enter")
        let details = try await tui.waitFor("Token details")
        #expect(details.contains(secondName), "the second row (\(secondName)) opened")
        try tui.press("Escape")
        try await tui.waitFor("LABEL")
        // A click on + CREATE TOKEN opens the wizard; one on its CANCEL closes it.
        let create = try Self.cell(of: "+ CREATE TOKEN", in: try tui.screen())
        try Self.click(tui, x: create.x + 2, y: create.y)
        let wizard = try await tui.waitFor("Create token – Step 1")
        let cancel = try Self.cell(of: "[ CANCEL ]", in: wizard)
        try Self.click(tui, x: cancel.x + 2, y: cancel.y)
        try await tui.waitUntil("the wizard closed") { !$0.contains("Create token – Step 1") }
        // Two clicks on a row open it.
        let tutorial = try Self.cell(of: "Tutorial API Token", in: try tui.screen())
        try Self.click(tui, x: tutorial.x + 1, y: tutorial.y)
        try Self.click(tui, x: tutorial.x + 1, y: tutorial.y)
        try await tui.waitFor("Token details")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")

        // mouse = false: clicks stay with the terminal, the app sees none.
        try world.writeConfig("mouse = false\n")
        let off = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        _ = try await off.waitFor("Tutorial API Token")
        #expect(try !Self.mouseRequested(off), "the terminal keeps the mouse (its own selection works)")
        try off.press("q")
        try await off.waitFor("EXIT=0")
    }

    @Test func aTokenMadeFromExtensionsOpensOnTheTokensPane() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Tutorial API Token")
        try tui.press("4")
        try await tui.waitFor("Flowgear")
        #expect(try Self.highlightedPane(tui) == "4")
        // The Extensions pane is a list like the others: the server filters it.
        try tui.press("f")
        try await tui.waitFor("Filter extensions")
        try tui.type("flow")
        try tui.press("Enter")
        let filtered = try await tui.waitFor("1–1 of 1")
        #expect(filtered.contains("FILTER: name ~ flow") && !filtered.contains("Zapier"))
        try tui.press("G", "c")
        try await tui.waitFor("Create token – Step 1")
        try tui.type("From extensions")
        try tui.press("Tab", "Tab")
        try tui.type("e2e")
        try tui.press("Enter")
        try await tui.waitFor("(•) Flowgear")
        try tui.press("Enter")
        try await tui.waitFor("nothing to choose here")
        try tui.press("Enter")
        try await tui.waitFor("The token was created.")
        try tui.press("Enter")
        try await tui.waitFor("Integrations › Tokens › Token details")
        #expect(try Self.highlightedPane(tui) == "2", "the sidebar follows the route to Tokens")
        try tui.press("Escape")
        let list = try await tui.waitFor("+ CREATE TOKEN")
        #expect(list.contains("From extensions"), "back goes to the Tokens list, where the new token is")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aClickBesideTheDeleteDialogNeverReachesTheSidebar() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Tutorial API Token")
        try tui.press("G", ".", "x")
        try await tui.waitFor("Delete token")
        try await tui.waitUntil("the message whole") { $0.contains("This cannot") && $0.contains("be undone.") }
        // The sidebar's "3" (Webhooks) is on row 5 at 80×24.
        try Self.click(tui, x: 1, y: 5)
        try tui.press("F1")
        try await tui.waitFor("Confirmation (here)")
        try tui.press("Escape")
        let after = try await tui.waitFor("y confirms")
        #expect(after.contains("Integrations › Tokens"), "still on Tokens under the dialog")
        try tui.press("n")
        try await tui.waitUntil("the dialog closed") { !$0.contains("Delete token") }
        #expect(try await world.client.token(id: "SU-431-800-699").status == .active, "nothing was deleted")
        // With nothing open, the same click does switch panes.
        try Self.click(tui, x: 1, y: 5)
        try await tui.waitFor("Integrations › Webhooks")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func theWizardsFooterShowsTheWizardsKeys() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Tutorial API Token")
        try tui.press("c")
        let lastLine = { (screen: String) in String(screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty } ?? "") }
        // The footer is the frame's last row: wait for the whole frame, not only its top.
        let wizard = try await tui.waitUntil("the wizard with its footer") { $0.contains("Create token – Step 1") && lastLine($0).contains("Enter NEXT") }
        let footer = lastLine(wizard)
        #expect(footer.contains("Esc cancel") && footer.contains("F1 help"), "\(footer)")
        #expect(!footer.contains("next page") && !footer.contains("copy key"), "none of the list's keys")
        try tui.press("Escape")
        try await tui.waitUntil("the wizard closed") { !$0.contains("Create token") }
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func helpFitsScrollsAndClosesOnlyWithItsKeys() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"), columns: 120, rows: 40)
        try await tui.waitFor("Tutorial API Token")
        try tui.press("?")
        // Help's last row is drawn last: wait for it, not only for its top.
        let help = try await tui.waitUntil("the whole help") { $0.contains("Tokens (here)") && $0.contains("? close") }
        #expect(help.contains("retry what failed (shown on the status line)"), "descriptions are whole")
        #expect(help.contains("actions: enable or disable, rotate, delete"))
        try tui.press("x")
        try await tui.waitFor("1–37 of")
        try tui.press("j", "j")
        try await tui.waitFor("3–39 of")
        try tui.press("/")
        try tui.type("JWT")
        try await tui.waitFor("reveal or mask the JWT secret")
        try tui.press("Escape", "Escape")
        try await tui.waitUntil("help closed") { !$0.contains("┌─ Keys") }
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aRetryKeyRemappedInConfigRetriesAndEveryHintSaysSo() async throws {
        let world = try await World.start(faults: ["status=503,method=POST,path=/auth/tokens,times=1"])
        defer { world.end() }
        try world.writeConfig("[keys]\nretry = \"f6\"\n\n[keys.dialog]\nconfirm = \"o\"\n")
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Tutorial API Token")
        try tui.press("G", ".", "d")
        try await tui.waitFor("Disable token")
        try await tui.waitFor("o confirms")  // the dialog's hint names the rebound key
        try tui.press("y")
        try tui.press("o")
        let failed = try await tui.waitFor("F6 retries")
        #expect(!failed.contains("R retries"))
        try tui.press("R")
        try tui.press("F6")
        try await tui.waitFor("disabled")
        #expect(try await world.client.token(id: "SU-431-800-699").status == .inactive)
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}

/// Lists as people who live in terminals expect: sorted by the server from a click or a key,
/// refreshed on their own when asked.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ListEndToEndTests {
    typealias World = EndToEndTests.World

    /// The first row of the table (the row under the header).
    static func firstRow(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.contains("LABEL") }), header + 1 < lines.count else { return "" }
        return String(lines[header + 1])
    }

    @Test func aClickOnTheLabelHeaderSortsByNameAndSFlipsIt() async throws {
        let world = try await World.start()
        defer { world.end() }
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        // Newest first to begin with; the rows follow the header once the page is in.
        try await tui.waitUntil("newest first") { $0.contains("CREATED ▼") && Self.firstRow($0).contains("connect-tui sandbox") }
        // LABEL's title is at column 17 of row 4 at 120×40 (sidebar 16, then the table).
        try NavigationEndToEndTests.click(tui, x: 18, y: 4)
        try await tui.waitUntil("by name, A first") { $0.contains("LABEL ▲") && Self.firstRow($0).contains("Nightly report export") }
        try tui.press("S")
        try await tui.waitUntil("by name, reversed") { $0.contains("LABEL ▼") && Self.firstRow($0).contains("connect-tui sandbox") }
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func withARefreshIntervalTheListShowsWhatOthersMadeWithoutAKey() async throws {
        let world = try await World.start()
        defer { world.end() }
        try world.writeConfig("refresh_interval = 5\n")
        let tui = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await tui.waitFor("Tutorial API Token")
        try await tui.waitFor("updated ")
        _ = try await world.client.createToken(TokenCreate(name: "Made elsewhere", description: "e2e", externalID: nil, extensionID: "EXT-000"))
        try await tui.waitFor("Made elsewhere", timeout: .seconds(15))
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func rowsSortColumnsAndThePaneAreRememberedPerAccount() async throws {
        let world = try await World.start()
        defer { world.end() }
        let first = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await first.waitFor("Tutorial API Token")
        try first.press("p")
        try await first.waitFor("Rows per page 25")
        try first.press("S")
        try await first.waitFor("CREATED ▲")
        try first.press("3")
        try await first.waitFor("Fulfillment to ERP")
        try first.press("q")
        try await first.waitFor("EXIT=0")
        let folder = world.home.appendingPathComponent(".local/state/connect-tui/remembered")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count == 1)
        #expect(files.first.flatMap { SecureFile.mode(of: $0) } == 0o600)

        let again = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await again.waitFor("Integrations › Webhooks")
        try again.press("2")
        try await again.waitUntil("the tokens as they were left") { $0.contains("Rows per page 25") && $0.contains("CREATED ▲") }
        try again.press("q")
        try await again.waitFor("EXIT=0")

        // A file that cannot be read is said, set aside, and the defaults apply.
        try "{ not json".write(to: try #require(files.first), atomically: true, encoding: .utf8)
        let third = try TmuxSession(command: world.appCommand(extraEnvironment: "TERM=screen-256color"))
        try await third.waitFor("could not be read; the defaults apply")
        try await third.waitFor("Rows per page 10")
        try third.press("q")
        try await third.waitFor("EXIT=0")
    }
}
