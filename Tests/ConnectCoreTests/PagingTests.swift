import ConnectCore
import ConnectTestSupport
import Testing

/// `Content-Range` is read exactly, and anything else is a reported error, never a crash.
@Suite struct ContentRangeTests {
    @Test func aNormalPage() throws {
        let range = try ContentRange.parse("items 0-9/57")
        #expect(range == ContentRange(first: 0, last: 9, total: 57))
        #expect(range.count == 10)
    }

    @Test func theEmptyCollection() throws {
        let range = try ContentRange.parse("items 0-0/0")
        #expect(range.total == 0)
        #expect(range.count == 0)
    }

    @Test func anUnknownTotal() throws {
        let range = try ContentRange.parse("items 0-99/*")
        #expect(range.total == nil)
        #expect(range.count == 100)
    }

    @Test func pastTheEnd() throws {
        #expect(try ContentRange.parse("items */57") == ContentRange(first: 57, last: 56, total: 57))
        #expect(try ContentRange.parse("items 60-59/57").count == 0)
    }

    @Test func toleratesCaseAndSpace() throws {
        #expect(try ContentRange.parse("  Items 10-19/20 ").last == 19)
    }

    @Test(arguments: [
        nil, "", "garbage", "items", "items 0-9", "items 9-0/57", "items 0-57/57", "bytes 0-9/57",
        "items a-b/c", "items -1-9/57", "items 0-9/-5", "items 0-9/57/1", "items 1-1/0",
        "items 0-99999999999999999999/1", "items */*", "items 0--1/5", "items 0-9/5 7",
    ] as [String?])
    func rejects(header: String?) {
        #expect(throws: ContentRange.ParseError.self) { try ContentRange.parse(header) }
    }

    @Test func pageRequestsStepWithoutGoingNegative() {
        let first = PageRequest(limit: 25)
        #expect(first.next == PageRequest(limit: 25, offset: 25))
        #expect(first.previous == first)
        #expect(PageRequest(limit: 25, offset: 30).previous.offset == 5)
        #expect(PageRequest(limit: -3, offset: -1) == PageRequest(limit: 0, offset: 0))
    }
}

/// The client turns paging headers into pages, and broken ones into clear errors.
@Suite struct ClientPagingTests {
    @Test func aPageKnowsWhereItIs() async throws {
        let body = "[" + (1...10).map { #"{"id":"MD-\#($0)","name":"M\#($0)"}"# }.joined(separator: ",") + "]"
        let client = ConnectClient.testing(RecordingTransport([.page(body, range: "items 10-19/57")]))
        let page = try await client.listModules(page: PageRequest(limit: 10, offset: 10))
        #expect(page.items.count == 10)
        #expect(page.total == 57)
        #expect(page.hasNext)
        #expect(page.hasPrevious)
    }

    @Test func aMissingHeaderIsAnErrorNamingTheOperation() async {
        let client = ConnectClient.testing(RecordingTransport([.json(200, "[]")]))
        let error = await #expect(throws: ConnectError.self) {
            _ = try await client.listTokens(page: PageRequest())
        }
        #expect(error?.description == "List tokens failed: the response has no Content-Range header")
    }

    @Test func aGarbageHeaderIsQuoted() async {
        let client = ConnectClient.testing(RecordingTransport([.page("[]", range: "lots")]))
        let error = await #expect(throws: ConnectError.self) {
            _ = try await client.listWebhooks(page: PageRequest())
        }
        #expect(error?.description == #"List webhooks failed: bad Content-Range header "lots""#)
    }

    @Test func aHeaderThatLiesAboutTheCountIsAnError() async {
        let client = ConnectClient.testing(
            RecordingTransport([.page(#"[{"id":"MD-1","name":"A"}]"#, range: "items 0-9/57")]))
        let error = await #expect(throws: ConnectError.self) {
            _ = try await client.listModules(page: PageRequest())
        }
        #expect(error?.kind == .inconsistentPage(header: "items 0-9/57", items: 1))
    }

    @Test func limitZeroCountsCheaply() async throws {
        let transport = RecordingTransport([.page("[]", range: "items 0-0/100000")])
        let page = try await ConnectClient.testing(transport).listTokens(page: PageRequest(limit: 0))
        #expect(page.total == 100_000)
        #expect(page.items.isEmpty)
        #expect(transport.onlyRequest.target == "/public/v1/auth/tokens?limit=0&offset=0")
    }
}
