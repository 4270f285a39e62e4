import ConnectCore
import ConnectSandbox
import CursesTerminal
import Foundation
import IntegrationsUI
import Logging
import Synchronization
import TerminalKit

/// Starts the full-screen app: picks the account, opens the terminal, runs, restores.
enum TerminalUI {
    static func run(_ account: AccountOptions, themeName: String?, environment: [String: String]) async throws -> Int32 {
        // Nothing may print while curses owns the screen.
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let setup = Target.Setup(account, environment: environment)
        var messages = setup.messages
        let sandboxes = SandboxSet()
        defer { Task { await sandboxes.stopAll() } }

        // The first account; when it cannot be reached (a failing api_key_cmd, a bad key
        // file), the sandbox, with the reason on the status line, unless a flag asked for it.
        var first = AccountChoice.sandbox
        let target: Target
        do {
            first = try setup.sources.initial()
            target = try await connect(first, setup.paths, sandboxes)
        } catch let error as ConfigurationMessage where account.apiKeyFile == nil && account.account == nil {
            messages.insert("\(error.description); using the sandbox", at: 0)
            first = .sandbox
            do { target = try await connect(first, setup.paths, sandboxes) } catch {
                FileHandle.standardError.write(Data("connect-tui: \(error)\n".utf8))
                return 1
            }
        } catch {
            FileHandle.standardError.write(Data("connect-tui: \(error)\n".utf8))
            return 1
        }

        let theme = Themes.choose(flag: themeName, config: setup.config?.theme, environment: environment, paths: setup.paths)
        messages += theme.messages
        var settings = AppRuntime.Settings(clock: { Date() }, makeUUID: { UUID() })
        settings.setup.accountChoices = setup.sources.all()
        settings.setup.currentAccount = first
        settings.setup.rowsPerPage = setup.config?.rowsPerPage
        settings.setup.refreshInterval = setup.config?.refreshInterval
        settings.setup.clipboardClearAfter = setup.config?.clipboardClearAfter
        settings.memoryFile = MemoryFile(folder: setup.paths.stateDirectory.appendingPathComponent("remembered"))
        if let config = setup.config {
            let file = setup.paths.configFile.path
            let (keymaps, problems) = KeymapSet.defaults.rebinding(config.keys) { "\(file):\(config.keyLines[$0] ?? 0)" }
            settings.setup.keymaps = keymaps
            messages += problems
        }
        settings.setup.messages = messages
        let paths = setup.paths
        settings.connect = { choice throws(ConfigurationMessage) in
            do {
                let target = try await connect(choice, paths, sandboxes)
                return (target.client, target.connection)
            } catch let error as ConfigurationMessage {
                throw error
            } catch {
                throw ConfigurationMessage("\(error)")
            }
        }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: theme.theme, mouse: setup.config?.mouse ?? true)
        } catch {
            FileHandle.standardError.write(Data("connect-tui: \(error)\n".utf8))
            return 1
        }
        let runtime = AppRuntime(
            terminal: terminal, client: target.client, connection: target.connection,
            clipboard: Clipboard(environment: environment, mode: setup.config?.clipboardMode ?? .auto),
            draftFile: DraftFile(
                folder: paths.dataDirectory.appendingPathComponent("drafts"), instance: UUID(),
                legacy: paths.dataDirectory.appendingPathComponent("wizard-draft.json")),
            settings: settings,
            takeSignal: { terminal.takeSignal() })
        #if DEBUG
            // Test builds only: a crash on demand, to prove the terminal is restored.
            if let delay = environment["CONNECT_TUI_TEST_CRASH_AFTER_MS"].flatMap(Int.init) {
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: Double(delay) / 1000)
                    fatalError("forced crash (CONNECT_TUI_TEST_CRASH_AFTER_MS)")
                }
            }
        #endif
        runtime.run()
        terminal.close()
        // What the status line could show only one of stays readable after the screen is gone.
        for message in messages + runtime.exitMessages { FileHandle.standardError.write(Data("connect-tui: \(message)\n".utf8)) }
        return 0
    }

    static func connect(_ choice: AccountChoice, _ paths: AppPaths, _ sandboxes: SandboxSet) async throws -> Target {
        if choice.origin == .sandbox, let running = sandboxes.running { return running }
        let target = try await Target.connect(choice, paths: paths)
        if target.sandbox != nil { sandboxes.keep(target) }
        return target
    }
}

/// The in-process sandbox, started once however often the user switches to it.
final class SandboxSet: Sendable {
    private let target = Mutex<Target?>(nil)

    var running: Target? { target.withLock { $0 } }

    func keep(_ started: Target) { target.withLock { $0 = started } }

    func stopAll() async {
        if let server = target.withLock({ $0?.sandbox }) { await server.stop() }
    }
}
