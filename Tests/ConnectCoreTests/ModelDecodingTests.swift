@testable import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// Spec-shaped JSON decodes into the models, and survives what a growing API adds.
@Suite struct ModelDecodingTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    @Test func tokenDecodesEveryFieldThePortalShows() throws {
        let token = try decode(Token.self, Fixtures.token)
        #expect(token.id == "SU-431-800-699")
        #expect(token.name == "Tutorial API Token")
        #expect(token.externalID == "tutorial-1")
        #expect(token.status == .active)
        #expect(token.status?.title == "Active")
        #expect(token.extension?.id == "EXT-000")
        #expect(token.extension?.name == "custom")
        #expect(token.owner?.name == "Mighty Mick's LLC")
        #expect(token.events?.created?.by?.name == "Michael Goldmill")
        #expect(token.events?.created?.at?.date == Date(timeIntervalSince1970: 1_621_312_080))
        #expect(token.events?.updated?.at?.date != nil, "fractional seconds parse too")
        #expect(token.permissions?.map(\.moduleID) == ["MD-0001", "MD-0007"])
        #expect(token.expirationDate == nil)
        #expect(
            token.apiKey?.unmaskedValue
                == "ApiKey SU-431-800-699:f45bee7e79b10ff6eff67902ccb4f3d46724ceb8")
    }

    @Test func anUnknownStatusDoesNotFailTheList() throws {
        let json = "[\(Fixtures.token), {\"id\":\"SU-2\",\"status\":\"archived\",\"permissions\":[]}]"
        let tokens = try decode([Token].self, json)
        #expect(tokens.count == 2)
        #expect(tokens[1].status == .unknown("archived"))
        #expect(tokens[1].status?.title == "archived")
        #expect(tokens[1].status?.isKnown == false)
    }

    @Test func everyKnownEnumValueRoundTrips() throws {
        for status in TokenStatus.knownCases {
            #expect(TokenStatus(rawValue: status.rawValue) == status)
        }
        for type in WebhookType.knownCases { #expect(WebhookType(rawValue: type.rawValue) == type) }
        for objectClass in WebhookObjectClass.knownCases {
            #expect(WebhookObjectClass(rawValue: objectClass.rawValue) == objectClass)
        }
        #expect(WebhookType.knownCases.count == 17)
        #expect(WebhookObjectClass.fulfillmentRequest.title == "Fulfillment request")
    }

    @Test func webhookDecodesStatsDeliveriesAndKeepsHeaderKeysAsSent() throws {
        let webhook = try decode(Webhook.self, Fixtures.webhook)
        #expect(webhook.objectClass == .fulfillmentRequest)
        #expect(webhook.type == .event)
        #expect(webhook.product?.id == "PRD-000-000-001")
        #expect(webhook.stats?.failureSinceLastSuccess == 1)
        #expect(webhook.lastFailure?.statusCode == 504)
        #expect(webhook.lastFailure?.errors == "gateway timeout")
        #expect(webhook.lastSuccess?.status == .success)
        #expect(webhook.headers?.objectValue?.keys.sorted() == ["X-Custom_Header", "authorization_hint"])
        #expect(webhook.data == .object(["team": .string("erp"), "retries": .number(3)]))
        #expect(webhook.jwtSecret?.unmaskedValue == "jwt-secret-value-1234")
        #expect(webhook.modifiedAt == nil)
    }

    @Test func webhookWriteStartsFromAWebhook() throws {
        let webhook = try decode(Webhook.self, Fixtures.webhook)
        let write = try #require(WebhookWrite(editing: webhook))
        #expect(write.productID == "PRD-000-000-001")
        #expect(write.objectClass == .fulfillmentRequest)
        #expect(write.jwtSecret.unmaskedValue == "jwt-secret-value-1234")
        #expect(write.externalURL == "https://hooks.example.com/connect")
    }

    @Test func extensionAccountAndContextDecode() throws {
        let ext = try decode(Extension.self, Fixtures.extensionCustom)
        #expect(ext.status == .published)
        #expect(ext.portal == .any)
        #expect(ext.constraints?.account?.tokens == 32)
        #expect(ext.categories?.first?.name == "Integration")
        let account = try decode(Account.self, Fixtures.account)
        #expect(account.type == .provider)
        #expect(account.role?.title == "Distributor")
        let context = try decode(AuthContext.self, Fixtures.authContext)
        #expect(context.user?.name == "Michael Goldmill")
        #expect(context.account?.id == "PA-000-000")
    }

    @Test func anUnparsableDateIsKeptInsteadOfFailing() throws {
        let token = try decode(Token.self, #"{"id":"SU-1","expiration_date":"next tuesday"}"#)
        #expect(token.expirationDate?.rawValue == "next tuesday")
        #expect(token.expirationDate?.date == nil)
    }

    @Test func timestampsFormatAsTheAPIDoes() {
        #expect(Timestamp(Date(timeIntervalSince1970: 1_621_312_080)).rawValue == "2021-05-18T04:28:00+00:00")
    }

    @Test func secretsNeverPrintThemselves() throws {
        let token = try decode(Token.self, Fixtures.token)
        let secret = "f45bee7e79b10ff6eff67902ccb4f3d46724ceb8"
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains(secret))
        #expect(!"\(token)".contains(secret))
        #expect(!String(reflecting: token).contains(secret))
        #expect(!"\(token.apiKey!)".contains(secret))
        #expect("\(token.apiKey!)" == "ApiKey SU-431-800-699:••••••••")
        let webhook = try decode(Webhook.self, Fixtures.webhook)
        #expect(!"\(webhook)".contains("jwt-secret-value-1234"))
    }

    @Test func encodingATokenKeepsTheAPIShape() throws {
        let token = try decode(Token.self, Fixtures.token)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let again = try JSONDecoder().decode(Token.self, from: encoder.encode(token))
        #expect(again == token)
        let text = String(decoding: try encoder.encode(token), as: UTF8.self)
        #expect(text.contains(#""external_id":"tutorial-1""#))
    }
}

