public import KinerjaProto

/// What evaluation reads from the other services to propose ratings, batched per unit: reporting's
/// progress (planning's targets for the period and the verified realisations per IKI), planning's
/// SKP facts (approach, ekspektasi khusus) and feedback's 360° behaviour summaries.
///
/// Never one call per employee of a unit: a unit's progress and summaries are one stream each,
/// planning's targets one `StreamTargets` per 1 000 NIPs. Every method throws UNAVAILABLE when
/// the peer cannot answer: a proposal is never made from a guess.
public protocol EvidenceSource: Sendable {
    /// Every employee's progress in a unit scope for a period (reporting's StreamUnitProgress with
    /// `per_skp`), by NIP: one entry per SKP covering days of the period, in period order (several
    /// after a transfer), or one entry without SKP.
    func progress(unit: Common.UnitScope, period: Common.Period) async throws -> [String: [Reporting.EmployeeProgress]]
    /// One employee's progress per SKP, as above (GetProgress with `per_skp`; for an employee who
    /// joined the population from elsewhere and for GetEvaluation's evidence); empty when reporting
    /// knows nothing of them.
    func progress(nip: String, period: Common.Period) async throws -> [Reporting.EmployeeProgress]
    /// The SKP facts of `nips` for a period (planning's StreamTargets, 1 000 NIPs a call), by NIP.
    func targets(nips: [String], period: Common.Period) async throws -> [String: Planning.EmployeeTargets]
    /// Every employee's behaviour summary in a unit scope for a period (feedback's StreamBehaviourSummaries), by NIP.
    func behaviour(unit: Common.UnitScope, period: Common.Period) async throws -> [String: Feedback.BehaviourSummary]
    /// One employee's behaviour summary (GetBehaviourSummary); nil when there is none.
    func behaviour(nip: String, period: Common.Period) async throws -> Feedback.BehaviourSummary?
}

/// ``EvidenceSource`` over the three services, called with evaluation's own certificate.
public struct PeerEvidence: EvidenceSource {
    let planning: Planning.PlanningService.Client
    let reporting: Reporting.ReportingService.Client
    let feedback: Feedback.FeedbackService.Client

    /// Evidence from the three peers.
    public init(planning: Planning.PlanningService.Client, reporting: Reporting.ReportingService.Client,
                feedback: Feedback.FeedbackService.Client) {
        self.planning = planning
        self.reporting = reporting
        self.feedback = feedback
    }

    /// Runs a peer call; NOT_FOUND and INVALID_ARGUMENT pass, anything else is UNAVAILABLE naming the peer.
    private func ask<T>(_ peer: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RPCError where error.code == .notFound || error.code == .invalidArgument {
            throw error
        } catch let error as RPCError {
            throw RPCError(.unavailable, "\(peer) cannot answer (\(error.code): \(error.message)); retry later", reason: "PEER_UNAVAILABLE")
        } catch {
            throw RPCError(.unavailable, "\(peer) is unreachable; retry later", reason: "PEER_UNAVAILABLE")
        }
    }

    public func progress(unit: Common.UnitScope, period: Common.Period) async throws -> [String: [Reporting.EmployeeProgress]] {
        try await ask("reporting") {
            try await reporting.streamUnitProgress(Reporting.StreamUnitProgressRequest(unit: unit, period: period, perSkp: true)) { responses in
                var out: [String: [Reporting.EmployeeProgress]] = [:]
                for try await response in responses {
                    if let progress = response.progress, let nip = progress.employee?.nip { out[nip, default: []].append(progress) }
                }
                return out
            }
        }
    }

    public func progress(nip: String, period: Common.Period) async throws -> [Reporting.EmployeeProgress] {
        do {
            let response = try await ask("reporting") {
                try await reporting.getProgress(Reporting.GetProgressRequest(nip: nip, period: period, perSkp: true))
            }
            return response.skps.isEmpty ? (response.progress.map { [$0] } ?? []) : response.skps
        } catch let error as RPCError where error.code == .notFound {
            return []
        }
    }

    public func targets(nips: [String], period: Common.Period) async throws -> [String: Planning.EmployeeTargets] {
        var out: [String: Planning.EmployeeTargets] = [:]
        for batch in Array(Set(nips)).sorted().chunked(1000) {
            let request = Planning.StreamTargetsRequest(population: .nips(Common.NipList(nips: batch)), period: period, allowProvisional: false)
            let rows = try await ask("planning") {
                try await planning.streamTargets(request) { responses in
                    var rows: [Planning.EmployeeTargets] = []
                    for try await response in responses { if let targets = response.targets { rows.append(targets) } }
                    return rows
                }
            }
            for row in rows { if let nip = row.employee?.nip { out[nip] = row } }
        }
        return out
    }

    public func behaviour(unit: Common.UnitScope, period: Common.Period) async throws -> [String: Feedback.BehaviourSummary] {
        try await ask("feedback") {
            try await feedback.streamBehaviourSummaries(Feedback.StreamBehaviourSummariesRequest(unit: unit, period: period)) { responses in
                var out: [String: Feedback.BehaviourSummary] = [:]
                for try await response in responses {
                    if let summary = response.summary, let nip = summary.subject?.nip { out[nip] = summary }
                }
                return out
            }
        }
    }

    public func behaviour(nip: String, period: Common.Period) async throws -> Feedback.BehaviourSummary? {
        do {
            return try await ask("feedback") {
                try await feedback.getBehaviourSummary(Feedback.GetBehaviourSummaryRequest(nip: nip, period: period)).summary
            }
        } catch let error as RPCError where error.code == .notFound {
            return nil
        }
    }
}
