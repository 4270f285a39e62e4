import Foundation

/// A program running in its own tmux server, driven by keys and read from the screen, as a
/// person would use it. Waits are for text with a deadline, never fixed sleeps.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    public let name = "e2e"

    /// Starts `command` in a new `columns`×`rows` window of a private tmux server.
    public init(command: String, columns: Int = 120, rows: Int = 40, options: [String] = ["set-clipboard on"]) throws {
        socket = "connect-tui-e2e-\(UUID().uuidString.prefix(8))"
        // The server this forks keeps whatever output it inherits open: give it none.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command], captureOutput: false)
        for option in options {
            try tmux(["set-option", "-g"] + option.split(separator: " ").map(String.init))
        }
    }

    deinit { try? tmux(["kill-server"]) }

    /// Whether tmux is installed.
    public static var isAvailable: Bool { Clipboardless.which("tmux") != nil }

    @discardableResult
    public func tmux(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        let (status, text) = Self.spawn(
            // -u: UTF-8 whatever the test process's locale says (tmux decides from the client's).
            [Clipboardless.which("tmux") ?? "/usr/bin/tmux", "-u", "-L", socket] + arguments, captureOutput: captureOutput)
        guard status == 0 else {
            struct Failed: Error, CustomStringConvertible { let description: String }
            throw Failed(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
        return text
    }

    /// Runs a program to completion with posix_spawn and waitpid. Output goes to a file, not a
    /// pipe: the server `new-session` forks would hold a pipe open forever. (Foundation's
    /// Process did not notice these exits inside async tests.)
    public static func spawn(_ command: [String], captureOutput: Bool) -> (Int32, String) {
        let outputPath = captureOutput ? NSTemporaryDirectory() + "tmux-\(UUID().uuidString).out" : "/dev/null"
        defer { if captureOutput { unlink(outputPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // No signal blocked in it, whatever this test thread blocks: the server tmux forks, and
        // so the app under test, would inherit the mask, and run unlike it does for a user.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, command[0], &actions, &attributes, arguments, environ)
        guard started == 0 else { return (-1, "could not start \(command[0]): error \(started)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let text = captureOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : -1, text)
    }

    /// Presses keys by tmux's names: "Enter", "Escape", "Down", or single characters.
    public func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// Types text literally.
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// Pastes text as a terminal does when the app asked for bracketed paste (and as plain
    /// input when it did not).
    public func paste(_ text: String) throws {
        let file = NSTemporaryDirectory() + "paste-\(UUID().uuidString)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        defer { unlink(file) }
        try tmux(["load-buffer", "-b", "paste", file])
        try tmux(["paste-buffer", "-p", "-d", "-b", "paste", "-t", name])
    }

    /// What the window shows now.
    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Waits until the screen shows `text`; fails with the screen after `timeout`.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `condition` holds for the screen.
    @discardableResult
    public func waitUntil(_ what: String, timeout: Duration = .seconds(20), _ condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            last = try screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        struct Timeout: Error, CustomStringConvertible { let description: String }
        throw Timeout(description: "waited \(timeout) for \(what); the screen was:\n\(last)")
    }

    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// tmux's newest paste buffer (what OSC 52 put there).
    public func buffer() throws -> String { try tmux(["show-buffer"]) }

    /// The pane's title (what an OSC 0/2 sequence would change).
    public func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", name, "#{pane_title}"]).trimmingCharacters(in: .newlines)
    }
}

/// Finding programs without pulling in the app's clipboard code.
enum Clipboardless {
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        return nil
    }
}
