import ConnectCore

/// The text fields of the General step (and of the token edit form), as typed.
public struct GeneralInput: Codable, Hashable, Sendable {
    public var name: String
    public var externalID: String
    public var description: String

    public init(name: String = "", externalID: String = "", description: String = "") {
        self.name = name
        self.externalID = externalID
        self.description = description
    }

    /// The input of an existing token, for editing it.
    public init(token: Token) {
        self.init(
            name: token.name ?? "", externalID: token.externalID ?? "",
            description: token.description ?? "")
    }

    public subscript(field: GeneralField) -> String {
        get {
            switch field {
            case .name: name
            case .externalID: externalID
            case .description: description
            }
        }
        set {
            switch field {
            case .name: name = newValue
            case .externalID: externalID = newValue
            case .description: description = newValue
            }
        }
    }

    /// Whether anything but white space was typed.
    public var hasText: Bool {
        GeneralField.allCases.contains { !self[$0].trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// One message for each field that is not acceptable, in field order.
    public var problems: [GeneralField: String] {
        var problems: [GeneralField: String] = [:]
        for field in GeneralField.allCases {
            if let problem = field.problem(with: self[field]) { problems[field] = problem }
        }
        return problems
    }

    /// The values to send, when every field is acceptable.
    public var validated: ValidGeneral? {
        guard problems.isEmpty else { return nil }
        let externalID = GeneralField.trimmed(externalID)
        return ValidGeneral(
            name: GeneralField.trimmed(name), externalID: externalID.isEmpty ? nil : externalID,
            description: GeneralField.trimmed(description))
    }
}

/// The General step's values after validation: trimmed, within limits, blank optional fields nil.
public struct ValidGeneral: Codable, Hashable, Sendable {
    public let name: String
    public let externalID: String?
    public let description: String
}

/// A field of the General step.
public enum GeneralField: String, CaseIterable, Codable, Hashable, Sendable {
    case name, externalID, description

    /// The label the portal shows.
    public var label: String {
        switch self {
        case .name: "Name"
        case .externalID: "External ID"
        case .description: "Description"
        }
    }

    public var isRequired: Bool {
        switch self {
        case .name, .description: true
        case .externalID: false
        }
    }

    /// The most characters (Unicode code points, as the API counts) the API accepts.
    public var limit: Int {
        switch self {
        case .name, .externalID: 128
        case .description: 255
        }
    }

    /// What is wrong with `text` for this field, or nil when it is fine.
    public func problem(with text: String) -> String? {
        let value = Self.trimmed(text)
        if value.isEmpty { return isRequired ? "\(label) is required." : nil }
        if value.unicodeScalars.contains(where: Self.isForbidden) {
            return "\(label) cannot contain line breaks or control characters."
        }
        let length = value.unicodeScalars.count
        if length > limit { return "\(label) must be at most \(limit) characters (it has \(length))." }
        return nil
    }

    /// The length the API will count for `text`.
    public static func length(of text: String) -> Int { trimmed(text).unicodeScalars.count }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces)
    }

    /// C0 and C1 controls, DEL, line and paragraph separators, and bidi overrides: none of them
    /// belongs in a one-line name, and the last ones can disguise what a name says.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
