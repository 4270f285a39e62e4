import ConnectCore
import ConnectSandbox
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Responses that lie, overflow, redirect or break UTF-8, from a real sandbox over HTTP.
@Suite struct HostileResponseTests {
    @Test func aContentRangeThatLiesIsReportedNotBelieved() async throws {
        try await Sandbox.with(faults: [Fault(.lyingContentRange, path: "/auth/tokens")]) { sandbox in
            let error = await connectError { _ = try await sandbox.client.listTokens(page: PageRequest()) }
            #expect(error?.description == "List tokens failed: Content-Range \"items 0-99/100000\" does not match the 4 items received")
        }
    }

    @Test func a100MBBodyIsRefusedWithoutBeingKept() async throws {
        try await Sandbox.with(faults: [Fault(.hugeBody(bytes: 100 * 1_048_576), path: "/modules")]) { sandbox in
            let error = await connectError { _ = try await sandbox.client.listModules(page: PageRequest()) }
            #expect(error?.description == "List modules failed: response larger than 64 MiB", "\(String(describing: error))")
        }
    }

    @Test func invalidUTF8InANameShowsAsAReplacementNotAFailure() async throws {
        try await Sandbox.with(faults: [Fault(.invalidUTF8, path: "/auth/tokens/SU-431-800-699")]) { sandbox in
            let token = try await sandbox.client.token(id: "SU-431-800-699")
            // The bad bytes land in the first "name" of the body (the token's, or one inside it,
            // depending on key order); wherever that is, they read as U+FFFD and the rest of
            // the token is whole.
            let text = String(decoding: try JSONEncoder().encode(token), as: UTF8.self)
            #expect(text.contains("\u{FFFD}"))
            #expect(token.id == "SU-431-800-699")
            #expect(token.name?.hasSuffix("Tutorial API Token") == true)
        }
    }

    @Test func aRedirectToAnotherHostIsNotFollowedSoTheKeyStaysHome() async throws {
        // Another host: a listening socket that must never see a connection.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        listen(listener, 4)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        _ = fcntl(listener, F_SETFL, O_NONBLOCK)

        try await Sandbox.with(faults: [Fault(.redirect(to: "http://127.0.0.1:\(port)"), path: "/auth/tokens")]) { sandbox in
            let error = await connectError { _ = try await sandbox.client.listTokens(page: PageRequest()) }
            #expect(error?.description.contains("redirect") == true, "\(String(describing: error))")
        }
        #expect(accept(listener, nil, nil) < 0, "nothing connected to the other host")
    }

    @Test func theNewFaultsParse() throws {
        #expect(try Fault.parse("huge=100MB,path=/modules").action == .hugeBody(bytes: 100 * 1_048_576))
        #expect(try Fault.parse("lying-range").action == .lyingContentRange)
        #expect(try Fault.parse("redirect=http://127.0.0.1:9").action == .redirect(to: "http://127.0.0.1:9"))
        #expect(try Fault.parse("invalid-utf8,times=1").action == .invalidUTF8)
        #expect(throws: FaultParseError.self) { try Fault.parse("huge=lots") }
        #expect(throws: FaultParseError.self) { try Fault.parse("redirect=elsewhere") }
    }
}
