import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Every operation sends exactly the method, path, query, headers and body the API expects.
@Suite struct RequestShapeTests {
    static let emptyPage = RecordingTransport.Reply.page("[]", range: "items 0-0/0")

    /// Runs `operation` against a transport answering `reply` and returns the request sent.
    func sent(
        _ reply: RecordingTransport.Reply,
        _ operation: (ConnectClient) async throws -> Void
    ) async throws -> HTTPRequest {
        let transport = RecordingTransport([reply])
        try await operation(.testing(transport))
        return transport.onlyRequest
    }

    @Test func everyRequestCarriesTheKeyTheUserAgentAndAcceptsJSON() async throws {
        let request = try await sent(.json(200, Fixtures.authContext)) { _ = try await $0.authContext() }
        #expect(request.headers["Authorization"] == "ApiKey SU-431-800-699:f45bee7e79b10ff6eff67902ccb4f3d46724ceb8")
        #expect(request.headers["User-Agent"] == "connect-tui/test")
        #expect(request.headers["Accept"] == "application/json")
        #expect(request.headers["Content-Type"] == nil)
        #expect(request.method == .get)
        #expect(request.target == "/public/v1/auth/context")
    }

    @Test func myAccountAsksForOneAccountLikeConnectCLI() async throws {
        let request = try await sent(.page("[\(Fixtures.account)]", range: "items 0-0/1")) {
            let account = try await $0.myAccount()
            #expect(account.name == "Mighty Mick's LLC")
            #expect(account.role == .distributor)
        }
        #expect(request.target == "/public/v1/accounts?limit=1&offset=0")
    }

