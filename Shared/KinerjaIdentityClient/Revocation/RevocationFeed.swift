public import KinerjaProto
public import KinerjaService
public import Logging
public import ServiceLifecycle
import Synchronization

/// Identity's revocation feed as a service sees it: polled every few seconds (ListRevocations),
/// it refuses the tokens of sessions revoked at identity (logout, revoke, disabled account, a
/// reused refresh token), and when identity's signing keys change (an emergency rotation) it
/// makes the key source fetch them again, so both take effect within one poll interval rather
/// than after the 300 s key cache.
///
/// When the feed cannot reach identity for longer than `staleness`, signed-in calls are refused
/// with UNAVAILABLE: a token whose session may have been revoked is not trusted.
public final class RevocationFeed: SessionCheck, Service, Sendable {
    private struct State {
        var revoked: [String: ContinuousClock.Instant] = [:]
        var lastSequence: UInt64 = 0
        var lastSuccess: ContinuousClock.Instant?
        var keySetVersion: String?
        var treeRevision: UInt64?
    }

    /// How long a revoked session is remembered: longer than any access token lives.
    static let retention = Duration.seconds(20 * 60)

    private let fetch: @Sendable (UInt64) async throws -> Identity.ListRevocationsResponse
    private let keys: RemoteKeySource?
    private let directory: LiveIdentityDirectory?
    private let interval: Duration
    private let staleness: Duration
    private let logger: Logger
    private let state = Mutex(State())

    /// A feed polling identity through `client` every `interval`.
    public convenience init(client: Identity.IdentityService.Client, keys: RemoteKeySource?, directory: LiveIdentityDirectory?,
                            interval: Duration, staleness: Duration, logger: Logger) {
        self.init(keys: keys, directory: directory, interval: interval, staleness: staleness, logger: logger) { after in
            try await client.listRevocations(Identity.ListRevocationsRequest(afterSequence: after))
        }
    }

    /// A feed calling `fetch` (tests).
    public init(keys: RemoteKeySource?, directory: LiveIdentityDirectory?, interval: Duration, staleness: Duration, logger: Logger,
                fetch: @escaping @Sendable (UInt64) async throws -> Identity.ListRevocationsResponse) {
        self.fetch = fetch
        self.keys = keys
        self.directory = directory
        self.interval = interval
        self.staleness = staleness
        self.logger = logger
    }

    // MARK: SessionCheck

    public func check(_ user: AuthenticatedUser) throws(RPCError) {
        let (revoked, fresh) = state.withLock { state -> (Bool, Bool) in
            let fresh = state.lastSuccess.map { ContinuousClock.now - $0 < staleness } ?? false
            return (state.revoked[user.sessionID] != nil, fresh)
        }
        if revoked {
            throw RPCError(.unauthenticated, "the session of this access token was ended at identity; sign in again", reason: "SESSION_REVOKED")
        }
        if !fresh {
            throw RPCError(.unavailable, "cannot confirm the session is still open: identity's revocation feed is unreachable; retry later",
                           reason: "IDENTITY_UNAVAILABLE")
        }
    }

    // MARK: Polling

    /// Asks identity once (every page); returns true when it answered.
    @discardableResult
    public func poll() async -> Bool {
        do {
            var more = true
            while more {
                let after = state.withLock { $0.lastSequence }
                let response = try await fetch(after)
                more = response.more && !response.sessions.isEmpty
                try await apply(response)
            }
            return true
        } catch {
            logger.warning("revocation feed: identity did not answer", metadata: ["error": "\(error)"])
            return false
        }
    }

    private func apply(_ response: Identity.ListRevocationsResponse) async throws {
        let now = ContinuousClock.now
        let (keysChanged, treeChanged) = state.withLock { state -> (Bool, Bool) in
            for session in response.sessions { state.revoked[session.sessionID] = now }
            state.revoked = state.revoked.filter { now - $0.value < Self.retention }
            state.lastSequence = response.lastSequence
            state.lastSuccess = now
            let keysChanged = state.keySetVersion != nil && state.keySetVersion != response.keySetVersion
            let treeChanged = state.treeRevision != nil && state.treeRevision != response.treeRevision
            state.keySetVersion = response.keySetVersion
            state.treeRevision = response.treeRevision
            return (keysChanged, treeChanged)
        }
        if keysChanged {
            logger.notice("revocation feed: identity's signing keys changed; fetching them again")
            await keys?.invalidate()
        }
        if treeChanged { directory?.treeChanged(revision: response.treeRevision) }
    }

    /// Polls every interval until shutdown (a lifecycle service).
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await poll()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }

    /// Sessions currently refused (for tests and diagnostics).
    public var revokedCount: Int { state.withLock { $0.revoked.count } }
}
