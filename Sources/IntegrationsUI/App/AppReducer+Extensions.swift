import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// The Extensions pane: the list, one extension's details, and the ways out of them.
    static func handleExtensions(_ command: Command, _ state: inout AppState) -> [AppEffect]? {
        let extensions = state.extensions.value ?? []
        let selected = state.openExtension?.extension ?? extensions[safe: state.extensionsCursor]
        switch command {
        case .down where state.openExtension == nil:
            state.extensionsCursor = min(max(0, extensions.count - 1), state.extensionsCursor + 1)
        case .up where state.openExtension == nil:
            state.extensionsCursor = max(0, state.extensionsCursor - 1)
        case .first where state.openExtension == nil:
            state.extensionsCursor = 0
        case .last where state.openExtension == nil:
            state.extensionsCursor = max(0, extensions.count - 1)
        case .open:
            guard let chosen = selected, state.openExtension == nil else { return [] }
            state.openExtension = ExtensionDetailsState(extension: chosen)
            return [.countTokens(extensionID: chosen.id)]
        case .back:
            guard state.openExtension != nil else { return nil }
            state.openExtension = nil
        case .create:
            guard let chosen = selected else { return [] }
            return openWizard(preselected: chosen, &state)
        case .tokensOfExtension:
            guard let chosen = selected else { return [] }
            state.route = .tokenList
            return [applyFilter(TokenFilter(name: "", status: nil, extensionID: chosen.id), &state)]
        case .down, .up, .first, .last:
            break
        case .showPane, .nextPane, .previousPane, .help, .quit, .interrupt, .refresh, .retryFailed, .dismiss, .switchAccount,
            .filter, .pageUp, .pageDown, .previousPage, .nextPage, .actions, .copy, .rowsPerPage, .columns, .previousTab,
            .nextTab, .edit, .reveal, .trigger:
            return nil
        }
        return []
    }
}
