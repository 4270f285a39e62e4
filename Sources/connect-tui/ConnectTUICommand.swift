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
            With CONNECT_API_KEY (and optionally CONNECT_ENDPOINT) set it works on that Connect \
            account; with nothing configured it starts the built-in sandbox.
            """,
        version: "connect-tui \(UserAgent.appVersion) (\(CursesTerminal.libraryVersion))",
        subcommands: [SandboxCommand.self])

    func run() async throws {
        let status = try await TerminalUI.run(environment: ProcessInfo.processInfo.environment)
        if status != 0 { throw ExitCode(status) }
    }
}
