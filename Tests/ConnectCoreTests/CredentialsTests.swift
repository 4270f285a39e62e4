import ConnectCore
import Testing

/// Passwords and tokens inside URLs are masked; the rest of the URL stays readable.
@Suite struct CredentialsTests {
    @Test(arguments: [
        ("https://user:pa55@hooks.example.com/in", "https://user:••••••••@hooks.example.com/in"),
        ("https://hooks.example.com/in?token=abc&tenant=mighty", "https://hooks.example.com/in?token=••••••••&tenant=mighty"),
        ("https://h.example.com/?api_key=k1&sig=s2#top", "https://h.example.com/?api_key=••••••••&sig=••••••••#top"),
        ("https://user@hooks.example.com/in", "https://user@hooks.example.com/in"),
        ("https://hooks.example.com/in?mode=fast", "https://hooks.example.com/in?mode=fast"),
        ("not a url ?password=x", "not a url ?password=••••••••"),
        ("", ""),
    ])
    func credentialsInURLsAreMasked(url: String, shown: String) {
        #expect(Credentials.maskedURL(url) == shown)
    }

    @Test func secretLookingHeaderNames() {
        #expect(Credentials.looksSecret("Authorization"))
        #expect(Credentials.looksSecret("X-Api-Key"))
        #expect(!Credentials.looksSecret("X-Tenant"))
    }
}
