import ConnectCore
import Foundation
import Testing

/// The export formats, read back the way their tools read them.
@Suite struct KeyExportTests {
    static let endpoint = URL(string: "https://api.connect.cloudblue.com/public/v1")!
    static let key = try! APIKey(parsing: "ApiKey SU-431-800-699:0123456789abcdef")

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func curlIsOneCommandWithTheHeaderAndTheContextURL() {
        let text = KeyExport.render(.curl, endpoint: Self.endpoint, key: Self.key, name: "CI")
        #expect(text == "curl -H 'Authorization: ApiKey SU-431-800-699:0123456789abcdef' 'https://api.connect.cloudblue.com/public/v1/auth/context'\n")
    }

    @Test func envLinesAreWhatConnectTuiReads() {
        let text = KeyExport.render(.env, endpoint: Self.endpoint, key: Self.key, name: "CI")
        #expect(text == "CONNECT_ENDPOINT='https://api.connect.cloudblue.com/public/v1'\nCONNECT_API_KEY='ApiKey SU-431-800-699:0123456789abcdef'\n")
    }

    @Test func postmanHasTwoVariablesTheKeySecret() throws {
        let json = try Self.object(KeyExport.render(.postman, endpoint: Self.endpoint, key: Self.key, name: "CI"))
        #expect(json["_postman_variable_scope"] as? String == "environment")
        #expect((json["name"] as? String)?.contains("CI") == true)
        let values = try #require(json["values"] as? [[String: Any]])
        #expect(values.count == 2)
        let byKey = Dictionary(uniqueKeysWithValues: values.map { ($0["key"] as? String ?? "", $0) })
        #expect(byKey["CONNECT_ENDPOINT"]?["value"] as? String == Self.endpoint.absoluteString)
        #expect(byKey["CONNECT_API_KEY"]?["value"] as? String == Self.key.unmaskedValue)
        #expect(byKey["CONNECT_API_KEY"]?["type"] as? String == "secret")
        #expect(byKey["CONNECT_API_KEY"]?["enabled"] as? Bool == true)
    }

    @Test func insomniaIsAVersion4ExportOfOneEnvironment() throws {
        let json = try Self.object(KeyExport.render(.insomnia, endpoint: Self.endpoint, key: Self.key, name: "CI"))
        #expect(json["_type"] as? String == "export")
        #expect(json["__export_format"] as? Int == 4)
        let resources = try #require(json["resources"] as? [[String: Any]])
        #expect(resources.count == 1)
        #expect(resources[0]["_type"] as? String == "environment")
        #expect((resources[0]["_id"] as? String)?.hasPrefix("env_") == true)
        let data = try #require(resources[0]["data"] as? [String: String])
        #expect(data == ["CONNECT_ENDPOINT": Self.endpoint.absoluteString, "CONNECT_API_KEY": Self.key.unmaskedValue])
    }

    @Test func httpieSessionCarriesTheAuthorizationHeader() throws {
        let json = try Self.object(KeyExport.render(.httpie, endpoint: Self.endpoint, key: Self.key, name: "CI"))
        let headers = try #require(json["headers"] as? [[String: String]])
        #expect(headers == [["name": "Authorization", "value": Self.key.unmaskedValue]])
        #expect((json["__meta__"] as? [String: String])?["about"] == "HTTPie session file")
    }

    @Test func idsStayTheSameForATokenAndTellNothingOfTheSecret() throws {
        let other = try APIKey(parsing: "ApiKey SU-431-800-699:ffffffffffffffff")
        let first = KeyExport.render(.insomnia, endpoint: Self.endpoint, key: Self.key, name: "CI")
        let second = KeyExport.render(.insomnia, endpoint: Self.endpoint, key: other, name: "CI")
        let id = { (text: String) in try Self.object(text)["resources"].flatMap { ($0 as? [[String: Any]])?.first?["_id"] as? String } }
        #expect(try id(first) == id(second), "a new secret re-imports over the old environment")
    }

    @Test func aQuoteInTheEndpointCannotBreakOutOfTheShellWord() {
        #expect(KeyExport.shellQuoted("it's") == "'it'\\''s'")
    }
}
