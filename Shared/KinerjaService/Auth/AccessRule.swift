public import KinerjaProto

/// One way of being allowed to call a method.
public enum Grant: Sendable, Hashable {
    /// Any mutual-TLS peer, and a bearer token is not read at all: only for signing in and
    /// refreshing, where a client may still hold an expired token.
    case signIn
    /// Any mutual-TLS peer, with or without a user token; a token that is sent must be valid.
    case anyPeer
    /// A Kinerja service by name (`planning`, `evaluation`, …), from its certificate.
    case service(String)
    /// Any Kinerja service.
    case anyService
    /// Any machine client (operator tool, HR portal, kiosk), without a user token.
    case anyClient
    /// A machine client by name (`hr-portal`, `citizen-kiosk`), from its certificate.
    case client(String)
    /// Any signed-in user.
    case anyUser
    /// A user holding the role, whatever its scope (admin, and auditor or pengelola kinerja for
    /// methods that filter by scope themselves).
    case role(Common.Role)
    /// A user holding the role with a scope covering the target's unit (relationship).
    case roleInScope(Common.Role)
    /// The user is the target employee (relationship).
    case targetSelf
    /// The user is an atasan of the target employee, directly or higher up (relationship).
    case atasanOfTarget
    /// The user works in the target's unit (relationship).
    case sameUnitAsTarget
    /// The user works in the target unit or in one of its sub-units (relationship).
    case withinTargetUnit

    /// True when the grant depends on the call's target and is decided by the handler.
    public var isRelationship: Bool {
        switch self {
        case .roleInScope, .targetSelf, .atasanOfTarget, .sameUnitAsTarget, .withinTargetUnit: return true
        default: return false
        }
    }

    /// True when the grant needs a signed-in user.
    public var needsUser: Bool {
        switch self {
        case .signIn, .anyPeer, .service, .anyService, .client, .anyClient: return false
        default: return true
        }
    }
}

/// Who may call one method: any one of the grants suffices. An empty list allows nobody.
public struct AccessRule: Sendable, Hashable {
    /// The grants, any of which allows the call.
    public var grants: [Grant]

    /// A rule allowing callers that match any of `grants`.
    public init(_ grants: Grant...) {
        self.grants = grants
    }

    /// A rule allowing callers that match any of `grants`.
    public init(grants: [Grant]) {
        self.grants = grants
    }

    /// True when some grant needs the handler to name a target.
    public var hasRelationships: Bool { grants.contains { $0.isRelationship } }
}

/// A service's authorisation: method path → rule. Methods without an entry are denied.
public struct AuthorizationTable: Sendable {
    /// The service the table belongs to, e.g. `kinerja.identity.v1.IdentityService` (also the token audience).
    public var service: String
    /// Rules by method path (`/kinerja.identity.v1.IdentityService/Login`).
    public var rules: [String: AccessRule]

    /// A table for `service` from rules keyed by method.
    public init(service: String, rules: [MethodDescriptor: AccessRule]) {
        self.service = service
        self.rules = Dictionary(uniqueKeysWithValues: rules.map { ($0.key.path, $0.value) })
    }

    /// The rule for a method path; nil means deny.
    public func rule(for path: String) -> AccessRule? { rules[path] }
}
