import Foundation

/// Where connect-tui keeps its files, following the XDG base directories.
public struct AppPaths: Sendable, Hashable {
    /// `$XDG_CONFIG_HOME/connect-tui` (default `~/.config/connect-tui`).
    public let configDirectory: URL
    /// `$XDG_DATA_HOME/connect-tui` (default `~/.local/share/connect-tui`).
    public let dataDirectory: URL
    /// `$XDG_STATE_HOME/connect-tui` (default `~/.local/state/connect-tui`).
    public let stateDirectory: URL

    /// Paths from an environment (injected, so tests need no real home).
    public init(environment: [String: String]) {
        let home = URL(fileURLWithPath: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory())
        func base(_ variable: String, _ fallback: String) -> URL {
            // The XDG spec says a relative value is invalid and must be ignored.
            if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
            return home.appendingPathComponent(fallback)
        }
        configDirectory = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("connect-tui")
        dataDirectory = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("connect-tui")
        stateDirectory = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("connect-tui")
    }

    /// `config.toml`: accounts, theme, clipboard, keys.
    public var configFile: URL { configDirectory.appendingPathComponent("config.toml") }

    /// The user's own themes.
    public var userThemes: URL { configDirectory.appendingPathComponent("themes") }

    /// The sandbox's database.
    public var sandboxDatabase: URL { dataDirectory.appendingPathComponent("sandbox.sqlite") }
}
