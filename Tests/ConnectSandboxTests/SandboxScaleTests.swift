import ConnectCore
import ConnectSandbox
import Foundation
import Testing

/// The sandbox holds a large account and pages through it by the server, not by loading it.
@Suite struct SandboxScaleTests {
    @Test func pagingThroughAHundredThousandTokens() async throws {
        try await Sandbox.with(seedTokens: 100_000) { sandbox in
            var page = PageRequest(limit: 1000)
            var seen = Set<String>()
            var total = 0
            while true {
                let result = try await sandbox.client.listTokens(ListQuery(select: ["-permissions"]), page: page)
                total = result.total ?? -1
                seen.formUnion(result.items.map(\.id))
                guard result.hasNext else { break }
                page = page.next
            }
            #expect(total == 100_004, "the 100,000 and the four of the seed")
            #expect(seen.count == 100_004, "every token once, none twice")
        }
    }

    @Test func aFilteredOrderedPageOfALargeAccount() async throws {
        try await Sandbox.with(seedTokens: 100_000) { sandbox in
            let page = try await sandbox.client.listTokens(
                ListQuery(filter: .and([.eq("status", "active"), .eq("extension.id", "EXT-000"), .ilike("name", "load*")]),
                          ordering: [.descending("events.created.at")]),
                page: PageRequest(limit: 25))
            #expect(page.items.count == 25)
            #expect(page.total == 80_000, "every fifth seeded token is inactive")
            #expect(page.items.first?.name == "Load token 100003", "the newest, 100004, is one of the inactive fifths")
        }
    }
}
