import ConnectCore
import Foundation
import TerminalKit
import Testing
import TokenWizard

@testable import IntegrationsUI

/// The navigation model, states compared whole: where the user is after each key or click,
/// and that what is beneath a modal never changes while it is open.
@Suite struct NavigationStateTests {
    static func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = AppReducer.reduce(&state, .key(key, now: UISample.now)) }
    }

    @Test func aClickOutsideAQuestionChangesNothing() {
        var state = UISample.state(UISample.small)
        Self.press(&state, .character("."), .character("x"))
        guard case .confirm? = state.topModal else {
            Issue.record("the delete dialog did not open")
            return
        }
        let before = state
        let layout = Layout(state.size)
        Self.press(&state, .mouse(MouseEvent(x: 1, y: layout.paneRow(.webhooks))))
        StateDiff.expectEqual(state, before)
    }

    @Test func aClickOutsideTheMenuClosesItAndNothingElse() {
        var state = UISample.state(UISample.small)
        var before = state
        before.now = UISample.now  // what any key sets
        before.lastKeyAt = UISample.now
        Self.press(&state, .character("."))
        #expect(state.menu != nil)
        Self.press(&state, .mouse(MouseEvent(x: 1, y: Layout(state.size).paneRow(.webhooks))))
        StateDiff.expectEqual(state, before)
    }

    @Test func helpOpensOverAnythingAndClosesBackToExactlyIt() {
        var state = UISample.state(UISample.large)
        Self.press(&state, .character("."), .character("d"))
        let before = state
        Self.press(&state, .character("?"))
        #expect(state.modals.count == before.modals.count + 1)
        Self.press(&state, .character("j"), .character("x"), .escape)
        StateDiff.expectEqual(state, before)
    }

    @Test func aTokenMadeFromExtensionsLeadsToTokenDetails() {
        var state = GoldenScreenTests.extensions(UISample.large)
        Self.press(&state, .character("c"))
        var expected = GoldenScreenTests.extensions(UISample.large)
        expected.modals = [.wizard(WizardUIState(machine: CreateTokenWizard(
            extensionsPageSize: 10, preselected: WizardScreenTests.extensions.items[0])))]
        StateDiff.expectEqual(state, expected)

        // GO TO DETAILS of a token made there: the route (and so the sidebar) is Tokens.
        var summary = GoldenScreenTests.wizardSummary(UISample.large)
        summary.route = .extensionList
        let effects = AppReducer.reduce(&summary, .key(.enter, now: UISample.now))
        #expect(summary.route.pane == .tokens)
        #expect(summary.modals.isEmpty)
        #expect(effects.contains(.loadToken(id: "SU-123-456-789")))
        guard case .tokenDetails(let details) = summary.route else {
            Issue.record("not on token details: \(summary.route)")
            return
        }
        #expect(details.tokenID == "SU-123-456-789")
    }

    @Test func escapeUnwindsOneLayerAtATime() {
        var state = GoldenScreenTests.details(UISample.large)
        let details = state
        Self.press(&state, .character("l"), .character("/"))
        Self.press(&state, .character("h"), .character("e"), .character("l"))
        #expect(AppView.render(state).text.contains("Helpdesk"))
        Self.press(&state, .enter)  // keeps the filter
        #expect(state.modals.isEmpty)
        #expect(state.details?.permissionFilter == "hel")
        Self.press(&state, .character("/"), .escape)  // clears it
        var expected = details
        expected.details?.tab = .permissions
        StateDiff.expectEqual(state, expected)
        Self.press(&state, .escape)
        var list = details
        list.route = .tokenList
        StateDiff.expectEqual(state, list)
    }

    @Test func reboundKeysWorkPerContextAndTheOldOnesDoNot() {
        let (keymaps, problems) = KeymapSet.defaults.rebinding(
            ["dialog.confirm": ["o"], "wizard-general.submit": ["ctrl-n"], "retry": ["f6"]], where: { $0 })
        #expect(problems.isEmpty)
        var state = UISample.state(UISample.large)
        state.keymaps = keymaps
        Self.press(&state, .character("."), .character("d"))
        let asking = state
        Self.press(&state, .character("y"))
        StateDiff.expectEqual(state, asking)
        let effects = AppReducer.reduce(&state, .key(.character("o"), now: UISample.now))
        #expect(effects == [.perform(.token(.disable), id: "SU-431-800-699")])
        #expect(AppView.render(state).text.contains("Disable…"))

        // The discard question keeps its own y: only the dialog context changed.
        #expect(state.keymaps.discard.command(for: .character("y")) == .confirm)
        Self.press(&state, .character("c"))
        #expect(AppView.render(state).text.contains("[ NEXT ] Ctrl-N"))
    }

    @Test func aConflictIsRefusedInItsContextOnly() {
        let (keymaps, problems) = KeymapSet.defaults.rebinding(["menu.delete": ["e"], "columns.toggle": ["x"]], where: { _ in "c.toml:1" })
        #expect(problems == ["c.toml:1: keys.delete: e already does enable in Actions menu ([keys.menu]); unchanged there"])
        #expect(keymaps.menu.command(for: .character("x")) == .delete)
        #expect(keymaps.columns.command(for: .character("x")) == .toggle)
        let (_, unknown) = KeymapSet.defaults.rebinding(["nowhere.quit": ["x"], "menu.frobnicate": ["x"]], where: { _ in "c.toml:2" })
        #expect(unknown == [
            "c.toml:2: keys.menu.frobnicate: not a command of menu; see the names in the README",
            "c.toml:2: keys.nowhere.quit: no context is named nowhere; see the names in the README",
        ])
    }

    @Test func aReadOnlyAccountOpensNoFormAndNoMenu() {
        var state = UISample.webhookState(UISample.large)
        state.connection.readOnly = true
        for (pane, keys) in [("2", ["c", ".", "e"]), ("3", ["c", ".", "e", "t"])] {
            Self.press(&state, .character(Character(pane)))
            for key in keys {
                let before = state
                let effects = AppReducer.reduce(&state, .key(.character(Character(key)), now: UISample.now))
                #expect(effects.isEmpty, "\(pane) \(key) asked for nothing")
                #expect(state.modals.isEmpty, "\(pane) \(key) opened nothing")
                #expect(state.status?.text.hasPrefix("Read-only: ") == true, "\(pane) \(key) said why")
                var expected = before
                expected.status = state.status
                StateDiff.expectEqual(state, expected)
            }
        }
        #expect(AppView.render(state).text.contains("READ-ONLY"))
    }

    @Test func everyModalHasAFrameInsideTheScreen() {
        for size in Golden.sizes {
            for scenario in GoldenScreenTests.scenarios {
                let state = scenario.build(size)
                let layout = Layout(size)
                for modal in state.modals {
                    let frame = Overlays.frame(of: modal, state, layout)
                    #expect(frame.x >= 0 && frame.y >= 0 && frame.maxX <= size.columns && frame.maxY <= size.rows, "\(scenario.name) \(size)")
                }
            }
        }
    }
}