    @Test func listTokensSendsFilterOrderingAndPage() async throws {
        let query = ListQuery(
            filter: .and([.eq("status", "active"), .ilike("name", "*foo*")]),
            ordering: [.descending("events.created.at")])
        let request = try await sent(Self.emptyPage) {
            _ = try await $0.listTokens(query, page: PageRequest(limit: 25, offset: 0))
        }
        #expect(request.method == .get)
        #expect(
            request.target
                == "/public/v1/auth/tokens?and(eq(status,active),ilike(name,*foo*))&ordering(-events.created.at)&limit=25&offset=0")
    }

    @Test(arguments: [
        ("token", HTTPMethod.get, "/public/v1/auth/tokens/SU-1"),
        ("activate", .post, "/public/v1/auth/tokens/SU-1/activate"),
        ("deactivate", .post, "/public/v1/auth/tokens/SU-1/deactivate"),
    ])
    func tokenReadsAndToggles(name: String, method: HTTPMethod, target: String) async throws {
        let request = try await sent(.json(200, Fixtures.token)) { client in
            switch name {
            case "token": _ = try await client.token(id: "SU-1")
            case "activate": _ = try await client.activateToken(id: "SU-1")
            default: _ = try await client.deactivateToken(id: "SU-1")
            }
        }
        #expect(request.method == method)
        #expect(request.target == target)
        #expect(request.body == nil)
    }

    @Test func createTokenPostsNameDescriptionExternalIDAndExtension() async throws {
        let body = TokenCreate(
            name: "CI token", description: "For the pipeline", externalID: "ci-1",
            extensionID: "EXT-000")
        let request = try await sent(.json(201, Fixtures.token)) {
            let token = try await $0.createToken(body)
            #expect(token.id == "SU-431-800-699")
        }
        #expect(request.method == .post)
        #expect(request.target == "/public/v1/auth/tokens")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(
            request.bodyText
                == #"{"description":"For the pipeline","extension":{"id":"EXT-000"},"external_id":"ci-1","name":"CI token"}"#)
    }

    @Test func updateTokenPutsOnlyTheEditableFields() async throws {
        let request = try await sent(.json(200, #"{"name":"New","description":"D","external_id":null}"#)) {
            let answer = try await $0.updateToken(id: "SU-1", TokenUpdate(name: "New", description: "D"))
            #expect(answer.name == "New")
        }
        #expect(request.method == .put)
        #expect(request.target == "/public/v1/auth/tokens/SU-1")
        #expect(request.bodyText == #"{"description":"D","name":"New"}"#)
    }

    @Test func deleteTokenExpects204() async throws {
        let request = try await sent(.status(204)) { try await $0.deleteToken(id: "SU-1") }
        #expect(request.method == .delete)
        #expect(request.target == "/public/v1/auth/tokens/SU-1")
    }

    @Test func rotateAndRenewSendTheExpiration() async throws {
        let date = Timestamp(rawValue: "2027-01-01T00:00:00+00:00")
        let rotate = try await sent(.json(200, Fixtures.token)) {
            _ = try await $0.rotateToken(id: "SU-1", expirationDate: date)
        }
        #expect(rotate.method == .post)
        #expect(rotate.target == "/public/v1/auth/tokens/SU-1/rotate")
        #expect(rotate.bodyText == #"{"expiration_date":"2027-01-01T00:00:00+00:00"}"#)
        let renew = try await sent(.json(200, Fixtures.token)) { _ = try await $0.renewToken(id: "SU-1") }
        #expect(renew.target == "/public/v1/auth/tokens/SU-1/renew")
        #expect(renew.bodyText == "{}")
    }

    @Test func permissionsListAddAndRemove() async throws {
        let list = try await sent(.page(#"[{"id":"PM-1","object":{"id":"MD-0001"}}]"#, range: "items 0-0/1")) {
            let page = try await $0.listTokenPermissions(tokenID: "SU-1", page: PageRequest(limit: 100))
            #expect(page.items.map(\.moduleID) == ["MD-0001"])
        }
        #expect(list.target == "/public/v1/auth/tokens/SU-1/permissions?limit=100&offset=0")

        let add = try await sent(.json(201, #"{"id":"PM-2","object":{"id":"MD-0007"}}"#)) {
            let granted = try await $0.addTokenPermission(tokenID: "SU-1", moduleID: "MD-0007")
            #expect(granted.id == "PM-2")
        }
        #expect(add.method == .post)
        #expect(add.target == "/public/v1/auth/tokens/SU-1/permissions")
        #expect(add.bodyText == #"{"object":{"id":"MD-0007"}}"#)

        let remove = try await sent(.status(204)) {
            try await $0.removeTokenPermission(tokenID: "SU-1", moduleID: "MD-0007")
        }
        #expect(remove.method == .delete)
        #expect(remove.target == "/public/v1/auth/tokens/SU-1/permissions")
        #expect(remove.bodyText == #"{"object":{"id":"MD-0007"}}"#)
    }

    @Test func modulesAndExtensions() async throws {
        let modules = try await sent(.page(#"[{"id":"MD-0001","name":"Account"}]"#, range: "items 0-0/1")) {
            let page = try await $0.listModules(page: PageRequest(limit: 100))
            #expect(page.items == [Module(id: "MD-0001", name: "Account")])
        }
        #expect(modules.target == "/public/v1/modules?limit=100&offset=0")

        let extensions = try await sent(.page("[\(Fixtures.extensionCustom)]", range: "items 10-10/11")) {
            let page = try await $0.listExtensions(
                ListQuery(filter: .eq("status", "published")), page: PageRequest(limit: 10, offset: 10))
            #expect(page.items.first?.subtitle == "Custom Integration")
            #expect(page.hasNext == false)
        }
        #expect(extensions.target == "/public/v1/extensions?eq(status,published)&limit=10&offset=10")

        let one = try await sent(.json(200, Fixtures.extensionCustom)) {
            _ = try await $0.extensionDetails(id: "EXT-000")
        }
        #expect(one.target == "/public/v1/extensions/EXT-000")
    }

    @Test func webhooksCRUDAndTrigger() async throws {
        let list = try await sent(.page("[\(Fixtures.webhook)]", range: "items 0-0/1")) {
            _ = try await $0.listWebhooks(
                ListQuery(filter: .eq("active", true), search: "erp sync"), page: PageRequest(limit: 50))
        }
        #expect(list.target == "/public/v1/notifications/webhooks?eq(active,true)&search=erp%20sync&limit=50&offset=0")

        let get = try await sent(.json(200, Fixtures.webhook)) { _ = try await $0.webhook(id: "WB-1") }
        #expect(get.target == "/public/v1/notifications/webhooks/WB-1")

        let write = WebhookWrite(
            objectClass: .tierConfigRequest, label: "TCR", productID: "PRD-1",
            externalURL: "https://h.example.com/x", jwtSecret: Secret("s3cret"), active: true,
            description: "d")
        let create = try await sent(.json(201, Fixtures.webhook)) { _ = try await $0.createWebhook(write) }
        #expect(create.method == .post)
        #expect(create.target == "/public/v1/notifications/webhooks")
        #expect(
            create.bodyText
                == #"{"active":true,"data":{},"description":"d","external_url":"https://h.example.com/x","headers":{},"http_method":"POST","jwt_secret":"s3cret","label":"TCR","object_class":"tier_config_request","product_id":"PRD-1","type":"event"}"#)

        let update = try await sent(.json(200, Fixtures.webhook)) { _ = try await $0.updateWebhook(id: "WB-1", write) }
        #expect(update.method == .put)
        #expect(update.target == "/public/v1/notifications/webhooks/WB-1")
        #expect(update.bodyText == create.bodyText)

        let delete = try await sent(.status(204)) { try await $0.deleteWebhook(id: "WB-1") }
        #expect(delete.method == .delete)
        #expect(delete.target == "/public/v1/notifications/webhooks/WB-1")

        let trigger = try await sent(.json(200, "{}")) { try await $0.triggerWebhook(id: "WB-1") }
        #expect(trigger.method == .post)
        #expect(trigger.target == "/public/v1/notifications/webhooks/WB-1/trigger")
    }

    @Test func idsFromTheServerCannotEscapeTheirPathSegment() async throws {
        let request = try await sent(.json(200, Fixtures.token)) { _ = try await $0.token(id: "../accounts?x=1") }
        #expect(request.target == "/public/v1/auth/tokens/..%2Faccounts%3Fx%3D1")
        let dots = try await sent(.json(200, Fixtures.token)) { _ = try await $0.token(id: "..") }
        #expect(dots.target == "/public/v1/auth/tokens/%2E%2E")
    }

    @Test func anEndpointWithATrailingSlashGivesNoDoubleSlash() async throws {
        let transport = RecordingTransport([.json(200, Fixtures.authContext)])
        let client = ConnectClient(
            endpoint: URL(string: "http://127.0.0.1:8080/public/v1/")!, apiKey: testAPIKey,
            transport: transport)
        _ = try await client.authContext()
        #expect(transport.onlyRequest.url.absoluteString == "http://127.0.0.1:8080/public/v1/auth/context")
    }
}
