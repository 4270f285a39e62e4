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

/// What a key did to a line that narrows what is shown as it is typed (a list's filter line,
/// the permissions' filter, help's search): Enter keeps it, Esc clears it (and empties it).
enum Narrowing: Equatable { case kept, cleared, typed(changed: Bool) }

extension AppReducer {
    static func narrow(_ field: inout TextField, _ key: Key, _ keymap: Keymap<FilterCommand>, _ state: AppState) -> Narrowing {
        switch keymap.command(for: key) {
        case .apply?: return .kept
        case .clear?:
            field = TextField(limit: field.limit)
            return .cleared
        case .nextField?, .previousField?, .changeNext?, .changePrevious?, nil:
            let before = field.text
            _ = field.handle(key, keymap: state.keymaps.text)
            return .typed(changed: field.text != before)
        }
    }

    /// Opens the filter line over a list's toolbar, with the list's current text.
    static func openFilterLine<K: ListKind>(_ kind: K.Type, _ state: inout AppState) {
        state.modals.append(.filterLine(K.id, FilterLine(state[keyPath: K.path].filter.text)))
    }

    /// Typing, keeping (`Enter`) or clearing (`Esc`) the filter line.
    static func handleFilterLine(_ id: ListID, _ line: FilterLine, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var line = line
        switch narrow(&line.text, key, state.keymaps.filterLine, state) {
        case .kept, .cleared:
            state.closeTopModal()
            return typedFilter(id.kind, line.text.text, &state)
        case .typed(let changed):
            if changed { line.dueAt = state.now.addingTimeInterval(FilterLine.pause) }
        }
        state.replaceTopModal(.filterLine(id, line))
        return []
    }

    /// On a tick: the typed text goes to the server once typing has rested.
    static func filterLineDue(_ state: inout AppState) -> [AppEffect] {
        guard case .filterLine(let id, var line)? = state.topModal, let due = line.dueAt, due <= state.now else { return [] }
        line.dueAt = nil
        state.replaceTopModal(.filterLine(id, line))
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
