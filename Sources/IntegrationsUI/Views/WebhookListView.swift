import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// How a webhook's status and deliveries read in the table and in details.
enum WebhookListView {
    static func activeTitle(_ active: Bool?) -> String {
        switch active {
        case true?: "Active"
        case false?: "Inactive"
        case nil: "Unknown"
        }
    }

    static func activeStyle(_ active: Bool?) -> Style { active == true ? Style(.statusActive) : Style(.statusInactive) }

    static func icon(_ status: DeliveryStatus?) -> String {
        switch status {
        case .success?: "✔"
        case .failure?: "✖"
        case .unknown?, nil: "?"
        }
    }

    static func deliveryStyle(_ status: DeliveryStatus?) -> Style {
        switch status {
        case .success?: Style(.statusActive)
        case .failure?: Style(.error)
        case .unknown?, nil: Style(.muted)
        }
    }

    /// "18/05/21 04:28": the table's short form of a date.
    static func shortDate(_ timestamp: Timestamp?, _ timeZone: TimeZone) -> String {
        let full = AppView.format(timestamp, timeZone)
        guard timestamp?.date != nil, full.count == 16 else { return full }
        return String(full.prefix(6)) + String(full.dropFirst(8))
    }
}
