import ConnectCore
import Foundation
import TerminalKit

/// A row marked for a bulk action: its id, and what the confirmation and the result call it.
public struct Mark: Sendable, Hashable {
    public var id: String
    public var label: String

    /// "1 token", "5 tokens".
    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// "this token", "these 5 tokens".
    static func these(_ count: Int, _ noun: String) -> String { count == 1 ? "this \(noun)" : "these \(count) \(noun)s" }

    /// "A (SU-1), B (SU-2), C (SU-3) and 4 more": the first few of a confirmation.
    static func sample(_ marks: [Mark], first: Int = 3) -> String {
        let named = marks.prefix(first).map { "\($0.label) (\($0.id))" }.joined(separator: ", ")
        return marks.count > first ? "\(named) and \(marks.count - first) more" : named
    }
}

/// One action done to every marked row: one request per item, each sent once, in turn (the
/// next goes when the last one's answer is in), so a failure never repeats a request and the
/// result can say exactly what happened to each.
public struct BulkRun: Sendable, Hashable {
    /// An item whose request failed, and why.
    public struct Failure: Sendable, Hashable {
        public var mark: Mark
        public var reason: String
    }

    public var operation: ListAction
    /// Every item, in the order marked.
    public var marks: [Mark]
    /// Not sent yet.
    public var waiting: [Mark]
    /// Sent; its answer is awaited.
    public var sending: Mark?
    public var succeeded: [Mark] = []
    public var failed: [Failure] = []
    /// The user stopped the run: what is waiting is not sent.
    public var stopped = false
    /// How far the list of items is scrolled.
    public var scroll = 0

    /// Said in every bulk confirmation.
    static let once = "One request each; none is sent twice."

    public var isFinished: Bool { sending == nil }

    /// What happened to `mark` so far.
    public enum Outcome: Sendable, Hashable { case waiting, sending, succeeded, failed(String), notSent }

    public func outcome(of mark: Mark) -> Outcome {
        if sending == mark { return .sending }
        if succeeded.contains(mark) { return .succeeded }
        if let failure = failed.first(where: { $0.mark == mark }) { return .failed(failure.reason) }
        return stopped ? .notSent : .waiting
    }

    /// The action as the menu offered it.
    var action: ItemAction { .marked(operation, marks) }

    /// "Delete 3 tokens".
    var title: String { action.title }

    /// "deleted", for the result: the title's verb, done.
    var done: String {
        let verb = title.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return verb.hasSuffix("e") ? verb + "d" : verb + "ed"
    }

    /// The request for one item.
    func effect(for mark: Mark) -> AppEffect { .perform(operation, id: mark.id) }

    /// "4 deleted, 1 failed (still marked), 2 not sent".
    var summary: String {
        var parts = ["\(succeeded.count) \(done)"]
        if !failed.isEmpty { parts.append("\(failed.count) failed (still marked)") }
        let notSent = marks.count - succeeded.count - failed.count - (sending == nil ? 0 : 1)
        if stopped, notSent > 0 { parts.append("\(notSent) not sent") }
        return parts.joined(separator: ", ")
    }
}

extension AppReducer {
    /// `Space` on a list: marks the row under the cursor (or unmarks it) and moves down.
    static func toggleMark<K: ListKind>(_ kind: K.Type, _ state: inout AppState) -> [AppEffect] {
        guard let item = state[keyPath: K.path].selected else { return [] }
        let mark = Mark(id: item.id, label: K.label(item))
        if let index = state[keyPath: K.path].marked.firstIndex(where: { $0.id == mark.id }) {
            state[keyPath: K.path].marked.remove(at: index)
        } else {
            state[keyPath: K.path].marked.append(mark)
        }
        state[keyPath: K.path].moveCursor(to: state[keyPath: K.path].cursor + 1)
        return []
    }

    /// The actions menu for the marked rows of a list, when there are any.
    static func bulkMenu<K: ListKind>(_ kind: K.Type, _ state: AppState) -> ActionsMenu? {
        let marks = state[keyPath: K.path].marked
        return marks.isEmpty || K.bulkActions.isEmpty ? nil : ActionsMenu(items: K.bulkActions.map { .marked($0, marks) })
    }

    /// Starts a confirmed bulk action: its progress opens, and the first request goes.
    static func startBulk(_ operation: ListAction, _ marks: [Mark], _ state: inout AppState) -> [AppEffect] {
        guard let first = marks.first else { return [] }
        let run = BulkRun(operation: operation, marks: marks, waiting: Array(marks.dropFirst()), sending: first)
        state.modals.append(.bulk(run))
        return [run.effect(for: first)]
    }

    /// An item's answer, when it belongs to the bulk run in progress (nil otherwise): noted,
    /// then the next request, or the end (the succeeded ones unmarked, the list read again).
    static func bulkAnswer(_ operation: ListAction, id: String, failure: ConnectError?, _ state: inout AppState) -> [AppEffect]? {
        guard let index = state.modals.lastIndex(where: { if case .bulk = $0 { true } else { false } }),
            case .bulk(var run) = state.modals[index], run.operation == operation, let sent = run.sending, sent.id == id
        else { return nil }
        if let failure {
            run.failed.append(BulkRun.Failure(mark: sent, reason: failure.outcomeUnknown ? "no answer; it may have happened (refresh to look)" : failure.description))
        } else {
            run.succeeded.append(sent)
        }
        run.sending = nil
        var effects: [AppEffect] = []
        if !run.stopped, !run.waiting.isEmpty {
            let next = run.waiting.removeFirst()
            run.sending = next
            effects.append(run.effect(for: next))
        }
        state.modals[index] = .bulk(run)
        if run.isFinished { effects += finishBulk(run, &state) }
        return effects
    }

    /// The run is over: what succeeded is unmarked, the rest stay marked, the list is read again.
    private static func finishBulk(_ run: BulkRun, _ state: inout AppState) -> [AppEffect] {
        let line = "\(run.title): \(run.summary)."
        state.status = run.failed.isEmpty ? .info(line) : .error(line)
        return finishBulk(run.operation.list.kind, run, &state)
    }

    private static func finishBulk<K: ListKind>(_ kind: K.Type, _ run: BulkRun, _ state: inout AppState) -> [AppEffect] {
        let done = Set(run.succeeded.map(\.id))
        state[keyPath: K.path].marked.removeAll { done.contains($0.id) }
        return done.isEmpty ? [] : [reload(K.self, &state)]
    }

    /// Keys while a bulk action runs (`Esc` stops sending what is left) and after (`Enter` or
    /// `Esc` closes the result).
    static func handleBulk(_ run: BulkRun, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard let command = state.keymaps.bulk.command(for: key) else { return [] }
        var run = run
        switch command {
        case .close where !run.isFinished:
            run.stopped = true
        case .close, .choose:
            if run.isFinished { state.closeTopModal() }
            return []
        case .down: run.scroll += 1
        case .up: run.scroll = max(0, run.scroll - 1)
        case .toggle, .write, .enable, .disable, .rotate, .renew, .delete, .trigger:
            return []
        }
        state.replaceTopModal(.bulk(run))
        return []
    }
}

extension Result {
    /// The error, when it failed.
    var failure: Failure? {
        switch self {
        case .success: nil
        case .failure(let error): error
        }
    }
}
