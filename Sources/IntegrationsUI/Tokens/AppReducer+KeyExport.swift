import ConnectCore
import TokenWizard
import Foundation
import TerminalKit

extension AppReducer {
    /// The export menu: a format, then copy it or write it to a file.
    static func handleExport(_ menu: ExportMenu, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var menu = menu
        let count = KeyExport.Format.allCases.count
        switch state.keymaps.export.command(for: key) {
        case .down?: menu.cursor = min(count - 1, menu.cursor + 1)
        case .up?: menu.cursor = max(0, menu.cursor - 1)
        case .choose?:
            state.closeTopModal()
            return [.exportKey(tokenID: menu.tokenID, menu.format, .clipboard)]
        case .write?:
            state.replaceTopModal(.exportFile(ExportFile(tokenID: menu.tokenID, format: menu.format)))
            return []
        case .close?:
            state.closeTopModal()
            return []
        case .toggle?, .enable?, .disable?, .rotate?, .renew?, .delete?, .trigger?, nil:
            return []
        }
        state.replaceTopModal(.export(menu))
        return []
    }

    /// The export's file name: typed, then written; a file that exists is replaced only when
    /// the user says so.
    static func handleExportFile(_ file: ExportFile, _ key: Key, _ state: inout AppState) -> [AppEffect] {
        var file = file
        let path = file.path.text.trimmingCharacters(in: .whitespaces)
        if file.asksToReplace {
            switch state.keymaps.confirm.command(for: key) {
            case .confirm?:
                state.closeTopModal()
                return [.exportKey(tokenID: file.tokenID, file.format, .file(path: path, overwrite: true))]
            case .cancel?, .press?:
                file.asksToReplace = false  // back to the name, to choose another
            case .moveFocus?, nil:
                return []
            }
        } else {
            switch state.keymaps.exportFile.command(for: key) {
            case .apply?:
                guard !path.isEmpty else { return [] }
                state.closeTopModal()
                return [.exportKey(tokenID: file.tokenID, file.format, .file(path: path, overwrite: false))]
            case .clear?:
                state.closeTopModal()
                return []
            case .nextField?, .previousField?, .changeNext?, .changePrevious?, nil:
                _ = file.path.handle(key, keymap: state.keymaps.text)
            }
        }
        state.replaceTopModal(.exportFile(file))
        return []
    }

    /// A written export, or the question whether to replace the file that is there.
    static func exportWritten(_ tokenID: String, _ format: KeyExport.Format, path: String, _ outcome: ExportFileOutcome, _ state: inout AppState) {
        switch outcome {
        case .written:
            state.status = .info("The \(format.rawValue) export of \(tokenID) was written to \(path) (0600).")
        case .exists:
            var file = ExportFile(tokenID: tokenID, format: format)
            file.path = TextField(path, limit: 1024)
            file.asksToReplace = true
            state.modals.append(.exportFile(file))
        case .failed(let reason):
            state.status = .error("The \(format.rawValue) export of \(tokenID) was not written: \(reason)")
        }
    }

    /// What checking a key found.
    static func keyChecked(_ tokenID: String, _ result: Result<KeyCheck, ConnectError>, _ state: inout AppState) {
        guard state.details?.tokenID == tokenID else { return }
        state.details?.keyCheck = Loadable(result)
    }
}
