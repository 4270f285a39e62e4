/// A key press (or mouse click, or resize) as the app sees it, decoded from whatever the
/// terminal sent.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    /// Ctrl with a letter: `.control("b")` for Ctrl-B.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    case mouse(MouseEvent)
    /// Text the terminal marked as pasted (bracketed paste): it goes into a text field whole
    /// and is never read as keys.
    case paste(String)
    case resize
    case unknown(Int)

    /// How the key is written in help: `↑`, `Ctrl-B`, `PgDn`, `q`.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-\(character.uppercased())"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .function(let number): "F\(number)"
        case .mouse: "click"
        case .paste: "paste"
        case .resize: "resize"
        case .unknown(let code): "key \(code)"
        }
    }
}

/// A mouse click at a cell.
public struct MouseEvent: Sendable, Hashable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// One binding: the keys that do something, and how help names it.
public struct KeyBinding<Command: Hashable & Sendable>: Sendable, Hashable {
    public var keys: [Key]
    public var command: Command
    /// What the footer shows ("open"); empty keeps the binding out of the footer.
    public var hint: String
    /// What the `?` overlay says.
    public var help: String

    public init(_ keys: [Key], _ command: Command, hint: String = "", help: String) {
        self.keys = keys
        self.command = command
        self.hint = hint
        self.help = help
    }

    /// "↑/k".
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}

/// The bindings of one context (global, a list, the details view), in help order.
public struct Keymap<Command: Hashable & Sendable>: Sendable {
    public var title: String
    public var bindings: [KeyBinding<Command>]

    public init(_ title: String, _ bindings: [KeyBinding<Command>]) {
        self.title = title
        self.bindings = bindings
    }

    /// The command bound to `key`, if any.
    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// Footer hints: "Enter open  . actions  r refresh".
    public var hints: [(key: String, hint: String)] {
        bindings.filter { !$0.hint.isEmpty }.map { (key: $0.keys.first?.description ?? "", hint: $0.hint) }
    }
}

extension Key {
    /// A key as a config file names it: `q`, `G`, `space`, `ctrl-r`, `f5`, `enter`, `esc`,
    /// `tab`, `shift-tab`, `up`, `pgdn`, `home`, `backspace`, `delete`.
    public init?(configName: String) {
        let name = String(configName.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if name.count == 1, let character = name.first, !character.isWhitespace, character.isASCII, !(character.asciiValue.map { $0 < 32 || $0 == 127 } ?? true) {
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, letter.isLetter, letter.isASCII {
            self = .control(letter)
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            self = .function(number)
            return
        }
        let named: [String: Key] = [
            "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "shift-tab": .backTab, "backspace": .backspace, "delete": .delete, "del": .delete,
            "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp,
            "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
        ]
        guard let key = named[lower] else { return nil }
        self = key
    }
}
