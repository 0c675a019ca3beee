public import KinerjaProto

/// Where a finalisation's consequences are delivered: reporting locks the period's reports
/// (`LockPeriod`, the call the reporting contract defines for evaluation) and lifts the lock on a
/// reopening; planning, after an annual finalisation, refuses revisions of the year's SKPs
/// (`LockSkpRevisions`). Each call is a full replacement keyed by evaluation's period id, so
/// delivering one twice changes nothing.
public protocol PeerLocks: Sendable {
    /// Reporting: lock the period for the employees named.
    func lockReports(_ request: Reporting.LockPeriodRequest) async throws
    /// Reporting: remove the lock (NOT_FOUND counts as done).
    func unlockReports(_ request: Reporting.UnlockPeriodRequest) async throws
    /// Planning: refuse revisions of the year's SKPs of the employees named.
    func lockRevisions(_ request: Planning.LockSkpRevisionsRequest) async throws
    /// Planning: allow them again.
    func unlockRevisions(_ request: Planning.UnlockSkpRevisionsRequest) async throws
}

/// ``PeerLocks`` over reporting and planning, with evaluation's own certificate (the identity both
/// tables grant these calls to).
public struct LivePeerLocks: PeerLocks {
    let reporting: Reporting.ReportingService.Client
    let planning: Planning.PlanningService.Client

    /// Locks delivered through these clients.
    public init(reporting: Reporting.ReportingService.Client, planning: Planning.PlanningService.Client) {
        self.reporting = reporting
        self.planning = planning
    }

    static let options = CallOptions(timeout: .seconds(30), idempotent: true)

    public func lockReports(_ request: Reporting.LockPeriodRequest) async throws {
        _ = try await reporting.lockPeriod(request, options: Self.options)
    }

    public func unlockReports(_ request: Reporting.UnlockPeriodRequest) async throws {
        do {
            _ = try await reporting.unlockPeriod(request, options: Self.options)
        } catch let error as RPCError where error.code == .notFound {
            return
        }
    }

    public func lockRevisions(_ request: Planning.LockSkpRevisionsRequest) async throws {
        _ = try await planning.lockSkpRevisions(request, options: Self.options)
    }

    public func unlockRevisions(_ request: Planning.UnlockSkpRevisionsRequest) async throws {
        _ = try await planning.unlockSkpRevisions(request, options: Self.options)
    }
}
