import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// The create-token wizard on screen: the state machine, plus what only the screen needs
/// (cursors in the text fields, the focused field, list cursors, whether the key shows).
public struct WizardUIState: Sendable, Hashable {
    public var machine: CreateTokenWizard
    public var fields: [GeneralField: TextField] = [:]
    public var focus: GeneralField = .name
    public var extensionCursor = 0
    /// 0 is "All modules", then each module.
    public var moduleCursor = 0
    public var revealed = false
    /// When the wizard began waiting for the server after CREATE (for the timer on screen).
    public var waitingSince: Date?

    public init(machine: CreateTokenWizard) {
        self.machine = machine
        for field in GeneralField.allCases { fields[field] = TextField(limit: field.limit) }
    }

    func field(_ field: GeneralField) -> TextField { fields[field] ?? TextField(limit: field.limit) }
}
