import ConnectCore
import Foundation
import Testing
import TerminalKit
@testable import IntegrationsUI

/// The live filter line (`/`): rows follow the typing, one request per rest, older answers
/// never over newer ones, `Enter` keeps and `Esc` clears, and the matches are marked.
@Suite struct FilterLineTests {
    static let tokens = (0..<10).map { UISample.token("SU-000-000-\(100 + $0)", "Token \($0)") }

    static func type(_ text: String, _ state: inout AppState, at now: Date) -> [AppEffect] {
        text.flatMap { AppReducer.reduce(&state, .key(.character($0), now: now)) }
    }

    static func tick(_ state: inout AppState, at now: Date) -> [AppEffect] {
        AppReducer.reduce(&state, .tick(now))
    }

    static func tokenQuery(_ text: String) -> ListQuery {
        ListQuery(filter: .or([.ilike("name", "*\(text)*"), .ilike("id", "*\(text)*")]), ordering: [.descending("events.created.at")])
    }

    @Test func typingAsksTheServerOnceItRests() throws {
        var state = UISample.state(UISample.large, tokens: Self.tokens)
        let start = UISample.now
        #expect(UISample.press(&state, .character("/")).isEmpty)
        #expect(AppView.render(state).text.contains("Enter keeps · Esc clears"))
        // Quick typing asks nothing, however many ticks come before the pause is over.
        #expect(Self.type("tok", &state, at: start).isEmpty)
        #expect(Self.tick(&state, at: start.addingTimeInterval(0.1)).isEmpty)
        #expect(Self.type("en 3", &state, at: start.addingTimeInterval(0.12)).isEmpty)
        #expect(Self.tick(&state, at: start.addingTimeInterval(0.2)).isEmpty)
        // Once it rests, one request for the whole text, from the first page.
        let asked = Self.tick(&state, at: start.addingTimeInterval(0.28))
        #expect(asked == [.loadList(.tokens, loadID: state.tokens.loadID, Self.tokenQuery("token 3"), PageRequest(limit: 10, offset: 0))])
        #expect(Self.tick(&state, at: start.addingTimeInterval(1)).isEmpty, "asked once")
        // Editing keys that change nothing ask nothing.
        #expect(UISample.press(&state, .left).isEmpty)
        #expect(Self.tick(&state, at: start.addingTimeInterval(2)).isEmpty)
        // The line is still open, with the text; the list's filter says the same.
        #expect(state.tokens.filter.text == "token 3")
        guard case .filterLine(_, let line)? = state.topModal else { Issue.record("the line closed"); return }
        #expect(line.text.text == "token 3")
    }

    @Test func anOlderAnswerNeverCoversANewerOne() {
        var state = UISample.state(UISample.large, tokens: Self.tokens)
        let start = UISample.now
        _ = UISample.press(&state, .character("/"))
        _ = Self.type("1", &state, at: start)
        _ = Self.tick(&state, at: start.addingTimeInterval(0.2))
        let older = state.tokens.loadID
        _ = Self.type("0", &state, at: start.addingTimeInterval(0.3))
        _ = Self.tick(&state, at: start.addingTimeInterval(0.5))
        let newer = state.tokens.loadID
        #expect(newer != older)
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: newer, .success(.tokens(UISample.page([Self.tokens[0]])))))
        let shown = state
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: older, .success(.tokens(UISample.page(Array(Self.tokens[1...2]))))))
        StateDiff.expectEqual(state, shown)
        #expect(state.tokens.content.value?.items == [Self.tokens[0]])
    }

    @Test func enterKeepsTheFilterAndEscapeClearsIt() {
        var state = UISample.state(UISample.large, tokens: Self.tokens)
        _ = UISample.press(&state, .character("/"))
        _ = Self.type("ci", &state, at: UISample.now)
        // Enter before the pause is over asks at once, and closes the line.
        let kept = UISample.press(&state, .enter)
        #expect(kept == [.loadList(.tokens, loadID: state.tokens.loadID, Self.tokenQuery("ci"), PageRequest(limit: 10, offset: 0))])
        #expect(state.modals.isEmpty)
        #expect(Self.tick(&state, at: UISample.now.addingTimeInterval(5)).isEmpty, "no second request for the same text")
        #expect(AppView.render(state).text.contains("FILTER: “ci”"))
        // It opens again with the kept text; Esc clears it and reloads everything.
        _ = UISample.press(&state, .character("/"))
        guard case .filterLine(_, let line)? = state.topModal else { Issue.record("no line"); return }
        #expect(line.text.text == "ci")
        let cleared = UISample.press(&state, .escape)
        #expect(cleared == [.loadList(.tokens, loadID: state.tokens.loadID, ListQuery(ordering: [.descending("events.created.at")]), PageRequest(limit: 10, offset: 0))])
        #expect(state.modals.isEmpty)
        #expect(state.tokens.filter.isEmpty)
    }

    @Test func webhooksAndExtensionsFilterOnTheirServerFields() {
        var hooks = UISample.webhookState(UISample.large)
        _ = UISample.press(&hooks, .character("/"))
        _ = Self.type("erp", &hooks, at: UISample.now)
        guard case .loadList(.webhooks, _, let query, let page)? = Self.tick(&hooks, at: UISample.now.addingTimeInterval(1)).first else {
            Issue.record("no webhook load"); return
        }
        #expect(query.queryString(page: page) == "ordering(-created_at)&search=erp&limit=10&offset=0")

        var extensions = UISample.extensionsState(UISample.large, [Extension(id: "EXT-248", name: "Flowgear")])
        _ = UISample.press(&extensions, .character("/"))
        _ = Self.type("flow", &extensions, at: UISample.now)
        let effects = Self.tick(&extensions, at: UISample.now.addingTimeInterval(1))
        guard case .loadList(.extensions, _, let asked, _)? = effects.first else { Issue.record("no extension load: \(effects)"); return }
        #expect(asked.filter == .ilike("name", "*flow*"))
    }

    @Test func matchesAreMarkedInTheRows() throws {
        var state = UISample.state(UISample.large, tokens: [UISample.tutorial, UISample.token("SU-000-000-101", "Other")])
        state.tokens.filter.text = "torial"
        let screen = AppView.render(state)
        let y = try #require(screen.lines.firstIndex { $0.contains("Tutorial API Token") })
        let x = try #require(screen.lines[y].range(of: "torial")).lowerBound.utf16Offset(in: screen.lines[y])
        let marked = (0..<screen.size.columns).filter { screen[$0, y].style.underline }
        #expect(marked == Array(x..<(x + 6)), "only “torial” is marked in its row")
        let other = try #require(screen.lines.firstIndex { $0.contains("Other") })
        #expect((0..<screen.size.columns).allSatisfy { !screen[$0, other].style.underline })
    }
}
