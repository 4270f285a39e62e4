import Foundation
import TerminalKit

/// Which theme the app uses: `--theme`, else `NO_COLOR` (monochrome), else config.toml's
/// `theme`, else dark; looked up in the user's folder, then the shipped one. When it cannot
/// be found or read, the compiled-in dark (or monochrome) with a message.
public enum ThemeChoice {
    public static func choose(
        flag: String?, config: String?, environment: [String: String], userFolder: URL, shippedFolder: URL?
    ) -> (theme: Theme, messages: [String]) {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let wanted = flag ?? (noColor ? "monochrome" : config ?? "dark")
        let catalog = ThemeCatalog(folders: [userFolder] + (shippedFolder.map { [$0] } ?? []))
        switch catalog.load(wanted) {
        case .success(let (theme, problems)):
            return (theme, problems.map(\.description))
        case .failure(let problem):
            let fallback: Theme = wanted == "monochrome" ? .monochrome : .dark
            // The compiled-in themes are copies of the shipped dark and monochrome: without
            // the folder, asking for those loses nothing.
            if shippedFolder == nil, wanted == "dark" || wanted == "monochrome" { return (fallback, []) }
            var message = "\(problem.description); using the built-in \(fallback.name) theme"
            if shippedFolder == nil { message += " (the shipped themes were not found; set CONNECT_TUI_THEMES)" }
            return (fallback, [message])
        }
    }
}
