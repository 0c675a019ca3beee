public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

/// Proposals from evidence: reporting's verified realisations against planning's targets, feedback's
/// 360° summaries and planning's ekspektasi khusus, by the period's proposal rule — each with its
/// reasons (which IKIs, which figures). The rules are the domain's (``EvaluationProposal``).
extension EvaluationHandlers {
    /// Gathers a period's evidence from the peers: per part of the span, one progress stream of the
    /// unit (reporting) and one summary stream (feedback); planning's SKP facts in batches of 1 000
    /// NIPs. Employees the unit's streams do not list (transferred in) are asked one by one.
    func gatherEvidence(_ period: Evaluation.EvaluationPeriod, nips: [String]) async throws -> ProposalEvidence {
        let span = period.span ?? Evaluation.EvaluationSpan()
        let scope = period.unit ?? Common.UnitScope()
        let parts = ProposalEvidence.parts(of: span)
        var progress: [[String: [Reporting.EmployeeProgress]]] = []
        for part in parts {
            var rows = try await evidence.progress(unit: scope, period: part)
            for nip in nips where rows[nip] == nil {
                let own = try await evidence.progress(nip: nip, period: part)
                if !own.isEmpty { rows[nip] = own }
            }
            progress.append(rows)
        }
        let targets = nips.isEmpty ? [:] : try await evidence.targets(nips: nips, period: Self.planningPeriod(span))
        // The 360° round of the span (of a semester: its last triwulan's).
        let behaviour = try await evidence.behaviour(unit: scope, period: parts.last ?? Self.planningPeriod(span))
        return ProposalEvidence(progress: progress, targets: targets, behaviour: behaviour)
    }

    /// One employee's evidence for `span` (RateQualitativeIkis, SetExpectationJudgements): reporting's
    /// progress per part of the span (per SKP), planning's `targets` (already fetched by the caller),
    /// feedback's summary of the span's last part.
    func gatherEvidence(of nip: String, span: Evaluation.EvaluationSpan, targets: Planning.EmployeeTargets?) async throws -> ProposalEvidence {
        let parts = ProposalEvidence.parts(of: span)
        var progress: [[String: [Reporting.EmployeeProgress]]] = []
        for part in parts {
            let own = try await evidence.progress(nip: nip, period: part)
            progress.append(own.isEmpty ? [:] : [nip: own])
        }
        let summary = try await evidence.behaviour(nip: nip, period: parts.last ?? Self.planningPeriod(span))
        return ProposalEvidence(progress: progress, targets: targets.map { [nip: $0] } ?? [:], behaviour: summary.map { [nip: $0] } ?? [:])
    }

    /// `evaluation` with `proposal` recorded (state and revision follow).
    func proposed(_ evaluation: Evaluation.EmployeeEvaluation, _ proposal: EvaluationProposal, evidence: ProposalEvidence,
                  evaluator: Common.EmployeeRef?) -> Evaluation.EmployeeEvaluation {
        var updated = evaluation
        let nip = evaluation.employee?.nip ?? ""
        var hasilKerja = proposal.hasilKerja
        hasilKerja.computedAt = now
        var perilaku = proposal.perilaku
        perilaku.computedAt = now
        if let skp = evidence.skp(of: nip) {
            updated.skpID = skp.id
            updated.skpVersion = skp.version
            // Every SKP the proposal pooled (several after a transfer), in period order.
            for id in evidence.skpIDs(of: nip) + [skp.id] where !updated.skpIDs.contains(id) { updated.skpIDs.append(id) }
            hasilKerja.skpVersion = skp.version
        }
        updated.proposal = hasilKerja
        updated.perilakuProposal = perilaku
        if let evaluator, !evaluator.nip.isEmpty { updated.evaluator = evaluator }
        updated.state = EvaluationStateRule.state(hasProposal: true, hasilKerja: updated.hasilKerja?.rating ?? .unspecified,
                                                  perilaku: updated.perilakuKerja?.rating ?? .unspecified, finalised: false)
        updated.revision += 1
        return updated
    }

    public func proposeEvaluations(_ request: Evaluation.ProposeEvaluationsRequest,
                                   context: ServerContext) async throws -> Evaluation.ProposeEvaluationsResponse {
        let period = try await period(request.periodID)
        try await requireScope(.unit(id: period.unit?.unitID ?? ""))
        return try await propose(period, nips: request.nips, recompute: request.recompute, context: context, request: request)
    }

