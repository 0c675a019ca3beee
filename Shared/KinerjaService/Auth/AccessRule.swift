public import KinerjaProto

/// A relationship between the caller and what a call is about that only the service's own data
/// can decide (the owner of a draft, the pejabat penilai recorded on an SKP). Named in the
/// authorisation table so the table tells the whole story; decided by the handler through
/// ``Access/require(_:target:message:holds:)``.
public struct Relation: Sendable, Hashable {
    /// A short stable name, e.g. `skp-owner`.
    public let name: String
    /// Who holds it, in words, for docs/AUTHORIZATION.md (e.g. "the owner of the SKP").
    public let summary: String

    /// A relation named `name`, described by `summary`.
    public init(_ name: String, _ summary: String) {
        self.name = name
        self.summary = summary
    }
}

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
    /// A relationship the handler decides with the service's own data (relationship).
    case relation(Relation)

    /// True when the grant depends on the call's target and is decided by the handler.
    public var isRelationship: Bool {
        switch self {
        case .roleInScope, .targetSelf, .atasanOfTarget, .sameUnitAsTarget, .withinTargetUnit, .relation: return true
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

extension Grant {
    /// The grant in words, as docs/AUTHORIZATION.md lists it.
    public var summary: String {
        switch self {
        case .signIn: "any mutual-TLS peer, without reading a token (signing in)"
        case .anyPeer: "any mutual-TLS peer (a token, when sent, must be valid)"
        case .service(let name): "the \(name) service"
        case .anyService: "any Kinerja service"
        case .anyClient: "any machine client"
        case .client(let name): "the machine client \(name)"
        case .anyUser: "any signed-in user"
        case .role(let role): "a user holding \(Self.name(role)) (any scope)"
        case .roleInScope(let role): "a user holding \(Self.name(role)) with a scope covering the target's unit"
        case .targetSelf: "the target employee themselves"
        case .atasanOfTarget: "an atasan of the target employee (direct or higher)"
        case .sameUnitAsTarget: "a user in the target's unit"
        case .withinTargetUnit: "a user in the target unit or one of its sub-units"
        case .relation(let relation): relation.summary
        }
    }

    /// A role's name as the contract spells it, without the `ROLE_` prefix, in lower case.
    static func name(_ role: Common.Role) -> String {
        let raw = role.protoName ?? "\(role.rawValue)"
        return (raw.hasPrefix("ROLE_") ? String(raw.dropFirst(5)) : raw).lowercased().replacingOccurrences(of: "_", with: " ")
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