/// The README's table of `[keys]` contexts names every context and exactly its commands.
@Suite struct KeyNamesDocumentationTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func theREADMEListsEveryContextWithItsCommands() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        var documented: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3 else { continue }
            let names = cells[2].matches(of: /`([a-z-]+)`/).map { String($0.1) }
            documented[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = Set(names)
        }
        let keymaps = KeymapSet.defaults
        let contexts = keymaps.commandNames
        #expect(contexts.count == keymaps.all.count, "every context is listed here")
        for (name, commands) in contexts {
            #expect(documented[name] == commands, "README row for \(name)")
        }
    }
}

/// Copying a secret and clearing it later, in the reducer, with time passed in.
@Suite struct CopyThenClearTests {
    @Test func aCopiedSecretIsClearedWhenItsTimeComesAndNotBefore() {
        var state = UISample.state(UISample.large)
        state.clipboardClearAfter = 30
        #expect(AppReducer.reduce(&state, .key(.character("y"), now: UISample.now)) == [.copyAPIKey(tokenID: "SU-431-800-699")])
        _ = AppReducer.reduce(&state, .copied(what: "The API key of SU-431-800-699", .copied(osc52: true, tool: "xclip", secret: true)))
        #expect(state.clipboardClearAt == UISample.now.addingTimeInterval(30))
        #expect(state.status?.text == "The API key of SU-431-800-699 copied to the clipboard (OSC 52 and xclip).")
        #expect(AppReducer.reduce(&state, .tick(UISample.now.addingTimeInterval(29))).isEmpty, "not before its time")
        #expect(AppReducer.reduce(&state, .tick(UISample.now.addingTimeInterval(30))) == [.clearCopiedSecret])
        #expect(AppReducer.reduce(&state, .tick(UISample.now.addingTimeInterval(31))).isEmpty, "asked once")
        _ = AppReducer.reduce(&state, .clipboardCleared)
        #expect(state.status?.text == "The copied secret was cleared from the clipboard.")
    }

