import TokenWizard

/// Which effects change something on the server and which answers follow such a change:
/// around both, the lists forget the pages they read (`RecentPages`).
extension AppEffect {
    var writes: Bool {
        switch self {
        case .perform, .switchAccount: true
        case .wizard(let effect):
            switch effect {
            case .creation(let request): request.writes
            case .grantPermission: true
            case .loadExtensions, .loadModules, .openDetails, .close: false
            }
        case .editForm(let effect):
            switch effect {
            case .updateToken, .grantPermission, .revokePermission: true
            case .loadModules, .close: false
            }
        case .webhookForm(let effect):
            switch effect {
            case .creation(let request): request.writes
            case .update: true
            case .close: false
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
            case .creation(let answer): answer.followsWrite
            case .permissionGranted: true
            case .fieldEdited, .nextTapped, .backTapped, .cancelTapped, .createTapped, .retryTapped, .extensionsLoaded,
                .extensionsNextPageTapped, .extensionsPreviousPageTapped, .extensionChosen, .modulesLoaded, .moduleToggled,
                .allModulesToggled, .discardConfirmed, .keepEditingTapped, .goToDetailsTapped, .closeTapped:
                false
            }
        case .editForm(let event):
            switch event {
            case .tokenUpdated, .permissionGranted, .permissionRevoked: true
            case .fieldEdited, .moduleToggled, .allModulesToggled, .modulesLoaded, .retryTapped, .saveTapped, .cancelTapped,
                .discardConfirmed, .keepEditingTapped:
                false
            }
        case .webhookForm(let event):
            switch event {
            case .creation(let answer): answer.followsWrite
            case .edited: true
            case .saveTapped, .cancelTapped, .discardConfirmed, .keepEditingTapped: false
            }
        case .key, .resized, .tick, .stopSignal, .accountLoaded, .listLoaded, .modulesLoaded, .extensionsLoaded, .tokenLoaded,
            .extensionLoaded, .copied, .exportWritten, .keyChecked, .clipboardCleared, .extensionTokensCounted, .readAheadAnswered,
            .webhookLoaded, .draftFound, .draftUnreadable, .remembered, .rememberedUnreadable:
            false
        }
    }
}

extension CreateAttempt.Request {
    /// Only the CREATE itself changes the server; preparing and looking read.
    var writes: Bool {
        switch self {
        case .create: true
        case .prepare, .find: false
        }
    }
}

extension CreateAttempt.Answer {
    /// The answer to a CREATE, or to a look for what one made.
    var followsWrite: Bool {
        switch self {
        case .created, .searched: true
        case .prepared: false
        }
    }
}
