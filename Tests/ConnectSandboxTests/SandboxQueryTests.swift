import ConnectCore
import ConnectSandbox
import Foundation
import Testing

/// Filtering, ordering, searching and paging as the real API does them.
@Suite struct SandboxQueryTests {
    @Test func filtersByStatusExtensionNameAndPermission() async throws {
        try await Sandbox.with(seedTokens: 50) { sandbox in
            let client = sandbox.client
            let inactive = try await client.listTokens(ListQuery(filter: .eq("status", "inactive")), page: PageRequest(limit: 100))
            #expect(inactive.total == 10)
            #expect(inactive.items.allSatisfy { $0.status == .inactive })

            let zapier = try await client.listTokens(ListQuery(filter: .eq("extension.id", "EXT-816")), page: PageRequest(limit: 100))
            #expect(zapier.items.allSatisfy { $0.extension?.id == "EXT-816" })
            #expect(zapier.total == 2)

            let byName = try await client.listTokens(ListQuery(filter: .ilike("name", "*TUTORIAL*")), page: PageRequest())
            #expect(byName.items.map(\.id) == ["SU-431-800-699"])

            let caseSensitive = try await client.listTokens(ListQuery(filter: .like("name", "*TUTORIAL*")), page: PageRequest())
            #expect(caseSensitive.total == 0)

            let helpdesk = try await client.listTokens(ListQuery(filter: .eq("permissions.object.id", "MD-0023")), page: PageRequest())
            #expect(Set(helpdesk.items.map(\.name)) == ["Tutorial API Token", "connect-tui sandbox"])

            let either = try await client.listTokens(
                ListQuery(filter: .in("extension.name", ["zapier", "flowgear"])), page: PageRequest(limit: 100))
            #expect(either.total == 4)

            let noExternal = try await client.listTokens(
                ListQuery(filter: .and([.eq("external_id", .null), .ilike("name", "load*")])), page: PageRequest(limit: 0))
            #expect(noExternal.total == 43)
        }
    }

    @Test func totalsFollowEveryWriteThoughTheyAreCached() async throws {
        try await Sandbox.with(seedTokens: 20) { sandbox in
            let client = sandbox.client
            let active = ListQuery(filter: .eq("status", "active"))
            let extensionNamed = ListQuery(filter: .eq("extension.name", "custom"))  // counted with the join
            let before = try await client.listTokens(active, page: PageRequest(limit: 0)).total ?? -1
            let beforeCustom = try await client.listTokens(extensionNamed, page: PageRequest(limit: 0)).total ?? -1
            #expect(try await client.listTokens(active, page: PageRequest(limit: 5, offset: 5)).total == before, "the cached total")
            let made = try await client.createToken(TokenCreate(name: "Counted", description: nil, externalID: nil, extensionID: "EXT-000"))
            #expect(try await client.listTokens(active, page: PageRequest(limit: 0)).total == before + 1)
            #expect(try await client.listTokens(extensionNamed, page: PageRequest(limit: 0)).total == beforeCustom + 1)
            _ = try await client.deactivateToken(id: made.id)
            #expect(try await client.listTokens(active, page: PageRequest(limit: 0)).total == before)
            try await client.deleteToken(id: made.id)
            #expect(try await client.listTokens(extensionNamed, page: PageRequest(limit: 0)).total == beforeCustom)
        }
    }

