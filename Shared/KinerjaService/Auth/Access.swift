public import KinerjaProto
import KinerjaStore

/// The authorisation decision of the current call, for the handler to finish.
///
/// The ``AuthInterceptor`` decides everything that does not depend on what the call is about.
/// When the method's rule also has relationship grants (atasan of the target, same unit, role
/// in scope), the handler names the target with ``require(_:)``; a denial there is audited
/// like any other.
public final class Access: Sendable {
    /// The access of the call running in this task; set by ``AuthInterceptor``.
    @TaskLocal public static var current: Access?

    /// Who is calling.
    public let caller: Caller
    /// The method's rule.
    public let rule: AccessRule
    /// True when a grant that does not depend on the target already allowed the call.
    public let grantedByIdentity: Bool
    let method: MethodDescriptor
    let resolver: any RelationshipResolver
    let audit: any AuditSink

    init(caller: Caller, rule: AccessRule, grantedByIdentity: Bool, method: MethodDescriptor,
         resolver: any RelationshipResolver, audit: any AuditSink) {
        self.caller = caller
        self.rule = rule
        self.grantedByIdentity = grantedByIdentity
        self.method = method
        self.resolver = resolver
        self.audit = audit
    }

    /// Access for in-process callers (tests, the bootstrap): everything allowed, as `caller`.
    public static func unrestricted(caller: Caller, method: MethodDescriptor) -> Access {
        Access(caller: caller, rule: AccessRule(.anyPeer), grantedByIdentity: true, method: method,
               resolver: NoRelationships(), audit: NoAudit())
    }

    /// The access of the current call; a handler reached without the interceptor fails closed.
    public static func required() throws -> Access {
        guard let current else { throw RPCError(.internal, "authorisation was not evaluated for this call") }
        return current
    }

    /// True when the caller may act on `target` (no audit; for filtering lists). Throws when the
    /// answer cannot be known (identity unavailable): never allow on missing authority.
    public func allows(_ target: AccessTarget) async throws -> Bool {
        if grantedByIdentity { return true }
        guard let user = caller.user else { return false }
        for grant in rule.grants where grant.isRelationship {
            if try await check(grant, user: user, target: target) { return true }
        }
        return false
    }

    /// Returns when the caller may act on `target`; otherwise records the denial and throws PERMISSION_DENIED.
    public func require(_ target: AccessTarget) async throws {
        if try await allows(target) { return }
        let described: String
        switch target {
        case .employee(let nip): described = nip
        case .unit(let id): described = "unit/\(id)"
        }
        await audit.record(AuditRecord(principal: caller.principal, principalKind: caller.principalKind, action: method.path,
                                       target: described, outcome: .denied, statusCode: 7,
                                       detail: "no grant of \(method.method) covers the target",
                                       requestID: caller.requestID, peerAddress: caller.remoteAddress))
        throw RPCError(.permissionDenied, "\(method.method) on \(described) is not allowed for \(caller.principal)", reason: "TARGET_NOT_ALLOWED")
    }

    /// True when the caller holds the relationship `grant` for `target`, whatever the method's
    /// rule says (for handlers that need one particular relationship, e.g. HR scope).
    public func holds(_ grant: Grant, for target: AccessTarget) async throws -> Bool {
        guard let user = caller.user else { return false }
        return try await check(grant, user: user, target: target)
    }

    /// Records a denial the handler decided (e.g. "only admin may see others' sessions") and
    /// returns the PERMISSION_DENIED error to throw.
    public func denial(target: String, _ message: String, reason: String = "NOT_ALLOWED") async -> RPCError {
        await audit.record(AuditRecord(principal: caller.principal, principalKind: caller.principalKind, action: method.path,
                                       target: target, outcome: .denied, statusCode: 7, detail: message,
                                       requestID: caller.requestID, peerAddress: caller.remoteAddress))
        return RPCError(.permissionDenied, message, reason: reason)
    }

    /// Returns when the caller holds the named `relation` to `target`, as `holds` decides with the
    /// service's own data (or when a grant that does not depend on the target already allowed the
    /// call); otherwise records the denial and throws PERMISSION_DENIED with `message`. A relation
    /// the method's rule does not name fails closed: the table must tell the whole story.
    public func require(_ relation: Relation, target: String, message: String,
                        holds: () async throws -> Bool) async throws {
        if grantedByIdentity { return }
        guard rule.grants.contains(.relation(relation)) else {
            throw RPCError(.internal, "\(method.method) checks the relation \(relation.name), which its rule does not name")
        }
        if caller.user != nil, try await holds() { return }
        throw await denial(target: target, message, reason: "RELATION_NOT_HELD")
    }

    /// True when the method's rule names `relation` and the caller holds it per `holds`.
    public func holds(_ relation: Relation, holds: () async throws -> Bool) async throws -> Bool {
        guard rule.grants.contains(.relation(relation)), caller.user != nil else { return false }
        return try await holds()
    }

    /// True when the caller is the user `nip`.
    public func isSelf(_ nip: String) -> Bool { caller.user?.nip == nip }

    /// True when the caller is a user holding `role` (any scope).
    public func hasRole(_ role: Common.Role) -> Bool { caller.user?.roles.contains { $0.role == role } ?? false }

    private func check(_ grant: Grant, user: AuthenticatedUser, target: AccessTarget) async throws -> Bool {
        switch grant {
        case .targetSelf:
            if case .employee(let nip) = target { return nip == user.nip }
            return false
        case .atasanOfTarget:
            if case .employee(let nip) = target { return try await resolver.isAtasan(user.nip, of: nip) }
            return false
        case .sameUnitAsTarget:
            return try await unit(of: target).map { $0 == user.unitID } ?? false
        case .withinTargetUnit:
            guard let unit = try await unit(of: target) else { return false }
            return try await resolver.unit(user.unitID, isWithin: [unit], includeSubunits: true)
        case .roleInScope(let role):
            guard let unit = try await unit(of: target) else { return false }
            for claim in user.claims(for: role) {
                if claim.scopeUnitIDs.isEmpty { return true }
                if try await resolver.unit(unit, isWithin: claim.scopeUnitIDs, includeSubunits: claim.includeSubunits) {
                    return true
                }
            }
            return false
        default:
            return false
        }
    }

    private func unit(of target: AccessTarget) async throws -> String? {
        switch target {
        case .unit(let id): return id
        case .employee(let nip): return try await resolver.unitOf(nip: nip)
        }
    }
}

struct NoRelationships: RelationshipResolver {
    func unitOf(nip: String) async throws -> String? { nil }
    func isAtasan(_ atasanNIP: String, of nip: String) async throws -> Bool { false }
    func unit(_ unitID: String, isWithin scope: [String], includeSubunits: Bool) async throws -> Bool { false }
}

struct NoAudit: AuditSink {
    func record(_ entry: AuditRecord) async {}
}
