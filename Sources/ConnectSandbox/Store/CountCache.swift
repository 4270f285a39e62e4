import GRDB
import Synchronization

/// Remembers the totals of list queries until the next write. A `Content-Range` total needs a
/// COUNT over every matching row, which on 100,000 tokens costs far more than the page
/// itself; paging through one filtered list asks the same count again and again.
///
/// Every commit bumps a generation twice (a transaction observer on the writer sees them all):
/// once before it commits, making the generation odd, and once after, making it even again.
/// A reader notes the generation before its read transaction and again once its snapshot is
/// taken; only when both are the same even number is its snapshot exactly that generation's
/// data, and only then is an entry used or stored. (Bumping only after the commit let a reader
/// whose snapshot already held a new token pair it with the count from before: "items 0-0/0"
/// with one item.)
final class CountCache: Sendable {
    private struct State {
        var generation = 0
        var entries: [String: (generation: Int, count: Int)] = [:]
    }

    private let state = Mutex(State())
    static let capacity = 256

    var generation: Int { state.withLock { $0.generation } }

    /// Whether a snapshot taken between two readings of the generation is that generation's.
    static func isSettled(before: Int, after: Int) -> Bool { before == after && before % 2 == 0 }

    func count(for key: String, generation: Int) -> Int? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.generation == generation, generation == state.generation else { return nil }
            return entry.count
        }
    }

    func store(_ count: Int, for key: String, generation: Int) {
        state.withLock { state in
            guard generation == state.generation else { return }
            if state.entries.count >= Self.capacity { state.entries.removeAll() }
            state.entries[key] = (generation, count)
        }
    }

    /// A commit is about to land: the generation turns odd until it has.
    func commitBegins() { state.withLock { $0.generation += $0.generation % 2 == 0 ? 1 : 2 } }

    /// The commit landed or was rolled back: even again, and past every entry before it.
    func commitEnds() { state.withLock { $0.generation += $0.generation % 2 == 0 ? 2 : 1 } }

    /// Bumps the generation around each commit.
    final class Observer: TransactionObserver, Sendable {
        let cache: CountCache

        init(_ cache: CountCache) { self.cache = cache }

        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }

        func databaseDidChange(with event: DatabaseEvent) {
            // One change is enough to know the commit matters; skip the rest of this one.
            stopObservingDatabaseChangesUntilNextTransaction()
        }

        func databaseWillCommit() throws { cache.commitBegins() }

        func databaseDidCommit(_ db: Database) { cache.commitEnds() }

        func databaseDidRollback(_ db: Database) { cache.commitEnds() }
    }
}
