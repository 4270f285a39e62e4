import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// The app's logic: `reduce` takes the state and an action and returns the effects to
/// perform. No I/O, no clock (time arrives with keys and ticks and is kept in `state.now`;
/// an answer is taken to come at that time), no globals.
public enum AppReducer {
    /// The effects of a fresh start.
    public static func start(_ state: inout AppState) -> [AppEffect] {
        [.loadAccount, .loadModules, .loadExtensions, reload(TokenListKind.self, &state)]
    }

    public static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        let wasAsking = state.isAsking
        let effects = reduceAction(&state, action)
        // An info message goes a few seconds after it appears.
        if state.status?.kind == .info, state.status?.expires == nil { state.status?.expires = state.now + StatusMessage.shownFor }
        // A write under way or done: no page read before it is shown again.
        if action.answersWrite || effects.contains(where: \.writes) { forgetRecentPages(&state) }
        return !wasAsking && state.isAsking ? effects + [.discardPendingInput] : effects
    }

    static func reduceAction(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        switch action {
        case .key(let key, let now):
            state.now = now
            state.lastKeyAt = now
            let effects = handle(key, &state)
            noteWaiting(&state)
            return effects
        case .resized(let size):
            state.size = size
            return []
        case .tick(let now):
            state.tick += 1
            state.now = now
            noteWaiting(&state)
            if let expires = state.status?.expires, expires <= now { state.status = nil }
            var effects = autoRefresh(&state) + filterLineDue(&state) + readAhead(&state)
            if let due = state.clipboardClearAt, due <= now {
                state.clipboardClearAt = nil
                effects.append(.clearCopiedSecret)
            }
            return effects
        case .stopSignal:
            state.quitting = true
            return [.quit]
        case .accountLoaded(let result):
            accountLoaded(result, &state)
            return []
        case .listLoaded(let list, let loadID, let result):
            return listLoaded(list.kind, loadID: loadID, result, &state)
        case .modulesLoaded(let result):
            modulesLoaded(result, &state)
            return []
        case .extensionsLoaded(let result):
            state.extensions = Loadable(result)
            return []
        case .tokenLoaded(let result):
            return tokenLoaded(result, &state)
        case .extensionLoaded(let found):
            if state.details?.token.value?.extension?.id == found.id { state.details?.extensionDetails = found }
            return []
        case .tokenActionFinished(let action, let tokenID, let result):
            return tokenActionFinished(action, tokenID, result, &state)
        case .copied(let what, let outcome):
            copied(what, outcome, &state)
            return []
        case .readAheadAnswered(let list, let query, let page, let generation, let result):
            readAheadAnswered(list.kind, query, page, generation: generation, result, &state)
            return []
        case .wizard(let event):
            return wizardEvent(event, &state)
        case .editForm(let event):
            return editFormEvent(event, &state)
        case .extensionTokensCounted(let extensionID, let result):
            guard state.openExtension?.extension.id == extensionID else { return [] }
            state.openExtension?.tokenCount = Loadable(result)
            return []
        case .webhookLoaded(let result):
            webhookLoaded(result, &state)
            return []
        case .webhookActionFinished(let action, let id, let result):
            return webhookActionFinished(action, id, result, &state)
        case .webhookForm(let event):
            return webhookFormEvent(event, &state)
        case .clipboardCleared:
            state.status = .info("The copied secret was cleared from the clipboard.")
            return []
        case .accountSwitched(let choice, let result):
            return accountSwitched(choice, result, &state)
        case .draftFound(let draft):
            state.modals.append(.draftOffer(draft))
            return []
        case .exportWritten(let tokenID, let format, let path, let outcome):
            exportWritten(tokenID, format, path: path, outcome, &state)
            return []
        case .keyChecked(let tokenID, let result):
            keyChecked(tokenID, result, &state)
            return []
        case .remembered(let memory):
            return remember(memory, &state)
        case .rememberedUnreadable(let path):
            state.status = .error("What was remembered of this account could not be read; the defaults apply (the file was kept at \(path)).")
            return []
        case .draftUnreadable(let path):
            state.status = .error("A saved draft could not be read; it was kept at \(path).")
            return []
        }
    }

    /// A key goes to the top modal, or when none is open to the route; what the route's
    /// keymap does not take goes to the global keymap. Clicks follow the same order.
    static func handle(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        if key == .resize { return [] }
        let global = state.keymaps.global.command(for: key)
        if state.isTooSmall { return global == .quit || global == .interrupt ? quit(&state) : [] }
        if global == .interrupt { return quit(&state) }
        if case .mouse(let event) = key { return click(event, &state) }
        if case .paste(let text) = key, let refused = refusePaste(text, &state) { return refused }
        guard let top = state.topModal else { return handleRoute(key, global, &state) }
        if global == .help, state.helpKey != nil, !(state.focus.typesText && key.isPrintable) {
            state.modals.append(.help(HelpState()))
            return []
        }
        switch top {
        case .help(let help): return handleHelp(help, key, &state)
        case .draftOffer(let draft): return answerDraftOffer(draft, key, &state)
        case .wizard: return handleWizard(key, &state)
        case .editForm: return handleEditForm(key, &state)
        case .webhookForm: return handleWebhookForm(key, &state)
        case .switcher(let switcher): return handleSwitcher(switcher, key, &state)
        case .menu(let menu): return handleMenu(menu, key, &state)
        case .confirm(let dialog): return handleConfirm(dialog, key, &state)
        case .export(let menu): return handleExport(menu, key, &state)
        case .exportFile(let file): return handleExportFile(file, key, &state)
        case .filterLine(let id, let line): return handleFilterLine(id, line, key, &state)
        case .bulk(let run): return handleBulk(run, key, &state)
        case .filter(let id, let editor): return handleFilter(id, editor, key, &state)
        case .columns(let id, let cursor): return handleColumns(id, cursor: cursor, key, &state)
        case .permissionFilter(let field): return handlePermissionFilter(field, key, &state)
        }
    }

    /// A key with no modal open: the status line's error, then the screen, then global keys.
    static func handleRoute(_ key: Key, _ global: GlobalCommand?, _ state: inout AppState) -> [AppEffect] {
        if global == .dismiss, state.status?.kind == .error {
            state.status = nil
            return []
        }
        if global == .retryFailed, let retry = state.status?.retry {
            state.status = .info("Trying again…")
            return [retry]
        }
        if let command = state.route.keymap(state.keymaps).command(for: key), let handled = handleScreen(command, &state) {
            return handled
        }
        return global.map { handleGlobal($0, &state) } ?? []
    }

    /// A command of the screen's keymap; nil leaves the key to the global keymap.
    static func handleScreen(_ command: Command, _ state: inout AppState) -> [AppEffect]? {
        switch state.route {
        case .general: command == .copy ? [.copyText(state.connection.endpoint.absoluteString, what: "The API endpoint")] : nil
        case .tokenList: handleTokenList(command, &state)
        case .tokenDetails(let details): handleDetails(details, command, &state)
        case .webhookList: handleWebhookList(command, &state)
        case .webhookDetails(let details): handleWebhookDetails(details, command, &state)
        case .extensionList, .extensionDetails: handleExtensions(command, &state)
        }
    }

    static func handleGlobal(_ command: GlobalCommand, _ state: inout AppState) -> [AppEffect] {
        switch command {
        case .paneGeneral: return show(.general, &state)
        case .paneTokens: return show(.tokens, &state)
        case .paneWebhooks: return show(.webhooks, &state)
        case .paneExtensions: return show(.extensions, &state)
        case .nextPane:
            return show(Pane.allCases.cycled(from: state.pane, by: 1), &state)
        case .previousPane:
            return show(Pane.allCases.cycled(from: state.pane, by: -1), &state)
        case .help:
            state.modals.append(.help(HelpState()))
            return []
        case .quit, .interrupt:
            return quit(&state)
        case .refresh:
            // What is on screen is read again: the route's item or list (and who you are).
            state.status = nil
            let effects: [AppEffect] = [.loadAccount]
            switch state.route {
            case .general: return effects
            case .tokenList: return effects + [reload(TokenListKind.self, &state)]
            case .tokenDetails(let details):
                state.details?.token = .loading
                return effects + [.loadToken(id: details.tokenID)]
            case .webhookList: return effects + [reload(WebhookListKind.self, &state)]
            case .webhookDetails(let details):
                state.webhookDetails?.webhook = .loading
                return effects + [.loadWebhook(id: details.webhookID)]
            case .extensionList: return effects + [.loadExtensions, reload(ExtensionListKind.self, &state)]
            case .extensionDetails(let details):
                state.openExtension?.tokenCount = .loading
                return effects + [.countTokens(extensionID: details.extension.id)]
            }
        case .switchAccount:
            return openSwitcher(&state)
        case .retryFailed, .dismiss:
            return []  // with nothing to retry or dismiss (see handleRoute)
        }
    }

    /// Starts the waiting timers of the wizard and the webhook form when they begin waiting for
    /// the server, and clears them when they stop.
    static func noteWaiting(_ state: inout AppState) {
        let now = state.now
        if let form = state.webhookForm {
            if form.isBusy, form.waitingSince == nil { state.webhookForm?.waitingSince = now }
            if !form.isBusy, form.waitingSince != nil { state.webhookForm?.waitingSince = nil }
        }
        guard let ui = state.wizard else { return }
        if case .submitting = ui.machine.state {
            if ui.waitingSince == nil { state.wizard?.waitingSince = now }
        } else if ui.waitingSince != nil {
            state.wizard?.waitingSince = nil
        }
    }

    static func show(_ pane: Pane, _ state: inout AppState) -> [AppEffect] {
        state.route = .list(of: pane)
        // Webhooks and extensions load when first shown, not at start.
        switch pane {
        case .webhooks where state.webhooks.loadID == 0: return [reload(WebhookListKind.self, &state)]
        case .extensions where state.extensionList.loadID == 0: return [reload(ExtensionListKind.self, &state)]
        case .general, .tokens, .webhooks, .extensions: return []
        }
    }

    static func quit(_ state: inout AppState) -> [AppEffect] {
        state.quitting = true
        return [.quit]
    }

}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension Array where Element: Equatable {
    /// The element `step` places after `element`, going round (focus orders: Tab, Shift-Tab).
    func cycled(from element: Element, by step: Int) -> Element {
        let position = firstIndex(of: element) ?? 0
        return self[((position + step) % count + count) % count]
    }
}