/// Keys are accepted as people paste them and always sent in one form.
@Suite struct APIKeyTests {
    @Test(arguments: [
        "ApiKey SU-431-800-699:abc123",
        "SU-431-800-699:abc123",
        "  apikey SU-431-800-699:abc123\n",
        "ApiKey   SU-431-800-699:abc123",
    ])
    func acceptsAKeyWithOrWithoutThePrefix(text: String) throws {
        let key = try APIKey(parsing: text)
        #expect(key.authorizationHeaderValue == "ApiKey SU-431-800-699:abc123")
        #expect(key.tokenID == "SU-431-800-699")
        #expect(key.secretPart == "abc123")
        #expect(key.masked == "ApiKey SU-431-800-699:••••••••")
    }

    @Test func refusesEmptyAndBrokenKeys() {
        #expect(throws: APIKey.ParseError.empty) { try APIKey(parsing: "   ") }
        #expect(throws: APIKey.ParseError.empty) { try APIKey(parsing: "ApiKey ") }
        #expect(throws: APIKey.ParseError.invalidCharacters) { try APIKey(parsing: "SU-1:a b") }
        #expect(throws: APIKey.ParseError.invalidCharacters) { try APIKey(parsing: "SU-1:a\u{1b}[2J") }
    }

    @Test func userAgentFollowsTheOfficialToolsConvention() {
        #expect(
            UserAgent.make(appVersion: "1.2.3", swiftVersion: "6.3", system: "Linux", release: "6.1.0")
                == "connect-tui/1.2.3 Swift/6.3 Linux/6.1.0")
        let current = UserAgent.current
        #expect(current.hasPrefix("connect-tui/\(UserAgent.appVersion) Swift/6."))
        #expect(current.split(separator: " ").count == 3)
    }
}

/// The quick reading of Connect's timestamps agrees with the general ISO 8601 parser.
@Suite struct TimestampParsingTests {
    @Test func theCommonShapeParsesAsTheGeneralParserDoes() {
        var generator = SystemRandomNumberGenerator()
        let general = Date.ISO8601FormatStyle()
        for _ in 0..<500 {
            let seconds = Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &generator))
            let offsetMinutes = [0, 60, -300, 330, 345, -570, 840].randomElement(using: &generator)!
            let zone = TimeZone(secondsFromGMT: offsetMinutes * 60)!
            let text = Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle(timeZone: zone))
            #expect(Timestamp.parseCommon(text) == (try? general.parse(text)), "\(text)")
        }
    }

    @Test(arguments: [
        ("2021-05-18T04:28:00+00:00", 1_621_312_080.0), ("2021-05-18T04:28:00Z", 1_621_312_080),
        ("2021-05-18T04:28:00.250+00:00", 1_621_312_080.25), ("2021-05-18T06:28:00+0200", 1_621_312_080),
        ("2020-02-29T00:00:00Z", 1_582_934_400), ("1969-12-31T23:59:59Z", -1),
    ])
    func knownValues(text: String, seconds: Double) {
        #expect(Timestamp(rawValue: text).date == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: ["2021-02-29T00:00:00Z", "2021-13-01T00:00:00Z", "2021-05-18T24:00:00Z", "2021-05-18T04:28:00", "2021-05-18 04:28:00Z", "yesterday", ""])
    func impossibleOrOtherShapesAreNotReadQuickly(text: String) {
        #expect(Timestamp.parseCommon(text) == nil)
    }
}
