import ConnectCore
import ConnectSandbox
import Foundation
import Testing

/// Faults from the sandbox: reads are retried and succeed; writes are never resent.
@Suite struct SandboxFaultTests {
    @Test func aReadSurvivesTwo503s() async throws {
        try await Sandbox.with(faults: [Fault(.status(503), method: "GET", path: "/auth/tokens", times: 2)]) { sandbox in
            let page = try await sandbox.client.listTokens(page: PageRequest())
            #expect(page.total == 4, "the seed's four tokens")
            #expect(sandbox.sleeps.sleeps.count == 2)
        }
    }

    @Test func aReadWaitsAsA429Asks() async throws {
        try await Sandbox.with(faults: [Fault(.tooManyRequests(retryAfter: "7"), path: "/modules", times: 1)]) { sandbox in
            _ = try await sandbox.client.listModules(page: PageRequest())
            #expect(sandbox.sleeps.sleeps == [.seconds(7)])
        }
    }

    @Test func aReadSurvivesADroppedConnection() async throws {
        try await Sandbox.with(faults: [Fault(.dropConnection(afterHandling: false), method: "GET", times: 1)]) { sandbox in
            let context = try await sandbox.client.authContext()
            #expect(context.user?.name == "Michael Goldmill")
            #expect(sandbox.sleeps.sleeps.count == 1)
        }
    }

    @Test func aReadThatKeepsFailingReportsTheLastError() async throws {
        try await Sandbox.with(faults: [Fault(.status(502), path: "/extensions")]) { sandbox in
            let error = await connectError { _ = try await sandbox.client.listExtensions(page: PageRequest()) }
            #expect(error?.description == "List extensions failed: HTTP 502 SYS_001: Injected fault: HTTP 502.")
            #expect(sandbox.sleeps.sleeps.count == 3)
        }
    }

    @Test func aCreateWhoseAnswerIsLostMakesExactlyOneToken() async throws {
        try await Sandbox.with(faults: [Fault(.dropConnection(afterHandling: true), method: "POST", path: "/auth/tokens", times: 1)]) { sandbox in
            let error = await connectError { _ = try await sandbox.client.createToken(customToken("Lost answer")) }
            #expect(error?.outcomeUnknown == true)
            #expect(sandbox.sleeps.sleeps.isEmpty, "a write is never resent")
            let found = try await sandbox.client.listTokens(ListQuery(filter: .eq("name", "Lost answer")), page: PageRequest())
            #expect(found.total == 1, "the create happened once; a re-read tells")
        }
    }

    @Test func aRefusedWriteIsNotResentEither() async throws {
        try await Sandbox.with(faults: [Fault(.status(503), method: "POST", times: 1)]) { sandbox in
            let error = await connectError { _ = try await sandbox.client.createToken(customToken("Refused")) }
            #expect(error?.status == 503)
            #expect(error?.outcomeUnknown == false)
            let found = try await sandbox.client.listTokens(ListQuery(filter: .eq("name", "Refused")), page: PageRequest())
            #expect(found.total == 0)
        }
    }

    @Test func aMalformedBodyIsAnUnreadableResponse() async throws {
        try await Sandbox.with(faults: [Fault(.malformedBody, path: "/auth/tokens/SU-431-800-699", times: 1)]) { sandbox in
            let error = await connectError { _ = try await sandbox.client.token(id: "SU-431-800-699") }
            #expect(error?.description.hasPrefix("Read token failed: unreadable response (not JSON)") == true)
        }
    }

    @Test func aSlowBodyStillArrivesWhole() async throws {
        try await Sandbox.with(faults: [Fault(.slowBody(.milliseconds(5)), path: "/modules", times: 1)]) { sandbox in
            let modules = try await sandbox.client.listModules(page: PageRequest(limit: 100))
            #expect(modules.items.count == modules.total)
        }
    }

    @Test func aHangEndsInATimeout() async throws {
        try await Sandbox.with(faults: [Fault(.hang, path: "/auth/context")]) { sandbox in
            let client = sandbox.client(retryPolicy: .none, timeout: 1)
            let error = await connectError { _ = try await client.authContext() }
            #expect(error?.kind == .timedOut)
        }
    }

    @Test func latencyDelaysButDoesNotFail() async throws {
        try await Sandbox.with(faults: [Fault(.latency(.milliseconds(300)), times: 1)]) { sandbox in
            let started = ContinuousClock.now
            _ = try await sandbox.client.authContext()
            #expect(ContinuousClock.now - started >= .milliseconds(300))
        }
    }

    @Test func faultsReadFromTheCommandLine() throws {
        #expect(try Fault.parse("status=503,times=2") == Fault(.status(503), times: 2))
        #expect(try Fault.parse("drop-after,method=post,path=/auth/tokens") == Fault(.dropConnection(afterHandling: true), method: "POST", path: "/auth/tokens"))
        #expect(try Fault.parse("429=2,times=1") == Fault(.tooManyRequests(retryAfter: "2"), times: 1))
        #expect(try Fault.parse("latency=1.5s").action == .latency(.milliseconds(1500)))
        #expect(try Fault.parse("slow=20ms,rate=0.5").rate == 0.5)
        #expect(throws: FaultParseError.self) { try Fault.parse("explode") }
        #expect(throws: FaultParseError.self) { try Fault.parse("status=200") }
        #expect(throws: FaultParseError.self) { try Fault.parse("latency=soon") }
        #expect(throws: FaultParseError.self) { try Fault.parse("drop,times=0") }
    }
}
