import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Every failure is one clear line naming the operation, and never shows a secret.
@Suite struct ErrorTests {
    let secret = "f45bee7e79b10ff6eff67902ccb4f3d46724ceb8"

    func failure(
        _ reply: RecordingTransport.Reply,
        _ operation: @escaping (ConnectClient) async throws -> Void = { _ = try await $0.token(id: "SU-1") }
    ) async -> ConnectError? {
        let client = ConnectClient.testing(RecordingTransport([reply]), retryPolicy: .none)
        return await #expect(throws: ConnectError.self) { try await operation(client) }
    }

    @Test func unauthorizedNamesStatusCodeAndMessage() async {
        let error = await failure(.json(401, #"{"error_code":"AUTH_001","errors":["API request is unauthorized."]}"#)) {
            _ = try await $0.listTokens(page: PageRequest())
        }
        #expect(error?.description == "List tokens failed: HTTP 401 AUTH_001: API request is unauthorized.")
        #expect(error?.status == 401)
        #expect(error?.errorCode == "AUTH_001")
        #expect(error?.isTransient == false)
    }

    @Test func validationErrorsJoinTheirMessagesAndKeepExtraKeysOut() async {
        let error = await failure(
            .json(400, #"{"error_code":"VAL_001","errors":["name: This field is required.","description: Too long."],"params":{"x":1}}"#)
        ) { _ = try await $0.createToken(TokenCreate(name: "", description: nil, externalID: nil, extensionID: "E")) }
        #expect(error?.description == "Create token failed: HTTP 400 VAL_001: name: This field is required.; description: Too long.")
    }

    @Test func errorsAsAnObjectOfFieldsStillRead() async {
        let error = await failure(.json(400, #"{"error_code":"VAL_001","errors":{"label":["too long"]}}"#))
        #expect(error?.detail == "HTTP 400 VAL_001: label: too long")
    }

    @Test func aProxyHTMLPageReadsAsText() async {
        let error = await failure(.response(HTTPResponse(
            status: 502, body: Data("<html><body><h1>502 Bad Gateway</h1>\n<hr>nginx</body></html>".utf8))))
        #expect(error?.description == "Read token failed: HTTP 502: unexpected response: 502 Bad Gateway nginx")
    }

    @Test func anEmptyErrorBodyGivesTheStatusReason() async {
        let error = await failure(.status(404))
        #expect(error?.description == "Read token failed: HTTP 404: not found")
    }

    @Test func theClientsOwnSecretIsRedactedFromServerText() async {
        let error = await failure(.json(400, #"{"error_code":"VAL_001","errors":["bad key ApiKey SU-431-800-699:\#(secret) given; also \#(secret)"]}"#))
        let text = error?.description ?? ""
        #expect(!text.contains(secret))
        #expect(text.contains("SU-431-800-699:••••••••"))
    }

    @Test func otherKeysAndHexSecretsAreMaskedToo() {
        let cleaned = Redactor().clean("Authorization: ApiKey SU-111-222-333:0123456789abcdef0123456789abcdef01234567 and 89abcdef0123456789abcdef0123456789abcdef")
        #expect(cleaned == "Authorization: ApiKey SU-111-222-333:•••••••• and ••••••••")
    }

    @Test func controlCharactersFromTheServerBecomeVisibleEscapes() async {
        let error = await failure(.json(400, #"{"error_code":"VAL_001","errors":["evil\u001b]0;pwned\u0007 name\nnext \u009b2J \u202e"]}"#))
        let text = error?.description ?? ""
        #expect(text == #"Read token failed: HTTP 400 VAL_001: evil\u{1b}]0;pwned\u{7} name next \u{9b}2J \u{202e}"#)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }

    @Test func aLongMessageIsCutToOneReadableLine() async {
        let long = String(repeating: "x", count: 5000)
        let error = await failure(.json(500, #"{"errors":["\#(long)"]}"#))
        #expect((error?.description.count ?? 0) < 260)
        #expect(error?.description.hasSuffix("…") == true)
    }

    @Test func anUndecodableBodyGivesTheReasonAndAnExcerpt() async {
        let error = await failure(.json(200, #"{"name":"no id here","token":"\#(secret)"}"#))
        #expect(error?.description == #"Read token failed: unreadable response (missing id): {"name":"no id here","token":"••••••••"}"#)
        let broken = await failure(.json(200, "<html>oops"))
        #expect(broken?.description == "Read token failed: unreadable response (not JSON): <html>oops")
        let wrongType = await failure(.page(#"[{"id":"SU-1","name":5}]"#, range: "items 0-0/1")) {
            _ = try await $0.listTokens(page: PageRequest())
        }
        #expect(wrongType?.detail.hasPrefix("unreadable response (wrong type at [0].name)") == true)
    }

    @Test(arguments: [
        (TransportError.connectionFailed("could not connect to the server"), "Read token failed: could not connect to the server"),
        (.timedOut, "Read token failed: no answer from the server in time"),
        (.responseTooLarge(limit: 64 * 1_048_576), "Read token failed: response larger than 64 MiB"),
        (.redirectRefused(location: "https://evil.example/steal"), "Read token failed: redirect refused (to https://evil.example/steal)"),
    ])
    func transportFailuresReadPlainly(error: TransportError, line: String) async {
        let failure = await failure(.failure(error))
        #expect(failure?.description == line)
        #expect(failure?.outcomeUnknown == false, "a read never leaves an unknown outcome")
    }

    @Test func everyOperationHasATitle() {
        for operation in ConnectOperation.allCases {
            #expect(operation.title.first?.isUppercase == true)
        }
        #expect(ConnectOperation.deactivateToken.title == "Disable token")
    }
}
