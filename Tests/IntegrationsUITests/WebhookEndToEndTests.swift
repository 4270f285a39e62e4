import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// The Webhooks pane through the built binary in tmux, checked against the sandbox's API at
/// every step.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct WebhookEndToEndTests {
    typealias World = EndToEndTests.World

    func hooks(labelled label: String, _ world: World) async throws -> [Webhook] {
        try await world.client.listWebhooks(ListQuery(filter: .eq("label", .string(label))), page: PageRequest(limit: 10)).items
    }

    /// The app on the Webhooks pane.
    func openWebhooks(_ world: World) async throws -> TmuxSession {
        let tui = try TmuxSession(command: world.appCommand)
        try await tui.waitFor("Tutorial API Token")
        try tui.press("3")
        try await tui.waitFor("Fulfillment to ERP")
        return tui
    }

    /// The app on the Webhooks pane with the create form open.
    func openCreateForm(_ world: World) async throws -> TmuxSession {
        let tui = try await openWebhooks(world)
        try tui.press("c")
        try await tui.waitFor("Create webhook")
        return tui
    }

    /// Types into the form's fields from the label on: label, product, URL, secret, description.
    func fill(_ values: [String], _ tui: TmuxSession) throws {
        for text in values {
            try tui.press("Tab")
            try tui.type(text)
        }
    }

    @Test func createDisableTriggerEditAndDeleteAWebhook() async throws {
        let world = try await World.start()
        defer { world.end() }

        // Create through the form: object class, fields, one header.
        let tui = try await openCreateForm(world)
        try tui.press("Right")
        try await tui.waitFor("‹ Tier config request ›")
        try fill(["E2E hook", "PRD-561-716-033", "https://hooks.example.com/e2e", "jwt-e2e-secret", "made by the e2e test"], tui)
        try await tui.waitFor("made by the e2e test")
        #expect(!(try tui.screen()).contains("jwt-e2e-secret"), "the secret is masked while typed")
        try tui.press("Tab", "Tab", "Enter")
        try tui.type("X-E2E")
        try tui.press("Tab")
        try tui.type("yes")
        try await tui.waitFor("yes")
        try tui.press("Enter")
        try await tui.waitFor("created.")
        try await tui.waitFor("E2E hook WB-")

        let made = try await hooks(labelled: "E2E hook", world)
        try #require(made.count == 1, "exactly one webhook was made")
        let hook = made[0]
        #expect(hook.objectClass == .tierConfigRequest)
        #expect(hook.product?.id == "PRD-561-716-033")
        #expect(hook.externalURL == "https://hooks.example.com/e2e")
        #expect(hook.jwtSecret?.unmaskedValue == "jwt-e2e-secret")
        #expect(hook.description == "made by the e2e test")
        #expect(hook.headers == .object(["X-E2E": .string("yes")]))
        #expect(hook.active == true)

        // Disable (asks first), then enable again; the cursor is on the new webhook.
        try tui.press(".", "d")
        try await tui.waitFor("Disable E2E hook (\(hook.id))?")
        try tui.press("y")
        try await tui.waitFor("Webhook \(hook.id) disabled.")
        #expect(try await world.client.webhook(id: hook.id).active == false)
        try tui.press(".", "e")
        try await tui.waitFor("Webhook \(hook.id) enabled.")
        #expect(try await world.client.webhook(id: hook.id).active == true)

        // Trigger: the result on the status line, the stats in the details.
        try tui.press("t")
        try await tui.waitFor("Send a test delivery of E2E hook")
        try tui.press("y")
        try await tui.waitFor("Triggered \(hook.id): success, HTTP 200")
        #expect(try await world.client.webhook(id: hook.id).stats?.successTriggers == 1)
        try tui.press("Enter")
        try await tui.waitFor("Webhook details")
        try tui.press("l")
        try await tui.waitFor("1  (1 succeeded, 0 failed)")

        // Edit the URL to one that cannot be reached; the next trigger fails and says so.
        try tui.press("e")
        try await tui.waitFor("Edit webhook \(hook.id)")
        try tui.press("Tab", "Tab", "C-u")
        try tui.type("https://hooks.e2e.invalid/v2")
        try tui.press("Enter")
        try await tui.waitFor("Webhook \(hook.id) saved.")
        #expect(try await world.client.webhook(id: hook.id).externalURL == "https://hooks.e2e.invalid/v2")
        try tui.press("t")
        try await tui.waitFor("Trigger webhook")
        try tui.press("y")
        try await tui.waitFor("Could not resolve host hooks.e2e.invalid")
        try await tui.waitFor("2  (1 succeeded, 1 failed)")
        #expect(try await world.client.webhook(id: hook.id).stats?.failureSinceLastSuccess == 1)

        // Delete from the details (asks first); back on the list, it is gone.
        try tui.press("Escape", ".", "x")
        try await tui.waitFor("Delete E2E hook (\(hook.id))?")
        try tui.press("y")
        try await tui.waitFor("Webhook \(hook.id) deleted.")
        try await tui.waitUntil("the row to go") { !$0.contains("E2E hook") }
        await #expect(throws: ConnectError.self) { try await world.client.webhook(id: hook.id) }
        #expect(try await hooks(labelled: "E2E hook", world).isEmpty)
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aCreateWhoseAnswerIsLostIsFoundNotMadeTwice() async throws {
        // The sandbox makes the webhook, then drops the connection before answering.
        let world = try await World.start(faults: ["drop-after,method=POST,path=/notifications/webhooks,times=1"])
        defer { world.end() }
        let tui = try await openCreateForm(world)
        try fill(["Lost answer hook", "PRD-276-377-545", "https://hooks.example.com/lost", "jwt-lost-secret"], tui)
        try await tui.waitFor("https://hooks.example.com/lost")
        try tui.press("Enter")
        try await tui.waitFor("created.")
        try await tui.waitFor("Lost answer hook WB-")
        // Saving again is not possible (the form closed on the found webhook), and the API
        // holds exactly one.
        #expect(try await hooks(labelled: "Lost answer hook", world).count == 1)
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func anEditKeepsARenameMadeElsewhereAndAConflictAsksFirst() async throws {
        let world = try await World.start()
        defer { world.end() }
        let hook = try #require(try await hooks(labelled: "Fulfillment to ERP", world).first)
        let tui = try await openWebhooks(world)
        try tui.press("e")
        try await tui.waitFor("Edit webhook \(hook.id)")
        // While the form is open, someone else renames the webhook.
        var theirs = try #require(WebhookWrite(editing: hook))
        theirs.label = "Renamed elsewhere"
        _ = try await world.client.updateWebhook(id: hook.id, theirs)
        // The form changes the URL only: saving keeps the rename.
        try tui.press("Tab", "Tab", "C-u")
        try tui.type("https://erp.example.com/v2")
        try tui.press("Enter")
        try await tui.waitFor("Webhook \(hook.id) saved.")
        var now = try await world.client.webhook(id: hook.id)
        #expect(now.label == "Renamed elsewhere")
        #expect(now.externalURL == "https://erp.example.com/v2")
        // Now the form changes the label, which was changed elsewhere again: it asks.
        theirs.label = "Renamed again"
        theirs.description = "Described elsewhere"
        theirs.externalURL = "https://erp.example.com/v2"
        try tui.press("e")
        try await tui.waitFor("Edit webhook \(hook.id)")
        _ = try await world.client.updateWebhook(id: hook.id, theirs)
        try tui.press("C-u")
        try tui.type("Mine")
        try tui.press("Enter")
        try await tui.waitFor("Changed elsewhere: label")
        now = try await world.client.webhook(id: hook.id)
        #expect(now.label == "Renamed again", "nothing was sent")
        try tui.press("Enter")
        try await tui.waitUntil("the form to close") { !$0.contains("Edit webhook") }
        let final = try await world.client.webhook(id: hook.id)
        #expect(final.label == "Mine")
        #expect(final.description == "Described elsewhere", "overwriting the label kept their description")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }

    @Test func aSlowCreateShowsATimerAndEscThenSaveFindsItMadeOnce() async throws {
        let world = try await World.start(faults: ["latency=4s,method=POST,path=/notifications/webhooks,times=1"])
        defer { world.end() }
        let tui = try await openCreateForm(world)
        try fill(["Slow hook", "PRD-561-716-033", "https://hooks.example.com/slow", "jwt-slow", "slow"], tui)
        try tui.press("Enter")
        try await tui.waitFor("Creating the webhook… 1 s")
        try await tui.waitFor("Esc stops waiting")
        try tui.press("Escape")
        try await tui.waitFor("Stopped waiting: it is not known yet whether the webhook")
        // The create lands on its own while the form waits for the user; SAVE finds it.
        try tui.press("Enter")
        try await tui.waitFor("Webhook WB-")  // "Webhook WB-… created." on the status line
        #expect(try await hooks(labelled: "Slow hook", world).count == 1, "made once")
        try tui.press("q")
        try await tui.waitFor("EXIT=0")
    }
}
