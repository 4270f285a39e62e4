import CNcurses
import TerminalKit

/// The ncursesw library connect-tui draws with. The only target that imports curses.
public enum CursesLibrary {
    /// The ncurses version string, e.g. `ncurses 6.4.20221231`.
    public static var version: String { String(cString: curses_version()) }
}
