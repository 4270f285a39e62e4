/// What the app needs from a terminal: its size, a way to show a screen, keys, and the
/// clipboard escape. `CursesTerminal` is the real one; `MemoryTerminal` serves tests.
public protocol Terminal: AnyObject {
    var size: TerminalSize { get }
    /// Shows `screen`, sending only what changed since the last one.
    func draw(_ screen: Screen)
    /// The next key, waiting at most `timeoutMilliseconds`; nil when none came.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Sends bytes that are not drawing (an OSC 52 clipboard write) straight to the terminal.
    func sendControlSequence(_ bytes: [UInt8])
    /// Something any thread may call to end a `readKey` wait early; nil when waits cannot
    /// be cut short.
    var waker: (@Sendable () -> Void)? { get }
    /// Throws away input that arrived but was not read yet (typed ahead, or the rest of a
    /// paste), so a dialog that just appeared is answered only by a key pressed after it.
    func discardPendingInput()
}

extension Terminal {
    public var waker: (@Sendable () -> Void)? { nil }
    public func discardPendingInput() {}
}

/// A terminal in memory: keeps what was drawn and hands out queued keys.
public final class MemoryTerminal: Terminal {
    public var size: TerminalSize
    public private(set) var screens: [Screen] = []
    public private(set) var controlSequences: [[UInt8]] = []
    public var keys: [Key]

    public init(size: TerminalSize, keys: [Key] = []) {
        self.size = size
        self.keys = keys
    }

    /// The last screen drawn.
    public var screen: Screen? { screens.last }

    public func draw(_ screen: Screen) { screens.append(screen) }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        keys.isEmpty ? nil : keys.removeFirst()
    }

    public func sendControlSequence(_ bytes: [UInt8]) { controlSequences.append(bytes) }

    public func discardPendingInput() { keys.removeAll() }
}
