import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// The commands and config writes against a real sandbox process: ids that cannot address
/// anything else, concurrent writers that all land, symlinks kept, lost answers told truly.
@Suite(.serialized)
struct CommandTrustTests {
    typealias World = EndToEndTests.World

    static func run(_ world: World, _ arguments: [String], input: String? = nil) async throws -> (Int32, String) {
        let process = try RunningProcess(
            BuiltBinary.url, arguments,
            environment: ["HOME": world.home.path, "CONNECT_API_KEY": world.key.unmaskedValue, "CONNECT_ENDPOINT": world.endpoint],
            standardInput: input)
        let status = try await process.waitForExit()
        return (status, process.output)
    }

    @Test(arguments: ["SU-431-800-699/permissions", "", "SU-431-800-699?x=1", "../auth/tokens", "SU-431-800-699%2Fpermissions"])
    func anIdThatIsNotATokenIdIsAUsageError(id: String) async throws {
        let world = try await World.start()
        defer { world.end() }
        let (status, output) = try await Self.run(world, ["tokens", "delete", id])
        #expect(status == 2, "\(output)")
        #expect(output.contains("is not a token id"), "\(output)")
        let token = try await world.client.token(id: "SU-431-800-699")
        #expect(token.permissions?.isEmpty == false, "the permissions are still there")
    }

