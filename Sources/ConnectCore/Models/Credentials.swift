/// Credentials that ride inside other values: a password in a URL's user info, a query
/// parameter or a header whose name says it is secret. Shown masked, as a secret is.
public enum Credentials {
    /// Words that mark a name as holding a credential (`api_key`, `X-Auth-Token`, `sig`).
    static let secretWords = ["token", "key", "secret", "password", "passwd", "pwd", "sig", "auth", "credential", "session", "cookie"]

    /// Whether a parameter or header called `name` probably holds a credential.
    public static func looksSecret(_ name: String) -> Bool {
        let lower = name.lowercased()
        return secretWords.contains { lower.contains($0) }
    }

    /// `url` with the password of its user info and the values of secret-looking query
    /// parameters replaced by the mask; everything else as it was.
    public static func maskedURL(_ url: String) -> String {
        var text = Substring(url)
        var out = ""
        if let scheme = text.range(of: "://") {
            out += text[..<scheme.upperBound]
            text = text[scheme.upperBound...]
            let authorityEnd = text.firstIndex { "/?#".contains($0) } ?? text.endIndex
            let authority = text[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                out += authority[...colon] + Secret.mask + authority[at...]
            } else {
                out += authority
            }
            text = text[authorityEnd...]
        }
        guard let question = text.firstIndex(of: "?") else { return out + text }
        out += text[...question]
        let rest = text[text.index(after: question)...]
        let fragmentStart = rest.firstIndex(of: "#") ?? rest.endIndex
        let query = rest[..<fragmentStart]
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { (pair: Substring) -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = String(pair[pair.startIndex..<equals])
            return looksSecret(name) ? name + "=" + Secret.mask : String(pair)
        }
        return out + pairs.joined(separator: "&") + rest[fragmentStart...]
    }
}
