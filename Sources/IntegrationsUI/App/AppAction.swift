import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// Everything that happens to the app: keys, time, and answers to its effects.
public enum AppAction: Sendable {
    case key(Key, now: Date)
    case resized(TerminalSize)
    case tick(Date)
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT.
    case stopSignal
    case accountLoaded(Result<AccountInfo, ConnectError>)
    /// A page of a list (the answer to `.loadList`).
    case listLoaded(ListID, loadID: Int, Result<ListPage, ConnectError>)
    case modulesLoaded(Result<[Module], ConnectError>)
    case extensionsLoaded(Result<[Extension], ConnectError>)
    case tokenLoaded(Result<Token, ConnectError>)
    case extensionLoaded(Extension)
    case tokenActionFinished(TokenAction, tokenID: String, Result<Token?, ConnectError>)
    case copied(what: String, CopyOutcome)
    /// An export was written to a file, or not.
    case exportWritten(tokenID: String, KeyExport.Format, path: String, ExportFileOutcome)
    /// What a token's own key got from `GET /auth/context`.
    case keyChecked(tokenID: String, Result<KeyCheck, ConnectError>)
    /// A copied secret was cleared from the clipboard after its time.
    case clipboardCleared
    /// An answer to one of the wizard's effects.
    case wizard(CreateTokenWizard.Event)
    /// How many tokens an extension has.
    case extensionTokensCounted(extensionID: String, Result<Int, ConnectError>)
    /// An answer to one of the edit form's effects.
    case editForm(TokenEditForm.Event)
    /// A page read ahead (`generation`: the list's recent pages' when it was asked for).
    case readAheadAnswered(ListID, ListQuery, PageRequest, generation: Int, Result<ListPage, ConnectError>)
    case webhookLoaded(Result<Webhook, ConnectError>)
    /// A webhook action ended; for a trigger, the webhook as read afterwards (its new stats).
    case webhookActionFinished(WebhookAction, webhookID: String, Result<Webhook?, ConnectError>)
    /// An answer to one of the webhook form's effects.
    case webhookForm(WebhookForm.Event)
    /// The account switch asked for is done (or failed).
    case accountSwitched(AccountChoice, Result<Connection, ConfigurationMessage>)
    /// An unfinished wizard saved by an earlier run.
    case draftFound(WizardDraft)
    case draftUnreadable(String)
    /// What an earlier run remembered of this account.
    case remembered(UIMemory)
    /// The memory file was unreadable; it was set aside at this path.
    case rememberedUnreadable(String)
}

/// I/O the reducer asks for; the runtime performs it and answers with an action.
public enum AppEffect: Sendable, Hashable {
    case loadAccount
    /// A page of a list; a newer load of the same list stops this one.
    case loadList(ListID, loadID: Int, ListQuery, PageRequest)
    /// Stops a list's slow load (`Esc`).
    case cancelListLoad(ListID)
    case loadModules
    case loadExtensions
    case loadToken(id: String)
    case loadExtension(id: String)
    /// A token's or a webhook's action (one request; a bulk run sends one per item).
    case perform(ListAction, id: String)
    /// Copies a token's API key (fetching the token when its secret is not at hand).
    case copyAPIKey(tokenID: String)
    case copyText(String, what: String)  // never a secret: keys go through copyAPIKey
    /// A token's endpoint and key in another tool's format, copied or written to a file
    /// (the key read afresh, never kept in an effect).
    case exportKey(tokenID: String, KeyExport.Format, ExportTarget)
    /// `GET /auth/context` with the token's own key.
    case checkKey(tokenID: String)
    /// Read a page ahead of the user (answer with `.readAheadAnswered`).
    case readAhead(ListID, ListQuery, PageRequest, generation: Int)
    case loadWebhook(id: String)
    /// Copies a webhook's JWT secret (read afresh, never kept in an effect).
    case copyJWTSecret(webhookID: String)
    /// I/O the webhook form asked for.
    case webhookForm(WebhookForm.Effect)
    /// I/O the create-token wizard asked for.
    case wizard(CreateTokenWizard.Effect)
    /// Count the tokens of an extension (`limit=0`).
    case countTokens(extensionID: String)
    /// I/O the token edit form asked for.
    case editForm(TokenEditForm.Effect)
    /// Connect to another account; answer with `.accountSwitched`.
    case switchAccount(AccountChoice)
    /// The saved draft is answered for (resumed, discarded, or the wizard finished).
    case deleteDraft
    /// A copied secret's time is up: clear it from the clipboard if it is still there.
    case clearCopiedSecret
    /// A question just appeared: input typed before it was drawn must not answer it.
    case discardPendingInput
    case quit
}

/// Where an export goes.
public enum ExportTarget: Sendable, Hashable {
    case clipboard
    /// A file (0600); an existing one is replaced only with `overwrite`.
    case file(path: String, overwrite: Bool)
}

/// How writing an export went.
public enum ExportFileOutcome: Sendable, Hashable {
    case written
    /// Something is there; nothing was changed (the user is asked).
    case exists
    case failed(String)
}

/// How a copy went; the reducer words it.
public enum CopyOutcome: Sendable, Hashable {
    /// Copied through OSC 52, the desktop tool named, or both; `secret` when it was one (a
    /// key or JWT secret, which `clear_after` clears).
    case copied(osc52: Bool, tool: String?, secret: Bool)
    /// `[clipboard] mode = "off"`.
    case copyingOff
    /// Too long for OSC 52, and no desktop tool.
    case tooLong
    /// The server did not send the secret.
    case noSecret
    /// Reading what was to be copied failed.
    case failed(ConnectError)
}
