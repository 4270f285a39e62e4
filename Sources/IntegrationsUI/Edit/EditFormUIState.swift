import ConnectCore
import TerminalKit
import TokenWizard

/// The token edit form on screen: the form's state machine plus cursors and focus.
public struct EditFormUIState: Sendable, Hashable {
    public enum Focus: Sendable, Hashable {
        case field(GeneralField)
        case modules
    }

    public var form: TokenEditForm
    public var fields: [GeneralField: TextField] = [:]
    public var focus: Focus = .field(.name)
    /// 0 is "All modules", then each module.
    public var moduleCursor = 0

    public init(form: TokenEditForm) {
        self.form = form
        for field in GeneralField.allCases { fields[field] = TextField(form.input[field], limit: field.limit) }
    }

    /// The focus order: the three fields, then the modules when the user chooses them.
    var order: [Focus] {
        GeneralField.allCases.map { .field($0) } + (form.configurable ? [.modules] : [])
    }
}
