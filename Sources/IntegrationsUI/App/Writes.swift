import TokenWizard

/// Which effects change something on the server and which answers follow such a change:
/// around both, the lists forget the pages they read (`RecentPages`).
extension AppEffect {
    var writes: Bool {
        switch self {
        case .perform, .switchAccount: true
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
        case .loadAccount, .loadList, .cancelListLoad, .loadModules, .loadExtensions, .loadToken, .loadExtension,
            .copyAPIKey, .copyText, .exportKey, .checkKey, .readAhead, .loadWebhook, .copyJWTSecret,
            .countTokens, .deleteDraft, .clearCopiedSecret, .discardPendingInput, .quit:
            false
        }
    }
}

extension AppAction {
    /// An answer that follows a write (an action's, the wizard's create and grants, the
    /// forms' saves), or a switch to another account.
    var answersWrite: Bool {
        switch self {
        case .tokenActionFinished, .webhookActionFinished, .accountSwitched: true
        case .wizard(let event):
            switch event {
            case .tokenCreated, .lostTokenSearched, .permissionGranted: true
            case .fieldEdited, .nextTapped, .backTapped, .cancelTapped, .createTapped, .retryTapped, .extensionsLoaded,
                .extensionsNextPageTapped, .extensionsPreviousPageTapped, .extensionChosen, .modulesLoaded, .moduleToggled,
                .allModulesToggled, .createPrepared, .discardConfirmed, .keepEditingTapped, .goToDetailsTapped, .closeTapped:
                false
            }
        case .editForm(let event, _):
            switch event {
            case .tokenUpdated, .permissionGranted, .permissionRevoked: true
            case .fieldEdited, .moduleToggled, .allModulesToggled, .modulesLoaded, .retryTapped, .saveTapped, .cancelTapped,
                .discardConfirmed, .keepEditingTapped:
                false
            }
        case .webhookForm(let event, _):
            switch event {
            case .saved, .edited, .lostCreateSearched: true
            case .saveTapped, .createPrepared, .cancelTapped, .discardConfirmed, .keepEditingTapped: false
            }
        case .key, .resized, .tick, .stopSignal, .accountLoaded, .listLoaded, .modulesLoaded, .extensionsLoaded, .tokenLoaded,
            .extensionLoaded, .copied, .exportWritten, .keyChecked, .clipboardCleared, .extensionTokensCounted, .readAheadAnswered,
            .webhookLoaded, .draftFound, .draftUnreadable, .remembered, .rememberedUnreadable:
            false
        }
    }
}
