import ConnectCore
import Foundation
import Testing
import TerminalKit
@testable import IntegrationsUI

/// Pages at real latency: the next page is read ahead once the user rests, a page seen in
/// the last minute comes back at once, and a write forgets them all.
@Suite struct RecentPagesTests {
    static let start = UISample.now
    static func tokens(_ offset: Int) -> [Token] { (offset..<offset + 10).map { UISample.token("SU-000-000-\(100 + $0)", "Token \($0)") } }
    static let query = ListQuery(ordering: [.descending("events.created.at")])

    /// The first of 30 tokens on screen, read at `start`.
    static func firstPage() -> AppState {
        var state = UISample.state(UISample.large, tokens: tokens(0), total: 30)
        _ = AppReducer.reduce(&state, .tick(start))
        _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: state.tokens.loadID, .success(.tokens(UISample.page(tokens(0), total: 30)))))
        return state
    }

    static func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    static func press(_ key: Key, at seconds: TimeInterval, _ state: inout AppState) -> [AppEffect] {
        AppReducer.reduce(&state, .key(key, now: at(seconds)))
    }

    @Test func theNextPageIsReadAheadOnceTheUserRests() {
        var state = Self.firstPage()
        #expect(AppReducer.reduce(&state, .tick(Self.at(0.5))).isEmpty, "not before a second of rest")
        _ = AppReducer.reduce(&state, .key(.down, now: Self.at(0.6)))
        #expect(AppReducer.reduce(&state, .tick(Self.at(1.2))).isEmpty, "a key starts the rest again")
        let ahead = AppReducer.reduce(&state, .tick(Self.at(1.7)))
        #expect(ahead == [.readAhead(.tokens, Self.query, PageRequest(limit: 10, offset: 10), generation: 0)])
        #expect(AppReducer.reduce(&state, .tick(Self.at(3))).isEmpty, "asked once")
        // Nothing is read ahead under a dialog, or on the last page.
        var menu = Self.firstPage()
        _ = UISample.press(&menu, .character("."))
        #expect(AppReducer.reduce(&menu, .tick(Self.at(5))).isEmpty)
    }

    @Test func aPageReadAheadIsDrawnAtOnceAndAnOlderOneIsReadAgainBehind() {
        var state = Self.firstPage()
        _ = AppReducer.reduce(&state, .tick(Self.at(1.5)))
        _ = AppReducer.reduce(&state, .readAheadAnswered(
            .tokens, Self.query, PageRequest(limit: 10, offset: 10), generation: 0, .success(.tokens(UISample.page(Self.tokens(10), total: 30, offset: 10)))))
        // `]` two seconds later: the page at once, no request.
        #expect(Self.press(.character("]"), at: 3.5, &state).isEmpty)
        #expect(state.tokens.items == Self.tokens(10))
        #expect(state.tokens.rangeText == "11–20 of 30")
        // `[` thirty seconds later: the first page at once, read again quietly (its rows stay).
        let back = Self.press(.character("["), at: 33, &state)
        #expect(back == [.loadList(.tokens, loadID: state.tokens.loadID, Self.query, PageRequest(limit: 10, offset: 0))])
        #expect(state.tokens.items == Self.tokens(0), "drawn from the recent page while it is read again")
        // A page older than a minute is loaded as usual.
        _ = Self.press(.character("]"), at: 120, &state)
        #expect(state.tokens.content.isLoading)
    }

    @Test func aWriteForgetsThePagesAndDropsAReadAheadAskedBeforeIt() {
        var state = Self.firstPage()
        let ahead = AppReducer.reduce(&state, .tick(Self.at(1.5)))
        #expect(ahead.count == 1)
        // The user disables a token while the page ahead is being read.
        for key in [Key.character("."), .character("d"), .character("y")] { _ = Self.press(key, at: 1.55, &state) }
        #expect(state.tokens.recent.entries.isEmpty)
        _ = AppReducer.reduce(&state, .readAheadAnswered(
            .tokens, Self.query, PageRequest(limit: 10, offset: 10), generation: 0, .success(.tokens(UISample.page(Self.tokens(10), total: 30, offset: 10)))))
        #expect(state.tokens.recent.entries.isEmpty, "read before the write: not kept")
        let next = Self.press(.character("]"), at: 2, &state)
        #expect(next == [.loadList(.tokens, loadID: state.tokens.loadID, Self.query, PageRequest(limit: 10, offset: 10))])
        #expect(state.tokens.content.isLoading)
    }

    @Test func theWizardsExtensionsAreReadWhileStepOneIsTyped() {
        var state = Self.firstPage()
        let first = PageRequest(limit: 10, offset: 0)
        let opened = Self.press(.character("c"), at: 1, &state)
        #expect(opened == [.readAhead(.extensions, ListQuery(), first, generation: 0)])
        let extensions = [Extension(id: "EXT-569", name: "Connect Reports"), Extension(id: "EXT-000", name: "Custom Integration")]
        _ = AppReducer.reduce(&state, .readAheadAnswered(
            .extensions, ListQuery(), first, generation: 0, .success(.extensions(Page(items: extensions, range: ContentRange(first: 0, last: 1, total: 2), request: first)))))
        var effects: [AppEffect] = []
        for character in "CI token" { effects += Self.press(.character(character), at: 2, &state) }
        effects += Self.press(.tab, at: 2, &state) + Self.press(.tab, at: 2, &state)
        for character in "for CI" { effects += Self.press(.character(character), at: 2, &state) }
        effects += Self.press(.enter, at: 3, &state)
        #expect(!effects.contains { if case .wizard(.loadExtensions) = $0 { true } else { false } }, "step 2 asks nothing")
        #expect(AppView.render(state).text.contains("Custom Integration"), "step 2 shows the extensions at once")
        // Opened again within the minute, nothing is read ahead twice.
        _ = Self.press(.escape, at: 4, &state)
        _ = Self.press(.character("y"), at: 4, &state)
        #expect(state.modals.isEmpty)
        #expect(Self.press(.character("c"), at: 5, &state).isEmpty)
    }
}
