public import KinerjaProto
public import KinerjaRPC
import KinerjaStore
import Foundation

/// Authenticates every call and enforces the service's ``AuthorizationTable`` (default deny).
///
/// Order: the method must have a rule; a bearer token, when sent, must verify (only the sign-in
/// methods, ``Grant/signIn``, do not read tokens at all); then any grant that depends only
/// on who is calling allows the call at once. Relationship grants are left to the handler
/// (``Access/require(_:)``). Every authentication failure and every denial is audited.
public struct AuthInterceptor: ServerInterceptor {
    /// Extra checks on signed-in users a service may add (identity: session still open,
    /// password change pending).
    public typealias UserGate = @Sendable (AuthenticatedUser, MethodDescriptor) async throws -> Void

    private let table: AuthorizationTable
    private let authenticator: TokenAuthenticator
    private let resolver: any RelationshipResolver
    private let audit: any AuditSink
    private let userGate: UserGate?

    /// An interceptor enforcing `table`.
    public init(table: AuthorizationTable, authenticator: TokenAuthenticator, resolver: any RelationshipResolver,
                audit: any AuditSink, userGate: UserGate? = nil) {
        self.table = table
        self.authenticator = authenticator
        self.resolver = resolver
        self.audit = audit
        self.userGate = userGate
    }

    public func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
        // The protocol's own services (health, reflection) are open to every verified peer.
        if context.method.service.hasPrefix("kinerja.rpc.v1.") { return try await next(context) }
        var caller = Caller(context: context)
        guard let rule = table.rule(for: context.method.path) else {
            try await deny(caller, context, .permissionDenied, "\(context.method.method) is not open to any caller")
        }
        // Signing in does not read tokens: a client may still hold an expired one.
        if !rule.grants.contains(.signIn), let header = context.metadata[Metadata.WellKnownKey.authorization] {
            do {
                let user = try await authenticator.authenticate(header: header)
                try await userGate?(user, context.method)
                caller.user = user
            } catch let error as RPCError {
                await record(caller, context, error.code == .unauthenticated ? .authenticationFailed : .denied, error)
                throw error
            }
        }
        let granted = rule.grants.contains { Self.matches($0, caller) }
        let pending = !granted && caller.user != nil && rule.hasRelationships
        guard granted || pending else {
            if caller.user == nil && rule.grants.contains(where: \.needsUser) {
                await record(caller, context, .authenticationFailed,
                             RPCError(.unauthenticated, "a signed-in user is required"))
                throw RPCError(.unauthenticated, "\(context.method.method) needs a signed-in user: send \"authorization: Bearer <access token>\" (kinerjactl login)",
                               reason: "SIGN_IN_REQUIRED")
            }
            // Say why for the caller: who the method is for.
            let who = rule.grants.map(\.summary).joined(separator: "; or ")
            try await deny(caller, context, .permissionDenied,
                           "\(context.method.method) is not allowed for \(caller.principal): it is for \(who.isEmpty ? "nobody" : who)")
        }
        var inner = context
        inner.principal = caller.principal
        CallLogRecord.note(caller.principal)
        let access = Access(caller: caller, rule: rule, grantedByIdentity: granted, method: context.method,
                            resolver: resolver, audit: audit)
        try await Access.$current.withValue(access) { try await next(inner) }
    }

    static func matches(_ grant: Grant, _ caller: Caller) -> Bool {
        switch grant {
        case .signIn, .anyPeer: return true
        case .anyClient: if case .client = caller.peer { return caller.user == nil }; return false
        case .anyService: if case .service = caller.peer { return caller.user == nil }; return false
        case .service(let name): return caller.peer == .service(name) && caller.user == nil
        case .client(let name): return caller.peer == .client(name) && caller.user == nil
        case .anyUser: return caller.user != nil
        case .role(let role): return caller.user?.roles.contains { $0.role == role } ?? false
        case .roleInScope, .targetSelf, .atasanOfTarget, .sameUnitAsTarget, .withinTargetUnit, .relation: return false
        }
    }

    private func deny(_ caller: Caller, _ context: ServerContext, _ code: RPCError.Code, _ message: String) async throws -> Never {
        CallLogRecord.note(caller.principal)
        let error = RPCError(code, message, reason: "METHOD_NOT_ALLOWED")
        await record(caller, context, .denied, error)
        throw error
    }

    private func record(_ caller: Caller, _ context: ServerContext, _ outcome: Common.AuditOutcome, _ error: RPCError) async {
        await audit.record(AuditRecord(principal: caller.principal, principalKind: caller.principalKind,
                                       action: context.method.path, outcome: outcome,
                                       statusCode: UInt32(error.code.rawValue), detail: error.message,
                                       requestID: context.requestID, peerAddress: caller.remoteAddress))
    }
}
