import ArgumentParser
import ConnectCore
import Foundation
import TerminalKit

extension KeyExport.Format: ExpressibleByArgument {}

extension TokensCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a token's endpoint and key in a form another tool reads.",
            discussion: """
                curl: a ready command that asks who the key is; env: CONNECT_ENDPOINT and CONNECT_API_KEY \
                lines (load them with `set -a; . FILE; set +a`); postman: a Postman environment; insomnia: an \
                Insomnia v4 export; httpie: an HTTPie session (`http --session=./FILE …`). Standard output \
                unless --output; a file is 0600 and never replaced without --force.
                """)
        @OptionGroup var account: AccountOptions
        @OptionGroup var token: TokenIDArgument
        var id: String { token.id }
        @Option(help: "curl, env, postman, insomnia or httpie.") var format: KeyExport.Format
        @Option(help: "Write to this file (0600) instead of standard output.") var output: String?
        @Flag(help: "Replace the --output file if it exists.") var force = false

        func run() async throws {
            var text = ""
            try await TokensCommand.withClient(account) { (client) async throws(ConnectError) in
                let (token, key) = try await client.tokenWithKey(id: id)
                text = KeyExport.render(format, endpoint: client.endpoint, key: key, name: token.name ?? id)
            }
            guard let output else {
                print(text, terminator: "")
                return
            }
            let url = URL(fileURLWithPath: output)
            do throws(SecureFile.NewFileError) {
                try SecureFile.writeNew(Data(text.utf8), to: url, overwrite: force)
                print("\(format.rawValue) export of \(id) written to \(url.path) (0600)")
            } catch {
                switch error {
                case .exists: FileHandle.standardError.write(Data("connect-tui: \(url.path) exists; nothing was written (--force replaces it)\n".utf8))
                case .failed(let why): FileHandle.standardError.write(Data("connect-tui: \(why.description)\n".utf8))
                }
                throw ExitCode.failure
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that a token's own key works: GET /auth/context with it.",
            discussion: "Exit status 0 when the key works, 1 when it is refused or no answer came.")
        @OptionGroup var account: AccountOptions
        @OptionGroup var token: TokenIDArgument
        var id: String { token.id }

        func run() async throws {
            var works = false
            try await TokensCommand.withClient(account) { (client) async throws(ConnectError) in
                let (token, key) = try await client.tokenWithKey(id: id)
                let check = await client.check(key)
                print(Self.describe(check, token))
                works = check.works
            }
            if !works { throw ExitCode.failure }
        }

        /// "works: acts as Mighty Mick's LLC (PA-…) as token “CI” — HTTP 200 in 42 ms".
        static func describe(_ check: KeyCheck, _ token: Token) -> String {
            let name = "token “\(TokensCommand.safe(token.name))” (\(token.id))"
            guard check.works else {
                return "refused: \(name) — \(check.status == 0 ? "no answer" : "HTTP \(check.status)") in \(check.milliseconds): \(SafeText.visible(check.reason))"
            }
            let account = check.account.map { "\(TokensCommand.safe($0.name)) (\($0.id ?? "?"))" } ?? "its account"
            return "works: acts as \(account) as \(name) — HTTP \(check.status) in \(check.milliseconds)"
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a token a new secret; the old key stops working at once.",
            discussion: "Prints the new key, masked; `tokens key` prints it in full.")
        @OptionGroup var account: AccountOptions
        @OptionGroup var token: TokenIDArgument
        var id: String { token.id }

        func run() async throws {
            try await TokensCommand.withClient(account) { (client) async throws(ConnectError) in
                // Never resent: a rotate whose answer is lost may have happened.
                let token = try await client.rotateToken(id: id)
                print("\(id) rotated: the old key no longer works; new key \(token.apiKey?.masked ?? "(not sent)")")
            }
        }
    }

    struct Renew: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a token a new secret; the old key keeps working until it expires.",
            discussion: "Prints the new key, masked, and until when the old one works; `tokens key` prints the new key in full.")
        @OptionGroup var account: AccountOptions
        @OptionGroup var token: TokenIDArgument
        var id: String { token.id }

        func run() async throws {
            try await TokensCommand.withClient(account) { (client) async throws(ConnectError) in
                let token = try await client.renewToken(id: id)
                let old = token.oldKeyValidUntil.map { "the old key works until \($0.rawValue)" } ?? "the old key keeps working until it expires"
                print("\(id) renewed: new key \(token.apiKey?.masked ?? "(not sent)"); \(old)")
            }
        }
    }
}
