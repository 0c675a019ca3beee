public import KinerjaProto
public import Foundation
import KinerjaTLS
import Synchronization

/// A signed-in user, as their verified access token describes them.
public struct AuthenticatedUser: Sendable, Hashable {
    /// The user's NIP (token subject).
    public var nip: String
    /// The user's unit at issue time.
    public var unitID: String
    /// Roles at issue time, including ROLE_PEGAWAI.
    public var roles: [Identity.RoleClaim]
    /// The session the token belongs to.
    public var sessionID: String
    /// The token's unique id.
    public var tokenID: String
    /// When the token expires.
    public var expiresAt: Date

    /// The user described by verified claims.
    public init(claims: Identity.AccessTokenClaims) {
        nip = claims.subject
        unitID = claims.unitID
        roles = claims.roles
        sessionID = claims.sessionID
        tokenID = claims.tokenID
        expiresAt = Date(timeIntervalSince1970: TimeInterval(claims.expiresAt?.seconds ?? 0))
    }

    /// Creates a user directly (tests, in-process callers).
    public init(nip: String, unitID: String, roles: [Identity.RoleClaim], sessionID: String = "", tokenID: String = "",
                expiresAt: Date = .distantFuture) {
        self.nip = nip
        self.unitID = unitID
        self.roles = roles
        self.sessionID = sessionID
        self.tokenID = tokenID
        self.expiresAt = expiresAt
    }

    /// The grants of `role` this user holds.
    public func claims(for role: Common.Role) -> [Identity.RoleClaim] {
        roles.filter { $0.role == role }
    }
}

/// Who is calling: the mutual-TLS peer, and the user when the call carries a valid access token.
public struct Caller: Sendable, Hashable {
    /// The kind of mutual-TLS peer.
    public enum Peer: Sendable, Hashable {
        /// A Kinerja service (`…/service/<name>`).
        case service(String)
        /// A machine client such as the HR portal or the operator tool (`…/client/<name>`).
        case client(String)
        /// No verified certificate (only in-process tests).
        case unknown
    }

    /// The mutual-TLS peer.
    public var peer: Peer
    /// The peer's URI SAN.
    public var peerURI: String
    /// The signed-in user, when the call carries a valid token.
    public var user: AuthenticatedUser?
    /// The caller's `ip:port`.
    public var remoteAddress: String
    /// The call's request id.
    public var requestID: String

    /// The caller of a call with this context (user not yet known).
    public init(context: ServerContext) {
        peerURI = context.peer ?? ""
        peer = context.peer.map(Self.peer(uri:)) ?? .unknown
        user = nil
        remoteAddress = context.remoteAddress ?? ""
        requestID = context.requestID
    }

    /// The peer a verified URI SAN names. A connection's calls all carry the same URI and the
    /// deployment has a few dozen peers, so each URI is parsed once (it cost ~7 % of a call's
    /// server time) and kept in a small table.
    static func peer(uri: String) -> Peer {
        if let known = peerTable.withLock({ $0[uri] }) { return known }
        let parsed: Peer
        if let identity = try? PeerIdentity(uri: uri) {
            parsed = identity.kind == .service ? .service(identity.name) : .client(identity.name)
        } else {
            parsed = .unknown
        }
        peerTable.withLock { table in
            if table.count >= 1024 { table.removeAll() }
            table[uri] = parsed
        }
        return parsed
    }

    private static let peerTable = Mutex<[String: Peer]>([:])

    /// The principal recorded in the audit log: the NIP for users, the URI for peers.
    public var principal: String { user?.nip ?? (peerURI.isEmpty ? "unknown" : peerURI) }

    /// The kind of ``principal``.
    public var principalKind: Common.PrincipalKind {
        if user != nil { return .user }
        switch peer {
        case .service: return .service
        case .client: return .machineClient
        case .unknown: return .unspecified
        }
    }
}
