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
    /// Runs a clipboard tool: its arguments and standard input; its output, nil on failure.
    let run: Runner

    public typealias Runner = @Sendable (_ command: [String], _ input: String?) -> String?

    public init(
        environment: [String: String], mode: AppConfig.ClipboardMode = .auto,
        findTool: @escaping @Sendable (String) -> String? = Clipboard.which, run: @escaping Runner = Clipboard.runTool
    ) {
        self.environment = environment
        self.mode = mode
        self.findTool = findTool
        self.run = run
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
        guard let command = nativeTool, run(command, text) != nil else { return nil }
        return URL(fileURLWithPath: command[0]).lastPathComponent
    }

    /// What the clipboard holds now, where that can be read: the desktop's paste tool, or
    /// tmux's buffer (which OSC 52 fills inside tmux). nil when it cannot be known.
    public func readBack() -> String? {
        if let copier = nativeTool {
            let tool = URL(fileURLWithPath: copier[0]).lastPathComponent
            let paste: [String: (String, [String])] = [
                "wl-copy": ("wl-paste", ["--no-newline"]), "xclip": ("xclip", ["-selection", "clipboard", "-o"]),
                "xsel": ("xsel", ["--clipboard", "--output"]), "pbcopy": ("pbpaste", []),
            ]
            if let (name, arguments) = paste[tool], let path = findTool(name) { return run([path] + arguments, nil) }
        }
        if environment["TMUX"] != nil, mode != .native, let tmux = findTool("tmux") { return run([tmux, "show-buffer"], nil) }
        return nil
    }

    /// How clearing a copied secret ended.
    public enum ClearOutcome: Sendable, Hashable {
        /// It was there and is gone; the OSC 52 sequence that empties the terminal's clipboard
        /// is for the UI loop to write.
        case cleared(osc52: [UInt8]?)
        /// The user copied something else since: left alone.
        case replaced
        /// The clipboard cannot be read here, so it is left alone.
        case unknown
    }

    /// Empties the clipboard only if it still holds `secret`.
    public func clear(ifStillHolding secret: Secret) -> ClearOutcome {
        guard let now = readBack() else { return .unknown }
        guard now == secret.unmaskedValue else { return .replaced }
        if nativeTool != nil { _ = copyNatively("") }
        if environment["TMUX"] != nil, let tmux = findTool("tmux") { _ = run([tmux, "delete-buffer"], nil) }
        return .cleared(osc52: osc52(""))
    }

    /// Runs a tool through the one spawner (no signal blocked in it): text handed to a copy
    /// tool, which may stay behind to serve the selection (xclip, wl-copy); a paste tool's
    /// output, within two seconds.
    public static let runTool: Runner = { command, input in
        guard let input else { return KeyCommand.output(of: command, timeout: .seconds(2)) }
        return KeyCommand.hand(input, to: command) ? "" : nil
    }

    /// The full path of an executable on this process's `PATH`.
    public static let which: @Sendable (String) -> String? = { KeyCommand.locate($0, path: ProcessInfo.processInfo.environment["PATH"]) }
}
