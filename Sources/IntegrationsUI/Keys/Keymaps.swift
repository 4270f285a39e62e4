import TerminalKit

/// Every context's bindings; the state holds one, so the config can change them. Each
/// context has a name (`[keys.NAME]` in config.toml) and a title (in help).
public struct KeymapSet: Sendable, Hashable {
    public static let defaults = KeymapSet()

    /// Every context, in help order.
    public var all: [KeymapSummary] {
        var copy = self
        var summaries: [KeymapSummary] = []
        copy.forEachContext { summary, _, _ in summaries.append(summary) }
        return summaries
    }

    /// The bindings with a config's `[keys]` applied. `keys` maps `command` (every context
    /// that has it) or `context.command` (that context only) to the keys it gets instead of
    /// its defaults. A name that is no command, a key that is no key, or a key another command
    /// of the same context already uses is left out with a message (`where` names the file
    /// and line of an entry).
    public func rebinding(_ keys: [String: [String]], where location: (String) -> String) -> (KeymapSet, [String]) {
        var result = self
        var problems: [String] = []
        // Entries for every context first, so one for a single context wins over them.
        let entries = keys.sorted { ($0.key.contains(".") ? 1 : 0, $0.key) < ($1.key.contains(".") ? 1 : 0, $1.key) }
        for (entry, keyNames) in entries {
            let parts = entry.split(separator: ".", maxSplits: 1).map(String.init)
            let (context, name) = parts.count == 2 ? (parts[0], parts[1]) : (nil, entry)
            var parsed: [Key] = []
            for keyName in keyNames {
                guard let key = Key(configName: keyName) else {
                    problems.append("\(location(entry)): keys.\(entry): \"\(keyName)\" is not a key (try \"x\", \"ctrl-r\", \"f5\", \"pgdn\")")
                    continue
                }
                parsed.append(key)
            }
            var found = false
            var contextFound = context == nil
            result.forEachContext { summary, commands, rebind in
                guard context == nil || context == summary.name else { return }
                contextFound = true
                guard commands.contains(name) else { return }
                found = true
                guard !parsed.isEmpty else { return }
                problems += rebind([name: parsed]).map { "\(location(entry)): keys.\($0)" }
            }
            if !contextFound {
                problems.append("\(location(entry)): keys.\(entry): no context is named \(context ?? ""); see the names in the README")
            } else if !found {
                problems.append("\(location(entry)): keys.\(entry): not a command\(context.map { " of \($0)" } ?? ""); see the names in the README")
            }
        }
        return (result, problems)
    }

    /// Each context's name and the names of its commands (what `[keys.CONTEXT]` accepts).
    public var commandNames: [String: Set<String>] {
        var copy = self
        var names: [String: Set<String>] = [:]
        copy.forEachContext { summary, commands, _ in names[summary.name] = commands }
        return names
    }

    /// Calls `body` with each context (in help order): its summary, its commands' names, and a
    /// function that rebinds it (returning the problems).
    private mutating func forEachContext(_ body: (KeymapSummary, Set<String>, ([String: [Key]]) -> [String]) -> Void) {
        func visit<C>(_ path: WritableKeyPath<KeymapSet, Keymap<C>>) {
            let keymap = self[keyPath: path]
            body(keymap.summary, Set(keymap.bindings.map(\.command.configName))) { changes in
                let (changed, problems) = self[keyPath: path].rebinding(changes)
                self[keyPath: path] = changed
                return problems
            }
        }
        visit(\.global); visit(\.general); visit(\.tokenList); visit(\.details); visit(\.webhookList)
        visit(\.webhookDetails); visit(\.extensions); visit(\.extensionDetails); visit(\.wizardGeneral); visit(\.wizardExtension)
        visit(\.wizardPermissions); visit(\.wizardSummary); visit(\.waiting); visit(\.editForm); visit(\.editPermissions)
        visit(\.webhookForm); visit(\.discard); visit(\.confirm); visit(\.bulk); visit(\.draftOffer); visit(\.menu); visit(\.export); visit(\.exportFile); visit(\.switcher)
        visit(\.columns); visit(\.filterLine); visit(\.filter); visit(\.permissionFilter); visit(\.help); visit(\.text)
    }

    // MARK: The default bindings of DESIGN.md, by context; no key is written anywhere else.

