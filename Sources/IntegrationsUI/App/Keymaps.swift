import TerminalKit

/// What a key can mean; keymaps bind keys to these, and help is generated from the bindings.
public enum Command: Sendable, Hashable {
    case showPane(Pane), nextPane, previousPane, help, quit, back, refresh, retryFailed, filter, switchAccount
    case up, down, pageUp, pageDown, first, last, previousPage, nextPage
    case open, actions, create, copy, rowsPerPage, columns
    case previousTab, nextTab, edit, reveal, tokensOfExtension, trigger
}

extension Command {
    /// The name a config file's `[keys]` table uses: `quit`, `next-page`, `pane-tokens`.
    public var configName: String {
        switch self {
        case .showPane(let pane): "pane-\(pane.title.lowercased())"
        case .nextPane: "next-pane"
        case .previousPane: "previous-pane"
        case .help: "help"
        case .quit: "quit"
        case .back: "back"
        case .refresh: "refresh"
        case .retryFailed: "retry"
        case .filter: "filter"
        case .switchAccount: "switch-account"
        case .up: "up"
        case .down: "down"
        case .pageUp: "page-up"
        case .pageDown: "page-down"
        case .first: "first"
        case .last: "last"
        case .previousPage: "previous-page"
        case .nextPage: "next-page"
        case .open: "open"
        case .actions: "actions"
        case .create: "create"
        case .copy: "copy"
        case .rowsPerPage: "rows-per-page"
        case .columns: "columns"
        case .previousTab: "previous-tab"
        case .nextTab: "next-tab"
        case .edit: "edit"
        case .reveal: "reveal"
        case .tokensOfExtension: "tokens-of-extension"
        case .trigger: "trigger"
        }
    }
}

/// Every context's bindings; the state holds one, so the config can change them.
public struct KeymapSet: Sendable {
    public var global: Keymap<Command>
    public var tokenList: Keymap<Command>
    public var details: Keymap<Command>
    public var webhookList: Keymap<Command>
    public var webhookDetails: Keymap<Command>
    public var extensions: Keymap<Command>
    public var general: Keymap<Command>

    public static let defaults = KeymapSet(
        global: Keymaps.global, tokenList: Keymaps.tokenList, details: Keymaps.details,
        webhookList: Keymaps.webhookList, webhookDetails: Keymaps.webhookDetails,
        extensions: Keymaps.extensions, general: Keymaps.general)

    /// Every context, for the `?` overlay.
    public var all: [Keymap<Command>] { [global, tokenList, details, webhookList, webhookDetails, extensions, general] }

    private var contexts: [WritableKeyPath<KeymapSet, Keymap<Command>>] {
        [\.global, \.tokenList, \.details, \.webhookList, \.webhookDetails, \.extensions, \.general]
    }

    /// The bindings with a config's `[keys]` applied: each named command gets the keys given
    /// instead of its defaults, in every context that has it. A name that is no command, a
    /// key that is no key, or a key another command of the same context already uses is left
    /// out, with a message (`where` says which file and line).
    public func rebinding(_ keys: [String: [String]], where location: (String) -> String) -> (KeymapSet, [String]) {
        var result = self
        var problems: [String] = []
        let known = Set(contexts.flatMap { self[keyPath: $0].bindings.map(\.command.configName) })
        for (name, keyNames) in keys.sorted(by: { $0.key < $1.key }) {
            guard known.contains(name) else {
                problems.append("\(location(name)): keys.\(name): not a command; see the names in the README")
                continue
            }
            var parsed: [Key] = []
            for keyName in keyNames {
                guard let key = Key(configName: keyName) else {
                    problems.append("\(location(name)): keys.\(name): \"\(keyName)\" is not a key (try \"x\", \"ctrl-r\", \"f5\", \"pgdn\")")
                    continue
                }
                parsed.append(key)
            }
            guard !parsed.isEmpty else { continue }
            for context in contexts {
                var keymap = result[keyPath: context]
                guard let index = keymap.bindings.firstIndex(where: { $0.command.configName == name }) else { continue }
                let clashes = parsed.compactMap { key in
                    keymap.bindings.first { $0.command.configName != name && $0.keys.contains(key) }.map { (key, $0) }
                }
                if let (key, other) = clashes.first {
                    problems.append("\(location(name)): keys.\(name): \(key) already does \(other.command.configName) in \(keymap.title); unchanged there")
                    continue
                }
                keymap.bindings[index].keys = parsed
                result[keyPath: context] = keymap
            }
        }
        return (result, problems)
    }
}

/// The default bindings of DESIGN.md, by context.
public enum Keymaps {
    public static let global = Keymap<Command>("Everywhere", [
        KeyBinding([.character("1")], .showPane(.general), help: "General pane"),
        KeyBinding([.character("2")], .showPane(.tokens), help: "Tokens pane"),
        KeyBinding([.character("3")], .showPane(.webhooks), help: "Webhooks pane"),
        KeyBinding([.character("4")], .showPane(.extensions), help: "Extensions pane"),
        KeyBinding([.tab], .nextPane, help: "next pane"),
        KeyBinding([.backTab], .previousPane, help: "previous pane"),
        KeyBinding([.character("r")], .refresh, hint: "refresh", help: "refresh"),
        KeyBinding([.character("R")], .retryFailed, help: "retry what failed (shown on the status line)"),
        KeyBinding([.character("a")], .switchAccount, help: "switch account"),
        KeyBinding([.character("?")], .help, hint: "help", help: "this help"),
        KeyBinding([.character("q"), .control("c")], .quit, hint: "quit", help: "quit"),
    ])