    /// Computes and stores the proposals of `period` (all, or `nips`); the service runs it as
    /// `system` too (demo seeding).
    func propose(_ period: Evaluation.EvaluationPeriod, nips asked: [String], recompute: Bool, context: ServerContext?,
                 request: Evaluation.ProposeEvaluationsRequest) async throws -> Evaluation.ProposeEvaluationsResponse {
        for (index, nip) in asked.enumerated() { try Invalid.requireNIP(nip, "nips[\(index)]") }
        var lifecycle = Self.lifecycle(period, finalisations: [])
        try lifecycle.apply(.change(action: "computing proposals"))
        let evaluations = try await store.read { db in try EvaluationRecords.forPeriod(period.periodID, in: db) }
        let population = Set(evaluations.compactMap { $0.employee?.nip })
        if let outside = asked.first(where: { !population.contains($0) }) {
            throw Invalid.field("nips", "\(outside) is not in the period's population", reason: "NOT_IN_POPULATION")
        }
        let wanted = asked.isEmpty ? population : Set(asked)
        let chosen = evaluations.filter { wanted.contains($0.employee?.nip ?? "") && (recompute || $0.proposal == nil) }
        let nips = chosen.compactMap { $0.employee?.nip }
        let evidence = try await gatherEvidence(period, nips: nips)
        let penilai = nips.isEmpty ? [:] : try await directory.penilai(of: nips, on: evaluatorDay(period.span ?? .init()))
        // Recomputing takes the rule in force now; otherwise the version the period started with.
        let current = recompute ? try await effectiveRule(unitID: period.unit?.unitID ?? "") : nil
        let rule: ProposalRuleConfiguration
        if let current { rule = ProposalRuleConfiguration(current.rule) } else { rule = try await self.rule(of: period) }
        let stored = try await store.read { db in (try PeriodRecords.fetch(period.periodID, in: db) ?? period, try Self.unitRatings(period, in: db)) }
        var results: [(Evaluation.EmployeeEvaluation, EvaluationProposal)] = []
        for evaluation in chosen {
            let nip = evaluation.employee?.nip ?? ""
            let organisation = Self.organisation(for: evaluation, period: stored.0, unitRatings: stored.1)
            let proposal = evidence.proposal(for: evaluation, organisation: organisation, rule: rule)
            let answer = penilai[nip]
            results.append((proposed(evaluation, proposal, evidence: evidence,
                                      evaluator: answer?.kind == Common.PenilaiKind.none ? nil : answer?.penilai), proposal))
        }
        let computed = results
        let body: @Sendable (Database, ChangeActor) throws -> Evaluation.ProposeEvaluationsResponse = { [self] db, actor in
            guard var stored = try PeriodRecords.fetch(period.periodID, in: db) else { throw RPCError(.notFound, "no evaluation period \(period.periodID)") }
            var lifecycle = Self.lifecycle(stored, finalisations: try PeriodRecords.finalisations(stored.periodID, in: db))
            try lifecycle.apply(.change(action: "computing proposals"))
            var response = Evaluation.ProposeEvaluationsResponse()
            var counts: [Common.Rating: UInt32] = [:]
            let update = try EvaluationRecords.updater(db)
            for (evaluation, proposal) in computed {
                // A rating entered meanwhile is kept; only the proposal changes.
                guard var latest = try EvaluationRecords.fetch(evaluation.evaluationID, in: db), latest.state != .finalised else { continue }
                let before = latest.proposal?.rating
                latest.proposal = evaluation.proposal
                latest.perilakuProposal = evaluation.perilakuProposal
                latest.skpID = evaluation.skpID
                latest.skpVersion = evaluation.skpVersion
                latest.skpIDs = evaluation.skpIDs
                latest.evaluator = evaluation.evaluator
                latest.state = EvaluationStateRule.state(hasProposal: true, hasilKerja: latest.hasilKerja?.rating ?? .unspecified,
                                                         perilaku: latest.perilakuKerja?.rating ?? .unspecified, finalised: false)
                latest.revision += 1
                try update(latest)
                response.proposedCount += 1
                if let before, before != proposal.hasilKerja.rating { response.changedCount += 1 }
                counts[proposal.hasilKerja.rating, default: 0] += 1
                if !proposal.notes.isEmpty {
                    response.failures.append(Evaluation.ProposalFailure(nip: latest.employee?.nip ?? "",
                                                                        reason: proposal.notes.joined(separator: "; ").truncated(to: 500)))
                }
            }
            response.distribution = [Common.Rating.diAtasEkspektasi, .sesuaiEkspektasi, .diBawahEkspektasi, .unspecified]
                .map { Evaluation.ProposedRatingCount(rating: $0, count: counts[$0] ?? 0) }
            if let current {
                stored.proposalRuleID = current.rule.ruleID
                stored.proposalRuleVersion = current.rule.version
                stored.revision += 1
                try PeriodRecords.update(stored, in: db)
            }
            let detail = "proposals for \(response.proposedCount) employees (\(response.changedCount) changed), rule \(rule.ruleID.isEmpty ? "default" : "\(rule.ruleID) v\(rule.version)"); \(response.failures.count) without a full proposal"
            if let context {
                try audit(db, context, actor, target: "period/\(stored.periodID)", detail: detail)
            } else {
                try AuditLog.append(AuditRecord(principal: actor.principal, principalKind: actor.kind, action: "evaluation.propose",
                                                target: "period/\(stored.periodID)", outcome: .success, detail: detail), at: clock(), in: db)
            }
            return response
        }
        if let context { return try await write(context, request, body) }
        let actor = ChangeActor(principal: "system", kind: .system, now: nowSeconds)
        return try await store.write { db in try body(db, actor) }
    }