    @Test func textThatIsNoSecretIsNeverCleared() {
        var state = UISample.state(UISample.large)
        state.clipboardClearAfter = 30
        _ = AppReducer.reduce(&state, .copied(what: "The API endpoint", .copied(osc52: true, tool: nil, secret: false)))
        #expect(state.clipboardClearAt == nil)
        #expect(AppReducer.reduce(&state, .tick(UISample.now.addingTimeInterval(3600))).isEmpty)
    }

    @Test func failedCopiesSayWhy() {
        var state = UISample.state(UISample.large)
        for (outcome, reason) in [
            (CopyOutcome.copyingOff, "copying is off in config.toml ([clipboard] mode)"),
            (.tooLong, "it is too long for the terminal and no clipboard tool is available"),
            (.noSecret, "the server did not send the secret"),
        ] {
            _ = AppReducer.reduce(&state, .copied(what: "The API key of SU-1", outcome))
            #expect(state.status == .error("The API key of SU-1 could not be copied: " + reason))
            #expect(state.clipboardClearAt == nil)
        }
    }
}

/// Sorting a list: by the server, shown in the header, by key or by a click on the header.
@Suite struct SortTests {
    @Test func sMovesToTheNextColumnAndSFlipsItFromTheFirstPage() throws {
        var state = UISample.state(UISample.large, tokens: [UISample.tutorial], total: 57)
        state.tokens.offset = 20
        #expect(state.tokens.sort == ListSort(.created, descending: true), "newest first to begin with")
        let effects = AppReducer.reduce(&state, .key(.character("s"), now: UISample.now))
        #expect(state.tokens.sort == ListSort(.status))
        #expect(effects == [.loadList(.tokens, loadID: state.tokens.loadID, ListQuery(ordering: [SortKey("status")]), PageRequest(limit: 10, offset: 0))])
        _ = AppReducer.reduce(&state, .key(.character("S"), now: UISample.now))
        #expect(state.tokens.sort == ListSort(.status, descending: true))
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: state.tokens.loadID, .success(.tokens(UISample.page([UISample.tutorial])))))
        let screen = AppView.render(state)
        #expect(try #require(screen.row(containing: "LABEL")).contains("STATUS ▼"))
    }

    @Test func aClickOnAHeaderSortsByItAndAgainTheOtherWay() throws {
        var state = UISample.state(UISample.large)
        let layout = Layout(state.size)
        let header = try #require(AppView.render(state).row(containing: "LABEL"))
        let column = try #require(header.range(of: "LABEL")).lowerBound.utf16Offset(in: header)
        let click = Key.mouse(MouseEvent(x: column + 1, y: layout.listTable.y))
        _ = AppReducer.reduce(&state, .key(click, now: UISample.now))
        #expect(state.tokens.sort == ListSort(.label))
        _ = AppReducer.reduce(&state, .key(click, now: UISample.now))
        #expect(state.tokens.sort == ListSort(.label, descending: true))
        // Last result is not a field the server can order webhooks by: a click there does nothing.
        #expect(WebhookColumn.lastResult.sortField == nil)
    }
}

