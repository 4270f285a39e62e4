import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// The retry table: which outcomes and methods retry, how long the client waits, when it stops.
@Suite struct RetryPolicyTests {
    let policy = RetryPolicy()

    func decide(
        _ method: HTTPMethod, _ outcome: RetryPolicy.Outcome, retries: Int = 0, jitter: Double = 1
    ) -> RetryPolicy.Decision {
        policy.decide(method: method, outcome: outcome, retriesSoFar: retries, now: testNow, jitter: jitter)
    }

    @Test(arguments: [429, 500, 502, 503, 504, 599])
    func readsRetryOnServerTrouble(status: Int) {
        #expect(decide(.get, .status(status, retryAfter: nil)) == .retry(after: .milliseconds(500)))
    }

    @Test(arguments: [400, 401, 403, 404, 405, 409, 422, 301])
    func readsDoNotRetryOnClientErrors(status: Int) {
        #expect(decide(.get, .status(status, retryAfter: nil)) == .stop)
    }

    @Test(arguments: [TransportError.connectionFailed("refused"), .timedOut])
    func readsRetryOnNetworkTrouble(error: TransportError) {
        #expect(decide(.get, .transport(error)) == .retry(after: .milliseconds(500)))
    }

    @Test(arguments: [TransportError.cancelled, .responseTooLarge(limit: 1), .redirectRefused(location: nil)])
    func someTransportFailuresAreFinal(error: TransportError) {
        #expect(decide(.get, .transport(error)) == .stop)
    }

    @Test(arguments: [HTTPMethod.post, .put, .delete])
    func writesNeverRetry(method: HTTPMethod) {
        #expect(decide(method, .status(503, retryAfter: "1")) == .stop)
        #expect(decide(method, .status(429, retryAfter: "1")) == .stop)
        #expect(decide(method, .transport(.timedOut)) == .stop)
        #expect(decide(method, .transport(.connectionFailed("lost"))) == .stop)
    }

    @Test func backoffDoublesAndJitterScalesIntoTheUpperHalf() {
        #expect(decide(.get, .transport(.timedOut), retries: 0, jitter: 1) == .retry(after: .milliseconds(500)))
        #expect(decide(.get, .transport(.timedOut), retries: 1, jitter: 1) == .retry(after: .seconds(1)))
        #expect(decide(.get, .transport(.timedOut), retries: 2, jitter: 1) == .retry(after: .seconds(2)))
        #expect(decide(.get, .transport(.timedOut), retries: 2, jitter: 0) == .retry(after: .seconds(1)))
        #expect(decide(.get, .transport(.timedOut), retries: 2, jitter: 0.5) == .retry(after: .milliseconds(1500)))
        let long = RetryPolicy(maxRetries: 10)
        #expect(
            long.decide(method: .get, outcome: .transport(.timedOut), retriesSoFar: 9, now: testNow, jitter: 1)
                == .retry(after: .seconds(8)), "backoff alone is capped")
    }

    @Test func stopsAfterThreeRetries() {
        #expect(decide(.get, .status(503, retryAfter: nil), retries: 2) != .stop)
        #expect(decide(.get, .status(503, retryAfter: nil), retries: 3) == .stop)
    }

    @Test func retryAfterSecondsIsHonouredAndCapped() {
        #expect(decide(.get, .status(429, retryAfter: "7")) == .retry(after: .seconds(7)))
        #expect(decide(.get, .status(503, retryAfter: "0")) == .retry(after: .zero))
        #expect(decide(.get, .status(429, retryAfter: "3600")) == .retry(after: .seconds(60)))
        #expect(decide(.get, .status(429, retryAfter: "99999999999999")) == .retry(after: .seconds(60)))
    }

    @Test func retryAfterAsADate() {
        // testNow is 2025-11-22T08:26:40Z.
        #expect(decide(.get, .status(429, retryAfter: "Sat, 22 Nov 2025 08:26:50 GMT")) == .retry(after: .seconds(10)))
        #expect(decide(.get, .status(429, retryAfter: "Saturday, 22-Nov-25 08:26:45 GMT")) == .retry(after: .seconds(5)))
        #expect(decide(.get, .status(429, retryAfter: "Sat Nov 22 08:26:42 2025")) == .retry(after: .seconds(2)))
        #expect(decide(.get, .status(429, retryAfter: "Fri, 21 Nov 2025 08:00:00 GMT")) == .retry(after: .zero))
        #expect(decide(.get, .status(429, retryAfter: "Sun, 22 Nov 2026 08:00:00 GMT")) == .retry(after: .seconds(60)))
    }

    @Test func anUnreadableRetryAfterFallsBackToBackoff() {
        #expect(decide(.get, .status(429, retryAfter: "soon")) == .retry(after: .milliseconds(500)))
        #expect(decide(.get, .status(429, retryAfter: "-5")) == .retry(after: .milliseconds(500)))
    }
}