    public func rateQualitativeIkis(_ request: Evaluation.RateQualitativeIkisRequest,
                                    context: ServerContext) async throws -> Evaluation.RateQualitativeIkisResponse {
        let evaluation = try await evaluation(request.evaluationID)
        let nip = evaluation.employee?.nip ?? ""
        let rater = try await requirePenilai(of: nip, doing: "rates the descriptive targets")
        let period = try await period(evaluation.periodID)
        let span = period.span ?? Evaluation.EvaluationSpan()
        let targets = try await evidence.targets(nips: [nip], period: Self.planningPeriod(span))[nip]
        guard targets?.approach == .kualitatif else {
            throw Invalid.field("evaluation_id", "\(nip)'s SKP is not Kualitatif: its IKIs are measured by capaian", reason: "SKP_NOT_KUALITATIF")
        }
        try RatingDecisionRules.checkQualitativeRatings(request.ratings, ikiIDs: Set(targets?.targets.map(\.ikiID) ?? []))
        let gathered = try await gatherEvidence(of: nip, span: span, targets: targets)
        let rule = try await rule(of: period)
        return try await write(context, request) { [self] db, actor in
            guard var current = try EvaluationRecords.fetch(request.evaluationID, in: db),
                  let stored = try PeriodRecords.fetch(current.periodID, in: db) else { throw RPCError(.notFound, "no evaluation \(request.evaluationID)") }
            try Self.checkRevision(expected: request.expectedRevision, current: current.revision, what: "evaluation")
            var lifecycle = Self.lifecycle(stored, finalisations: try PeriodRecords.finalisations(stored.periodID, in: db))
            try lifecycle.apply(.change(action: "rating descriptive targets"))
            for given in request.ratings {
                var rating = given
                rating.note = given.note.trimmed
                rating.rated = actor.stamp
                current.qualitativeRatings.removeAll { $0.ikiID == given.ikiID }
                current.qualitativeRatings.append(rating)
            }
            let organisation = Self.organisation(for: current, period: stored, unitRatings: try Self.unitRatings(stored, in: db))
            let proposal = gathered.proposal(for: current, organisation: organisation, rule: rule)
            current = proposed(current, proposal, evidence: gathered, evaluator: rater)
            try EvaluationRecords.update(current, in: db)
            try audit(db, context, actor, target: "evaluation/\(current.evaluationID)",
                      detail: "\(request.ratings.count) descriptive targets rated; Hasil Kerja proposal \(proposal.hasilKerja.rating.label)")
            return Evaluation.RateQualitativeIkisResponse(evaluation: current)
        }
    }
}
