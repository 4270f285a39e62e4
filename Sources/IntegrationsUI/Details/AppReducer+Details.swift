import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

extension AppReducer {
    /// A key in token details; nil leaves it to the global keymap.
    static func handleDetails(_ key: Key, now: Date, _ state: inout AppState) -> [AppEffect]? {
        guard var details = state.details else { return nil }
        if details.editingPermissionFilter {
            switch key {
            case .enter: details.editingPermissionFilter = false
            case .escape:
                details.editingPermissionFilter = false
                details.permissionFilter = ""
            case .backspace: if !details.permissionFilter.isEmpty { details.permissionFilter.removeLast() }
            case .character(let character): details.permissionFilter.append(character)
            case .paste(let text): details.permissionFilter += String(TextField().pasteText(text) ?? [])
            default: break
            }
            details.permissionsCursor = 0
            state.details = details
            return []
        }
        guard let command = state.keymaps.details.command(for: key) else { return nil }
        switch command {
        case .back:
            state.details = nil
            return []
        case .previousTab, .nextTab:
            details.tab = details.tab == .general ? .permissions : .general
        case .reveal:
            details.revealed.toggle()
        case .copy:
            return [.copyAPIKey(tokenID: details.tokenID)]
        case .actions:
            guard let token = details.token.value else { return [] }
            state.menu = menu(for: token)
            return []
        case .edit:
            guard let token = details.token.value else { return [] }
            return openEditForm(token, now: now, &state)
        case .down:
            details.permissionsCursor += 1
        case .up:
            details.permissionsCursor = max(0, details.permissionsCursor - 1)
        case .filter:
            guard details.tab == .permissions else { return nil }
            details.editingPermissionFilter = true
        case .showPane, .nextPane, .previousPane, .help, .quit, .refresh, .retryFailed, .switchAccount, .pageUp,
            .pageDown, .first, .last, .previousPage, .nextPage, .open, .create, .rowsPerPage, .columns, .tokensOfExtension, .trigger:
            return nil
        }
        state.details = details
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
