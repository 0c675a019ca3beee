/// An error that knows the status it answers with.
///
/// The service boundary maps errors to statuses in one place (`RPCError.from`): an
/// ``RPCError`` passes unchanged, a convertible error answers with ``rpcStatus``, anything else
/// becomes INTERNAL without its text. Domain modules make their rule errors convertible through
/// ``DomainRuleError``, so no handler maps a rule error by hand.
public protocol RPCStatusConvertible: Error {
    /// The status the call answers with; nil for a failure the client must not see the text of
    /// (it answers INTERNAL with the request id only).
    var rpcStatus: RPCError? { get }
}

/// A broken domain rule: the status code is its category, the `ErrorInfo` reason its code.
public protocol DomainRuleError: RPCStatusConvertible, Sendable {
    /// The status the rule's category maps to (INVALID_ARGUMENT, FAILED_PRECONDITION, …).
    var statusCode: RPCError.Code { get }
    /// Stable machine-readable reason, UPPER_SNAKE (e.g. `SKP_NOT_DRAFT`).
    var reason: String { get }
    /// What is wrong and what is required, in English.
    var message: String { get }
}

extension DomainRuleError {
    /// The rule's status, with its reason as an `ErrorInfo` detail.
    public var rpcStatus: RPCError? { RPCError(statusCode, message, reason: reason) }
}

extension RPCError {
    /// An error carrying a machine-readable `reason` (an `ErrorInfo` detail), so a client can
    /// tell, say, TOKEN_EXPIRED from WRONG_PASSWORD although both are UNAUTHENTICATED. The
    /// domain is left empty here and filled in with the answering service's name at the boundary.
    public init(_ code: Code, _ message: String, reason: String, details: [RPC.StatusDetail] = []) {
        var info = RPC.StatusDetail()
        info.detail = .errorInfo(RPC.ErrorInfo(reason: reason))
        self.init(code, message, details: [info] + details)
    }

    /// The `ErrorInfo` reason this error carries, if any.
    public var reason: String? {
        for detail in details {
            if case .errorInfo(let info) = detail.detail { return info.reason }
        }
        return nil
    }

    /// This error with `domain` filled into an `ErrorInfo` that has none.
    public func withReasonDomain(_ domain: String) -> RPCError {
        var copy = self
        for index in copy.details.indices {
            if case .errorInfo(var info) = copy.details[index].detail, info.domain.isEmpty {
                info.domain = domain
                copy.details[index].detail = .errorInfo(info)
            }
        }
        return copy
    }
}
