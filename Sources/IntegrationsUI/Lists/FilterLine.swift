import Foundation
import TerminalKit

/// The filter line of a list (`/`): what is typed, and when the server is next asked. Rows
/// follow the typing, but only once it rests: a request at most every `pause` of typing, and
/// an answer to an older text is dropped by the list's load id.
public struct FilterLine: Sendable, Hashable {
    public var text: TextField
    /// When the typed text is due at the server; nil when the list already shows it.
    public var dueAt: Date?

    /// How long typing rests before the list is asked again.
    public static let pause: TimeInterval = 0.15

    public init(_ text: String) { self.text = TextField(text, limit: 256) }
}

extension AppReducer {
    /// Opens the filter line over a list's toolbar, with the list's current text.
    static func openFilterLine<K: ListKind>(_ kind: K.Type, _ id: ListID, _ state: inout AppState) {
        state.modals.append(.filterLine(id, FilterLine(state[keyPath: K.path].filter.text)))
    }

    /// Typing, keeping (`Enter`) or clearing (`Esc`) the filter line.
    static func handleFilterLine(_ id: ListID, _ line: FilterLine, _ key: Key, now: Date, _ state: inout AppState) -> [AppEffect] {
        var line = line
        switch state.keymaps.filterLine.command(for: key) {
        case .apply?:
            state.closeTopModal()
            return typedFilter(id.kind, line.text.text, &state)
        case .clear?:
            state.closeTopModal()
            return typedFilter(id.kind, "", &state)
        case .nextField?, .previousField?, .changeNext?, .changePrevious?, nil:
            let before = line.text.text
            _ = line.text.handle(key, keymap: state.keymaps.text)
            if line.text.text != before { line.dueAt = now.addingTimeInterval(FilterLine.pause) }
        }
        state.modals[state.modals.count - 1] = .filterLine(id, line)
        return []
    }

    /// On a tick: the typed text goes to the server once typing has rested.
    static func filterLineDue(now: Date, _ state: inout AppState) -> [AppEffect] {
        guard case .filterLine(let id, var line)? = state.topModal, let due = line.dueAt, due <= now else { return [] }
        line.dueAt = nil
        state.modals[state.modals.count - 1] = .filterLine(id, line)
        return typedFilter(id.kind, line.text.text, &state)
    }

    /// The list narrowed to `text` (its other choices kept), from the first page; nothing when
    /// it already is.
    static func typedFilter<K: ListKind>(_ kind: K.Type, _ text: String, _ state: inout AppState) -> [AppEffect] {
        var filter = state[keyPath: K.path].filter
        guard filter.text != text else { return [] }
        filter.text = text
        return [applyFilter(K.self, filter, &state)]
    }
}
