import ConnectCore
import ConnectSandbox
import CursesTerminal
import Foundation
import IntegrationsUI
import Logging
import TerminalKit

/// Starts the full-screen app: picks the account, opens the terminal, runs, restores.
enum TerminalUI {
    static func run(_ account: AccountOptions, environment: [String: String]) async throws -> Int32 {
        // Nothing may print while curses owns the screen.
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let target: Target
        do {
            target = try await Target.resolve(account, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("connect-tui: \(error)\n".utf8))
            return 1
        }
        defer { if let sandbox = target.sandbox { Task { await sandbox.stop() } } }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: environment["NO_COLOR"]?.isEmpty == false ? .monochrome : .dark)
        } catch {
            FileHandle.standardError.write(Data("connect-tui: \(error)\n".utf8))
            return 1
        }
        let runtime = AppRuntime(
            terminal: terminal, client: target.client, connection: target.connection,
            clipboard: Clipboard(environment: environment),
            draftFile: DraftFile(url: AppPaths(environment: environment).dataDirectory.appendingPathComponent("wizard-draft.json")),
            takeSignal: { terminal.takeSignal() })
        runtime.run()
        terminal.close()
        return 0
    }
}
