import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Lost creates found by identity and edits merged onto the server's copy, against the sandbox.
@Suite struct IdentityTests {
    @Test func aLostTokenCreateIsFoundByItsMarkerNotByALookAlike() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let body = customToken("CI", description: "Mine")
            let lookAlike = try await client.createToken(body)
            let claim = try await client.claimTokenCreate(body, marker: "connect-tui-marker-1")
            #expect(claim.body.externalID == "connect-tui-marker-1")
            #expect(claim.existingIDs.isEmpty, "with the marker, the look-alike \(lookAlike.id) cannot match at all")
            // Before the create lands: absent after the whole wait (the sleeps are recorded).
            #expect(try await client.findLostCreate(claim, wait: LostCreateWait(settle: .seconds(4), interval: .seconds(2))) == .absent)
            #expect(sandbox.sleeps.sleeps.count == 2, "looked three times, two seconds apart")
            let made = try await client.createToken(claim.body)
            #expect(try await client.findLostCreate(claim) == .found(made))
        }
    }

    @Test func withTheUsersOwnExternalIDTwoNewMatchesAreSeveral() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let body = customToken("CI", externalID: "ci-1")
            let before = try await client.createToken(body)
            let claim = try await client.claimTokenCreate(body, marker: "unused")
            #expect(claim.body.externalID == "ci-1", "the user's value is kept")
            #expect(claim.existingIDs == [before.id], "what existed before can never be this create's")
            let first = try await client.createToken(body)
            let second = try await client.createToken(body)
            let found = try await client.findLostCreate(claim)
            #expect(found == .several([first, second]) || found == .several([second, first]))
        }
    }

    @Test func aLostWebhookCreateIsFoundOnlyWithEveryFieldEqual() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            var other = webhookBody(label: "Orders")
            other.jwtSecret = Secret("someone-elses-secret")
            _ = try await client.createWebhook(other)
            let body = webhookBody(label: "Orders")
            let claim = try await client.claimWebhookCreate(body)
            #expect(claim.existingIDs.isEmpty, "another secret is another webhook")
            #expect(try await client.findLostCreate(claim, wait: LostCreateWait(settle: .zero, interval: .seconds(1))) == .absent)
            let made = try await client.createWebhook(body)
            #expect(try await client.findLostCreate(claim) == .found(made))
        }
    }

    @Test func anEditKeepsWhatOthersChangedAndStopsOnAConflict() async throws {
        try await Sandbox.with { sandbox in
            let client = sandbox.client
            let hook = try await client.createWebhook(webhookBody(label: "Orders"))
            let opened = try #require(WebhookWrite(editing: hook))
            // Someone else renames it meanwhile.
            var theirs = opened
            theirs.label = "Renamed elsewhere"
            _ = try await client.updateWebhook(id: hook.id, theirs)
            // This form changes the URL only: the rename survives.
            var mine = opened
            mine.externalURL = "https://hooks.example.com/v2"
            guard case .saved(let saved) = try await client.saveWebhookEdit(id: hook.id, base: opened, edited: mine) else {
                Issue.record("expected a save")
                return
            }
            #expect(saved.label == "Renamed elsewhere")
            #expect(saved.externalURL == "https://hooks.example.com/v2")
            // This form changes the label too: a conflict, and nothing is sent.
            mine.label = "Mine"
            guard case .conflict(let fields, let server) = try await client.saveWebhookEdit(id: hook.id, base: opened, edited: mine) else {
                Issue.record("expected a conflict")
                return
            }
            #expect(fields == ["label"])
            #expect(server.label == "Renamed elsewhere")
            #expect(try await client.webhook(id: hook.id).label == "Renamed elsewhere")
            guard case .saved(let forced) = try await client.saveWebhookEdit(id: hook.id, base: opened, edited: mine, overwrite: true) else {
                Issue.record("expected a save")
                return
            }
            #expect(forced.label == "Mine")
        }
    }
}
