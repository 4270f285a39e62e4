import ConnectCore

/// The module checklist: "All modules" first, then each module.
///
/// "All" is not stored: it is on exactly when every available module is chosen, so choosing
/// the last module turns it on and clearing any one turns it off.
public struct ModuleSelection: Codable, Hashable, Sendable {
    public private(set) var chosen: Set<String>

    public init(_ chosen: Set<String> = []) { self.chosen = chosen }

    public var isEmpty: Bool { chosen.isEmpty }

    public func contains(_ moduleID: String) -> Bool { chosen.contains(moduleID) }

    /// Whether "All modules" shows as checked for these modules.
    public func isAll(of modules: [Module]) -> Bool {
        !modules.isEmpty && modules.allSatisfy { chosen.contains($0.id) }
    }

    /// Checks or clears one module; ids that are not offered are ignored.
    public mutating func toggle(_ moduleID: String, in modules: [Module]) {
        guard modules.contains(where: { $0.id == moduleID }) else { return }
        if chosen.contains(moduleID) { chosen.remove(moduleID) } else { chosen.insert(moduleID) }
    }

    /// "All modules": clears everything when all are checked, else checks all.
    public mutating func toggleAll(in modules: [Module]) {
        chosen = isAll(of: modules) ? [] : Set(modules.map(\.id))
    }

    /// Drops choices that are no longer offered (a restored draft, a changed module list).
    public mutating func keepOnly(_ modules: [Module]) {
        chosen.formIntersection(modules.map(\.id))
    }

    /// The chosen ids in a stable order, for effects and display.
    public var sorted: [String] { chosen.sorted() }
}

/// Something fetched for a step: on its way, here, or failed.
public enum Loadable<Value: Hashable & Sendable>: Hashable, Sendable {
    case loading
    case loaded(Value)
    case failed(ConnectError)

    public var value: Value? {
        if case .loaded(let value) = self { return value }
        return nil
    }

    public var isLoading: Bool {
        if case .loading = self { return true }
        return false
    }

    public var failure: ConnectError? {
        if case .failed(let error) = self { return error }
        return nil
    }

    /// An answer, as what was fetched or why not.
    public init(_ result: Result<Value, ConnectError>) {
        switch result {
        case .success(let value): self = .loaded(value)
        case .failure(let error): self = .failed(error)
        }
    }
}

/// How a single write the machine asked for ended.
public enum WriteOutcome: Hashable, Sendable {
    case succeeded
    case failed(ConnectError)
}