/// The client follows the table end to end: what it sends, how long it waits, what it reports.
@Suite struct ClientRetryTests {
    @Test func aReadRecoversAfterTwoFailures() async throws {
        let transport = RecordingTransport([
            .status(503), .failure(.connectionFailed("connection reset")), .json(200, Fixtures.token),
        ])
        let sleeps = SleepRecorder()
        let token = try await ConnectClient.testing(transport, sleeps: sleeps, jitter: 1).token(id: "SU-1")
        #expect(token.name == "Tutorial API Token")
        #expect(transport.requests.count == 3)
        #expect(sleeps.sleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test func aReadGivesUpAfterThreeRetriesWithTheLastError() async {
        let transport = RecordingTransport(Array(repeating: .json(502, #"{"error_code":"SYS_001","errors":["Upstream down"]}"#), count: 5))
        let sleeps = SleepRecorder()
        let error = await #expect(throws: ConnectError.self) {
            _ = try await ConnectClient.testing(transport, sleeps: sleeps).listTokens(page: PageRequest())
        }
        #expect(transport.requests.count == 4)
        #expect(sleeps.sleeps.count == 3)
        #expect(error?.description == "List tokens failed: HTTP 502 SYS_001: Upstream down")
        #expect(error?.isTransient == true)
    }

    @Test func tooManyRequestsWaitsAsTheServerAsks() async throws {
        let transport = RecordingTransport([
            .status(429, headers: [("Retry-After", "12")]), .json(200, Fixtures.authContext),
        ])
        let sleeps = SleepRecorder()
        _ = try await ConnectClient.testing(transport, sleeps: sleeps).authContext()
        #expect(sleeps.sleeps == [.seconds(12)])
    }

    @Test func aCreateIsSentOnceEvenWhenItsAnswerIsLost() async {
        let transport = RecordingTransport([.failure(.timedOut), .json(201, Fixtures.token)])
        let sleeps = SleepRecorder()
        let error = await #expect(throws: ConnectError.self) {
            _ = try await ConnectClient.testing(transport, sleeps: sleeps).createToken(
                TokenCreate(name: "n", description: "d", externalID: nil, extensionID: "EXT-000"))
        }
        #expect(transport.requests.count == 1)
        #expect(sleeps.sleeps.isEmpty)
        #expect(error?.outcomeUnknown == true, "the caller must re-read to learn whether it exists")
        #expect(error?.description == "Create token failed: no answer from the server in time")
    }

    @Test func aFailedDeleteWith503IsNotResent() async {
        let transport = RecordingTransport([.status(503), .status(204)])
        await #expect(throws: ConnectError.self) {
            try await ConnectClient.testing(transport).deleteToken(id: "SU-1")
        }
        #expect(transport.requests.count == 1)
    }

    @Test func cancellingDuringABackoffStops() async {
        let transport = RecordingTransport([.status(503), .json(200, Fixtures.token)])
        let environment = RetryEnvironment(
            sleep: { _ in throw CancellationError() }, now: { testNow }, random: { 0 })
        let client = ConnectClient(
            endpoint: URL(string: "https://x.test/public/v1")!, apiKey: testAPIKey,
            transport: transport, environment: environment)
        let error = await #expect(throws: ConnectError.self) { _ = try await client.token(id: "SU-1") }
        #expect(error?.kind == .cancelled)
        #expect(transport.requests.count == 1)
    }

    @Test func noRetriesPolicyAnswersFirstTime() async {
        let transport = RecordingTransport([.status(503), .json(200, Fixtures.token)])
        await #expect(throws: ConnectError.self) {
            _ = try await ConnectClient.testing(transport, retryPolicy: .none).token(id: "SU-1")
        }
        #expect(transport.requests.count == 1)
    }
}