    @Test func anEncodedSlashInAnIdIsAnUnknownIdNotAnotherPath() async throws {
        let world = try await World.start()
        defer { world.end() }
        // The client encodes every segment; the sandbox must not decode `/` into a new path.
        let error = await #expect(throws: ConnectError.self) {
            try await world.client.removeTokenPermission(tokenID: "SU-431-800-699/permissions", moduleID: "MD-0001")
        }
        #expect(error?.status == 404)
        let empty = await #expect(throws: ConnectError.self) { try await world.client.deleteToken(id: "") }
        #expect(empty?.kind == .invalidRequest("an id is empty"))
        #expect(try await world.client.token(id: "SU-431-800-699").permissions?.isEmpty == false)
    }

    @Test func aDeleteWhoseAnswerIsLostSaysDeleted() async throws {
        let world = try await World.start(faults: ["drop-after,method=DELETE,path=/auth/tokens,times=1"])
        defer { world.end() }
        let doomed = try await world.client.createToken(TokenCreate(name: "Doomed", description: "d", externalID: nil, extensionID: "EXT-000"))
        let (status, output) = try await Self.run(world, ["tokens", "delete", doomed.id])
        #expect(status == 0, "\(output)")
        #expect(output == "\(doomed.id) deleted (the answer was lost; read again, it is deleted)\n")
    }

    @Test func aDeleteThatNeverReachedTheServerSaysSoInWords() async throws {
        let world = try await World.start(faults: ["drop,method=DELETE,path=/auth/tokens"])
        defer { world.end() }
        let (status, output) = try await Self.run(world, ["tokens", "delete", "SU-431-800-699"])
        #expect(status == 1)
        #expect(output == "connect-tui: Delete token failed: the connection closed before the answer came\n", "no URL error codes")
        #expect(try await world.client.token(id: "SU-431-800-699").id == "SU-431-800-699", "read again: it is still there")
    }

    @Test func aDisableWhoseAnswerIsLostSaysDisabled() async throws {
        let world = try await World.start(faults: ["drop-after,method=POST,path=/auth/tokens,times=1"])
        defer { world.end() }
        let (status, output) = try await Self.run(world, ["tokens", "disable", "SU-431-800-699"])
        #expect(status == 0, "\(output)")
        #expect(output == "SU-431-800-699 disabled (the answer was lost; read again, it is disabled)\n")
        #expect(try await world.client.token(id: "SU-431-800-699").status == .inactive)
    }

    @Test func tenAccountsAddedAtOnceAreAllKept() async throws {
        let world = try await World.start()
        defer { world.end() }
        let names = (1...10).map { "parallel-\($0)" }
        let processes = try names.map { name in
            try RunningProcess(
                BuiltBinary.url, ["accounts", "add", name, "--endpoint", world.endpoint, "--insecure-storage"],
                environment: ["HOME": world.home.path], standardInput: world.key.unmaskedValue + "\n")
        }
        for process in processes { #expect(try await process.waitForExit() == 0, "\(process.output)") }
        let config = try String(contentsOf: world.home.appendingPathComponent(".config/connect-tui/config.toml"), encoding: .utf8)
        for name in names { #expect(config.contains("name = \"\(name)\""), "\(name) kept") }
    }

    @Test func aSymlinkedConfigStaysALinkAndItsTargetChanges() async throws {
        let world = try await World.start()
        defer { world.end() }
        let folder = world.home.appendingPathComponent(".config/connect-tui")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let dotfiles = world.home.appendingPathComponent("dotfiles")
        try FileManager.default.createDirectory(at: dotfiles, withIntermediateDirectories: true)
        let target = dotfiles.appendingPathComponent("connect-tui.toml")
        try Data("# mine\ntheme = \"dark\"\n".utf8).write(to: target)
        let link = folder.appendingPathComponent("config.toml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let (status, output) = try await Self.run(world, ["accounts", "add", "linked", "--endpoint", world.endpoint, "--insecure-storage"], input: world.key.unmaskedValue + "\n")
        #expect(status == 0, "\(output)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path, "still a link")
        let text = try String(contentsOf: target, encoding: .utf8)
        #expect(text.hasPrefix("# mine\ntheme = \"dark\"\n") && text.contains("name = \"linked\""))
    }

    @Test func aCreateWhoseAnswerIsLostPrintsTheTokenItMadeOnce() async throws {
        let world = try await World.start(faults: ["drop-after,method=POST,path=/auth/tokens,times=1"])
        defer { world.end() }
        let (status, output) = try await Self.run(
            world, ["tokens", "create", "--name", "Scripted", "--description", "d", "--extension", "EXT-000", "--module", "MD-0007"])
        #expect(status == 0, "\(output)")
        let made = try await world.client.listTokens(ListQuery(filter: .eq("name", "Scripted")), page: PageRequest())
        #expect(made.total == 1, "made once")
        let token = try #require(made.items.first)
        #expect(output.contains("\(token.id)\n"), "\(output)")
        #expect(output.contains("connect-tui: created \(token.id) (the answer was lost; found it by its external id)"))
        #expect(token.permissions?.map(\.moduleID) == ["MD-0007"])
    }

    @Test func anUnknownModuleIsRefusedBeforeAnythingIsMade() async throws {
        let world = try await World.start()
        defer { world.end() }
        let before = try await world.client.listTokens(page: PageRequest(limit: 0)).total
        let (status, output) = try await Self.run(
            world, ["tokens", "create", "--name", "Bad module", "--description", "d", "--extension", "EXT-000", "--module", "MD-0007", "--module", "MD-9999"])
        #expect(status == 1, "\(output)")
        #expect(output.contains("there is no module MD-9999; nothing was created"), "\(output)")
        #expect(try await world.client.listTokens(page: PageRequest(limit: 0)).total == before)
        let (usage, text) = try await Self.run(
            world, ["tokens", "create", "--name", "n", "--description", "d", "--extension", "EXT-000", "--module", "MD-1/x"])
        #expect(usage == 2, "\(text)")
    }

    @Test func jsonEscapesEveryControlAndBidiCharacter() async throws {
        let world = try await World.start()
        defer { world.end() }
        let name = "evil\u{9B}31m\u{202E}gpj.exe\u{7F}"
        let made = try await world.client.createToken(TokenCreate(name: name, description: "d", externalID: nil, extensionID: "EXT-000"))
        let (status, output) = try await Self.run(world, ["tokens", "show", made.id, "--json"])
        #expect(status == 0, "\(output)")
        #expect(!output.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x7F })
        #expect(output.contains(#""name" : "evil\u009b31m\u202egpj.exe\u007f""#), "\(output)")
        let decoded = try JSONDecoder().decode(Token.self, from: Data(output.utf8))
        #expect(decoded.name == name, "the same JSON, still valid")
    }
}
