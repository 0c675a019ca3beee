public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaIdentityClient
import KinerjaService
import KinerjaStore

extension FeedbackHandlers {
    public func getBehaviourSummary(_ request: Feedback.GetBehaviourSummaryRequest,
                                    context: ServerContext) async throws -> Feedback.GetBehaviourSummaryResponse {
        let nip = try FeedbackInput.nip(request.nip, field: "nip")
        _ = try FeedbackInput.days(of: request.period)
        let subject = try await employee(nip)
        try await Access.required().require(.employee(nip: nip))
        let tree = try await directory.unitTree()
        let summaries = try await behaviourSummaries(of: [subject], period: request.period ?? Common.Period(), tree: tree)
        return Feedback.GetBehaviourSummaryResponse(summary: summaries.first)
    }

    public func streamBehaviourSummaries(_ request: Feedback.StreamBehaviourSummariesRequest,
                                         responses: RPCWriter<Feedback.StreamBehaviourSummariesResponse>, context: ServerContext) async throws {
        _ = try FeedbackInput.days(of: request.period)
        guard let scope = request.unit else { throw FeedbackError(.fieldRequired, "unit is required", field: "unit") }
        _ = try await units(scope)
        try await Access.required().require(.unit(id: scope.unitID))
        let members = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits)
        let tree = try await directory.unitTree()
        // One read for the whole unit, then one message per employee.
        for summary in try await behaviourSummaries(of: members, period: request.period ?? Common.Period(), tree: tree) {
            try await responses.write(Feedback.StreamBehaviourSummariesResponse(summary: summary))
        }
    }

    /// The behaviour summaries of `members` for `period` (``BehaviourSummaryReader``).
    func behaviourSummaries(of members: [Identity.Employee], period: Common.Period,
                            tree: UnitTreeSnapshot) async throws -> [Feedback.BehaviourSummary] {
        let counters = Set(tree.all.filter(\.publicServicePoint).map(\.unitID))
        return try await BehaviourSummaryReader.summaries(of: members, period: period, publicServicePoints: counters, store: store,
                                                          secret: secret, now: now)
    }

    /// The first and last UTC second of WITA days.
    static func instants(_ days: WitaDayRange) -> (Int64, Int64) {
        let from = Int64(Wita.startOfDay(days.start)?.timeIntervalSince1970 ?? 0)
        let through = Int64(Wita.startOfDay(days.end)?.timeIntervalSince1970 ?? 0) + 86_399
        return (from, through)
    }
}
