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

/// A mouse click, or a turn of the wheel, at a cell.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case press, wheelUp, wheelDown
    }

    public var x: Int
    public var y: Int
    public var kind: Kind

    public init(x: Int, y: Int, kind: Kind = .press) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}

/// One binding: the keys that do something, and how help names it.
public struct KeyBinding<Command: KeyCommand>: Sendable, Hashable {
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

/// A command a keymap binds: its name in a config file's `[keys]` table.
public protocol KeyCommand: Hashable, Sendable {
    /// `next-page`, `quit`: what `[keys]` rebinds.
    var configName: String { get }
}

extension KeyCommand where Self: RawRepresentable, RawValue == String {
    /// A command named by its raw value (`case nextPage = "next-page"`).
    public var configName: String { rawValue }
}

/// The bindings of one context (global, a list, the details view, a dialog), in help order.
public struct Keymap<Command: KeyCommand>: Sendable, Hashable {
    /// The context's name in a config file: `[keys.dialog]`.
    public var name: String
    /// How help titles the context.
    public var title: String
    public var bindings: [KeyBinding<Command>]

    public init(_ name: String, _ title: String, _ bindings: [KeyBinding<Command>]) {
        self.name = name
        self.title = title
        self.bindings = bindings
    }

    /// The command bound to `key`, if any.
    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// The name of the first key bound to `command` ("Enter", "Ctrl-B"), for hints and
    /// button labels; "" when it has none.
    public func label(_ command: Command) -> String {
        bindings.first { $0.command == command }?.keys.first?.description ?? ""
    }

    /// The first key bound to `command`: what a click on its button presses.
    public func key(_ command: Command) -> Key? {
        bindings.first { $0.command == command }?.keys.first
    }

    /// Footer hints: "Enter open  . actions  r refresh".
    public var hints: [KeyHint] {
        bindings.filter { !$0.hint.isEmpty }.map { KeyHint(key: $0.keys.first?.description ?? "", hint: $0.hint) }
    }

    /// The context for help, whatever its commands.
    public var summary: KeymapSummary {
        KeymapSummary(name: name, title: title, rows: bindings.map { KeymapSummary.Row(keys: $0.keyLabel, help: $0.help) })
    }

    /// The bindings with `[keys]` changes applied: `changes` maps a command's config name to
    /// the keys it gets instead of its defaults. A key another command of this context already
    /// uses is refused (that binding stays), and said in the returned problems.
    public func rebinding(_ changes: [String: [Key]]) -> (Keymap, [String]) {
        var result = self
        var problems: [String] = []
        for (name, keys) in changes.sorted(by: { $0.key < $1.key }) {
            guard let index = result.bindings.firstIndex(where: { $0.command.configName == name }) else { continue }
            let clash = keys.lazy.compactMap { key in
                result.bindings.first { $0.command.configName != name && $0.keys.contains(key) }.map { (key, $0) }
            }.first
            if let (key, other) = clash {
                problems.append("\(name): \(key) already does \(other.command.configName) in \(title) ([keys.\(self.name)]); unchanged there")
                continue
            }
            result.bindings[index].keys = keys
        }
        return (result, problems)
    }
}

/// One footer hint: a key's name and what it does.
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var hint: String

    public init(key: String, hint: String) {
        self.key = key
        self.hint = hint
    }
}

/// A keymap's rows as help shows them, whatever its command type.
public struct KeymapSummary: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var keys: String
        public var help: String
    }

    public var name: String
    public var title: String
    public var rows: [Row]
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
