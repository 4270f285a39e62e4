import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Deep nesting from a file or a server is an error with a reason, never a crash.
@Suite struct ParserDepthTests {
    static let deepArray = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
    static let deepObject = String(repeating: "{\"a\":", count: 50_000) + "1" + String(repeating: "}", count: 50_000)

    @Test(arguments: [deepArray, deepObject])
    func aDeeplyNestedAnswerIsUnreadableNotACrash(body: String) async {
        let transport = RecordingTransport([.page(body, range: "items 0-0/1")])
        let error = await #expect(throws: ConnectError.self) {
            _ = try await ConnectClient.testing(transport).listTokens(page: PageRequest(limit: 1))
        }
        guard case .undecodable? = error?.kind else {
            Issue.record("expected an unreadable response, got \(String(describing: error))")
            return
        }
    }
}