    /// A reader whose snapshot already holds a new token must never be given the total from
    /// before it (the client refuses such a page: "items 0-0/0" with one item).
    @Test func aTotalAgreesWithItsPageWhileTokensAreBeingCreated() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let racing = ListQuery(filter: .ilike("name", "Race*"))
            let writer = Task {
                for number in 0..<150 { _ = try await client.createToken(customToken("Race \(number)")) }
            }
            var pages = 0
            var lastTotal = 0
            while lastTotal < 150 {
                let page = try await client.listTokens(racing, page: PageRequest(limit: 100))
                #expect(min(page.total ?? -1, 100) == page.items.count, "page \(pages): \(page.items.count) items, total \(String(describing: page.total))")
                lastTotal = page.total ?? 0
                pages += 1
            }
            try await writer.value
            #expect(pages > 1, "the reads ran beside the writes")
        }
    }

    @Test func ordersAndPagesStably() async throws {
        try await Sandbox.with(seedTokens: 30) { sandbox in
            let client = sandbox.client
            let query = ListQuery(filter: .ilike("name", "load*"), ordering: [.descending("events.created.at")])
            var seen: [String] = []
            var page = PageRequest(limit: 7)
            while true {
                let result = try await client.listTokens(query, page: page)
                seen += result.items.map { $0.name ?? "" }
                guard result.hasNext else { break }
                page = page.next
            }
            #expect(seen.count == 30)
            #expect(seen == seen.sorted(by: >), "newest first: names were numbered in creation order")
            let byName = try await client.listTokens(ListQuery(ordering: [SortKey("name")]), page: PageRequest(limit: 3))
            #expect(byName.items.map(\.name) == ["Load token 000005", "Load token 000006", "Load token 000007"])
        }
    }

    @Test func contentRangeOfEmptyCountAndPastTheEnd() async throws {
        try await Sandbox.with { sandbox in
            let transport = LiveTransport.make()
            func range(_ query: String) async throws -> (String?, Int) {
                var request = HTTPRequest(method: .get, url: URL(string: sandbox.endpoint.absoluteString + "/auth/tokens?" + query)!)
                request.headers.add("Authorization", sandbox.key.authorizationHeaderValue)
                let response = try await transport.send(request)
                return (response.headers["Content-Range"], response.status)
            }
            #expect(try await range("eq(name,nothing)&limit=10") == ("items 0-0/0", 200))
            // The seed's four tokens: the sandbox's own, the tutorial, one expiring, one expired.
            #expect(try await range("limit=0") == ("items 0-0/4", 200))
            #expect(try await range("limit=1&offset=1") == ("items 1-1/4", 200))
            #expect(try await range("limit=10&offset=5") == ("items 5-4/4", 200))
            let page = try await sandbox.client.listTokens(page: PageRequest(limit: 10, offset: 5))
            #expect(page.items.isEmpty && !page.hasNext)
        }
    }

    @Test func badQueriesAreValidationErrorsNamingTheProblem() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let unknown = await connectError { _ = try await client.listTokens(ListQuery(filter: .eq("colour", "red")), page: PageRequest()) }
            #expect(unknown?.status == 400)
            #expect(unknown?.errorCode == "VAL_001")
            #expect(unknown?.description.contains("Unknown field 'colour'") == true)

            let tooMany = await connectError { _ = try await client.listTokens(page: PageRequest(limit: 5000)) }
            #expect(tooMany?.description == "List tokens failed: HTTP 400 VAL_001: limit: Ensure this value is less than or equal to 1000.")

            let badBool = await connectError { _ = try await client.listWebhooks(ListQuery(filter: .eq("active", "maybe")), page: PageRequest()) }
            #expect(badBool?.description == "List webhooks failed: HTTP 400 VAL_001: active: 'maybe' is not true or false.")

            let badOrder = await connectError { _ = try await client.listTokens(ListQuery(ordering: [SortKey("permissions.id")]), page: PageRequest()) }
            #expect(badOrder?.status == 400)

            let badDate = await connectError {
                _ = try await client.listTokens(ListQuery(filter: .ge("events.created.at", "yesterday")), page: PageRequest())
            }
            #expect(badDate?.detail == "HTTP 400 VAL_001: events.created.at: 'yesterday' is not a date-time.")
        }
    }

    @Test func valuesWithQuotesCommasAndWildcardsMatchLiterally() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let names = ["Mick's, (CI)", #"say "hi""#, "100% sure_thing", "東京 👩‍💻"]
            for name in names { _ = try await client.createToken(customToken(name)) }
            for name in names {
                let exact = try await client.listTokens(ListQuery(filter: .eq("name", .string(name))), page: PageRequest())
                #expect(exact.items.map(\.name) == [name], "eq \(name)")
            }
            let percent = try await client.listTokens(ListQuery(filter: .ilike("name", "100%*")), page: PageRequest())
            #expect(percent.items.map(\.name) == ["100% sure_thing"], "% is literal, * is the wildcard")
            let underscore = try await client.listTokens(ListQuery(filter: .ilike("name", "*e_t*")), page: PageRequest())
            #expect(underscore.items.map(\.name) == ["100% sure_thing"])
        }
    }

    @Test func selectCanDropPermissions() async throws {
        try await Sandbox.with { sandbox in
            let page = try await sandbox.client.listTokens(ListQuery(select: ["-permissions"]), page: PageRequest())
            #expect(page.items.allSatisfy { $0.permissions == [] })
        }
    }
}
