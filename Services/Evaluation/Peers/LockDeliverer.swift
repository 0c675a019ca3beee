import Foundation
import GRDB
import KinerjaProto
import KinerjaStore
import Synchronization

/// Delivers the queued notifications (``NotificationRecords``) to reporting and planning: right
/// after a finalisation or reopening commits, and every `evaluation.notify_retry_seconds` while
/// some are left. One run at a time (a request for another while one runs makes it go round once
/// more), in queue order per peer; a peer that fails keeps its remaining notifications queued, with
/// the attempt and the error recorded, and the next run tries again.
final class LockDeliverer: Sendable {
    private let store: Store
    private let locks: any PeerLocks
    private let clock: @Sendable () -> Date
    private struct State {
        var running = false
        var again = false
    }
    private let state = Mutex(State())

    init(store: Store, locks: any PeerLocks, clock: @escaping @Sendable () -> Date) {
        self.store = store
        self.locks = locks
        self.clock = clock
    }

    /// Delivers what is queued; returns how many were delivered and how many are left.
    @discardableResult
    func deliver() async -> (delivered: Int, pending: Int) {
        let start = state.withLock { state -> Bool in
            if state.running { state.again = true; return false }
            state.running = true
            return true
        }
        guard start else { return (0, (try? await pendingCount()) ?? 0) }
        var delivered = 0
        while true {
            for peer in [NotificationRecords.reporting, NotificationRecords.planning] {
                delivered += await deliver(peer: peer)
            }
            let again = state.withLock { state -> Bool in
                if state.again { state.again = false; return true }
                state.running = false
                return false
            }
            if !again { break }
        }
        return (delivered, (try? await pendingCount()) ?? 0)
    }

    private func pendingCount() async throws -> Int {
        try await store.read { db in try NotificationRecords.pendingCount(in: db) }
    }

    /// Delivers `peer`'s queue in order until one fails.
    private func deliver(peer: String) async -> Int {
        var delivered = 0
        while true {
            guard let batch = try? await store.read({ db in try NotificationRecords.pending(peer: peer, limit: 50, in: db) }),
                  !batch.isEmpty else { return delivered }
            for item in batch {
                do {
                    try await send(item)
                    let at = Int64(clock().timeIntervalSince1970)
                    try await store.write { db in
                        try NotificationRecords.delivered(item.id, at: at, in: db)
                        try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "evaluation.peer_\(item.action)",
                                                        target: "period/\(item.periodID)", outcome: .success,
                                                        detail: "\(peer) acknowledged the \(item.action) (attempt \(item.attempts + 1))"),
                                            at: Date(timeIntervalSince1970: TimeInterval(at)), in: db)
                    }
                    delivered += 1
                } catch {
                    let text = (error as? RPCError).map { "\($0.code): \($0.message)" } ?? "\(error)"
                    _ = try? await store.write { db in try NotificationRecords.failed(item.id, error: text, in: db) }
                    return delivered
                }
            }
        }
    }

    private func send(_ item: NotificationRecords.Pending) async throws {
        switch (item.peer, item.action) {
        case (NotificationRecords.reporting, "lock"):
            try await locks.lockReports(try Reporting.LockPeriodRequest(serializedBytes: item.request))
        case (NotificationRecords.reporting, "unlock"):
            try await locks.unlockReports(try Reporting.UnlockPeriodRequest(serializedBytes: item.request))
        case (NotificationRecords.planning, "lock"):
            try await locks.lockRevisions(try Planning.LockSkpRevisionsRequest(serializedBytes: item.request))
        case (NotificationRecords.planning, "unlock"):
            try await locks.unlockRevisions(try Planning.UnlockSkpRevisionsRequest(serializedBytes: item.request))
        default:
            throw RPCError(.internal, "unknown notification \(item.peer)/\(item.action)")
        }
    }
}
