import CNcurses
import Foundation
import TerminalKit

/// The real terminal, through ncursesw: the only code in connect-tui that touches curses.
///
/// Starts in cbreak mode (so Ctrl-Z suspends and Ctrl-C reaches the app as a signal), on the
/// alternate screen, cursor hidden, mouse clicks on; draws only cells that changed; restores
/// everything in `close()`, and on a crash through the shim's signal handler.
public final class CursesTerminal: Terminal {
    /// Why the terminal cannot be used.
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case unknownTerminal(String)
        case cannotAddressCursor(String)

        public var description: String {
            switch self {
            case .notATerminal:
                "connect-tui needs a terminal: standard input and output must be a TTY (for scripts, see `connect-tui --help`)"
            case .unknownTerminal(let term):
                "the terminal type \"\(term)\" is unknown; set TERM to one this system knows, such as xterm-256color"
            case .cannotAddressCursor(let term):
                "the terminal type \"\(term)\" cannot move the cursor; connect-tui needs a full-screen terminal such as xterm-256color"
            }
        }
    }

    private let screenHandle: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Screen?
    private let palette: Palette
    private var closed = false
    /// A pipe whose write end wakes a waiting `readKey` (an answer for the loop arrived).
    private let wakePipe: (read: Int32, write: Int32)

    /// The ncurses version in use, e.g. `ncurses 6.4.20221231`.
    public static var libraryVersion: String { String(cString: curses_version()) }

    /// The input went away (hang-up on the terminal).
    private var hungUp = false

    /// `mouse: false` leaves the mouse to the terminal (its own selection and copy).
    public init(theme: Theme, mouse: Bool = true) throws {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        }
        wakePipe = (fds[0], fds[1])
        guard isatty(0) == 1, isatty(1) == 1 else { throw StartError.notATerminal }
        _ = cn_setlocale_all()
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, let handle = cn_newterm() else { throw StartError.unknownTerminal(term) }
        screenHandle = handle
        _ = set_term(handle)
        guard cn_can_address_cursor() != 0 else {
            endwin()
            delscreen(handle)
            throw StartError.cannotAddressCursor(term)
        }
        window = cn_stdscr()!
        cbreak()
        cn_disable_flow_control()
        noecho()
        nonl()
        keypad(window, true)
        _ = cn_set_escdelay(25)
        curs_set(0)
        scrollok(window, false)
        if mouse { mousemask(cn_mouse_events(), nil) }
        mouseinterval(0)
        palette = Palette(theme: theme)
        cn_install_signal_handlers()
        // Bracketed paste: the terminal marks pasted text, which arrives as one `.paste`
        // instead of keys. Off again on exit, and around Ctrl-Z (the shim wraps curses'
        // suspend handler).
        _ = define_key(Self.pasteStartSequence, Self.pasteStartCode)
        _ = define_key(Self.pasteEndSequence, Self.pasteEndCode)
        cn_wrap_suspend_for_bracketed_paste()
        sendControlSequence(Array(Self.bracketedPasteOn.utf8))
    }

    static let bracketedPasteOn = "\u{1b}[?2004h"
    static let bracketedPasteOff = "\u{1b}[?2004l"
    static let pasteStartSequence = "\u{1b}[200~"
    static let pasteEndSequence = "\u{1b}[201~"
    static let pasteStartCode: Int32 = 0x3E8
    static let pasteEndCode: Int32 = 0x3E9
    /// A paste longer than this many characters is cut here (the rest is read and dropped);
    /// no field takes anywhere near as much.
    static let pasteLimit = 1 << 20

    deinit { close() }

    /// Gives the terminal back as it was: attributes, cursor, main screen, mouse off.
    public func close() {
        guard !closed else { return }
        closed = true
        sendControlSequence(Array(Self.bracketedPasteOff.utf8))
        mousemask(0, nil)
        curs_set(1)
        endwin()
        delscreen(screenHandle)
        _ = cn_close_descriptor(wakePipe.read)
        _ = cn_close_descriptor(wakePipe.write)
    }

    /// Makes a waiting `readKey` return at once; safe from any thread.
    public var waker: (@Sendable () -> Void)? {
        let fd = wakePipe.write
        guard fd >= 0 else { return nil }
        return {
            var byte: UInt8 = 1
            _ = write(fd, &byte, 1)
        }
    }

    public var size: TerminalSize { TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window))) }

    /// A stop signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) that arrived since the last call; a
    /// terminal that went away (its window closed, the SSH connection dropped, no SIGHUP
    /// delivered) counts as SIGHUP, so the app stops instead of spinning on a dead input.
    public func takeSignal() -> Int32? {
        let number = cn_take_signal()
        if number != 0 { return number }
        return hungUp ? SIGHUP : nil
    }

    public func draw(_ screen: Screen) {
        if previous?.size != screen.size { werase(window) }
        var lastStyle: Style?
        for (x, y) in screen.changes(from: previous) {
            let cell = screen[x, y]
            if cell.text.isEmpty { continue }  // the right half of a wide character
            if cell.style != lastStyle {
                palette.apply(cell.style, to: window)
                lastStyle = cell.style
            }
            wmove(window, Int32(y), Int32(x))
            _ = waddnstr(window, cell.text, -1)
        }
        wnoutrefresh(window)
        doupdate()
        previous = screen
    }

    /// Forgets what is on screen so the next `draw` sends everything (after a resize or resume).
    public func invalidate() {
        previous = nil
        clearok(window, true)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        // A key curses already holds (the rest of a paste) comes first; otherwise wait for
        // input, a wake-up or the timeout, whichever is first. A signal (a resize) ends the
        // wait too, and curses then reports it.
        if let key = nextKey(timeoutMilliseconds: 0) { return key }
        guard wakePipe.read >= 0 else { return nextKey(timeoutMilliseconds: timeoutMilliseconds) }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 2, Int32(timeoutMilliseconds))
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { hungUp = true }
        if fds[1].revents != 0 {
            var sink = [UInt8](repeating: 0, count: 64)
            while read(wakePipe.read, &sink, sink.count) > 0 {}
        }
        return nextKey(timeoutMilliseconds: 0)
    }

    public func discardPendingInput() { flushinp() }

    /// The text between the paste markers, read whole (linear in its length). A paste whose
    /// end marker never comes ends after a second without input.
    private func readPaste() -> Key {
        var text = String.UnicodeScalarView()
        var count = 0
        while true {
            wtimeout(window, 1000)
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == KEY_CODE_YES {
                if Int32(character) == Self.pasteEndCode { break }
                continue  // an escape sequence inside the paste: not text
            }
            guard result == OK else { break }
            count += 1
            guard count <= Self.pasteLimit else { continue }
            let value = character == 13 ? 10 : UInt32(character)
            if let scalar = UnicodeScalar(value) { text.append(scalar) }
        }
        return .paste(String(text))
    }

    private func nextKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == KEY_CODE_YES { return functionKey(Int32(character)) }
        guard result == OK else { return nil }
        switch character {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(UInt8(character) + 96)))
        default:
            guard let scalar = UnicodeScalar(UInt32(character)) else { return .unknown(Int(character)) }
            return .character(Character(scalar))
        }
    }

    private func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case Self.pasteStartCode: return readPaste()
        case Self.pasteEndCode: return .unknown(Int(code))
        case cn_key_resize():
            invalidate()
            return .resize
        case cn_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .unknown(Int(code)) }
            let kind: MouseEvent.Kind
            if cn_wheel_up(event.bstate) != 0 {
                kind = .wheelUp
            } else if cn_wheel_down(event.bstate) != 0 {
                kind = .wheelDown
            } else if cn_is_button1(event.bstate) != 0 {
                kind = .press
            } else {
                return .unknown(Int(code))
            }
            return .mouse(MouseEvent(x: Int(event.x), y: Int(event.y), kind: kind))
        case KEY_F0 + 1...KEY_F0 + 24: return .function(Int(code - KEY_F0))
        default: return .unknown(Int(code))
        }
    }

    public func sendControlSequence(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBufferPointer { write(1, $0.baseAddress, $0.count) }
    }
}
