import ArgumentParser
import ConnectCore
import CursesTerminal

/// `connect-tui`: the command line. Wiring only; the work lives in the library targets.
@main
struct ConnectTUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect-tui",
        abstract: "A terminal UI for the Integrations module of CloudBlue Connect.",
        version: "connect-tui \(UserAgent.appVersion) (\(CursesLibrary.version))",
        subcommands: [SandboxCommand.self])

    func run() async throws {
        print("connect-tui \(UserAgent.appVersion): the terminal UI is not built yet.")
        print("The local Connect sandbox is: run `connect-tui sandbox serve`.")
    }
}
