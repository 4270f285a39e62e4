import ConnectCore
import ConnectURLSession
import Foundation
import IntegrationsUI
import TerminalKit

#if canImport(Glibc)
    import Glibc
#endif

/// The in-process half of `scripts/bench`: measurements that need the app's own types. Each
/// prints `name value` lines for the script to put beside its target.
///
///     connect-tui-bench client ENDPOINT KEY          fetch every token: 100 per page in turn, then the best way
///                                                    (BENCH_TRANSPORT=urlsession: through Foundation's URLSession)
///     connect-tui-bench keys ENDPOINT KEY            CPU per key: ↓, next page, open details
///     connect-tui-bench query ENDPOINT KEY           median time of a filtered, ordered page of 25
///     connect-tui-bench filter                       typing a filter: cost per key, requests, stale answers
///     connect-tui-bench decode FILE…                 decoding recorded pages of tokens, median per page

/// CPU time of this process (user + system).
func cpuTime() -> Duration {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func duration(_ time: timeval) -> Duration { .seconds(Int64(time.tv_sec)) + .microseconds(Int64(time.tv_usec)) }
    return duration(usage.ru_utime) + duration(usage.ru_stime)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func report(_ name: String, _ value: Double) { print("\(name) \(String(format: "%.6f", value))") }

func client(_ endpoint: String, _ key: String) -> ConnectClient {
    let transport: any HTTPTransport = ProcessInfo.processInfo.environment["BENCH_TRANSPORT"] == "urlsession"
        ? URLSessionTransport() : LiveTransport.make()
    return ConnectClient(endpoint: URL(string: endpoint)!, apiKey: try! APIKey(parsing: key), transport: transport)
}

/// Fetches every token twice: 100 per page one after another (what the Python client does by
/// default), and 1,000 per page with 4 pages in flight once the total is known.
func clientThroughput(_ client: ConnectClient) async throws {
    let fetch: @Sendable (PageRequest) async throws(ConnectError) -> Page<Token> = { page throws(ConnectError) in
        try await client.listTokens(page: page)
    }
    _ = try await client.listTokens(page: PageRequest(limit: 1))  // connection warm, as Python's is after its first page
    var clock = ContinuousClock.now
    let sequential = try await client.all(pageSize: 100, concurrency: 1, fetch)
    report("client_sequential_100_s", seconds(ContinuousClock.now - clock))
    clock = ContinuousClock.now
    let best = try await client.all(pageSize: 1000, concurrency: 4, fetch)
    report("client_best_s", seconds(ContinuousClock.now - clock))
    report("client_items", Double(sequential.count))
    guard Set(sequential.map(\.id)) == Set(best.map(\.id)), sequential.count == best.count else {
        FileHandle.standardError.write(Data("the two ways fetched different tokens\n".utf8))
        exit(1)
    }
}

/// A filtered, ordered page of 25: the portal's filter (status and extension, newest first):
/// the first request (its total counted) and the median of 30 more pages of the same list;
/// then a name search (`ilike(name,*7*)`), which no index can serve, for comparison.
func queryLatency(_ client: ConnectClient) async throws {
    func time(_ query: ListQuery, offset: Int) async throws -> Double {
        let started = ContinuousClock.now
        _ = try await client.listTokens(query, page: PageRequest(limit: 25, offset: offset))
        return seconds(ContinuousClock.now - started)
    }
    _ = try await client.listTokens(page: PageRequest(limit: 1))  // the connection warm
    let portal = ListQuery(
        filter: .and([.eq("status", .string("active")), .eq("extension.id", .string("EXT-000"))]), ordering: [.descending("events.created.at")])
    report("query_first_s", try await time(portal, offset: 0))
    var times: [Double] = []
    for round in 0..<30 { times.append(try await time(portal, offset: (round % 3) * 25)) }
    report("query_median_s", times.sorted()[times.count / 2])
    let search = ListQuery(filter: .and([.eq("status", .string("active")), .ilike("name", "*7*")]), ordering: [.descending("events.created.at")])
    var searches: [Double] = []
    for round in 0..<10 { searches.append(try await time(search, offset: (round % 2) * 25)) }
    report("query_name_search_median_s", searches.sorted()[searches.count / 2])
}

/// A terminal that keeps the last frame and counts what it was given.
final class CountingTerminal: Terminal, @unchecked Sendable {
    var size = TerminalSize(columns: 120, rows: 40)
    var frames = 0
    func draw(_ screen: Screen) { frames += 1 }
    func readKey(timeoutMilliseconds: Int) -> Key? { nil }
    func sendControlSequence(_ bytes: [UInt8]) {}
}

/// CPU time per key with the answer applied and the next frame rendered: ↓ (no request),
/// next page and open details (a request each).
func keystrokeCost(_ client: ConnectClient, endpoint: String) async {
    let terminal = CountingTerminal()
    let runtime = AppRuntime(
        terminal: terminal, client: client,
        connection: Connection(endpoint: URL(string: endpoint)!, isSandbox: true, source: "bench"),
        clipboard: Clipboard(environment: [:], mode: .off), settings: AppRuntime.Settings(clock: { Date() }, makeUUID: { UUID() }))
    runtime.dispatch(.key(.character("2"), now: Date()))
    runtime.dispatch(.key(.character("r"), now: Date()))
    _ = await runtime.settle()
    /// The median over the rounds: a round that a busy neighbour slowed down says nothing
    /// about the app.
    func measure(_ name: String, rounds: Int, _ keys: [Key], back: [Key]) async {
        var costs: [Double] = []
        for _ in 0..<rounds {
            let before = cpuTime()
            for key in keys {
                runtime.dispatch(.key(key, now: Date()))
                _ = await runtime.settle()
                terminal.draw(AppView.render(runtime.state))
            }
            costs.append(seconds(cpuTime() - before))
            for key in back {
                runtime.dispatch(.key(key, now: Date()))
                _ = await runtime.settle()
            }
        }
        report(name, costs.sorted()[costs.count / 2])
    }
    await measure("key_down_cpu_s", rounds: 400, [.down], back: [.up])
    await measure("key_next_page_cpu_s", rounds: 60, [.character("]")], back: [.character("[")])
    await measure("key_open_details_cpu_s", rounds: 60, [.enter], back: [.escape])
}

/// Typing a 30-character filter over a big list: the cost of each key, the requests sent
/// while typing (none: the filter applies on Enter), and whether an older answer arriving
/// after a newer one is dropped.
func filterTyping() {
    var state = AppState(size: TerminalSize(columns: 120, rows: 40), connection: Connection(endpoint: URL(string: "http://x")!, isSandbox: true, source: "bench"), now: Date())
    _ = AppReducer.start(&state)
    let rows = (0..<10).map { Token(id: "SU-000-000-\($0)", name: "Token \($0)") }
    let page = Page(items: rows, range: ContentRange(first: 0, last: 9, total: 100_000), request: PageRequest())
    _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: state.tokens.loadID, .success(.tokens(page))))
    _ = AppReducer.reduce(&state, .key(.character("/"), now: Date()))
    var worst = 0.0
    var requests = 0
    for character in "integration for the ERP sync!!" {
        let started = ContinuousClock.now
        let effects = AppReducer.reduce(&state, .key(.character(character), now: Date()))
        _ = AppView.render(state)
        worst = max(worst, seconds(ContinuousClock.now - started))
        requests += effects.count
    }
    report("filter_worst_key_s", worst)
    report("filter_requests_while_typing", Double(requests))
    let applied = AppReducer.reduce(&state, .key(.enter, now: Date()))
    report("filter_requests_on_enter", Double(applied.count))
    // Two loads; the older answer comes last and must not replace the newer.
    let older = state.tokens.loadID
    _ = AppReducer.reduce(&state, .key(.character("r"), now: Date()))
    let newer = state.tokens.loadID
    let fresh = Page(items: [Token(id: "SU-NEW", name: "newer")], range: ContentRange(first: 0, last: 0, total: 1), request: PageRequest())
    let stale = Page(items: [Token(id: "SU-OLD", name: "older")], range: ContentRange(first: 0, last: 0, total: 1), request: PageRequest())
    _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: newer, .success(.tokens(fresh))))
    _ = AppReducer.reduce(&state, .listLoaded(.tokens, loadID: older, .success(.tokens(stale))))
    report("filter_stale_answer_dropped", state.tokens.selected?.id == "SU-NEW" ? 1 : 0)
}