    /// Moving in a server-paged table: what Tokens and Webhooks share.
    static let pagedListMoves: [KeyBinding<Command>] = [
        KeyBinding([.down, .character("j")], .down, help: "next row"),
        KeyBinding([.up, .character("k")], .up, help: "previous row"),
        KeyBinding([.pageDown], .pageDown, help: "screen down"),
        KeyBinding([.pageUp], .pageUp, help: "screen up"),
        KeyBinding([.character("g"), .home], .first, help: "first row"),
        KeyBinding([.character("G"), .end], .last, help: "last row"),
        KeyBinding([.character("]")], .nextPage, hint: "next page", help: "next page"),
        KeyBinding([.character("[")], .previousPage, hint: "prev page", help: "previous page"),
        KeyBinding([.character("p")], .rowsPerPage, help: "rows per page: 10, 25, 50, 100"),
        KeyBinding([.character("C")], .columns, help: "choose the columns"),
    ]

    public static let tokenList = Keymap<Command>("Tokens", pagedListMoves + [
        KeyBinding([.enter], .open, hint: "details", help: "open the token's details"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable / disable, rotate, delete"),
        KeyBinding([.character("y")], .copy, hint: "copy key", help: "copy the token's API key"),
        KeyBinding([.character("/")], .filter, hint: "filter", help: "filter by name, status, extension"),
        KeyBinding([.character("c")], .create, help: "create a token"),
    ])

    public static let details = Keymap<Command>("Token details", [
        KeyBinding([.left, .character("h")], .previousTab, help: "previous tab"),
        KeyBinding([.right, .character("l")], .nextTab, help: "next tab"),
        KeyBinding([.character("v")], .reveal, hint: "reveal", help: "reveal or mask the API key"),
        KeyBinding([.character("y")], .copy, hint: "copy key", help: "copy the API key"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable / disable, rotate, delete"),
        KeyBinding([.character("e")], .edit, help: "edit the token"),
        KeyBinding([.down, .character("j")], .down, help: "next module"),
        KeyBinding([.up, .character("k")], .up, help: "previous module"),
        KeyBinding([.character("/")], .filter, help: "filter the modules"),
        KeyBinding([.escape], .back, hint: "back", help: "back to the list"),
    ])

    public static let extensions = Keymap<Command>("Extensions", [
        KeyBinding([.down, .character("j")], .down, help: "next extension"),
        KeyBinding([.up, .character("k")], .up, help: "previous extension"),
        KeyBinding([.character("g"), .home], .first, help: "first extension"),
        KeyBinding([.character("G"), .end], .last, help: "last extension"),
        KeyBinding([.enter], .open, hint: "details", help: "the extension's details"),
        KeyBinding([.character("c")], .create, hint: "create a token for it", help: "create a token for this extension"),
        KeyBinding([.character("t")], .tokensOfExtension, hint: "its tokens", help: "the Tokens pane, filtered by this extension"),
        KeyBinding([.escape], .back, help: "back to the list (from details)"),
    ])

    public static let webhookList = Keymap<Command>("Webhooks", pagedListMoves + [
        KeyBinding([.enter], .open, hint: "details", help: "open the webhook's details"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable / disable, trigger, delete"),
        KeyBinding([.character("c")], .create, hint: "create", help: "create a webhook"),
        KeyBinding([.character("e")], .edit, hint: "edit", help: "edit the webhook"),
        KeyBinding([.character("t")], .trigger, help: "trigger the webhook now (asks first)"),
        KeyBinding([.character("y")], .copy, help: "copy the webhook's URL"),
        KeyBinding([.character("/")], .filter, hint: "filter", help: "filter by text, status, object class"),
    ])

    public static let webhookDetails = Keymap<Command>("Webhook details", [
        KeyBinding([.left, .character("h")], .previousTab, help: "previous tab"),
        KeyBinding([.right, .character("l")], .nextTab, help: "next tab"),
        KeyBinding([.character("v")], .reveal, hint: "reveal", help: "reveal or mask the JWT secret"),
        KeyBinding([.character("y")], .copy, hint: "copy secret", help: "copy the JWT secret"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable / disable, trigger, delete"),
        KeyBinding([.character("e")], .edit, hint: "edit", help: "edit the webhook"),
        KeyBinding([.character("t")], .trigger, hint: "trigger", help: "trigger the webhook now (asks first)"),
        KeyBinding([.escape], .back, hint: "back", help: "back to the list"),
    ])

    public static let general = Keymap<Command>("General", [
        KeyBinding([.character("y")], .copy, hint: "copy endpoint", help: "copy the API endpoint"),
    ])

}
