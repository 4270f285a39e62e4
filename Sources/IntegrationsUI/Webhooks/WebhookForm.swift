import ConnectCore
import Foundation
import TerminalKit
import TokenWizard

/// The create and edit form of a webhook: what the user typed, where the focus is, and the
/// save's progress. Nothing typed is lost when a save fails: the fields stay as they were and
/// the message says why.
///
/// A CREATE whose answer was lost is looked up (same label, URL and product, made in the last
/// ten minutes) before anything else, so a webhook is never made twice. An update sends the
/// whole webhook again, which is safe to repeat.
public struct WebhookForm: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        case create
        /// Editing this webhook as it was when the form opened; fields the form does not show
        /// (type, method, data) are sent back unchanged.
        case edit(Webhook)
    }

    /// The focusable parts of the form, top to bottom.
    public enum Slot: Sendable, Hashable {
        case objectClass, label, productID, externalURL, jwtSecret, description, active
        case headerName(Int), headerValue(Int)
        case addHeader

        /// The header row it is in, if any.
        var header: Int? {
            switch self {
            case .headerName(let index), .headerValue(let index): index
            case .objectClass, .label, .productID, .externalURL, .jwtSecret, .description, .active, .addHeader: nil
            }
        }
    }

    /// One HTTP header sent with every delivery.
    public struct Header: Sendable, Hashable {
        public var name: TextField
        public var value: TextField
    }

    public enum Event: Sendable, Hashable {
        case saveTapped
        /// An answer to one of the create's requests.
        case creation(WebhookCreation.Answer)
        /// The answer to saving an edit (merged onto the server's copy, or a conflict).
        case edited(Result<WebhookEditOutcome, ConnectError>)
        case cancelTapped
        case discardConfirmed
        case keepEditingTapped
    }

    public enum Effect: Sendable, Hashable {
        /// One of the create's requests; answer with `.creation`.
        case creation(WebhookCreation.Request)
        /// Save an edit: the user's changes (`edited` against `base`) onto the server's copy;
        /// answer with `.edited`.
        case update(id: String, base: WebhookWrite, edited: WebhookWrite, overwrite: Bool)
        /// Close the form; the webhook saved, if any.
        case close(saved: Webhook?)
    }

    public static let labelLimit = 100
    public static let urlLimit = 4096
    public static let secretLimit = 100

    public let mode: Mode
    public var objectClass: WebhookObjectClass = .fulfillmentRequest
    public var label = TextField(limit: WebhookForm.labelLimit)
    public var productID = TextField()
    public var externalURL = TextField(limit: WebhookForm.urlLimit)
    public var jwtSecret = TextField(limit: WebhookForm.secretLimit)
    public var description = TextField()
    public var active = true
    public var headers: [Header] = []
    public var focus: Slot = .objectClass
    /// Whether the JWT secret shows as typed (Ctrl-R); masked otherwise.
    public var revealsSecret = false
    /// Where the save is (see WebhookForm+StateMachine.swift).
    public internal(set) var state: State = .editing
    /// Why the last SAVE did not complete.
    public internal(set) var message: String?
    /// Messages next to fields: from the form's own checks, then the server's.
    public internal(set) var serverProblems: [Slot: String] = [:]
    /// Set once SAVE was refused, so field messages show from then on.
    public internal(set) var showsProblems = false
    /// A CREATE whose outcome is not known: the next SAVE looks for this claim before anything.
    public internal(set) var pendingClaim: WebhookCreateClaim?
    /// The server's copy as the form last saw it: changes are sent against it, so what others
    /// changed meanwhile is kept.
    var baseline: WebhookWrite?
    /// Fields changed both here and elsewhere since the form opened; the next SAVE overwrites them.
    public internal(set) var conflicts: [String] = []
    /// A body the user chose to create although an identical webhook exists.
    var duplicateAllowed: WebhookWrite?
    /// When the form began waiting for the server (for the timer on screen).
    public var waitingSince: Date?

    public init() {
        mode = .create
        baseline = nil
    }

    public init(editing webhook: Webhook) {
        mode = .edit(webhook)
        objectClass = webhook.objectClass ?? .fulfillmentRequest
        label = TextField(webhook.label, limit: Self.labelLimit)
        productID = TextField(webhook.product?.id ?? "")
        externalURL = TextField(webhook.externalURL ?? "", limit: Self.urlLimit)
        jwtSecret = TextField(webhook.jwtSecret?.unmaskedValue ?? "", limit: Self.secretLimit)
        description = TextField(webhook.description ?? "")
        active = webhook.active ?? false
        headers = Self.rows(webhook.headers)
        focus = .label
        baseline = WebhookWrite(editing: webhook)
    }

    /// Header rows for a headers object, by name.
    static func rows(_ headers: JSONValue?) -> [Header] {
        guard case .object(let pairs)? = headers else { return [] }
        return pairs.sorted { $0.key < $1.key }.map { name, value in
            Header(name: TextField(name), value: TextField(value.headerText))
        }
    }

    /// Shows `write` in the fields the user did not change: after a conflict, the form holds
    /// the server's values where the user left a field alone, and the user's everywhere else.
    mutating func rebase(on server: WebhookWrite) {
        guard let body, let base = baseline else { return }
        let merged = WebhookWrite.merge(base: base, edited: body, server: server).merged
        objectClass = merged.objectClass
        if merged.label != body.label { label = TextField(merged.label, limit: Self.labelLimit) }
        if merged.productID != body.productID { productID = TextField(merged.productID) }
        if merged.externalURL != body.externalURL { externalURL = TextField(merged.externalURL, limit: Self.urlLimit) }
        if merged.jwtSecret != body.jwtSecret { jwtSecret = TextField(merged.jwtSecret.unmaskedValue, limit: Self.secretLimit) }
        if merged.description != body.description { description = TextField(merged.description) }
        active = merged.active
        if (merged.headers ?? .object([:])) != (body.headers ?? .object([:])) { headers = Self.rows(merged.headers) }
        baseline = server
    }

    public var title: String {
        switch mode {
        case .create: "Create webhook"
        case .edit(let webhook): "Edit webhook \(webhook.id)"
        }
    }

    /// Waiting for the server (a create or an update is out).
    public var isBusy: Bool {
        switch state {
        case .creating, .updating: true
        case .editing, .confirmingDiscard: false
        }
    }

    /// What a busy form is doing, and whether what is out may still land (Esc stops waiting).
    var progress: (String, mayLand: Bool) {
        switch state {
        case .creating(let attempt): (Self.lostCreate.progress(attempt), attempt.mayLand)
        case .updating: ("Saving…", true)
        case .editing, .confirmingDiscard: ("", false)
        }
    }

    /// The focus order: class, the text fields, active, each header's name and value, "add".
    public var order: [Slot] {
        [.objectClass, .label, .productID, .externalURL, .jwtSecret, .description, .active]
            + headers.indices.flatMap { [Slot.headerName($0), .headerValue($0)] } + [.addHeader]
    }

    /// The text field at a slot, if it is one.
    public subscript(text slot: Slot) -> TextField? {
        get { textPath(slot).map { self[keyPath: $0] } }
        set {
            guard let newValue, let path = textPath(slot) else { return }
            self[keyPath: path] = newValue
            serverProblems[slot] = nil
        }
    }

    /// Where a slot's text lives; nil for the slots that are no text field (or a header row
    /// that is gone).
    private func textPath(_ slot: Slot) -> WritableKeyPath<WebhookForm, TextField>? {
        switch slot {
        case .label: \.label
        case .productID: \.productID
        case .externalURL: \.externalURL
        case .jwtSecret: \.jwtSecret
        case .description: \.description
        case .headerName(let index) where headers.indices.contains(index): \.headers[index].name
        case .headerValue(let index) where headers.indices.contains(index): \.headers[index].value
        case .headerName, .headerValue, .objectClass, .active, .addHeader: nil
        }
    }

    // MARK: Editing

    public mutating func moveFocus(by step: Int) { focus = order.cycled(from: focus, by: step) }

    public mutating func cycleObjectClass(forward: Bool) {
        let all = WebhookObjectClass.knownCases
        let index = all.firstIndex(of: objectClass) ?? 0
        objectClass = all[(index + (forward ? 1 : -1) + all.count) % all.count]
    }

    public mutating func addHeader() {
        headers.append(Header(name: TextField(), value: TextField()))
        focus = .headerName(headers.count - 1)
    }

    /// Removes the header the focus is on.
    public mutating func removeFocusedHeader() {
        guard let index = focus.header, headers.indices.contains(index) else { return }
        headers.remove(at: index)
        serverProblems = serverProblems.filter { $0.key.header == nil }  // the rows below moved up
        focus = headers.isEmpty ? .addHeader : .headerName(min(index, headers.count - 1))
    }

    // MARK: Checking

    /// What is wrong with the input, by slot; empty when SAVE can send it.
    public var problems: [Slot: String] {
        var found = serverProblems
        let label = self.label.text.trimmingCharacters(in: .whitespaces)
        if label.isEmpty { found[.label] = "Label is required." }
        else if label.count > Self.labelLimit { found[.label] = "At most \(Self.labelLimit) characters." }
        let product = productID.text.trimmingCharacters(in: .whitespaces)
        if product.isEmpty { found[.productID] = "Product ID is required (PRD-…)." }
        else if product.contains(where: { $0.isWhitespace }) { found[.productID] = "A product ID has no spaces." }
        if let problem = Self.urlProblem(externalURL.text) { found[.externalURL] = problem }
        if jwtSecret.text.isEmpty { found[.jwtSecret] = "JWT secret is required." }
        else if jwtSecret.text.count > Self.secretLimit { found[.jwtSecret] = "At most \(Self.secretLimit) characters." }
        var names: Set<String> = []
        for (index, header) in headers.enumerated() {
            let name = header.name.text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty, header.value.text.isEmpty { continue }  // an empty row is dropped
            if name.isEmpty { found[.headerName(index)] = "A header needs a name." }
            else if !name.allSatisfy(Self.isTokenCharacter) { found[.headerName(index)] = "Letters, digits and - only." }
            else if !names.insert(name.lowercased()).inserted { found[.headerName(index)] = "\(name) is there twice." }
            if header.value.text.contains(where: { $0.isNewline || ($0.asciiValue ?? 32) < 32 }) {
                found[.headerValue(index)] = "No control characters in a header."
            }
        }
        return found
    }

    /// Why a URL cannot be a webhook's target, or nil.
    public static func urlProblem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "External URL is required." }
        if trimmed.count > urlLimit { return "At most \(urlLimit) characters." }
        guard !trimmed.contains(where: { $0.isWhitespace }), let url = URL(string: trimmed),
            let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { return "Enter an http:// or https:// URL with a host." }
        return nil
    }

    /// The characters HTTP allows in a header name (RFC 9110 `token`).
    static func isTokenCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, ascii > 32, ascii < 127 else { return false }
        return !"\"(),/:;<=>?@[\\]{}".contains(character)
    }

    /// The body SAVE sends, when the input is valid.
    public var body: WebhookWrite? {
        guard problems.isEmpty else { return nil }
        var pairs: [String: JSONValue] = [:]
        for header in headers {
            let name = header.name.text.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { pairs[name] = .string(header.value.text) }
        }
        var write = WebhookWrite(
            objectClass: objectClass, label: label.text.trimmingCharacters(in: .whitespaces),
            productID: productID.text.trimmingCharacters(in: .whitespaces),
            externalURL: externalURL.text.trimmingCharacters(in: .whitespaces), jwtSecret: Secret(jwtSecret.text),
            active: active, description: description.text.trimmingCharacters(in: .whitespaces), headers: .object(pairs))
        if case .edit(let webhook) = mode {
            write.type = webhook.type ?? .event
            write.httpMethod = webhook.httpMethod ?? "POST"
            write.data = webhook.data ?? .object([:])
        }
        return write
    }

    /// Whether anything differs from where the form started.
    public var hasChanges: Bool {
        guard let baseline else {
            return [label, productID, externalURL, jwtSecret, description].contains { !$0.text.isEmpty } || !headers.isEmpty
        }
        return body != baseline
    }

    /// A refused save: the message, and the server's field errors next to their fields.
    mutating func refused(_ error: ConnectError) {
        message = error.description
        guard case .http(_, _, let messages) = error.kind else { return }
        let fields: [(String, Slot)] = [
            ("label", .label), ("product_id", .productID), ("product", .productID), ("external_url", .externalURL),
            ("jwt_secret", .jwtSecret), ("description", .description), ("object_class", .objectClass),
        ]
        for text in messages {
            for (name, slot) in fields where text.hasPrefix(name + ":") {
                serverProblems[slot] = text
            }
        }
        if !serverProblems.isEmpty { showsProblems = true }
    }
}

extension JSONValue {
    /// A header value as text: strings as they are, anything else as JSON.
    var headerText: String {
        switch self {
        case .string(let text): return text
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .array, .object:
            let data = (try? JSONEncoder().encode(self)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
