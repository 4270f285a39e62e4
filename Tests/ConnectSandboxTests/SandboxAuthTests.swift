import ConnectCore
import ConnectSandbox
import Foundation
import Testing

/// Keys are real: only the secret of an active token gets in.
@Suite struct SandboxAuthTests {
    @Test func withoutAValidKeyEverythingIs401() async throws {
        try await Sandbox.with { sandbox in
            let wrong = try APIKey(parsing: "ApiKey \(sandbox.key.tokenID!):0000000000000000000000000000000000000000")
            let error = await connectError { _ = try await sandbox.client(key: wrong).listTokens(page: PageRequest()) }
            #expect(error?.description == "List tokens failed: HTTP 401 AUTH_001: API request is unauthorized.")
            let unknown = try APIKey(parsing: "SU-000-000-000:abc")
            #expect(await connectError { _ = try await sandbox.client(key: unknown).authContext() }?.status == 401)

            var request = HTTPRequest(method: .get, url: sandbox.endpoint.appendingPathComponent("modules"))
            let bare = try await LiveTransport.make().send(request)
            #expect(bare.status == 401)
            request.headers.add("Authorization", "Bearer \(sandbox.key.secretPart)")
            #expect(try await LiveTransport.make().send(request).status == 401)
        }
    }

    @Test func aCreatedTokenIsACredentialUntilDisabledRotatedOrDeleted() async throws {
        try await Sandbox.with { sandbox in
            let admin = sandbox.client
            let token = try await admin.createToken(customToken("Credential"))
            let key = try #require(token.apiKey)
            let own = sandbox.client(key: key)
            #expect(try await own.authContext().user?.name == "Michael Goldmill")

            _ = try await admin.deactivateToken(id: token.id)
            #expect(await connectError { _ = try await own.authContext() }?.status == 401)
            _ = try await admin.activateToken(id: token.id)
            #expect(try await own.authContext().account != nil)

            let rotated = try await admin.rotateToken(id: token.id)
            #expect(await connectError { _ = try await own.authContext() }?.status == 401, "the old secret stops at once")
            let fresh = sandbox.client(key: try #require(rotated.apiKey))
            #expect(try await fresh.authContext().account != nil)

            let renewed = try await admin.renewToken(id: token.id)
            #expect(try await fresh.authContext().account != nil, "renew keeps the old secret for a while")
            let next = APIKey(tokenID: token.id, secret: try #require(renewed.renewedToken))
            #expect(try await sandbox.client(key: next).authContext().account != nil)

            try await admin.deleteToken(id: token.id)
            #expect(await connectError { _ = try await fresh.authContext() }?.status == 401)
        }
    }
}
