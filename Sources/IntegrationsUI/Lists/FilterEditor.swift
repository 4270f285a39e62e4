import TerminalKit

/// A list's filter being edited (`/`): one text field, then choices stepped with ←/→. Every
/// list's filter describes itself in these terms, so one editor (and one view) serves all.
public struct FilterEditor: Sendable, Hashable {
    /// One value a choice can take: what the filter stores (nil: any) and its title.
    public struct Option: Sendable, Hashable {
        public var id: String?
        public var title: String

        public init(_ id: String?, _ title: String) {
            self.id = id
            self.title = title
        }
    }

    public struct Choice: Sendable, Hashable {
        public var label: String
        public var options: [Option]
        public var selected: Int

        /// A choice showing `id` (or "Any" when it is not among the options).
        public init(_ label: String, _ options: [Option], selected id: String?) {
            self.label = label
            self.options = [Option(nil, "Any")] + options
            self.selected = self.options.firstIndex { $0.id == id } ?? 0
        }

        public var value: String? { options[selected].id }
    }

    /// "Filter tokens".
    public var title: String
    /// "Name", "Search".
    public var textLabel: String
    /// What the text matches, when it needs saying.
    public var note: String?
    public var text: TextField
    public var choices: [Choice]
    /// 0 is the text field, then each choice.
    public var field = 0

    public init(title: String, textLabel: String, note: String? = nil, text: String, choices: [Choice]) {
        self.title = title
        self.textLabel = textLabel
        self.note = note
        self.text = TextField(text)
        self.choices = choices
    }

    public var onText: Bool { field == 0 }

    /// The value of the choice labelled `label`.
    public func value(_ label: String) -> String? { choices.first { $0.label == label }?.value }

    mutating func moveField(by step: Int) {
        let count = choices.count + 1
        field = (field + step + count) % count
    }

    /// Steps the focused choice; the text is edited by typing instead.
    mutating func cycle(forward: Bool) {
        guard !onText else { return }
        let count = choices[field - 1].options.count
        choices[field - 1].selected = (choices[field - 1].selected + (forward ? 1 : -1) + count) % count
    }
}
