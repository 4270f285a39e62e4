import ArgumentParser
import ConnectCore
import CursesTerminal
import Foundation

/// `connect-tui`: the command line. Wiring only; the work lives in the library targets.
@main
struct ConnectTUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect-tui",
        abstract: "A terminal UI for the Integrations module of CloudBlue Connect.",
        discussion: """
            With CONNECT_API_KEY (and optionally CONNECT_ENDPOINT) set, or --api-key-file, it \
            works on that Connect account; with nothing configured it starts the built-in sandbox.
            """,
        version: "connect-tui \(UserAgent.appVersion) (commit \(Installation.commit); \(CursesTerminal.libraryVersion))",
        subcommands: [TokensCommand.self, AccountsCommand.self, SandboxCommand.self])

    @OptionGroup var account: AccountOptions

    @Option(help: "A theme by name (dark, light, high-contrast, monochrome, cloudblue, or one of yours) or a path to a .toml file.")
    var theme: String?

    func run() async throws {
        let status = try await TerminalUI.run(account, themeName: theme, environment: ProcessInfo.processInfo.environment)
        if status != 0 { throw ExitCode(status) }
    }

    /// `connect-tui --read-only tokens delete …`: a `--read-only` before the subcommand holds
    /// for it too (a mistake must not be one misplaced flag away from a write).
    static func readOnlyForEverySubcommand(_ arguments: [String]) -> [String] {
        guard let flag = arguments.firstIndex(of: "--read-only"),
            let subcommand = arguments.firstIndex(where: { ["tokens", "accounts", "sandbox"].contains($0) }), flag < subcommand
        else { return arguments }
        var moved = arguments
        moved.remove(at: flag)
        // At the end, where the subcommand's own options are read.
        return moved + ["--read-only"]
    }

    /// Exit codes for scripts: 0 done, 1 the API or the setup failed, 2 the command line was wrong.
    static func main() async {
        do {
            var command = try parseAsRoot(Self.readOnlyForEverySubcommand(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
