import KinerjaCrypto
import Synchronization

/// Every open session, in memory: a restart signs everyone out (documented in docs/WEB.md).
/// A session ends at sign-out, after `idleSeconds` without a request, or `lifetimeSeconds` after
/// sign-in; an ended session's id is never accepted again.
final class SessionTable: Sendable {
    private let sessions = Mutex<[String: WebSession]>([:])
    let idleSeconds: Int64
    let lifetimeSeconds: Int64

    init(idleSeconds: Int, lifetimeSeconds: Int) {
        self.idleSeconds = Int64(idleSeconds)
        self.lifetimeSeconds = Int64(lifetimeSeconds)
    }

    /// 32 random bytes from OpenSSL's generator, base64url (43 characters).
    static func randomToken() -> String { Base64URL.encode(SecureRandom.bytes(32)) }

    /// Stores `session` (its id fresh from ``randomToken()``).
    func insert(_ session: WebSession) {
        sessions.withLock { $0[session.id] = session }
    }

    /// The open session `id`, its last-seen time moved to `now`; nil (and removed) when it has
    /// expired, nil when unknown.
    func touch(_ id: String, now: Int64) -> WebSession? {
        sessions.withLock { sessions in
            guard var session = sessions[id] else { return nil }
            if now - session.lastSeenAt > idleSeconds || now - session.signedInAt > lifetimeSeconds {
                sessions[id] = nil
                return nil
            }
            session.lastSeenAt = now
            sessions[id] = session
            return session
        }
    }

    /// Applies `change` to the open session `id` (tokens refreshed, the draft saved).
    func update(_ id: String, _ change: (inout WebSession) -> Void) {
        sessions.withLock { sessions in
            guard var session = sessions[id] else { return }
            change(&session)
            sessions[id] = session
        }
    }

    /// Ends session `id`; returns it when it was open.
    @discardableResult
    func remove(_ id: String) -> WebSession? {
        sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// Drops expired sessions (called on sign-in so the table cannot grow without bound).
    func purge(now: Int64) {
        sessions.withLock { sessions in
            sessions = sessions.filter { now - $0.value.lastSeenAt <= idleSeconds && now - $0.value.signedInAt <= lifetimeSeconds }
        }
    }

    var count: Int { sessions.withLock { $0.count } }
}
