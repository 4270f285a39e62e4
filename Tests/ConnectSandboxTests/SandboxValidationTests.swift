import ConnectCore
import ConnectSandbox
import Foundation
import Testing

/// Bad writes are 400s naming the field; unknown ids 404; wrong methods 405.
@Suite struct SandboxValidationTests {
    @Test func tokenFieldsAreChecked() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let blank = await connectError { _ = try await client.createToken(customToken("  ")) }
            #expect(blank?.detail == "HTTP 400 VAL_001: name: This field may not be blank.")
            let long = await connectError {
                _ = try await client.createToken(customToken(String(repeating: "ü", count: 129), description: String(repeating: "d", count: 256)))
            }
            #expect(long?.detail == "HTTP 400 VAL_001: name: Ensure this field has no more than 128 characters.; description: Ensure this field has no more than 255 characters.")
            let exactly = try await client.createToken(customToken(String(repeating: "ü", count: 128)))
            #expect(exactly.name?.unicodeScalars.count == 128, "the limit counts code points")
            let noExtension = await connectError {
                _ = try await client.createToken(TokenCreate(name: "x", description: nil, externalID: nil, extensionID: "EXT-404"))
            }
            #expect(noExtension?.detail == "HTTP 400 VAL_001: extension: Extension EXT-404 does not exist.")
            let rename = await connectError { _ = try await client.updateToken(id: "SU-431-800-699", TokenUpdate(name: "")) }
            #expect(rename?.status == 400)
        }
    }

    @Test func anExtensionsTokenLimitIsEnforced() async throws {
        try await Sandbox.with { sandbox in
            _ = try await sandbox.client.createToken(TokenCreate(name: "ops", description: nil, externalID: nil, extensionID: "EXT-005"))
            let second = await connectError {
                _ = try await sandbox.client.createToken(TokenCreate(name: "ops 2", description: nil, externalID: nil, extensionID: "EXT-005"))
            }
            #expect(second?.detail == "HTTP 400 VAL_001: extension: The account already has the 1 tokens Connect DevOps allows.")
        }
    }

    @Test func permissionsOnlyForConfigurableTokensAndKnownModules() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let zapier = try await client.createToken(TokenCreate(name: "z", description: nil, externalID: nil, extensionID: "EXT-816"))
            let refused = await connectError { _ = try await client.addTokenPermission(tokenID: zapier.id, moduleID: "MD-0001") }
            #expect(refused?.detail == "HTTP 400 VAL_001: Permissions of zapier tokens are set by their extension.")
            let unknown = await connectError { _ = try await client.addTokenPermission(tokenID: "SU-431-800-699", moduleID: "MD-9999") }
            #expect(unknown?.detail == "HTTP 400 VAL_001: object: Module MD-9999 does not exist.")
            let missing = await connectError { _ = try await client.addTokenPermission(tokenID: "SU-000-000-404", moduleID: "MD-0001") }
            #expect(missing?.status == 404)
        }
    }

    @Test func webhookFieldsAreChecked() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            var body = webhookBody(url: "ftp://files.example.com/x")
            body.label = String(repeating: "l", count: 101)
            body.productID = "PRD-000-000-404"
            let bad = await connectError { _ = try await client.createWebhook(body) }
            #expect(bad?.detail == "HTTP 400 VAL_001: label: Ensure this field has no more than 100 characters.; external_url: Enter a valid URL.")
            let valid = try await client.createWebhook(webhookBody())
            #expect(valid.label == "Test hook")
            body = webhookBody()
            body.productID = "PRD-000-000-404"
            #expect(await connectError { _ = try await client.createWebhook(body) }?.detail == "HTTP 400 VAL_001: product_id: Product PRD-000-000-404 does not exist.")
        }
    }

    @Test func rawRequestsGetTheRightStatus() async throws {
        try await Sandbox.with { sandbox in
            func send(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> (Int, String) {
                var request = HTTPRequest(method: method, url: URL(string: sandbox.endpoint.absoluteString + path)!)
                request.headers.add("Authorization", sandbox.key.authorizationHeaderValue)
                request.body = body.map { Data($0.utf8) }
                let response = try await LiveTransport.make().send(request)
                return (response.status, String(decoding: response.body, as: UTF8.self))
            }
            #expect(try await send(.get, "/auth/tokens/SU-000-000-404").0 == 404)
            #expect(try await send(.delete, "/auth/context").0 == 405)
            #expect(try await send(.get, "/no/such/thing").0 == 404)
            let notJSON = try await send(.post, "/auth/tokens", "{name: ")
            #expect(notJSON.0 == 400)
            #expect(notJSON.1.contains("not valid JSON"))
            let missing = try await send(.post, "/auth/tokens", #"{"description": "x"}"#)
            #expect(missing.1 == #"{"error_code":"VAL_001","errors":["name: This field is required."]}"# || missing.1 == #"{"errors":["name: This field is required."],"error_code":"VAL_001"}"#)
            let wrongType = try await send(.post, "/auth/tokens", #"{"name": 5, "extension": {"id": "EXT-000"}}"#)
            #expect(wrongType.1.contains("name: Invalid type."))
            let webhookMissing = try await send(.post, "/notifications/webhooks", #"{"label": "x"}"#)
            #expect(webhookMissing.0 == 400)
            #expect(webhookMissing.1.contains("This field is required."))
        }
    }
}
