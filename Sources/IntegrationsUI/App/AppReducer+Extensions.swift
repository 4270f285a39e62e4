import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// The Extensions pane: the list, one extension's details, and the ways out of them.
    static func handleExtensions(_ command: Command, _ state: inout AppState) -> [AppEffect] {
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
            state.openExtension = (chosen, .loading)
            return [.countTokens(extensionID: chosen.id)]
        case .back:
            state.openExtension = nil
        case .create:
            guard let chosen = selected else { return [] }
            return openWizard(preselected: chosen, &state)
        case .tokensOfExtension:
            guard let chosen = selected else { return [] }
            state.openExtension = nil
            state.pane = .tokens
            return [applyFilter(TokenFilter(name: "", status: nil, extensionID: chosen.id), &state)]
        default:
            break
        }
        return []
    }
}
