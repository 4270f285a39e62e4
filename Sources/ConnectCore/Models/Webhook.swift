/// A webhook (`ns.Webhook`): Connect calls `external_url` when objects of a class change.
public struct Webhook: Codable, Hashable, Sendable, Identifiable {
    /// Someone as the notifications service names them (`ns.User`, `ns.Account`).
    public struct Party: Codable, Hashable, Sendable {
        public var id: String?
        public var name: String?
        public var email: String?

        public init(id: String? = nil, name: String? = nil, email: String? = nil) {
            self.id = id
            self.name = name
            self.email = email
        }
    }

    /// The product a webhook listens to (`ns.Product`).
    public struct Product: Codable, Hashable, Sendable {
        public var id: String
        public var name: String?
        public var icon: String?

        public init(id: String, name: String? = nil, icon: String? = nil) {
            self.id = id
            self.name = name
            self.icon = icon
        }
    }

    /// Counters of a webhook's deliveries (`ns.Stats`).
    public struct Stats: Codable, Hashable, Sendable {
        public var events: Int?
        public var triggers: Int?
        public var successTriggers: Int?
        public var failureTriggers: Int?
        public var failureSinceLastSuccess: Int?

        enum CodingKeys: String, CodingKey {
            case events, triggers
            case successTriggers = "success_triggers"
            case failureTriggers = "failure_triggers"
            case failureSinceLastSuccess = "failure_since_last_success"
        }

        public init(
            events: Int? = nil, triggers: Int? = nil, successTriggers: Int? = nil,
            failureTriggers: Int? = nil, failureSinceLastSuccess: Int? = nil
        ) {
            self.events = events
            self.triggers = triggers
            self.successTriggers = successTriggers
            self.failureTriggers = failureTriggers
            self.failureSinceLastSuccess = failureSinceLastSuccess
        }
    }

    /// The outcome of one delivery (`ns.LastTriggerInfo`).
    public struct Delivery: Codable, Hashable, Sendable {
        public var time: Timestamp?
        public var response: JSONValue?
        /// Milliseconds.
        public var duration: Int?
        public var status: DeliveryStatus?
        public var statusCode: Int?
        public var errors: String?

        enum CodingKeys: String, CodingKey {
            case time, response, duration, status, errors
            case statusCode = "status_code"
        }

        public init(
            time: Timestamp? = nil, response: JSONValue? = nil, duration: Int? = nil,
            status: DeliveryStatus? = nil, statusCode: Int? = nil, errors: String? = nil
        ) {
            self.time = time
            self.response = response
            self.duration = duration
            self.status = status
            self.statusCode = statusCode
            self.errors = errors
        }
    }

    /// `WB-NNN-NNN-NNN`.
    public var id: String
    public var type: WebhookType?
    public var objectClass: WebhookObjectClass?
    public var label: String
    public var active: Bool?
    public var externalURL: String?
    public var jwtSecret: Secret?
    public var description: String?
    public var httpMethod: String?
    public var product: Product?
    public var data: JSONValue?
    public var headers: JSONValue?
    public var apiURL: String?
    public var createdAt: Timestamp?
    public var createdBy: Party?
    public var modifiedAt: Timestamp?
    public var modifiedBy: Party?
    public var account: Party?
    public var earliestPossibleTrigger: Timestamp?
    public var stats: Stats?
    public var lastEvent: Timestamp?
    public var lastSuccess: Delivery?
    public var lastFailure: Delivery?

    enum CodingKeys: String, CodingKey {
        case id, type, label, active, description, product, data, headers, account, stats
        case objectClass = "object_class"
        case externalURL = "external_url"
        case jwtSecret = "jwt_secret"
        case httpMethod = "http_method"
        case apiURL = "api_url"
        case createdAt = "created_at"
        case createdBy = "created_by"
        case modifiedAt = "modified_at"
        case modifiedBy = "modified_by"
        case earliestPossibleTrigger = "earliest_possible_trigger"
        case lastEvent = "last_event"
        case lastSuccess = "last_success"
        case lastFailure = "last_failure"
    }

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// Whether a delivery succeeded.
public enum DeliveryStatus: OpenEnum {
    case success, failure
    case unknown(String)

    public static let knownCases: [DeliveryStatus] = [.success, .failure]

    public var rawValue: String {
        switch self {
        case .success: "success"
        case .failure: "failure"
        case .unknown(let raw): raw
        }
    }
}

/// The kind of objects a webhook listens to.
public enum WebhookObjectClass: OpenEnum {
    case fulfillmentRequest, tierConfigRequest, tierAccountRequest, listingRequest
    case billingRequest, usageFile
    case unknown(String)

    public static let knownCases: [WebhookObjectClass] = [
        .fulfillmentRequest, .tierConfigRequest, .tierAccountRequest, .listingRequest,
        .billingRequest, .usageFile,
    ]

    public var rawValue: String {
        switch self {
        case .fulfillmentRequest: "fulfillment_request"
        case .tierConfigRequest: "tier_config_request"
        case .tierAccountRequest: "tier_account_request"
        case .listingRequest: "listing_request"
        case .billingRequest: "billing_request"
        case .usageFile: "usage_file"
        case .unknown(let raw): raw
        }
    }
}

/// When a webhook is called: on events, or as one of the validators.
public enum WebhookType: OpenEnum {
    case event, validator, inquiringValidator, changeValidator, changeInquiringValidator
    case renewValidator, renewInquiringValidator, transferValidator, transferInquiringValidator
    case draftTCRT1Validator, draftTCRT2Validator, tcrSetupT1InquiringValidator
    case tcrSetupT2InquiringValidator, tcrUpdateT1Validator, tcrUpdateT2Validator
    case tcrUpdateT1InquiringValidator, tcrUpdateT2InquiringValidator
    case unknown(String)

    public static let knownCases: [WebhookType] = [
        .event, .validator, .inquiringValidator, .changeValidator, .changeInquiringValidator,
        .renewValidator, .renewInquiringValidator, .transferValidator,
        .transferInquiringValidator, .draftTCRT1Validator, .draftTCRT2Validator,
        .tcrSetupT1InquiringValidator, .tcrSetupT2InquiringValidator, .tcrUpdateT1Validator,
        .tcrUpdateT2Validator, .tcrUpdateT1InquiringValidator, .tcrUpdateT2InquiringValidator,
    ]

    public var rawValue: String {
        switch self {
        case .event: "event"
        case .validator: "validator"
        case .inquiringValidator: "inquiring_validator"
        case .changeValidator: "change_validator"
        case .changeInquiringValidator: "change_inquiring_validator"
        case .renewValidator: "renew_validator"
        case .renewInquiringValidator: "renew_inquiring_validator"
        case .transferValidator: "transfer_validator"
        case .transferInquiringValidator: "transfer_inquiring_validator"
        case .draftTCRT1Validator: "draft_tcr_t1_val"
        case .draftTCRT2Validator: "draft_tcr_t2_val"
        case .tcrSetupT1InquiringValidator: "tcr_setup_t1_inq_val"
        case .tcrSetupT2InquiringValidator: "tcr_setup_t2_inq_val"
        case .tcrUpdateT1Validator: "tcr_update_t1_validator"
        case .tcrUpdateT2Validator: "tcr_update_t2_validator"
        case .tcrUpdateT1InquiringValidator: "tcr_update_t1_inq_val"
        case .tcrUpdateT2InquiringValidator: "tcr_update_t2_inq_val"
        case .unknown(let raw): raw
        }
    }
}
