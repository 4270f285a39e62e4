import TokenWizard

/// Which effects change something on the server and which answers follow such a change:
/// around both, the lists forget the pages they read (`RecentPages`).
extension AppEffect {
    var writes: Bool {
        switch self {
        case .perform, .performWebhook, .switchAccount: true
        case .wizard(let effect):
            switch effect {
            case .createToken, .grantPermission: true
            case .loadExtensions, .loadModules, .prepareCreate, .findLostToken, .openDetails, .close: false
            }
        case .editForm(let effect):
            switch effect {
            case .updateToken, .grantPermission, .revokePermission: true
            case .loadModules, .close: false
            }
        case .webhookForm(let effect):
            switch effect {
            case .create, .update: true
            case .prepareCreate, .findLostCreate, .close: false
            }
        case .loadAccount, .loadTokens, .cancelTokenLoad, .loadModules, .loadExtensions, .loadExtensionPage, .loadToken, .loadExtension,
            .copyAPIKey, .copyText, .exportKey, .checkKey, .loadWebhooks, .readAhead, .cancelWebhookLoad, .loadWebhook, .copyJWTSecret,
            .countTokens, .deleteDraft, .clearCopiedSecret, .discardPendingInput, .quit:
            false
        }
    }
}

extension AppAction {
    /// An answer that may follow a write (the wizard's, the forms' and the actions'), or a
    /// switch to another account.
    var answersWrite: Bool {
        switch self {
        case .tokenActionFinished, .webhookActionFinished, .wizard, .editForm, .webhookForm, .accountSwitched: true
        case .key, .resized, .tick, .stopSignal, .accountLoaded, .tokensLoaded, .modulesLoaded, .extensionsLoaded, .tokenLoaded,
            .extensionLoaded, .extensionPageLoaded, .copied, .exportWritten, .keyChecked, .clipboardCleared, .extensionTokensCounted,
            .webhooksLoaded, .readAheadAnswered, .webhookLoaded, .draftFound, .draftUnreadable, .remembered, .rememberedUnreadable:
            false
        }
    }
}
