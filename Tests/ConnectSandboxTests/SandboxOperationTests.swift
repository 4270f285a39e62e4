import ConnectCore
import ConnectSandbox
import Foundation
import Testing

/// Every operation of the client against the sandbox over HTTP.
@Suite struct SandboxOperationTests {
    @Test func whoAmIAndMyAccountAreThePortalsExample() async throws {
        try await Sandbox.with { sandbox in
            let context = try await sandbox.client.authContext()
            #expect(context.account?.name == "Mighty Mick's LLC")
            #expect(context.user?.name == "Michael Goldmill")
            let account = try await sandbox.client.myAccount()
            #expect(account.role == .distributor)
            #expect(account.type == .provider)
        }
    }

    @Test func theTutorialTokenIsThere() async throws {
        try await Sandbox.with { sandbox in
            let page = try await sandbox.client.listTokens(
                ListQuery(filter: .eq("name", "Tutorial API Token")), page: PageRequest(limit: 10))
            let token = try #require(page.items.first)
            #expect(page.total == 1)
            #expect(token.id == "SU-431-800-699")
            #expect(token.status == .active)
            #expect(token.extension?.id == "EXT-000")
            #expect(token.events?.created?.by?.name == "Michael Goldmill")
            #expect(token.events?.created?.at?.rawValue == "2021-05-18T04:28:00+00:00")
            #expect(token.token?.unmaskedValue.count == 40)
            #expect((token.permissions ?? []).count == 8)
        }
    }

    @Test func aTokensWholeLife() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let created = try await client.createToken(customToken("Life", externalID: "life-1"))
            #expect(created.id.hasPrefix("SU-"))
            #expect(created.status == .active)
            #expect(created.permissions == [])
            let secret = try #require(created.token?.unmaskedValue)
            #expect(secret.count == 40 && secret.allSatisfy(\.isHexDigit))

            let update = try await client.updateToken(id: created.id, TokenUpdate(name: "Life renamed", externalID: ""))
            #expect(update.name == "Life renamed")
            #expect(update.externalID == nil)
            #expect(try await client.token(id: created.id).name == "Life renamed")

            #expect(try await client.deactivateToken(id: created.id).status == .inactive)
            #expect(try await client.activateToken(id: created.id).status == .active)

            let granted = try await client.addTokenPermission(tokenID: created.id, moduleID: "MD-0007")
            #expect(granted.object.id == "MD-0007")
            _ = try await client.addTokenPermission(tokenID: created.id, moduleID: "MD-0001")
            let permissions = try await client.listTokenPermissions(tokenID: created.id, page: PageRequest(limit: 100))
            #expect(Set(permissions.items.map(\.moduleID)) == ["MD-0007", "MD-0001"])
            try await client.removeTokenPermission(tokenID: created.id, moduleID: "MD-0007")
            #expect(try await client.token(id: created.id).permissions?.map(\.moduleID) == ["MD-0001"])

            let rotated = try await client.rotateToken(id: created.id)
            #expect(rotated.token?.unmaskedValue != secret)
            let renewed = try await client.renewToken(id: created.id)
            #expect(renewed.renewedToken != nil)
            #expect(renewed.token == rotated.token, "renew keeps the current secret beside the new one")

            try await client.deleteToken(id: created.id)
            let gone = await connectError { _ = try await client.token(id: created.id) }
            #expect(gone?.status == 404)
        }
    }

    @Test func modulesAndExtensionsAsThePortalShowsThem() async throws {
        try await Sandbox.with { sandbox in
            let modules = try await sandbox.client.listModules(page: PageRequest(limit: 100))
            #expect(modules.items.prefix(3).map(\.name) == ["Account", "Agreements", "Contracts"])
            #expect(modules.items.contains(Module(id: "MD-0007", name: "Integrations")))
            let extensions = try await sandbox.client.listExtensions(page: PageRequest(limit: 100))
            #expect(extensions.items.map(\.id) == ["EXT-569", "EXT-000", "EXT-005", "EXT-816", "EXT-248"])
            let custom = try await sandbox.client.extensionDetails(id: "EXT-000")
            #expect(custom.subtitle == "Custom Integration")
            #expect(custom.constraints == nil)
            #expect(try await sandbox.client.extensionDetails(id: "EXT-816").constraints?.account?.tokens == 5)
        }
    }

    @Test func webhooksCreateEditTriggerDelete() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let seeded = try await client.listWebhooks(page: PageRequest(limit: 100))
            #expect(seeded.total == 3)

            let hook = try await client.createWebhook(webhookBody())
            #expect(hook.id.hasPrefix("WB-"))
            #expect(hook.product?.name == "Cloud Backup Pro")
            #expect(hook.jwtSecret?.unmaskedValue == "jwt-secret-for-tests")
            #expect(hook.stats?.triggers == 0)

            try await client.triggerWebhook(id: hook.id)
            let after = try await client.webhook(id: hook.id)
            #expect(after.stats?.triggers == 1)
            #expect(after.stats?.successTriggers == 1)
            #expect(after.lastSuccess?.statusCode == 200)

            var body = webhookBody(url: "https://down.example.invalid/hook")
            body.label = "Renamed hook"
            let edited = try await client.updateWebhook(id: hook.id, body)
            #expect(edited.label == "Renamed hook")
            try await client.triggerWebhook(id: hook.id)
            let failed = try await client.webhook(id: hook.id)
            #expect(failed.stats?.failureTriggers == 1)
            #expect(failed.stats?.failureSinceLastSuccess == 1)
            #expect(failed.lastFailure?.errors == "Could not resolve host down.example.invalid")

            body.active = false
            _ = try await client.updateWebhook(id: hook.id, body)
            let inactive = await connectError { try await client.triggerWebhook(id: hook.id) }
            #expect(inactive?.errorCode == "VAL_001")

            let found = try await client.listWebhooks(ListQuery(search: "renamed"), page: PageRequest(limit: 10))
            #expect(found.items.map(\.id) == [hook.id])

            try await client.deleteWebhook(id: hook.id)
            #expect(await connectError { _ = try await client.webhook(id: hook.id) }?.status == 404)
        }
    }
}
