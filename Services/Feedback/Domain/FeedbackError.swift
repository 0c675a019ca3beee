public import KinerjaProto

/// Why a feedback rule refuses something: the module's one error.
///
/// A struct wrapping a ``Code`` (as grpc-swift-2's `RPCError` does), so codes can be added
/// without breaking a `switch`. The code carries the stable reason and the category, which is the
/// RPC status the boundary answers with; ``field`` names the input at fault, ``violations`` lists
/// every bad field of an INVALID_ARGUMENT, ``retryAfterMilliseconds`` tells a rate-limited client
/// when to come back, and ``cause`` keeps what an operator needs out of the client's message.
public struct FeedbackError: DomainRuleError, Hashable, CustomStringConvertible {
    /// The kind of failure, for the one mapping to an RPC status at the service boundary.
    public enum Category: Sendable, Hashable {
        /// The request itself is malformed (INVALID_ARGUMENT).
        case invalidArgument
        /// A named thing does not exist, or not for this caller (NOT_FOUND).
        case notFound
        /// The thing was already done once and cannot be done again (ALREADY_EXISTS).
        case alreadyExists
        /// The caller stands in no relation that allows the step (PERMISSION_DENIED).
        case permissionDenied
        /// The state of things does not allow the step (FAILED_PRECONDITION).
        case failedPrecondition
        /// The caller read an older revision (ABORTED).
        case aborted
        /// A rate or count limit is reached (RESOURCE_EXHAUSTED).
        case resourceExhausted
    }

    /// A stable reason with its category.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// Stable machine-readable reason, UPPER_SNAKE (the `ErrorInfo` reason).
        public let reason: String
        /// Which status it maps to.
        public let category: Category

        /// A code; the module defines them all (see `FeedbackError+Codes.swift`).
        init(_ reason: String, _ category: Category) {
            self.reason = reason
            self.category = category
        }

        /// The reason.
        public var description: String { reason }
    }

    /// What failed.
    public var code: Code
    /// What is wrong and what is required, in English.
    public var message: String
    /// Path of the offending field (e.g. `feedback.message`); empty when not about one field.
    public var field: String
    /// For INVALID_ARGUMENT: every bad field (the first is this error's own).
    public var violations: [Common.FieldViolation]
    /// For RESOURCE_EXHAUSTED: how long the client should wait, in milliseconds.
    public var retryAfterMilliseconds: UInt64?
    /// For operators only (logs): what lies behind the refusal.
    public var cause: String?

    /// An error with `code` and `message` about `field`.
    public init(_ code: Code, _ message: String, field: String = "", retryAfterMilliseconds: UInt64? = nil, cause: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.violations = field.isEmpty || code.category != .invalidArgument
            ? [] : [Common.FieldViolation(field: field, description: message, reason: code.reason)]
        self.retryAfterMilliseconds = retryAfterMilliseconds
        self.cause = cause
    }

    /// One INVALID_ARGUMENT error for several bad fields (nil when there are none): the first
    /// violation's reason, a message listing up to five.
    public init?(violations: [Common.FieldViolation]) {
        guard let first = violations.first else { return nil }
        message = violations.prefix(5).map { "\($0.field): \($0.description)" }.joined(separator: "; ")
            + (violations.count > 5 ? "; and \(violations.count - 5) more" : "")
        code = Code(first.reason, .invalidArgument)
        field = first.field
        self.violations = violations
        retryAfterMilliseconds = nil
        cause = nil
    }

    /// The code's reason (`DomainRuleError`).
    public var reason: String { code.reason }

    /// The code's category as an RPC status code (`DomainRuleError`).
    public var statusCode: RPCError.Code {
        switch code.category {
        case .invalidArgument: .invalidArgument
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        case .permissionDenied: .permissionDenied
        case .failedPrecondition: .failedPrecondition
        case .aborted: .aborted
        case .resourceExhausted: .resourceExhausted
        }
    }

    /// The status: the reason as `ErrorInfo`, the fields of an INVALID_ARGUMENT as `BadRequest`,
    /// the wait of a RESOURCE_EXHAUSTED as `RetryInfo`.
    public var rpcStatus: RPCError? {
        var details: [RPC.StatusDetail] = []
        if code.category == .invalidArgument, !violations.isEmpty {
            var detail = RPC.StatusDetail()
            detail.detail = .badRequest(RPC.BadRequest(fieldViolations: Array(violations.prefix(100))))
            details.append(detail)
        }
        if let retryAfterMilliseconds {
            var detail = RPC.StatusDetail()
            detail.detail = .retryInfo(RPC.RetryInfo(retryDelayMs: retryAfterMilliseconds))
            details.append(detail)
        }
        return RPCError(statusCode, message, reason: reason, details: details)
    }

    /// `REASON: message` (for logs and test output; the cause is added for operators).
    public var description: String {
        "\(reason): \(message)" + (cause.map { " (\($0))" } ?? "")
    }

    /// The error as per-field reasons: ``violations``, or one entry with ``field``.
    public var fieldViolations: [Common.FieldViolation] {
        violations.isEmpty ? [Common.FieldViolation(field: field, description: message, reason: reason)] : violations
    }

    /// This error with its field (and violations) under `prefix`, e.g. `dialog.`.
    public func prefixed(_ prefix: String) -> FeedbackError {
        var copy = self
        if !copy.field.isEmpty { copy.field = prefix + copy.field }
        copy.violations = copy.violations.map {
            Common.FieldViolation(field: prefix + $0.field, description: $0.description, reason: $0.reason)
        }
        return copy
    }
}

/// Collects the INVALID_ARGUMENT problems of one request, so a client learns all of them at once.
struct ViolationCollector {
    private(set) var items: [Common.FieldViolation] = []

    /// Runs `check`, keeping its error's fields instead of stopping.
    mutating func check(_ check: () throws(FeedbackError) -> Void) {
        do throws(FeedbackError) {
            try check()
        } catch {
            items.append(contentsOf: error.fieldViolations)
        }
    }

    /// Adds one problem.
    mutating func add(_ code: FeedbackError.Code, _ message: String, field: String) {
        items.append(Common.FieldViolation(field: field, description: message, reason: code.reason))
    }

    /// Adds problems found elsewhere.
    mutating func add(contentsOf violations: [Common.FieldViolation]) {
        items.append(contentsOf: violations)
    }

    /// Throws one error listing every problem, if there is any.
    func throwIfAny() throws(FeedbackError) {
        if let error = FeedbackError(violations: items) { throw error }
    }
}
