import ArgumentParser
import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// `connect-tui tokens …`: the token operations for scripts, on the same account as the app.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "List, show, create, enable, disable, rotate, renew and delete tokens; print, export or check a token's key.",
        subcommands: [
            List.self, Show.self, Key.self, Export.self, Check.self, Create.self, Enable.self, Disable.self, Rotate.self,
            Renew.self, Delete.self,
        ])

    /// Runs `body` with a client for the chosen account; API errors print one line on standard
    /// error and exit 1.
    static func withClient(_ account: AccountOptions, _ body: (ConnectClient) async throws(ConnectError) -> Void) async throws {
        let target: Target
        do {
            target = try await Target.resolve(account, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("connect-tui: \(error)\n".utf8))
            throw ExitCode.failure
        }
        do {
            try await body(target.client)
            await target.sandbox?.stop()
        } catch {
            await target.sandbox?.stop()
            FileHandle.standardError.write(Data("connect-tui: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Tokens as JSON in the API's shape, without their secrets (`tokens key` prints a key).
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
        // JSONEncoder escapes C0 controls inside strings (the C0 left is the layout's own
        // whitespace) but leaves DEL, C1 controls, bidi overrides and invisible characters
        // raw; as \u escapes they are the same JSON and cannot act on a terminal.
        let escaped = { (scalar: Unicode.Scalar) in scalar.value >= 0x7F && SafeText.needsEscape(scalar) }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if escaped(scalar) {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func withoutSecrets(_ token: Token) -> Token {
        var copy = token
        copy.token = nil
        copy.renewedToken = nil
        return copy
    }

    /// Runs a token action and says what is true now: a lost answer is read back
    /// (`ConnectClient.tokenAction`), so a write that happened is never reported as a failure.
    static func settle(
        _ id: String, _ done: String, _ client: ConnectClient, _ write: () async throws(ConnectError) -> Token?,
        check isDone: (Token?) -> Bool
    ) async throws(ConnectError) {
        switch try await client.tokenAction(id, write, isDone: isDone) {
        case .answered: print("\(id) \(done)")
        case .lostButDone: print("\(id) \(done) (the answer was lost; read again, it is \(done))")
        }
    }

    /// A token id from the command line, refused before any request unless it is `SU-…`.
    struct TokenIDArgument: ParsableArguments {
        @Argument(help: "The token id, SU-…") var id: String

        func validate() throws {
            guard ObjectID.isToken(id) else {
                throw ValidationError("'\(SafeText.visible(id))' is not a token id (SU- and groups of digits, e.g. SU-431-800-699)")
            }
        }
    }

    /// Token ids from the command line (one or more), each refused before any request unless
    /// it is `SU-…`; a repeated id is done once.
    struct TokenIDsArgument: ParsableArguments {
        @Argument(help: "The token ids, SU-… (one or more)") var ids: [String]

        func validate() throws {
            guard !ids.isEmpty else { throw ValidationError("name at least one token id, SU-…") }
            for id in ids where !ObjectID.isToken(id) {
                throw ValidationError("'\(SafeText.visible(id))' is not a token id (SU- and groups of digits, e.g. SU-431-800-699)")
            }
        }

        var unique: [String] {
            var seen: Set<String> = []
            return ids.filter { seen.insert($0).inserted }
        }
    }

    /// Does `body` to each id once, in order, one request after another: each id gets its
    /// line (done on standard output, or why not on standard error), and the command fails
    /// when any did.
    static func forEach(_ ids: TokenIDsArgument, _ account: AccountOptions, _ body: (String, ConnectClient) async throws(ConnectError) -> Void) async throws {
        let unique = ids.unique
        var failed = 0
        try await withClient(account) { (client) async throws(ConnectError) in
            for id in unique {
                do throws(ConnectError) {
                    try await body(id, client)
                } catch {
                    failed += 1
                    fflush(nil)  // the lines in the order they happened, even through one pipe
                    let line = unique.count == 1 ? error.description : "\(id): \(error.description)"
                    FileHandle.standardError.write(Data("connect-tui: \(line)\n".utf8))
                }
            }
        }
        guard failed == 0 else {
            if unique.count > 1 { FileHandle.standardError.write(Data("connect-tui: \(failed) of \(unique.count) failed\n".utf8)) }
            throw ExitCode.failure
        }
    }

    /// One line of text from the server, made safe for a terminal.
    static func safe(_ text: String?) -> String { SafeText.visible(text ?? "") }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens, newest first.")
        @OptionGroup var account: AccountOptions
        @Option(help: "An RQL filter, e.g. 'and(eq(status,active),ilike(name,*ci*))'.") var filter: String?
        @Option(help: "How many tokens at most.") var limit = 100
        @Flag(help: "JSON in the API's shape (secrets left out).") var json = false

        func validate() throws {
            if let filter { do { _ = try RQLParser.parseExpression(filter) } catch { throw ValidationError("--filter: \(error)") } }
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
        }

        func run() async throws {
            let query = ListQuery(filter: try filter.map { try RQLParser.parseExpression($0) }, ordering: [.descending("events.created.at")])
            try await TokensCommand.withClient(account) { (client) async throws(ConnectError) in
                let page = try await client.listTokens(query, page: PageRequest(limit: limit))
                if json {
                    print(TokensCommand.json(page.items.map(TokensCommand.withoutSecrets)))
                    return
                }
                for token in page.items {
                    print([token.id, token.status?.title ?? "", token.extension?.id ?? "", TokensCommand.safe(token.name)].joined(separator: "\t"))
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one token (its secret masked).")
        @OptionGroup var account: AccountOptions
        @OptionGroup var token: TokenIDArgument
        var id: String { token.id }
        @Flag(help: "JSON in the API's shape (secrets left out).") var json = false

        func run() async throws {
            try await TokensCommand.withClient(account) { (client) async throws(ConnectError) in
                let token = try await client.token(id: id)
                if json {
                    print(TokensCommand.json(TokensCommand.withoutSecrets(token)))
                    return
                }
                let rows: [(String, String)] = [
                    ("ID", token.id), ("Name", TokensCommand.safe(token.name)), ("Status", token.status?.title ?? ""),
                    ("Extension", "\(token.extension?.name ?? "") \(token.extension?.id ?? "")"),
                    ("Description", TokensCommand.safe(token.description)), ("External ID", TokensCommand.safe(token.externalID)),
                    ("Permissions", (token.permissions ?? []).map(\.moduleID).joined(separator: ", ")),
                    ("Created", "\(token.events?.created?.at?.rawValue ?? "") \(TokensCommand.safe(token.events?.created?.by?.name))"),
                    ("API key", token.apiKey?.masked ?? ""),
                    ("Expires", token.keyExpires?.rawValue ?? "never"),
                ] + (token.oldKeyValidUntil.map { [("Old key", "valid until \($0.rawValue)")] } ?? [])
                for (label, value) in rows { print(label.padding(toLength: 12, withPad: " ", startingAt: 0) + value) }
            }
        }
    }

    struct Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a token's API key and nothing else.",
            discussion: "export CONNECT_API_KEY=\"$(connect-tui tokens key SU-…)\"")
        @OptionGroup var account: AccountOptions
        @OptionGroup var token: TokenIDArgument
        var id: String { token.id }

        func run() async throws {
            try await TokensCommand.withClient(account) { (client) async throws(ConnectError) in
                print(try await client.tokenWithKey(id: id).1.unmaskedValue)
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token, and grant it modules.")
        @OptionGroup var account: AccountOptions
        @Option(help: "The token's name.") var name: String
        @Option(help: "What the token is for.") var description: String
        @Option(help: "An external id.") var externalID: String?
        @Option(name: .customLong("extension"), help: "The extension id, e.g. EXT-000 (Custom).") var extensionID: String
        @Option(name: .customLong("module"), help: "A module to grant, e.g. MD-0007 (repeatable; Custom tokens).") var modules: [String] = []
        @Flag(help: "JSON in the API's shape (secrets left out).") var json = false

        func validate() throws {
            let input = GeneralInput(name: name, externalID: externalID ?? "", description: description)
            if let problem = GeneralField.allCases.compactMap({ input.problems[$0] }).first { throw ValidationError(problem) }
            if let bad = modules.first(where: { !ObjectID.isModule($0) }) {
                throw ValidationError("'\(SafeText.visible(bad))' is not a module id (MD- and digits, e.g. MD-0007)")
            }
        }

        func run() async throws {
            let body = TokenCreate(name: name, description: description, externalID: externalID, extensionID: extensionID)
            try await TokensCommand.withClient(account) { (client) async throws(ConnectError) in
                // Unknown modules are refused before anything is made.
                let known = Set(try await client.listModules(page: PageRequest(limit: 1000)).items.map(\.id))
                if let unknown = modules.first(where: { !known.contains($0) }) {
                    throw ConnectError(operation: .createToken, method: .post, kind: .invalidRequest("there is no module \(unknown); nothing was created"))
                }
                let claim = try await client.claimTokenCreate(body, marker: ConnectClient.createMarker(UUID()))
                let token: Token
                var note = ""
                do throws(ConnectError) {
                    token = try await client.createToken(claim.body)
                } catch where error.outcomeUnknown {
                    let check = "check with `connect-tui tokens list --filter 'eq(external_id,\(claim.body.externalID ?? ""))'`"
                    let found: LostCreate<Token>
                    do throws(ConnectError) {
                        found = try await client.findLostCreate(claim)
                    } catch let lookup {
                        throw ConnectError(
                            operation: .createToken, method: .post,
                            kind: .network("the answer was lost and looking for the token failed (\(lookup.detail)): it may have been created; \(check)"))
                    }
                    switch found {
                    case .found(let found):
                        token = found
                        note = " (the answer was lost; found it by its external id)"
                    case .several(let tokens):
                        throw ConnectError(
                            operation: .createToken, method: .post,
                            kind: .network("the answer was lost and \(tokens.count) tokens match it (\(tokens.map(\.id).joined(separator: ", "))); none was given modules; \(check)"))
                    case .absent:
                        throw ConnectError(operation: .createToken, method: .post, kind: .network("the answer was lost and the token did not appear: it was not created"))
                    }
                }
                var failed: [String] = []
                for module in modules {
                    do throws(ConnectError) { _ = try await client.addTokenPermission(tokenID: token.id, moduleID: module) } catch {
                        failed.append("\(module) (\(error.detail))")
                    }
                }
                print(json ? TokensCommand.json(TokensCommand.withoutSecrets(try await client.token(id: token.id))) : token.id)
                if !note.isEmpty { FileHandle.standardError.write(Data("connect-tui: created \(token.id)\(note)\n".utf8)) }
                if !failed.isEmpty {
                    // The token exists: say so, and what is missing, so a retrying script does
                    // not make another.
                    throw ConnectError(
                        operation: .addTokenPermission, method: .post,
                        kind: .network("created \(token.id), but these modules were not granted: \(failed.joined(separator: ", ")); grant them with `connect-tui` (details, e) rather than creating again"))
                }
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable tokens (several ids: each once, in turn).")
        @OptionGroup var account: AccountOptions
        @OptionGroup var tokens: TokenIDsArgument

        func run() async throws {
            try await TokensCommand.forEach(tokens, account) { (id, client) async throws(ConnectError) in
                try await TokensCommand.settle(id, "enabled", client) { () async throws(ConnectError) in
                    try await client.activateToken(id: id)
                } check: { $0?.status == .active }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable tokens (several ids: each once, in turn); integrations using their keys stop working.")
        @OptionGroup var account: AccountOptions
        @OptionGroup var tokens: TokenIDsArgument

        func run() async throws {
            try await TokensCommand.forEach(tokens, account) { (id, client) async throws(ConnectError) in
                try await TokensCommand.settle(id, "disabled", client) { () async throws(ConnectError) in
                    try await client.deactivateToken(id: id)
                } check: { $0?.status == .inactive }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete tokens (several ids: each once, in turn). This cannot be undone.")
        @OptionGroup var account: AccountOptions
        @OptionGroup var tokens: TokenIDsArgument

        func run() async throws {
            try await TokensCommand.forEach(tokens, account) { (id, client) async throws(ConnectError) in
                try await TokensCommand.settle(id, "deleted", client) { () async throws(ConnectError) -> Token? in
                    try await client.deleteToken(id: id)
                    return nil
                } check: { $0 == nil }
            }
        }
    }
}

