import Foundation
import GRDB
import KinerjaProto
import KinerjaStore

extension FeedbackHandlers {
    /// Writes down the deadlines passed by now (``FeedbackMaintenance``): rounds past their
    /// deadline close, unrated tickets past their 7 days expire. Runs every minute.
    public func applyDeadlines() async throws -> (rounds: Int, tickets: Int) {
        try await FeedbackMaintenance.run(self)
    }
}

/// What time does on its own: a round closes at its deadline (its pending assignments expire)
/// and an unrated ticket expires 7 days after issue. Reads already treat both as done
/// (``AssessmentRoundLifecycle/effectiveState(at:)``, ``ServiceTicketLifecycle/effectiveState(at:)``);
/// this job writes it down, audited as the `system`.
enum FeedbackMaintenance {
    /// Applies the deadlines passed by now; returns how many rounds closed and tickets expired.
    static func run(_ handlers: FeedbackHandlers) async throws -> (rounds: Int, tickets: Int) {
        let now = handlers.now
        let at = handlers.clock()
        let stamp = Common.AuditStamp(principal: "system", principalKind: .system, at: now)
        return try await handlers.store.write { db in
            var rounds = 0
            for round in try AssessmentRecords.pastDeadline(now.seconds, in: db) {
                let (_, expired) = try handlers.close(round.roundID, reason: "", stamp: stamp, in: db)
                try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "feedback.round_deadline",
                                                target: "round/\(round.roundID)", outcome: .success,
                                                detail: "closed at its deadline, \(expired) pending assignments expired"), at: at, in: db)
                rounds += 1
            }
            var tickets = 0
            for (code, ticket) in try CitizenRecords.expiredIssued(before: now.seconds, limit: 10_000, in: db) {
                var lifecycle = ServiceTicketLifecycle(ticket)
                guard lifecycle.expire(at: now) else { continue }
                var expired = ticket
                expired.state = lifecycle.state
                try CitizenRecords.update(expired, canonical: code, in: db)
                tickets += 1
            }
            if tickets > 0 {
                try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "feedback.ticket_expiry", outcome: .success,
                                                detail: "\(tickets) unrated tickets expired"), at: at, in: db)
            }
            return (rounds, tickets)
        }
    }
}
