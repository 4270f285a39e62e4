import ConnectCore
import Foundation

extension AppRuntime {
    /// A page of a list; it replaces the list's load under way, if any.
    func loadList(_ list: ListID, loadID: Int, _ query: ListQuery, _ page: PageRequest) {
        listLoads[list]?.cancel()
        listLoads[list] = request({ client throws(ConnectError) in try await Self.fetch(list, query, page, client) }) { result in
            .listLoaded(list, loadID: loadID, result)
        }
    }

    /// Reads a page ahead of the user; nothing is cancelled for it, and its answer is kept only
    /// if no write came in between.
    func readAhead(_ list: ListID, _ query: ListQuery, _ page: PageRequest, generation: Int) {
        request({ client throws(ConnectError) in try await Self.fetch(list, query, page, client) }) { result in
            .readAheadAnswered(list, query, page, generation: generation, result)
        }
    }

    func stopListLoads() {
        for load in listLoads.values { load.cancel() }
        listLoads = [:]
    }

    private static func fetch(_ list: ListID, _ query: ListQuery, _ page: PageRequest, _ client: ConnectClient) async throws(ConnectError) -> ListPage {
        switch list {
        case .tokens: .tokens(try await client.listTokens(query, page: page))
        case .webhooks: .webhooks(try await client.listWebhooks(query, page: page))
        case .extensions: .extensions(try await client.listExtensions(query, page: page))
        }
    }
}
