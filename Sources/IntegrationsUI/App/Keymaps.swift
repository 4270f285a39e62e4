import TerminalKit

/// What a key can mean; keymaps bind keys to these, and help is generated from the bindings.
public enum Command: Sendable, Hashable {
    case showPane(Pane), nextPane, previousPane, help, quit, back, refresh, retryFailed, filter, switchAccount
    case up, down, pageUp, pageDown, first, last, previousPage, nextPage
    case open, actions, create, copy, rowsPerPage, columns
    case previousTab, nextTab, edit, reveal, tokensOfExtension, trigger
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

    public static let tokenList = Keymap<Command>("Tokens", [
        KeyBinding([.down, .character("j")], .down, help: "next row"),
        KeyBinding([.up, .character("k")], .up, help: "previous row"),
        KeyBinding([.pageDown], .pageDown, help: "screen down"),
        KeyBinding([.pageUp], .pageUp, help: "screen up"),
        KeyBinding([.character("g"), .home], .first, help: "first row"),
        KeyBinding([.character("G"), .end], .last, help: "last row"),
        KeyBinding([.character("]")], .nextPage, hint: "next page", help: "next page"),
        KeyBinding([.character("[")], .previousPage, hint: "prev page", help: "previous page"),
        KeyBinding([.enter], .open, hint: "details", help: "open the token's details"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable / disable, rotate, delete"),
        KeyBinding([.character("y")], .copy, hint: "copy key", help: "copy the token's API key"),
        KeyBinding([.character("/")], .filter, hint: "filter", help: "filter by name, status, extension"),
        KeyBinding([.character("p")], .rowsPerPage, help: "rows per page: 10, 25, 50, 100"),
        KeyBinding([.character("C")], .columns, help: "choose the columns"),
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

    public static let webhookList = Keymap<Command>("Webhooks", [
        KeyBinding([.down, .character("j")], .down, help: "next row"),
        KeyBinding([.up, .character("k")], .up, help: "previous row"),
        KeyBinding([.pageDown], .pageDown, help: "screen down"),
        KeyBinding([.pageUp], .pageUp, help: "screen up"),
        KeyBinding([.character("g"), .home], .first, help: "first row"),
        KeyBinding([.character("G"), .end], .last, help: "last row"),
        KeyBinding([.character("]")], .nextPage, hint: "next page", help: "next page"),
        KeyBinding([.character("[")], .previousPage, hint: "prev page", help: "previous page"),
        KeyBinding([.enter], .open, hint: "details", help: "open the webhook's details"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable / disable, trigger, delete"),
        KeyBinding([.character("c")], .create, hint: "create", help: "create a webhook"),
        KeyBinding([.character("e")], .edit, hint: "edit", help: "edit the webhook"),
        KeyBinding([.character("t")], .trigger, help: "trigger the webhook now (asks first)"),
        KeyBinding([.character("y")], .copy, help: "copy the webhook's URL"),
        KeyBinding([.character("/")], .filter, hint: "filter", help: "filter by text, status, object class"),
        KeyBinding([.character("p")], .rowsPerPage, help: "rows per page: 10, 25, 50, 100"),
        KeyBinding([.character("C")], .columns, help: "choose the columns"),
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

    /// Every context, for the `?` overlay.
    public static let all = [global, tokenList, details, webhookList, webhookDetails, extensions, general]
}