    public var global = Keymap<GlobalCommand>("global", "Everywhere", [
        KeyBinding([.character("1")], .paneGeneral, help: "General pane"),
        KeyBinding([.character("2")], .paneTokens, help: "Tokens pane"),
        KeyBinding([.character("3")], .paneWebhooks, help: "Webhooks pane"),
        KeyBinding([.character("4")], .paneExtensions, help: "Extensions pane"),
        KeyBinding([.tab], .nextPane, help: "next pane"),
        KeyBinding([.backTab], .previousPane, help: "previous pane"),
        KeyBinding([.character("r")], .refresh, hint: "refresh", help: "refresh"),
        KeyBinding([.character("R")], .retryFailed, help: "retry what failed (shown on the status line)"),
        KeyBinding([.escape], .dismiss, help: "dismiss the error on the status line"),
        KeyBinding([.character("a")], .switchAccount, help: "switch account"),
        KeyBinding([.character("?"), .function(1)], .help, hint: "help", help: "this help (F1 where ? would be typed)"),
        KeyBinding([.character("q")], .quit, hint: "quit", help: "quit"),
        KeyBinding([.control("c")], .interrupt, help: "quit from anywhere, even a form (a draft is kept)"),
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
        KeyBinding([.character("s")], .sort, help: "sort by the next column (the server sorts; a click on a header too)"),
        KeyBinding([.character("S")], .flipSort, help: "flip the sort: ascending ▲ or descending ▼"),
        KeyBinding([.escape], .back, help: "stop a slow load; else clear the marks"),
    ]

    public var general = Keymap<Command>("general", "General", [
        KeyBinding([.character("y")], .copy, hint: "copy endpoint", help: "copy the API endpoint"),
    ])

    public var tokenList = Keymap<Command>("tokens", "Tokens", Self.pagedListMoves + [
        KeyBinding([.enter], .open, hint: "details", help: "open the token's details"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable or disable, rotate, delete (on the marked rows if any)"),
        KeyBinding([.character(" ")], .mark, help: "mark the row (or unmark it) for an action on several"),
        KeyBinding([.character("y")], .copy, hint: "copy key", help: "copy the token's API key"),
        KeyBinding([.character("E")], .export, help: "export the endpoint and key for curl, env, Postman, Insomnia, HTTPie"),
        KeyBinding([.character("/")], .filter, hint: "filter", help: "filter as you type: name or id (the server matches)"),
        KeyBinding([.character("f")], .filterPanel, help: "the FILTER panel: name, status, extension"),
        KeyBinding([.character("c")], .create, hint: "create", help: "create a token"),
    ])

    public var details = Keymap<Command>("token-details", "Token details", [
        KeyBinding([.left, .character("h")], .previousTab, help: "previous tab"),
        KeyBinding([.right, .character("l")], .nextTab, help: "next tab"),
        KeyBinding([.character("v")], .reveal, hint: "reveal", help: "reveal or mask the API key"),
        KeyBinding([.character("y")], .copy, hint: "copy key", help: "copy the API key"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable or disable, rotate, delete"),
        KeyBinding([.character("e")], .edit, hint: "edit", help: "edit the token"),
        KeyBinding([.character("E")], .export, hint: "export", help: "export the endpoint and key for curl, env, Postman, Insomnia, HTTPie"),
        KeyBinding([.character("K")], .checkKey, hint: "check key", help: "check the key: GET /auth/context with this token's own key"),
        KeyBinding([.down, .character("j")], .down, help: "next module (PERMISSIONS)"),
        KeyBinding([.up, .character("k")], .up, help: "previous module (PERMISSIONS)"),
        KeyBinding([.character("/")], .filter, help: "filter the modules (PERMISSIONS)"),
        KeyBinding([.escape], .back, hint: "back", help: "back to the list"),
    ])

    public var webhookList = Keymap<Command>("webhooks", "Webhooks", Self.pagedListMoves + [
        KeyBinding([.enter], .open, hint: "details", help: "open the webhook's details"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable or disable, trigger, delete (on the marked rows if any)"),
        KeyBinding([.character(" ")], .mark, help: "mark the row (or unmark it) for an action on several"),
        KeyBinding([.character("c")], .create, hint: "create", help: "create a webhook"),
        KeyBinding([.character("e")], .edit, hint: "edit", help: "edit the webhook"),
        KeyBinding([.character("t")], .trigger, help: "trigger the webhook now (asks first)"),
        KeyBinding([.character("y")], .copy, help: "copy the webhook's URL"),
        KeyBinding([.character("/")], .filter, hint: "filter", help: "filter as you type (the server searches)"),
        KeyBinding([.character("f")], .filterPanel, help: "the FILTER panel: text, status, object class"),
    ])

    public var webhookDetails = Keymap<Command>("webhook-details", "Webhook details", [
        KeyBinding([.left, .character("h")], .previousTab, help: "previous tab"),
        KeyBinding([.right, .character("l")], .nextTab, help: "next tab"),
        KeyBinding([.character("v")], .reveal, hint: "reveal", help: "reveal or mask the JWT secret"),
        KeyBinding([.character("y")], .copy, hint: "copy secret", help: "copy the JWT secret"),
        KeyBinding([.character(".")], .actions, hint: "actions", help: "actions: enable or disable, trigger, delete"),
        KeyBinding([.character("e")], .edit, hint: "edit", help: "edit the webhook"),
        KeyBinding([.character("t")], .trigger, hint: "trigger", help: "trigger the webhook now (asks first)"),
        KeyBinding([.escape], .back, hint: "back", help: "back to the list"),
    ])

    public var extensions = Keymap<Command>("extensions", "Extensions", Self.pagedListMoves + [
        KeyBinding([.enter], .open, hint: "details", help: "the extension's details"),
        KeyBinding([.character("/")], .filter, hint: "filter", help: "filter as you type: name (the server matches)"),
        KeyBinding([.character("f")], .filterPanel, help: "the FILTER panel: name and status"),
        KeyBinding([.character("c")], .create, hint: "create a token for it", help: "create a token for this extension"),
        KeyBinding([.character("t")], .tokensOfExtension, hint: "its tokens", help: "the Tokens pane, filtered by this extension"),
    ])

    public var extensionDetails = Keymap<Command>("extension-details", "Extension details", [
        KeyBinding([.character("c")], .create, hint: "create a token for it", help: "create a token for this extension"),
        KeyBinding([.character("t")], .tokensOfExtension, hint: "its tokens", help: "the Tokens pane, filtered by this extension"),
        KeyBinding([.escape], .back, hint: "back", help: "back to the list"),
    ])

    public var wizardGeneral = Keymap<FormCommand>("wizard-general", "Create token: General", [
        KeyBinding([.tab, .down], .nextField, hint: "next field", help: "next field"),
        KeyBinding([.backTab, .up], .previousField, help: "previous field"),
        KeyBinding([.enter], .submit, hint: "NEXT", help: "NEXT: on to the extension"),
        KeyBinding([.escape], .cancel, hint: "cancel", help: "CANCEL (asks before discarding what you typed)"),
    ])

    public var wizardExtension = Keymap<FormCommand>("wizard-extension", "Create token: Extension", [
        KeyBinding([.down, .character("j")], .down, help: "next extension"),
        KeyBinding([.up, .character("k")], .up, help: "previous extension"),
        KeyBinding([.character(" ")], .toggle, hint: "choose", help: "choose the extension under the cursor"),
        KeyBinding([.enter], .submit, hint: "NEXT", help: "NEXT (chooses the row under the cursor if none is chosen)"),
        KeyBinding([.character("]")], .nextPage, help: "next page of extensions"),
        KeyBinding([.character("[")], .previousPage, help: "previous page of extensions"),
        KeyBinding([.character("r")], .retry, help: "load again after a failure"),
        KeyBinding([.control("b")], .back, hint: "back", help: "BACK to General (keeps your input)"),
        KeyBinding([.escape], .cancel, hint: "cancel", help: "CANCEL"),
    ])

    public var wizardPermissions = Keymap<FormCommand>("wizard-permissions", "Create token: Permissions", [
        KeyBinding([.down, .character("j")], .down, help: "next module"),
        KeyBinding([.up, .character("k")], .up, help: "previous module"),
        KeyBinding([.character(" ")], .toggle, hint: "check", help: "check or uncheck the module (All modules first)"),
        KeyBinding([.enter], .submit, hint: "CREATE", help: "CREATE the token"),
        KeyBinding([.character("r")], .retry, help: "load again after a failure"),
        KeyBinding([.control("b")], .back, hint: "back", help: "BACK to the extension (keeps your input)"),
        KeyBinding([.escape], .cancel, hint: "cancel", help: "CANCEL"),
    ])

    public var wizardSummary = Keymap<FormCommand>("wizard-summary", "Create token: Summary", [
        KeyBinding([.character("v")], .reveal, hint: "reveal", help: "reveal or mask the API key"),
        KeyBinding([.character("y")], .copy, hint: "copy key", help: "copy the API key"),
        KeyBinding([.character("E")], .export, hint: "export", help: "export the endpoint and key for curl, env, Postman, Insomnia, HTTPie"),
        KeyBinding([.enter], .submit, hint: "GO TO DETAILS", help: "GO TO DETAILS of the new token"),
        KeyBinding([.character("r")], .retry, help: "grant the permissions again after a failure"),
        KeyBinding([.escape], .cancel, hint: "close", help: "CLOSE"),
    ])

    public var waiting = Keymap<FormCommand>("waiting", "Waiting for the server", [
        KeyBinding([.escape], .cancel, hint: "stop waiting", help: "stop waiting (nothing more is sent; the next try looks first)"),
    ])

    public var editForm = Keymap<FormCommand>("edit-form", "Edit token", [
        KeyBinding([.tab, .down], .nextField, hint: "next field", help: "next field"),
        KeyBinding([.backTab, .up], .previousField, help: "previous field"),
        KeyBinding([.enter], .submit, hint: "SAVE", help: "SAVE"),
        KeyBinding([.control("s")], .save, help: "SAVE from anywhere in the form"),
        KeyBinding([.escape], .cancel, hint: "cancel", help: "CANCEL (asks before discarding changes)"),
    ])

    public var editPermissions = Keymap<FormCommand>("edit-permissions", "Edit token: permissions", [
        KeyBinding([.tab], .nextField, hint: "next field", help: "next field"),
        KeyBinding([.backTab], .previousField, help: "previous field"),
        KeyBinding([.down, .character("j")], .down, help: "next module"),
        KeyBinding([.up, .character("k")], .up, help: "previous module"),
        KeyBinding([.character(" ")], .toggle, hint: "check", help: "check or uncheck the module"),
        KeyBinding([.character("r")], .retry, help: "load the modules again after a failure"),
        KeyBinding([.enter, .control("s")], .submit, hint: "SAVE", help: "SAVE"),
        KeyBinding([.escape], .cancel, hint: "cancel", help: "CANCEL (asks before discarding changes)"),
    ])

    public var webhookForm = Keymap<FormCommand>("webhook-form", "Webhook form", [
        KeyBinding([.tab, .down], .nextField, hint: "next field", help: "next field"),
        KeyBinding([.backTab, .up], .previousField, help: "previous field"),
        KeyBinding([.character(" ")], .toggle, hint: "toggle", help: "toggle Active; on \"+ add header\", add one"),
        KeyBinding([.right], .changeNext, help: "next object class"),
        KeyBinding([.left], .changePrevious, help: "previous object class"),
        KeyBinding([.control("r")], .reveal, hint: "secret", help: "show or hide the JWT secret and credentials"),
        KeyBinding([.control("d")], .removeHeader, hint: "drop header", help: "remove the focused header"),
        KeyBinding([.enter], .submit, hint: "SAVE", help: "SAVE (on \"+ add header\": add one)"),
        KeyBinding([.control("s")], .save, help: "SAVE from anywhere in the form"),
        KeyBinding([.escape], .cancel, hint: "cancel", help: "CANCEL (asks before discarding changes)"),
    ])

    public var discard = Keymap<DialogCommand>("discard", "Discard changes?", [
        KeyBinding([.character("y"), .character("d")], .confirm, hint: "discard", help: "discard what you typed"),
        KeyBinding([.character("n"), .escape, .enter], .cancel, hint: "keep editing", help: "keep editing"),
    ])

    public var confirm = Keymap<DialogCommand>("dialog", "Confirmation", [
        KeyBinding([.character("y")], .confirm, hint: "confirms", help: "confirm"),
        KeyBinding([.character("n"), .escape], .cancel, hint: "cancels", help: "cancel"),
        KeyBinding([.tab, .backTab, .left, .right], .moveFocus, hint: "moves", help: "move between CANCEL and the action"),
        KeyBinding([.enter], .press, help: "press the focused button (CANCEL at first)"),
    ])

    public var bulk = Keymap<PickCommand>("bulk", "Bulk action", [
        KeyBinding([.escape], .close, hint: "stops the rest", help: "stop: what is not sent yet is not sent (then close the result)"),
        KeyBinding([.enter, .character("q")], .choose, hint: "closes", help: "close the result once every answer is in"),
        KeyBinding([.down, .character("j")], .down, help: "scroll the list down"),
        KeyBinding([.up, .character("k")], .up, help: "scroll the list up"),
    ])

    public var draftOffer = Keymap<DialogCommand>("draft-offer", "Unfinished token", [
        KeyBinding([.character("y"), .enter], .confirm, hint: "resume", help: "resume the unfinished token"),
        KeyBinding([.character("n"), .escape], .cancel, hint: "discard", help: "discard it"),
    ])

    public var menu = Keymap<PickCommand>("menu", "Actions menu", [
        KeyBinding([.down, .character("j")], .down, help: "next item"),
        KeyBinding([.up, .character("k")], .up, help: "previous item"),
        KeyBinding([.enter], .choose, hint: "choose", help: "do the item under the cursor"),
        KeyBinding([.character("e")], .enable, help: "Enable"),
        KeyBinding([.character("d")], .disable, help: "Disable"),
        KeyBinding([.character("r")], .rotate, help: "Rotate secret (tokens): the old key stops at once"),
        KeyBinding([.character("n")], .renew, help: "Renew secret (tokens): the old key works until it expires"),
        KeyBinding([.character("t")], .trigger, help: "Trigger now (webhooks)"),
        KeyBinding([.character("x")], .delete, help: "Delete"),
        KeyBinding([.escape, .character("q")], .close, hint: "close", help: "close the menu"),
    ])

    public var export = Keymap<PickCommand>("export", "Export the key", [
        KeyBinding([.down, .character("j")], .down, help: "next format"),
        KeyBinding([.up, .character("k")], .up, help: "previous format"),
        KeyBinding([.enter], .choose, hint: "copies", help: "copy it (OSC 52, as y)"),
        KeyBinding([.character("w")], .write, hint: "writes a file", help: "write it to a file (0600; asks before replacing one)"),
        KeyBinding([.escape, .character("q")], .close, hint: "closes", help: "close"),
    ])

    public var exportFile = Keymap<FilterCommand>("export-file", "Export to a file", [
        KeyBinding([.enter], .apply, hint: "writes", help: "write the file"),
        KeyBinding([.escape], .clear, hint: "cancels", help: "write nothing"),
    ])

    public var switcher = Keymap<PickCommand>("switcher", "Switch account", [
        KeyBinding([.down, .character("j")], .down, help: "next account"),
        KeyBinding([.up, .character("k")], .up, help: "previous account"),
        KeyBinding([.enter], .choose, hint: "switches", help: "switch to the account (every pane reloads)"),
        KeyBinding([.escape, .character("a"), .character("q")], .close, hint: "closes", help: "close"),
    ])

    public var columns = Keymap<PickCommand>("columns", "Columns", [
        KeyBinding([.down, .character("j")], .down, help: "next column"),
        KeyBinding([.up, .character("k")], .up, help: "previous column"),
        KeyBinding([.character(" ")], .toggle, hint: "shows/hides", help: "show or hide the column (one always stays)"),
        KeyBinding([.enter, .escape, .character("C")], .close, hint: "done", help: "done"),
    ])

    public var filter = Keymap<FilterCommand>("filter", "Filter", [
        KeyBinding([.enter], .apply, hint: "applies", help: "apply the filter"),
        KeyBinding([.escape], .clear, hint: "clears", help: "clear the filter and close"),
        KeyBinding([.tab, .down], .nextField, hint: "next", help: "next field"),
        KeyBinding([.backTab, .up], .previousField, help: "previous field"),
        KeyBinding([.right, .character(" ")], .changeNext, hint: "change", help: "next choice (status, extension, class)"),
        KeyBinding([.left], .changePrevious, help: "previous choice"),
    ])

    public var filterLine = Keymap<FilterCommand>("filter-line", "Filter as you type", [
        KeyBinding([.enter], .apply, hint: "keeps", help: "keep the filter and go back to the rows"),
        KeyBinding([.escape], .clear, hint: "clears", help: "clear the typed filter"),
    ])

    public var permissionFilter = Keymap<FilterCommand>("permission-filter", "Filter modules", [
        KeyBinding([.enter], .apply, hint: "keeps", help: "keep the filter"),
        KeyBinding([.escape], .clear, hint: "clears", help: "clear the filter"),
    ])

    public var help = Keymap<HelpCommand>("help", "Help", [
        KeyBinding([.down, .character("j")], .down, hint: "scroll", help: "scroll down"),
        KeyBinding([.up, .character("k")], .up, help: "scroll up"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, help: "screen down"),
        KeyBinding([.pageUp], .pageUp, help: "screen up"),
        KeyBinding([.character("/")], .search, hint: "search", help: "search the keys (Esc clears)"),
        KeyBinding([.character("?"), .escape, .character("q")], .close, hint: "close", help: "close help"),
    ])

    public var text = TextEdit.keymap
}