/// `refresh_interval`: the list on screen is read again, quietly, when its time comes.
@Suite struct AutoRefreshTests {
    @Test func theListOnScreenIsReadAgainQuietlyWhenItsTimeComes() throws {
        var state = UISample.state(UISample.large)
        state.refreshInterval = 30
        _ = AppReducer.reduce(&state, .tick(UISample.now))
        let loadID = state.tokens.loadID
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: loadID, .success(.tokens(UISample.page([UISample.tutorial])))))
        #expect(state.tokens.loadedAt == UISample.now)
        #expect(AppReducer.reduce(&state, .tick(UISample.now.addingTimeInterval(29))).isEmpty, "not before its time")
        let effects = AppReducer.reduce(&state, .tick(UISample.now.addingTimeInterval(30)))
        #expect(effects == [.loadList(.tokens, loadID: loadID + 1, state.tokens.query, state.tokens.page)])
        #expect(state.tokens.content.value != nil, "the rows stay on screen while it reads")
        #expect(AppView.render(state).text.contains("updated 30 s ago"))
        #expect(AppReducer.reduce(&state, .tick(UISample.now.addingTimeInterval(31))).isEmpty, "once per interval")
        // A failed refresh keeps the rows and says so.
        let error = ConnectError(operation: .listTokens, method: .get, kind: .timedOut)
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: loadID + 1, .failure(error)))
        #expect(state.tokens.items.map(\.id) == ["SU-431-800-699"])
        #expect(state.status?.text.hasPrefix("Refreshing tokens failed") == true)
        // Nothing is read under a modal, or with the interval off.
        _ = AppReducer.reduce(&state, .key(.character("."), now: UISample.now.addingTimeInterval(31)))
        #expect(AppReducer.reduce(&state, .tick(UISample.now.addingTimeInterval(120))).isEmpty)
    }

    @Test func theConfigSetsTheIntervalAndRefusesNonsense() throws {
        #expect(try AppConfig.parse("refresh_interval = 60\n", file: "c.toml").0.refreshInterval == 60)
        #expect(try AppConfig.parse("refresh_interval = 0\n", file: "c.toml").0.refreshInterval == nil, "0 is off")
        #expect(try AppConfig.parse("refresh_interval = 1\n", file: "c.toml").0.refreshInterval == 5, "at most every 5 s")
        let (_, problems) = try AppConfig.parse("refresh_interval = -3\n", file: "c.toml")
        #expect(problems.count == 1)
    }
}

/// What the app remembers of an account: rows per page, sort, columns, the last pane.
@Suite struct RememberedTests {
    @Test func whatIsRememberedComesBackOnAFreshStart() throws {
        var used = UISample.state(UISample.large)
        for key: Key in [.character("p"), .character("s"), .character("C"), .down, .character(" "), .escape, .character("3")] {
            _ = AppReducer.reduce(&used, .key(key, now: UISample.now))
        }
        let memory = used.memory
        let data = try JSONEncoder().encode(memory)
        let read = try JSONDecoder().decode(UIMemory.self, from: data)
        #expect(read == memory)

        var fresh = AppState(size: UISample.large, connection: UISample.connection, timeZone: TimeZone(identifier: "UTC")!, now: UISample.now)
        _ = AppReducer.start(&fresh)
        let effects = AppReducer.reduce(&fresh, .remembered(read))
        #expect(fresh.pane == .webhooks, "the pane last shown")
        #expect(fresh.tokens.rowsPerPage == 25)
        #expect(fresh.tokens.sort == used.tokens.sort)
        #expect(fresh.tokens.columns.shown == [.label, .created, .status])
        #expect(effects.contains { if case .loadList(.tokens, _, let query, let page) = $0 { query == fresh.tokens.query && page.limit == 25 } else { false } })
        #expect(effects.contains { if case .loadList(.webhooks, _, _, _) = $0 { true } else { false } })
    }

    @Test func valuesItDoesNotKnowAreDropped() {
        var memory = UIMemory()
        memory.lists["tokens"] = UIMemory.List(rowsPerPage: 33, sort: "nonsense", descending: true, columns: ["nope"])
        memory.pane = "elsewhere"
        var state = UISample.state(UISample.large)
        let before = state
        #expect(AppReducer.reduce(&state, .remembered(memory)).isEmpty)
        StateDiff.expectEqual(state, before)
    }
}
