import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// The app's logic: `reduce` takes the state and an action and returns the effects to
/// perform. No I/O, no clock (time arrives in actions), no globals.
public enum AppReducer {
    /// The effects of a fresh start.
    public static func start(_ state: inout AppState) -> [AppEffect] {
        state.tokens.loadID += 1
        return [
            .loadAccount, .loadModules, .loadExtensions,
            .loadTokens(loadID: state.tokens.loadID, state.tokens.filter.query, state.tokens.page),
        ]
    }

    public static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        let wasAsking = state.isAsking
        let effects = reduceAction(&state, action)
        return !wasAsking && state.isAsking ? effects + [.discardPendingInput] : effects
    }

    static func reduceAction(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        switch action {
        case .key(let key, let now):
            state.now = now
            let effects = handle(key, now: now, &state)
            noteWaiting(now: now, &state)
            return effects
        case .resized(let size):
            state.size = size
            return []
        case .tick(let now):
            state.tick += 1
            state.now = now
            noteWaiting(now: now, &state)
            if let expires = state.status?.expires, expires <= now { state.status = nil }
            return []
        case .stopSignal:
            state.quitting = true
            return [.quit]
        case .accountLoaded, .tokensLoaded, .modulesLoaded, .extensionsLoaded, .tokenLoaded,
            .extensionLoaded, .tokenActionFinished, .copied:
            return apply(action, &state)
        case .wizard(let event):
            return wizardEvent(event, &state)
        case .editForm(let event, let now):
            return editFormEvent(event, now: now, &state)
        case .extensionTokensCounted(let extensionID, let result):
            guard state.openExtension?.extension.id == extensionID else { return [] }
            switch result {
            case .success(let count): state.openExtension?.tokenCount = .loaded(count)
            case .failure(let error): state.openExtension?.tokenCount = .failed(error)
            }
            return []
        case .webhooksLoaded, .webhookLoaded, .webhookActionFinished:
            return webhookAnswer(action, &state)
        case .webhookForm(let event, let now):
            return webhookFormEvent(event, now: now, &state)
        case .clipboardCleared(let now):
            state.status = .info("The copied secret was cleared from the clipboard.", now: now)
            return []
        case .accountSwitched(let choice, let result, let now):
            return accountSwitched(choice, result, now: now, &state)
        case .draftFound(let draft):
            state.offeredDraft = draft
            return []
        case .draftUnreadable(let path):
            state.status = .error("A saved draft could not be read; it was kept at \(path).")
            return []
        }
    }

    /// Keys go to the innermost thing that is open: help, a dialog, a menu, an editor, the
    /// details view, the pane; what none of them takes goes to the global keymap.
    static func handle(_ key: Key, now: Date, _ state: inout AppState) -> [AppEffect] {
        if key == .resize { return [] }
        if case .paste(let text) = key, let refused = refusePaste(text, now: now, &state) { return refused }
        if state.isTooSmall {
            return state.keymaps.global.command(for: key) == .quit ? quit(&state) : []
        }
        if state.showsHelp {
            state.showsHelp = false
            return []
        }
        if let draft = state.offeredDraft {
            return answerDraftOffer(draft, key, &state)
        }
        if state.editForm != nil {
            return key == .control("c") ? quit(&state) : handleEditForm(key, now: now, &state)
        }
        if state.webhookForm != nil {
            return key == .control("c") ? quit(&state) : handleWebhookForm(key, now: now, &state)
        }
        if state.wizard != nil {
            // Modal: every key is the wizard's, but Ctrl-C still quits.
            return key == .control("c") ? quit(&state) : handleWizard(key, &state)
        }
        if case .mouse(let event) = key { return click(event, &state) }
        if state.switcher != nil { return handleSwitcher(key, now: now, &state) }
        if state.confirm != nil { return handleConfirm(key, now: now, &state) }
        if state.menu != nil { return handleMenu(key, now: now, &state) }
        if state.tokens.filterEditor != nil { return handleFilterEditor(key, &state) }
        if state.webhooks.filterEditor != nil { return handleWebhookFilterEditor(key, &state) }
        if state.webhooks.columns.isOpen {
            state.webhooks.columns.handle(key)
            return []
        }
        if state.tokens.columns.isOpen {
            state.tokens.columns.handle(key)
            return []
        }
        if state.status?.kind == .error, key == .escape {
            state.status = nil
            return []
        }
        if key == .character("R"), let retry = state.status?.retry {
            state.status = .info("Trying again…", now: now)
            return [retry]
        }
        if state.details != nil {
            if let effects = handleDetails(key, now: now, &state) { return effects }
        } else if state.pane == .tokens, let command = state.keymaps.tokenList.command(for: key) {
            if let effects = handleTokenList(command, now: now, &state) { return effects }
        } else if state.pane == .webhooks, state.webhookDetails != nil {
            if let effects = handleWebhookDetails(key, now: now, &state) { return effects }
        } else if state.pane == .webhooks, let command = state.keymaps.webhookList.command(for: key) {
            if let effects = handleWebhookList(command, now: now, &state) { return effects }
        } else if state.pane == .extensions, let command = state.keymaps.extensions.command(for: key) {
            return handleExtensions(command, &state)
        } else if state.pane == .general, state.keymaps.general.command(for: key) == .copy {
            return [.copyText(state.connection.endpoint.absoluteString, what: "The API endpoint")]
        }
        guard let command = state.keymaps.global.command(for: key) else {
            if key == .escape, state.pane == .tokens, state.tokens.content.isLoading, state.details == nil {
                state.tokens.content = .failed(ConnectError(operation: .listTokens, method: .get, kind: .cancelled))
                return [.cancelTokenLoad]
            }
            if key == .escape, state.pane == .webhooks, state.webhooks.content.isLoading, state.webhookDetails == nil {
                state.webhooks.content = .failed(ConnectError(operation: .listWebhooks, method: .get, kind: .cancelled))
                return [.cancelWebhookLoad]
            }
            return []
        }
        return handleGlobal(command, now: now, &state)
    }

    static func handleGlobal(_ command: Command, now: Date, _ state: inout AppState) -> [AppEffect] {
        switch command {
        case .showPane(let pane):
            return show(pane, &state)
        case .nextPane:
            return show(Pane(rawValue: (state.pane.rawValue + 1) % Pane.allCases.count)!, &state)
        case .previousPane:
            return show(Pane(rawValue: (state.pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!, &state)
        case .help:
            state.showsHelp = true
            return []
        case .quit:
            return quit(&state)
        case .refresh:
            state.status = nil
            var effects: [AppEffect] = [.loadAccount]
            if state.pane == .extensions {
                state.extensions = .loading
                return effects + [.loadExtensions]
            }
            if state.pane == .webhooks {
                if let details = state.webhookDetails {
                    state.webhookDetails?.webhook = .loading
                    return effects + [.loadWebhook(id: details.webhookID)]
                }
                return effects + [reloadWebhooks(&state)]
            }
            if let details = state.details {
                state.details?.token = .loading
                effects.append(.loadToken(id: details.tokenID))
            } else {
                effects.append(reloadTokens(&state))
            }
            return effects
        case .switchAccount:
            return openSwitcher(now: now, &state)
        case .back, .retryFailed, .filter, .up, .down, .pageUp, .pageDown, .first, .last, .previousPage, .nextPage,
            .open, .actions, .create, .copy, .rowsPerPage, .columns, .previousTab, .nextTab, .edit, .reveal, .tokensOfExtension,
            .trigger:
            return []
        }
    }

    /// Starts the waiting timers of the wizard and the webhook form when they begin waiting for
    /// the server, and clears them when they stop.
    static func noteWaiting(now: Date, _ state: inout AppState) {
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
        state.pane = pane
        state.details = nil
        state.openExtension = nil
        state.webhookDetails = nil
        // The webhooks load when first shown, not at start.
        if pane == .webhooks, state.webhooks.loadID == 0 { return [reloadWebhooks(&state)] }
        return []
    }

    static func quit(_ state: inout AppState) -> [AppEffect] {
        state.quitting = true
        return [.quit]
    }

    /// A new load of the current page; answers to earlier loads will be ignored.
    static func reloadTokens(_ state: inout AppState) -> AppEffect {
        .loadTokens(loadID: state.tokens.beginLoad(), state.tokens.filter.query, state.tokens.page)
    }

    /// Clicks select panes, rows and tabs.
    static func click(_ event: MouseEvent, _ state: inout AppState) -> [AppEffect] {
        let layout = Layout(state.size)
        if event.x < layout.sidebar.maxX, let pane = Pane.allCases.first(where: { layout.paneRow($0) == event.y }) {
            return show(pane, &state)
        }
        if var details = state.details {
            if event.y == layout.content.y + 3 {
                details.tab = event.x < layout.content.x + 10 ? .general : .permissions
                state.details = details
            }
            return []
        }
        if state.pane == .webhooks, state.webhookDetails != nil {
            if event.y == layout.content.y + 3 {
                state.webhookDetails?.tab = event.x < layout.content.x + 10 ? .general : .deliveries
            }
            return []
        }
        let table = layout.listTable
        guard event.x >= table.x else { return [] }
        switch state.pane {
        case .tokens:
            if let row = state.tokens.row(atScreenY: event.y, tableY: table.y, visibleRows: layout.listRows) { state.tokens.moveCursor(to: row) }
        case .webhooks:
            if let row = state.webhooks.row(atScreenY: event.y, tableY: table.y, visibleRows: layout.listRows) { state.webhooks.moveCursor(to: row) }
        case .general, .extensions:
            break
        }
        return []
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
