import ArgumentParser
import ConnectCore
import ConnectSandbox
import Foundation

/// `connect-tui sandbox …`: the built-in local Connect on its own.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run and manage the built-in local Connect sandbox.",
        subcommands: [Serve.self, Key.self, Seed.self, Reset.self])

    /// The `--data` option every subcommand shares.
    struct DataOption: ParsableArguments {
        @Option(name: .long, help: "The sandbox database (default: $XDG_DATA_HOME/connect-tui/sandbox.sqlite).")
        var data: String?

        func open() throws -> SandboxStore {
            let path = data ?? AppPaths(environment: ProcessInfo.processInfo.environment).sandboxDatabase.path
            do {
                return try SandboxStore(path: path)
            } catch {
                throw ValidationError("cannot open the sandbox database at \(path): \(error)")
            }
        }
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the sandbox until interrupted, for any Connect client.")

        @OptionGroup var data: DataOption
        @Option(help: "The port to listen on (default: a free one).") var port: Int = 0
        @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
        @Option(
            name: .customLong("fault"),
            help: "Misbehave for tests, e.g. status=503,times=2 or drop-after,method=POST,path=/auth/tokens (repeatable).")
        var faults: [String] = []
        @Option(help: "Append each request's method and path to this file (for tests that count them).")
        var requestLog: String?
        @Option(help: "Append a line for each new client connection to this file (for benchmarks that count them).")
        var connectionLog: String?

        func run() async throws {
            var parsed: [Fault] = []
            for text in faults {
                do { parsed.append(try Fault.parse(text)) } catch { throw ValidationError("--fault \(text): \(error)") }
            }
            let store = try data.open()
            let server = try await SandboxServer.start(
                store: store, host: host, port: port, faults: FaultInjector(parsed), stopOnSignals: true,
                requestLog: requestLog.map { URL(fileURLWithPath: $0) }, connectionLog: connectionLog.map { URL(fileURLWithPath: $0) })
            let key = try await store.ownerKey()
            print("Sandbox endpoint: \(server.endpoint.absoluteString)")
            print("API key:          \(key.unmaskedValue)")
            for fault in parsed { print("Fault:            \(fault)") }
            print("Serving until interrupted (Ctrl-C).")
            fflush(nil)
            try await server.wait()
            print("The sandbox stopped.")
        }
    }

    struct Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the sandbox's API key and nothing else.",
            discussion: "For scripts: export CONNECT_API_KEY=\"$(connect-tui sandbox key)\"")

        @OptionGroup var data: DataOption

        func run() async throws {
            print(try await data.open().ownerKey().unmaskedValue)
        }
    }

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add many tokens, for trying things at scale.")

        @OptionGroup var data: DataOption
        @Option(help: "How many tokens to add.") var tokens: Int

        func validate() throws {
            guard (1...10_000_000).contains(tokens) else { throw ValidationError("--tokens must be from 1 to 10000000") }
        }

        func run() async throws {
            let store = try data.open()
            let started = ContinuousClock.now
            try await store.seedTokens(count: tokens)
            print("Added \(tokens) tokens in \(ContinuousClock.now - started).")
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete everything in the sandbox and seed it anew.")

        @OptionGroup var data: DataOption
        @Flag(help: "Do not ask.") var yes = false

        func run() async throws {
            if !yes {
                print("Delete every token and webhook in the sandbox and start again? [y/N] ", terminator: "")
                guard readLine()?.lowercased().hasPrefix("y") == true else {
                    print("Nothing was changed.")
                    return
                }
            }
            try await data.open().reset()
            print("The sandbox was reset.")
        }
    }
}
