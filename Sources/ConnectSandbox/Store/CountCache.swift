import GRDB
import Synchronization

/// Remembers the totals of list queries until the next write. A `Content-Range` total needs a
/// COUNT over every matching row, which on 100,000 tokens costs far more than the page
/// itself; paging through one filtered list asks the same count again and again.
///
/// Every commit bumps a generation (a transaction observer on the writer sees them all); an
/// entry is used only while its generation is current. The generation is read before the
/// read transaction starts, so an entry can only be older than the data it is stored with,
/// never newer: a count that raced a write is thrown away, not trusted.
final class CountCache: Sendable {
    private struct State {
        var generation = 0
        var entries: [String: (generation: Int, count: Int)] = [:]
    }

    private let state = Mutex(State())
    static let capacity = 256

    var generation: Int { state.withLock { $0.generation } }

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

    func invalidate() { state.withLock { $0.generation += 1 } }

    /// Bumps the generation after each commit.
    final class Observer: TransactionObserver, Sendable {
        let cache: CountCache

        init(_ cache: CountCache) { self.cache = cache }

        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }

        func databaseDidChange(with event: DatabaseEvent) {
            // One change is enough to know the commit matters; skip the rest of this one.
            stopObservingDatabaseChangesUntilNextTransaction()
        }

        func databaseDidCommit(_ db: Database) { cache.invalidate() }

        func databaseDidRollback(_ db: Database) {}
    }
}
