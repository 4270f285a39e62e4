/// Reading a whole collection.
extension ConnectClient {
    /// Every item of a paged list, in order. The first page says how many there are; the
    /// rest are then fetched `concurrency` pages at a time (1 = one after another, as most
    /// clients do). Each page is a read, so each is retried by the policy on its own.
    public func all<Item: Sendable>(
        pageSize: Int = 100, concurrency: Int = 1,
        _ fetch: @escaping @Sendable (PageRequest) async throws(ConnectError) -> Page<Item>
    ) async throws(ConnectError) -> [Item] {
        let first = try await fetch(PageRequest(limit: pageSize, offset: 0))
        guard let total = first.total else {
            // No total to plan with: follow the pages until one comes back short.
            var items = first.items
            var page = first
            while page.items.count == pageSize {
                page = try await fetch(PageRequest(limit: pageSize, offset: items.count))
                items += page.items
            }
            return items
        }
        let offsets = Array(stride(from: first.items.count, to: total, by: pageSize))
        var pages: [Int: [Item]] = [0: first.items]
        do {
            try await withThrowingTaskGroup(of: (Int, [Item]).self) { group in
                var next = 0
                func startNext() {
                    guard next < offsets.count else { return }
                    let offset = offsets[next]
                    next += 1
                    group.addTask { (offset, try await fetch(PageRequest(limit: pageSize, offset: offset)).items) }
                }
                for _ in 0..<max(1, concurrency) { startNext() }
                while let (offset, items) = try await group.next() {
                    pages[offset] = items
                    startNext()
                }
            }
        } catch let error as ConnectError {
            throw error
        } catch {
            throw ConnectError(operation: .listTokens, method: .get, kind: .cancelled)
        }
        return pages.keys.sorted().flatMap { pages[$0]! }
    }
}
