public import KinerjaProto

/// Why a reporting rule refuses something, or why the evidence store failed: the module's one error.
///
/// A struct wrapping a ``Code`` (as grpc-swift-2's `RPCError` does), so codes can be added
/// without breaking a `switch`. The code carries the stable reason and the category, which is
/// the RPC status the boundary answers with; ``field`` names the input at fault, ``violations``
/// lists every bad field of an INVALID_ARGUMENT, and ``cause`` keeps what an operator needs
/// (an errno, a path) out of the message a client sees.
public struct ReportingError: DomainRuleError, Hashable, CustomStringConvertible {
    /// The kind of failure, for the one mapping to an RPC status at the service boundary.
    public enum Category: Sendable, Hashable {
        /// The request itself is malformed (INVALID_ARGUMENT).
        case invalidArgument
        /// A named thing does not exist, or not where the request says (NOT_FOUND).
        case notFound
        /// The state of things does not allow the step (FAILED_PRECONDITION).
        case failedPrecondition
        /// The caller read an older revision (ABORTED).
        case aborted
        /// A size or count limit is reached (RESOURCE_EXHAUSTED).
        case resourceExhausted
        /// Stored data no longer matches its hash (DATA_LOSS).
        case dataLoss
        /// The store cannot be used now (UNAVAILABLE).
        case unavailable
        /// An I/O failure; the message says what failed, ``ReportingError/cause`` why (INTERNAL).
        case `internal`
    }

    /// A stable reason with its category.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// Stable machine-readable reason, UPPER_SNAKE (the `ErrorInfo` reason).
        public let reason: String
        /// Which status it maps to.
        public let category: Category

        /// A code; the module defines them all (see `ReportingError+Codes.swift`).
        init(_ reason: String, _ category: Category) {
            self.reason = reason
            self.category = category
        }

        /// The reason.
        public var description: String { reason }
    }

    /// What failed.
    public var code: Code
    /// What is wrong and what is required, in English; never a path or an errno.
    public var message: String
    /// Path of the offending field (e.g. `report.report_date`); empty when not about one field.
    public var field: String
    /// For INVALID_ARGUMENT: every bad field (the first is this error's own).
    public var violations: [Common.FieldViolation]
    /// For operators only (logs): the underlying failure, e.g. `rename(2): ENOSPC`.
    public var cause: String?

    /// An error with `code` and `message` about `field`.
    public init(_ code: Code, _ message: String, field: String = "", cause: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.violations = field.isEmpty ? [] : [Common.FieldViolation(field: field, description: message, reason: code.reason)]
        self.cause = cause
    }

    /// One INVALID_ARGUMENT error for several bad fields (nil when there are none): the first
    /// violation's reason, a message listing up to five.
    public init?(violations: [Common.FieldViolation]) {
        guard let first = violations.first else { return nil }
        let message = violations.prefix(5).map { "\($0.field): \($0.description)" }.joined(separator: "; ")
            + (violations.count > 5 ? "; and \(violations.count - 5) more" : "")
        self.code = Code(first.reason, .invalidArgument)
        self.message = message
        self.field = first.field
        self.violations = violations
        self.cause = nil
    }

    /// The code's reason (`DomainRuleError`).
    public var reason: String { code.reason }

    /// The code's category as an RPC status code (`DomainRuleError`).
    public var statusCode: RPCError.Code {
        switch code.category {
        case .invalidArgument: .invalidArgument
        case .notFound: .notFound
        case .failedPrecondition: .failedPrecondition
        case .aborted: .aborted
        case .resourceExhausted: .resourceExhausted
        case .dataLoss: .dataLoss
        case .unavailable: .unavailable
        case .internal: .internal
        }
    }

    /// The status: the reason as `ErrorInfo`, and for INVALID_ARGUMENT the fields as `BadRequest`.
    public var rpcStatus: RPCError? {
        guard code.category == .invalidArgument, !violations.isEmpty else { return RPCError(statusCode, message, reason: reason) }
        var badRequest = RPC.StatusDetail()
        badRequest.detail = .badRequest(RPC.BadRequest(fieldViolations: Array(violations.prefix(100))))
        return RPCError(statusCode, message, reason: reason, details: [badRequest])
    }

    /// `REASON: message` (for logs and test output; the cause is added for operators).
    public var description: String {
        "\(reason): \(message)" + (cause.map { " (\($0))" } ?? "")
    }

    /// The error as per-field reasons, e.g. for a bulk row's result: ``violations``, or one
    /// entry with ``field`` (possibly empty) when the error is not about input fields.
    public var fieldViolations: [Common.FieldViolation] {
        violations.isEmpty ? [Common.FieldViolation(field: field, description: message, reason: reason)] : violations
    }

    /// This error with its field (and violations) under `prefix`, e.g. `rows[3].report.`.
    public func prefixed(_ prefix: String) -> ReportingError {
        var copy = self
        if !copy.field.isEmpty { copy.field = prefix + copy.field }
        copy.violations = copy.violations.map {
            Common.FieldViolation(field: prefix + $0.field, description: $0.description, reason: $0.reason)
        }
        return copy
    }
}
