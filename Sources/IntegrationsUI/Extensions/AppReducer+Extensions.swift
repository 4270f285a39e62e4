import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// The Extensions pane: the list, one extension's details, and the ways out of them.
    static func handleExtensions(_ command: Command, _ state: inout AppState) -> [AppEffect]? {
        if state.openExtension == nil, let effects = handleList(ExtensionListKind.self, command, &state) {
            return effects
        }
        let selected = state.openExtension?.extension ?? state.extensionList.selected
        switch command {
        case .open:
            guard let chosen = selected, state.openExtension == nil else { return [] }
            state.openExtension = ExtensionDetailsState(extension: chosen)
            return [.countTokens(extensionID: chosen.id)]
        case .back:
            guard state.openExtension != nil else { return nil }
            state.openExtension = nil
            return []
        case .create:
            guard let chosen = selected else { return [] }
            return openWizard(preselected: chosen, &state)
        case .tokensOfExtension:
            guard let chosen = selected else { return [] }
            state.route = .tokenList
            var filter = TokenFilter()
            filter.extensionID = chosen.id
            return [applyFilter(TokenListKind.self, filter, &state)]
        case .filter, .up, .down, .pageUp, .pageDown, .first, .last, .previousPage, .nextPage, .actions, .copy, .rowsPerPage,
            .filterPanel, .columns, .previousTab, .nextTab, .edit, .reveal, .trigger, .checkKey, .export, .sort, .flipSort, .mark:
            return nil
        }
    }
}
