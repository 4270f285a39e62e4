/// A part of Connect a token may be allowed to use (`auth.Module`), e.g. `MD-0007` Integrations.
public struct Module: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
