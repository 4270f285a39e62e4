/// A colour as a theme names it.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 8 basic colours (0–7) or their bright versions (8–15).
    case basic(Int)
    /// The 256-colour palette.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)
}

/// How a role looks: colours and attributes.
public struct RoleStyle: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(_ foreground: Color = .terminalDefault, _ background: Color = .terminalDefault,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }
}

/// A set of semantic roles and how each looks.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var roles: [StyleRole: RoleStyle]

    public init(name: String, roles: [StyleRole: RoleStyle]) {
        self.name = name
        self.roles = roles
    }

    public func style(for role: StyleRole) -> RoleStyle { roles[role] ?? roles[.text] ?? RoleStyle() }

    /// The compiled-in default: readable on dark terminals, 8 basic colours only.
    public static let dark = Theme(name: "dark", roles: [
        .text: RoleStyle(),
        .muted: RoleStyle(.basic(8)),
        .accent: RoleStyle(.basic(6), bold: true),
        .border: RoleStyle(.basic(8)),
        .borderFocused: RoleStyle(.basic(6)),
        .header: RoleStyle(.basic(7), .basic(4), bold: true),
        .title: RoleStyle(bold: true),
        .selection: RoleStyle(.basic(0), .basic(6)),
        .statusActive: RoleStyle(.basic(2), bold: true),
        .statusInactive: RoleStyle(.basic(8)),
        .statusPending: RoleStyle(.basic(3)),
        .error: RoleStyle(.basic(1), bold: true),
        .warning: RoleStyle(.basic(3), bold: true),
        .success: RoleStyle(.basic(2)),
        .keyHint: RoleStyle(.basic(6), bold: true),
        .secret: RoleStyle(.basic(3)),
        .stepCurrent: RoleStyle(.basic(6), bold: true, underline: true),
        .stepDone: RoleStyle(.basic(2)),
        .badge: RoleStyle(.basic(0), .basic(3), bold: true),
        .link: RoleStyle(.basic(4), underline: true),
        .field: RoleStyle(.terminalDefault, .basic(8), underline: true),
    ])

    /// No colour at all (NO_COLOR, TERM=dumb-ish terminals): attributes only.
    public static let monochrome = Theme(name: "monochrome", roles: [
        .text: RoleStyle(), .muted: RoleStyle(), .accent: RoleStyle(bold: true), .border: RoleStyle(),
        .borderFocused: RoleStyle(bold: true), .header: RoleStyle(reverse: true), .title: RoleStyle(bold: true),
        .selection: RoleStyle(reverse: true), .statusActive: RoleStyle(bold: true), .statusInactive: RoleStyle(),
        .statusPending: RoleStyle(underline: true), .error: RoleStyle(bold: true), .warning: RoleStyle(bold: true),
        .success: RoleStyle(), .keyHint: RoleStyle(bold: true), .secret: RoleStyle(),
        .stepCurrent: RoleStyle(bold: true, underline: true), .stepDone: RoleStyle(), .badge: RoleStyle(reverse: true),
        .link: RoleStyle(underline: true), .field: RoleStyle(underline: true),
    ])
}
