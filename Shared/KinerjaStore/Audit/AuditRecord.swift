public import KinerjaProto

/// What a service records in its audit log: who did what to which target, and how it ended.
public struct AuditRecord: Sendable, Hashable {
    /// Who: a NIP for users, a SPIFFE URI for services and machine clients, `system` for the service itself.
    public var principal: String
    /// Kind of principal.
    public var principalKind: Common.PrincipalKind
    /// What: the RPC method path or a domain action such as `identity.login`.
    public var action: String
    /// The object acted on (a NIP, a unit id, `skp/…`); empty when none.
    public var target: String
    /// How it ended.
    public var outcome: Common.AuditOutcome
    /// RPC status code (gRPC numbering), 0 on success.
    public var statusCode: UInt32
    /// Short detail; never a secret or a password.
    public var detail: String
    /// The request id of the call.
    public var requestID: String
    /// Remote `ip:port` of the caller, when known.
    public var peerAddress: String

    /// Creates a record.
    public init(principal: String, principalKind: Common.PrincipalKind, action: String, target: String = "",
                outcome: Common.AuditOutcome, statusCode: UInt32 = 0, detail: String = "", requestID: String = "",
                peerAddress: String = "") {
        self.principal = principal
        self.principalKind = principalKind
        self.action = action
        self.target = target
        self.outcome = outcome
        self.statusCode = statusCode
        self.detail = detail
        self.requestID = requestID
        self.peerAddress = peerAddress
    }
}
