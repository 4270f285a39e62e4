import ConnectCore
import ConnectTestSupport
import Foundation
import Synchronization
import Testing

/// `ConnectClient.all`: every item, in order, however the pages are fetched.
@Suite struct FetchAllTests {
    /// A collection of `total` numbered items, served from memory; counts the fetches.
    final class Collection: Sendable {
        let total: Int
        let knowsTotal: Bool
        let fetches = Mutex<[Int]>([])
        let inFlight = Mutex((now: 0, most: 0))

        init(total: Int, knowsTotal: Bool = true) {
            self.total = total
            self.knowsTotal = knowsTotal
        }

        func fetch(_ page: PageRequest) async throws(ConnectError) -> Page<Int> {
            fetches.withLock { $0.append(page.offset) }
            inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            try? await Task.sleep(for: .milliseconds(Int.random(in: 1...5)))  // answers out of order
            inFlight.withLock { $0.now -= 1 }
            let items = Array(page.offset..<min(total, page.offset + page.limit))
            let range = items.isEmpty
                ? ContentRange(first: page.offset, last: page.offset - 1, total: knowsTotal ? total : nil)
                : ContentRange(first: page.offset, last: page.offset + items.count - 1, total: knowsTotal ? total : nil)
            return Page(items: items, range: range, request: page)
        }
    }

    static let client = ConnectClient.testing(RecordingTransport([]))

    @Test(arguments: [1, 4])
    func everyItemInOrder(concurrency: Int) async throws {
        let collection = Collection(total: 1_050)
        let items = try await Self.client.all(pageSize: 100, concurrency: concurrency) { page throws(ConnectError) in try await collection.fetch(page) }
        #expect(items == Array(0..<1_050))
        #expect(collection.fetches.withLock { $0.sorted() } == Array(stride(from: 0, to: 1_050, by: 100)), "each page once")
        #expect(collection.inFlight.withLock { $0.most } <= concurrency)
    }

    @Test func withoutATotalItFollowsThePagesToAShortOne() async throws {
        let collection = Collection(total: 250, knowsTotal: false)
        let items = try await Self.client.all(pageSize: 100, concurrency: 4) { page throws(ConnectError) in try await collection.fetch(page) }
        #expect(items == Array(0..<250))
        #expect(collection.fetches.withLock { $0 } == [0, 100, 200])
    }

    @Test func aFailedPageFailsTheWholeRead() async {
        let failure = ConnectError(operation: .listTokens, method: .get, kind: .http(status: 503, code: nil, messages: []))
        await #expect(throws: failure) {
            _ = try await Self.client.all(pageSize: 10, concurrency: 3) { page throws(ConnectError) -> Page<Int> in
                if page.offset == 30 { throw failure }
                return Page(items: Array(page.offset..<page.offset + 10), range: ContentRange(first: page.offset, last: page.offset + 9, total: 100), request: page)
            }
        }
    }
}
