import ConnectCore
import Foundation

/// Copying text: the OSC 52 escape to the terminal (works over SSH and in tmux), and the
/// desktop's clipboard tool when there is one and the session is local.
public struct Clipboard: Sendable {
    /// The most text sent through OSC 52; terminals drop longer sequences.
    public static let osc52Limit = 74_994

    let environment: [String: String]
    let findTool: @Sendable (String) -> String?
    /// Which ways are used: both (auto), only the escape, only the tool, or none.
    let mode: AppConfig.ClipboardMode

    public init(environment: [String: String], mode: AppConfig.ClipboardMode = .auto, findTool: @escaping @Sendable (String) -> String? = Clipboard.which) {
        self.environment = environment
        self.mode = mode
        self.findTool = findTool
    }

    /// The OSC 52 sequence that puts `text` on the clipboard; nil when it is too long.
    ///
    /// Inside tmux the plain sequence is right: tmux (with `set-clipboard on`, its default
    /// `external` or `on`) stores it and passes it to the outer terminal. GNU screen does not
    /// know OSC 52, so there it is wrapped in screen's DCS passthrough.
    public func osc52(_ text: String) -> [UInt8]? {
        guard mode == .auto || mode == .osc52 else { return nil }
        let encoded = Data(text.utf8).base64EncodedString()
        guard encoded.utf8.count <= Self.osc52Limit else { return nil }
        let plain = "\u{1b}]52;c;\(encoded)\u{07}"
        let term = environment["TERM"] ?? ""
        if environment["TMUX"] == nil, term.hasPrefix("screen") {
            return Array("\u{1b}P\(plain)\u{1b}\\".utf8)
        }
        return Array(plain.utf8)
    }

    /// Whether the session runs over SSH, where a local clipboard tool would fill the wrong
    /// machine's clipboard.
    public var isRemote: Bool {
        ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"].contains { environment[$0]?.isEmpty == false }
    }

    /// The desktop clipboard command for this session, if any: Wayland, X11, macOS.
    public var nativeTool: [String]? {
        guard mode == .native || (mode == .auto && !isRemote) else { return nil }
        if environment["WAYLAND_DISPLAY"]?.isEmpty == false, let path = findTool("wl-copy") { return [path] }
        if environment["DISPLAY"]?.isEmpty == false {
            if let path = findTool("xclip") { return [path, "-selection", "clipboard"] }
            if let path = findTool("xsel") { return [path, "--clipboard", "--input"] }
        }
        if let path = findTool("pbcopy") { return [path] }
        return nil
    }

    /// Hands `text` to the native tool on its standard input (never its arguments, which any
    /// user can read in the process list). Returns the tool's name when it succeeded.
    public func copyNatively(_ text: String) -> String? {
        guard let command = nativeTool else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
        } catch {
            return nil
        }
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            // wl-copy and xclip keep serving the selection in the background; that is success.
            return URL(fileURLWithPath: command[0]).lastPathComponent
        }
        return process.terminationStatus == 0 ? URL(fileURLWithPath: command[0]).lastPathComponent : nil
    }

    /// The full path of an executable on `PATH`.
    public static let which: @Sendable (String) -> String? = { name in
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
