public import KinerjaProto
public import KinerjaStore
public import KinerjaService
public import Foundation
import GRDB
import KinerjaCrypto
import Synchronization

/// The identity service's RPC handlers. One file per area (`Handlers/…`); this file holds what
/// they share: the store, the keys, the hashing threads, the clock, and the write helper that
/// makes a change, its audit entry and its idempotency record one transaction.
public final class IdentityHandlers: Identity.IdentityService.ServiceProtocol, StoreBackedService {
    /// The identity store.
    public let store: Store
    let configuration: IdentityConfiguration
    let keys: SigningKeyRing
    let hashing: HashingPool
    let addressLimits: Mutex<AddressRateLimiter>
    /// The clock.
    public let clock: @Sendable () -> Date
    /// A hash (with the configured parameters) to verify against when a NIP has no password, so
    /// that unknown NIPs cost the same time as wrong passwords and cannot be told apart.
    let decoyHash: String

    /// Handlers over `store` (opened with ``IdentitySchema/migrations``).
    public init(store: Store, configuration: IdentityConfiguration, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.configuration = configuration
        self.keys = SigningKeyRing(store: store, accessTokenMinutes: configuration.accessTokenMinutes)
        self.hashing = HashingPool(threads: configuration.hashingThreads, queueLimit: configuration.hashingQueueLimit)
        self.addressLimits = Mutex(AddressRateLimiter(configuration: configuration.throttle))
        self.clock = clock
        self.decoyHash = (try? PasswordHasher(parameters: configuration.passwordHash).hash(Base64URL.encode(SecureRandom.bytes(16)))) ?? ""
    }

    /// Loads (or creates) the signing keys; call once before serving.
    public func prepare() async throws {
        try await keys.load(now: clock())
    }

    /// The verification keys identity itself accepts tokens with.
    public var keySource: any VerificationKeySource { LocalKeySource(ring: keys) }

    /// Identity's extra checks on signed-in callers: the session is still open and, while a
    /// one-time password has not been changed, only ChangePassword, Logout and WhoAmI work.
    public var userGate: AuthInterceptor.UserGate {
        { [store] user, method in
            let state = try await store.read { db -> (open: Bool, mustChange: Bool)? in
                guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT s.revoked_at, a.must_change_password, a.state FROM session s JOIN account a ON a.nip = s.nip
                    WHERE s.session_id = ? AND s.nip = ?
                    """), arguments: [user.sessionID, user.nip]) else { return nil }
                let open = (row[0] as Int64?) == nil && Identity.AccountState(rawValue: row[2]) != .disabled
                return (open, row[1])
            }
            guard let state, state.open else {
                throw RPCError(.unauthenticated, "the session of this access token has ended; sign in again", reason: "SESSION_ENDED")
            }
            if state.mustChange, !Self.allowedBeforePasswordChange.contains(method.path) {
                throw RPCError(.failedPrecondition, "the password must be changed first (ChangePassword)", reason: "PASSWORD_CHANGE_REQUIRED")
            }
        }
    }

    /// What a caller whose one-time password is not yet changed may call.
    static let allowedBeforePasswordChange: Set<String> = [
        Identity.IdentityService.Method.changePassword.path, Identity.IdentityService.Method.logout.path,
        Identity.IdentityService.Method.whoAmI.path,
    ]

    // MARK: Shared helpers for the handlers.

    /// Records a failed attempt that changed nothing (sign-in failures, refused refreshes).
    func auditFailure(_ context: ServerContext, principal: String, kind: Common.PrincipalKind, target: String,
                      outcome: Common.AuditOutcome, error: RPCError) async {
        try? await store.audit(AuditRecord(principal: principal, principalKind: kind, action: context.method.path, target: target,
                                           outcome: outcome, statusCode: UInt32(error.code.rawValue), detail: error.message,
                                           requestID: context.requestID, peerAddress: context.remoteAddress ?? ""))
    }
}