/// Decoding recorded pages with no server in the loop: the client's decoder (Foundation's
/// `JSONDecoder` into `Token`s, after the UTF-8 check the client makes) on each file, the
/// median of `rounds` decodes, per page.
func decoding(_ files: [String]) throws {
    for path in files {
        let body = try Data(contentsOf: URL(fileURLWithPath: path))
        let rounds = body.count > 200_000 ? 40 : 200
        var times: [Double] = []
        var count = 0
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            _ = String(data: body, encoding: .utf8)
            count = try JSONDecoder().decode([Token].self, from: body).count
            times.append(seconds(ContinuousClock.now - started))
        }
        times.sort()
        report("decode_\(count)_s", times[times.count / 2])
    }
}

let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.count) {
case ("client", 3):
    try await clientThroughput(client(arguments[arguments.startIndex + 1], arguments[arguments.startIndex + 2]))
case ("keys", 3):
    await keystrokeCost(client(arguments[arguments.startIndex + 1], arguments[arguments.startIndex + 2]), endpoint: arguments[arguments.startIndex + 1])
case ("query", 3):
    try await queryLatency(client(arguments[arguments.startIndex + 1], arguments[arguments.startIndex + 2]))
case ("filter", 1):
    filterTyping()
case ("decode", _):
    try decoding(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("usage: connect-tui-bench client|keys|query ENDPOINT KEY, or filter\n".utf8))
    exit(2)
}
