import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// A command in token details; nil leaves it to the global keymap.
    static func handleDetails(_ details: TokenDetailsState, _ command: Command, _ state: inout AppState) -> [AppEffect]? {
        var details = details
        switch command {
        case .back:
            state.route = .tokenList
            return []
        case .previousTab, .nextTab:
            details.tab = details.tab == .general ? .permissions : .general
        case .reveal:
            details.revealed.toggle()
        case .copy:
            return [.copyAPIKey(tokenID: details.tokenID)]
        case .actions:
            guard let token = details.token.value else { return [] }
            openActions(menu(for: token), &state)
            return []
        case .edit:
            guard let token = details.token.value else { return [] }
            return openEditForm(token, &state)
        case .down:
            details.permissionsCursor += 1
        case .up:
            details.permissionsCursor = max(0, details.permissionsCursor - 1)
        case .filter:
            guard details.tab == .permissions else { return nil }
            state.modals.append(.permissionFilter(TextField(details.permissionFilter)))
            return []
        case .export:
            state.modals.append(.export(ExportMenu(tokenID: details.tokenID)))
            return []
        case .checkKey:
            details.keyCheck = .loading
            state.details = details
            return [.checkKey(tokenID: details.tokenID)]
        case .pageUp, .pageDown, .first, .last, .previousPage, .nextPage, .open, .create, .rowsPerPage, .filterPanel, .columns,
            .tokensOfExtension, .trigger, .sort, .flipSort, .mark:
            return nil
        }
        state.details = details
        return []
    }

    /// Typing the PERMISSIONS filter: the table narrows as you type; keep it or clear it.
    static func handlePermissionFilter(_ field: TextField, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var field = field
        switch narrow(&field, key, state.keymaps.permissionFilter, state) {
        case .kept:
            state.closeTopModal()
            return []
        case .cleared:
            state.closeTopModal()
        case .typed:
            state.replaceTopModal(.permissionFilter(field))
        }
        state.details?.permissionFilter = field.text
        state.details?.permissionsCursor = 0
        return []
    }

    /// The rows of the PERMISSIONS tab: "All" first, then every module, filtered by name.
    public static func permissionRows(_ token: Token, modules: [Module], filter: String) -> [(name: String, enabled: Bool)] {
        let granted = Set((token.permissions ?? []).map(\.moduleID))
        let known = modules.isEmpty ? granted.sorted().map { Module(id: $0, name: $0) } : modules
        var rows = [(name: "All", enabled: !known.isEmpty && known.allSatisfy { granted.contains($0.id) })]
        rows += known.map { (name: $0.name, enabled: granted.contains($0.id)) }
        let needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
        return needle.isEmpty ? rows : rows.filter { $0.name.lowercased().contains(needle) }
    }
}
