import ConnectCore
import Foundation
import IntegrationsUI
import TerminalKit

/// Picks the theme: `--theme`, else `NO_COLOR` (monochrome), else config.toml's `theme`, else
/// dark. Looks in the user's themes folder, then the shipped `themes/`.
enum Themes {
    static func choose(flag: String?, config: String?, environment: [String: String], paths: AppPaths) -> (theme: Theme, messages: [String]) {
        ThemeChoice.choose(flag: flag, config: config, environment: environment, userFolder: paths.userThemes, shippedFolder: shippedFolder(environment: environment))
    }

    /// The shipped themes: `$CONNECT_TUI_THEMES`, the share folder of an installation
    /// (`…/bin/connect-tui` → `…/share/connect-tui/themes`), or the checkout's `themes/`
    /// above the binary when it runs from `.build` (`swift run`).
    static func shippedFolder(environment: [String: String]) -> URL? {
        func holdsThemes(_ folder: URL) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("dark.toml").path) }
        if let set = environment["CONNECT_TUI_THEMES"], !set.isEmpty {
            return URL(fileURLWithPath: set)
        }
        if let installed = Installation.shareFolder?.appendingPathComponent("themes"), holdsThemes(installed) { return installed }
        var folder = Installation.executable.deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("themes")
            if holdsThemes(candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
