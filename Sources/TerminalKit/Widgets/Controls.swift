extension Screen {
    /// Tabs in a row: `GENERAL  PERMISSIONS`, the selected one underlined and bold.
    public mutating func drawTabs(_ titles: [String], selected: Int, x: Int, y: Int, maxWidth: Int) {
        var column = x
        for (index, title) in titles.enumerated() {
            let style = index == selected ? Style(.accent, bold: true, underline: true) : Style(.muted)
            column += put(title, x: column, y: y, style: style, maxWidth: x + maxWidth - column)
            column += put("   ", x: column, y: y, maxWidth: x + maxWidth - column)
        }
    }

    /// Key hints: `Enter open  r refresh  ? help`, as many as fit.
    public mutating func drawHints(_ hints: [KeyHint], x: Int, y: Int, maxWidth: Int) {
        var column = x
        for item in hints {
            let (key, hint) = (item.key, item.hint)
            let needed = key.displayWidth + 1 + hint.displayWidth
            guard column + needed <= x + maxWidth else { break }
            column += put(key, x: column, y: y, style: Style(.keyHint))
            column += put(" " + hint + "  ", x: column, y: y, style: Style(.muted), maxWidth: x + maxWidth - column)
        }
    }

    /// A button: `[ CANCEL ]`, reversed when focused.
    @discardableResult
    public mutating func drawButton(_ title: String, x: Int, y: Int, focused: Bool, primary: Bool = false) -> Int {
        let style = focused ? Style(primary ? .accent : .text, bold: true, reverse: true) : Style(primary ? .accent : .text, bold: primary)
        return put("[ \(title) ]", x: x, y: y, style: style)
    }

    /// A one-line text field with its cursor (shown as a reversed cell when focused).
    public mutating func drawTextField(_ field: TextField, x: Int, y: Int, width: Int, focused: Bool) {
        guard width > 0 else { return }
        let characters = field.characters
        // Scroll so the cursor stays in view: walk back from it while the text fits, leaving
        // a cell for the cursor. Linear, however long the text.
        var start = field.cursor
        var used = 0
        while start > 0 {
            let next = DisplayWidth.of(characters[start - 1])
            guard used + next < width else { break }
            used += next
            start -= 1
        }
        // Only what can show is drawn (zero-width characters aside, at most `width` of them).
        let visible = String(characters[start..<min(characters.count, start + width * 2 + 8)])
        fill(Rect(x: x, y: y, width: width, height: 1), style: Style(.field, underline: true))
        put(visible, x: x, y: y, style: Style(.field, underline: true), maxWidth: width)
        if focused {
            let cursorX = x + used
            if cursorX < x + width { self[cursorX, y].style = Style(.text, reverse: true) }
        }
    }
}

/// Frames of a small spinner, one per tick.
public enum Spinner {
    public static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    public static func frame(_ tick: Int) -> String { frames[abs(tick) % frames.count] }
}

/// An editable line of text with a cursor, counted in characters. It holds at most `limit`
/// characters: typing past it does nothing, and a paste that would pass it is refused whole,
/// so no key or paste costs more than the field's size.
public struct TextField: Sendable, Hashable {
    /// The most any field holds unless it says otherwise (the longest API field is a 4096
    /// character URL).
    public static let defaultLimit = 4096

    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public let limit: Int

    public init(_ text: String = "", limit: Int = TextField.defaultLimit) {
        self.limit = max(1, limit)
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// What a paste of `pasted` would insert: one line, controls dropped (a newline or tab
    /// becomes a space), or nil when it would not fit in what the field has left.
    public func pasteText(_ pasted: String) -> [Character]? {
        var inserted: [Character] = []
        inserted.reserveCapacity(min(pasted.count, limit))
        for character in pasted {
            if inserted.count + characters.count > limit { return nil }
            if character == "\n" || character == "\r\n" || character == "\r" || character == "\t" {
                inserted.append(" ")
            } else if !character.unicodeScalars.contains(where: { SafeText.needsEscape($0) }) {
                inserted.append(character)
            }
        }
        return inserted.count + characters.count > limit ? nil : inserted
    }

    /// Applies an editing key; returns false when the key is not an edit. A paste that does
    /// not fit changes nothing and returns false (see `pasteText`). Typed characters insert;
    /// the other edits are what `keymap` binds.
    public mutating func handle(_ key: Key, keymap: Keymap<TextEdit> = TextEdit.keymap) -> Bool {
        if let edit = keymap.command(for: key) {
            apply(edit)
            return true
        }
        switch key {
        case .character(let character):
            guard characters.count < limit else { return true }
            characters.insert(character, at: cursor)
            cursor += 1
        case .paste(let pasted):
            guard let inserted = pasteText(pasted) else { return false }
            characters.insert(contentsOf: inserted, at: cursor)
            cursor += inserted.count
        case .control, .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .pageUp,
            .pageDown, .home, .end, .function, .mouse, .resize, .unknown:
            return false
        }
        return true
    }

    public mutating func apply(_ edit: TextEdit) {
        switch edit {
        case .deleteBackward:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .start: cursor = 0
        case .end: cursor = characters.count
        case .deleteToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteToEnd: characters.removeSubrange(cursor..<characters.count)
        }
    }
}

/// What a key does in a text field (typing aside).
public enum TextEdit: String, KeyCommand, CaseIterable {
    case left, right, start, end
    case deleteBackward = "delete-backward"
    case deleteForward = "delete-forward"
    case deleteToStart = "delete-to-start"
    case deleteToEnd = "delete-to-end"

    /// The default editing keys of every text field.
    public static let keymap = Keymap<TextEdit>("text", "Text fields", [
        KeyBinding([.left], .left, help: "cursor left"),
        KeyBinding([.right], .right, help: "cursor right"),
        KeyBinding([.home, .control("a")], .start, help: "to the start"),
        KeyBinding([.end, .control("e")], .end, help: "to the end"),
        KeyBinding([.backspace], .deleteBackward, help: "delete the character before the cursor"),
        KeyBinding([.delete], .deleteForward, help: "delete the character under the cursor"),
        KeyBinding([.control("u")], .deleteToStart, help: "delete to the start"),
        KeyBinding([.control("k")], .deleteToEnd, help: "delete to the end"),
    ])
}
