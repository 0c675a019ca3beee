public import KinerjaProto
import Foundation
import GRDB
import KinerjaCrypto
import KinerjaIdentityClient
import KinerjaService
import KinerjaStore

/// The curve, finalisation and reopening (``PeriodLifecycle``, ``CurveCheck``).
///
/// Finalisation is one SQLite transaction: every counted evaluation becomes FINALISED with a
/// snapshot of what it rests on and that snapshot's SHA-256, the finalisation record and the
/// notifications for reporting (and planning) are written, and the audit entry — or nothing is,
/// so a crash leaves the period wholly final or wholly open. The peers are told after the commit
/// (``LockDeliverer``); one that is down is retried, never waited for.
extension EvaluationHandlers {
    /// Most NIPs in one lock of reporting or planning.
    static let lockNIPLimit = 10_000

    public func getCurve(_ request: Evaluation.GetCurveRequest, context: ServerContext) async throws -> Evaluation.GetCurveResponse {
        let period = try await period(request.periodID)
        let tree = try await directory.unitTree()
        let unitID = try subunit(request.unitID, of: period, tree: tree) ?? ""
        try await requirePeriodReader(period)
        return Evaluation.GetCurveResponse(curve: try await store.read { db in try Self.curve(period, unitID: unitID, tree: tree, in: db).status })
    }

    /// The lock ids of a finalisation covering `count` employees over `parts` periods: the period's
    /// id for the first, then `<id>~<part>-<chunk>` (reporting's lock ids are 1–64 characters).
    static func lockIDs(periodID: String, parts: Int, count: Int) -> [[String]] {
        let chunks = max(1, (count + lockNIPLimit - 1) / lockNIPLimit)
        return (0..<parts).map { part in
            (0..<chunks).map { chunk in part == 0 && chunk == 0 ? periodID : "\(periodID)~\(part)-\(chunk)" }
        }
    }

    public func finalisePeriod(_ request: Evaluation.FinalisePeriodRequest, context: ServerContext) async throws -> Evaluation.FinalisePeriodResponse {
        if let recorded = try await recordedResponse(context, bytes: try request.serializedBytes(), as: Evaluation.FinalisePeriodResponse.self) {
            return recorded
        }
        let period = try await period(request.periodID)
        try await requirePimpinanAbove(period, doing: "finalises the unit's evaluations (and overrides the curve)")
        let tree = try await directory.unitTree()
        let response = try await write(context, request) { [self] db, actor in
            try finalise(request, tree: tree, db: db, actor: actor, context: context)
        }
        Task { await deliverer.deliver() }
        return response
    }

    /// The finalisation inside its transaction; every curve of the period is checked (`tree` places
    /// the employees of units with a curve of their own).
    func finalise(_ request: Evaluation.FinalisePeriodRequest, tree: UnitTreeSnapshot? = nil, db: Database, actor: ChangeActor,
                  context: ServerContext?) throws -> Evaluation.FinalisePeriodResponse {
        guard var period = try PeriodRecords.fetch(request.periodID, in: db) else { throw RPCError(.notFound, "no evaluation period \(request.periodID)") }
        try Self.checkRevision(expected: request.expectedRevision, current: period.revision, what: "period")
        let unitID = period.unit?.unitID ?? ""
        let span = period.span ?? Evaluation.EvaluationSpan()
        let evaluations = try EvaluationRecords.forPeriod(period.periodID, in: db)
        let counted = evaluations.filter { !$0.excluded }
        let unrated = counted.filter { $0.predikat.score == nil }
        let breaches = try Self.breaches(period, tree: tree, in: db)
        var lifecycle = Self.lifecycle(period, finalisations: try PeriodRecords.finalisations(period.periodID, in: db))
        let outcome = Result<PeriodLifecycle.Action, EvaluationRuleError> { () throws(EvaluationRuleError) -> PeriodLifecycle.Action in
            try lifecycle.apply(.finalise(unrated: unrated.count, breaches: breaches, overrideReason: request.overrideReason))
        }
        let action: PeriodLifecycle.Action
        switch outcome {
        case .success(let done):
            action = done
        case .failure(let rule):
            guard case .evaluationsUnrated = rule else { throw rule }
            // The domain's refusal, with who is unrated as PreconditionFailure details.
            var detail = RPC.StatusDetail()
            detail.detail = .preconditionFailure(RPC.PreconditionFailure(violations: unrated.prefix(32).map {
                RPC.PreconditionViolation(kind: "UNRATED", subject: "evaluation/\($0.evaluationID)",
                                          description: "\($0.employee?.nip ?? "") \($0.employee?.displayName ?? ""): \($0.state)")
            }))
            throw RPCError(.failedPrecondition, rule.message, reason: rule.reason, details: [detail])
        }
        guard case .finalised(let number, let accepted) = action else { throw RPCError(.internal, "finalisation did not finalise") }

        // Every counted evaluation: FINALISED, its snapshot and the snapshot's digest.
        var finalised: [(evaluation: Evaluation.EmployeeEvaluation, bytes: [UInt8])] = []
        var digests: [UInt8] = []
        var nips: [String] = []
        for var evaluation in counted.sorted(by: { ($0.employee?.nip ?? "") < ($1.employee?.nip ?? "") }) {
            evaluation.state = EvaluationStateRule.state(hasProposal: evaluation.proposal != nil, hasilKerja: evaluation.hasilKerja?.rating ?? .unspecified,
                                                         perilaku: evaluation.perilakuKerja?.rating ?? .unspecified, finalised: true)
            evaluation.finalised = actor.stamp
            evaluation.revision += 1
            let bytes = try SnapshotRecords.snapshotBytes(evaluation)
            evaluation.snapshotSha256 = SHA256.hash(bytes)
            digests += evaluation.snapshotSha256
            nips.append(evaluation.employee?.nip ?? "")
            finalised.append((evaluation, bytes))
        }
        var record = Evaluation.FinalisationRecord()
        record.number = number
        record.finalised = actor.stamp
        if !accepted.isEmpty {
            record.curveOverride = Evaluation.CurveOverride(reason: request.overrideReason.trimmed, breaches: accepted, overridden: actor.stamp)
        }
        record.snapshotCount = UInt32(nips.count)
        record.snapshotsSha256 = SHA256.hash(digests)
        try PeriodRecords.insert(record, periodID: period.periodID, in: db)
        let update = try EvaluationRecords.updater(db)
        let snapshot = try SnapshotRecords.inserter(db, periodID: period.periodID, number: number)
        for (evaluation, bytes) in finalised {
            try snapshot(evaluation, bytes, evaluation.snapshotSha256)
            try update(evaluation)
        }
        period.state = lifecycle.state
        period.finalised = actor.stamp
        period.curveOverride = record.curveOverride
        period.revision += 1
        try PeriodRecords.update(period, in: db)

        // What the peers must be told, in the same transaction.
        let reason = "evaluasi \(span.label) unit \(unitID) difinalisasi (finalisasi \(number))"
        let parts = ProposalEvidence.parts(of: span)
        let ids = Self.lockIDs(periodID: period.periodID, parts: parts.count, count: nips.count)
        let batches = nips.chunked(Self.lockNIPLimit)
        if !nips.isEmpty {
            for (part, lockIDs) in zip(parts, ids) {
                for (lockID, batch) in zip(lockIDs, batches) {
                    let lock = Reporting.PeriodLock(lockID: lockID, period: part, nips: batch, reason: reason)
                    try NotificationRecords.enqueue(peer: NotificationRecords.reporting, action: "lock", periodID: period.periodID,
                                                    request: Reporting.LockPeriodRequest(lock: lock), at: actor.now, in: db)
                }
            }
            if span.kind == .annual {
                for (lockID, batch) in zip(ids.first ?? [], batches) {
                    let lock = Planning.SkpRevisionLock(lockID: lockID, year: span.year, nips: batch, reason: reason)
                    try NotificationRecords.enqueue(peer: NotificationRecords.planning, action: "lock", periodID: period.periodID,
                                                    request: Planning.LockSkpRevisionsRequest(lock: lock), at: actor.now, in: db)
                }
            }
        }
        let detail = "finalised \(span.label) of unit \(unitID) (finalisation \(number)): \(nips.count) evaluations snapshotted, "
            + (accepted.isEmpty ? "the curve holds" : "\(accepted.count) breach(es) overridden: \(request.overrideReason.trimmed)")
        if let context {
            try audit(db, context, actor, target: "period/\(period.periodID)", detail: detail)
        } else {
            try AuditLog.append(AuditRecord(principal: actor.principal, principalKind: actor.kind, action: "evaluation.finalise",
                                            target: "period/\(period.periodID)", outcome: .success, detail: detail),
                                at: Date(timeIntervalSince1970: TimeInterval(actor.now)), in: db)
        }
        return Evaluation.FinalisePeriodResponse(period: try PeriodRecords.assemble(period, in: db), breaches: accepted,
                                                 finalisedCount: UInt32(nips.count))
    }

    public func reopenPeriod(_ request: Evaluation.ReopenPeriodRequest, context: ServerContext) async throws -> Evaluation.ReopenPeriodResponse {
        // The reason first (INVALID_ARGUMENT before anything else).
        try PeriodLifecycle.check(request.reason, field: "reason", range: EvaluationLimits.reopenReason, why: "to reopen a finalised period")
        let period = try await period(request.periodID)
        try await requirePimpinanAbove(period, doing: "reopens the unit's finalised evaluations")
        let response = try await write(context, request) { [self] db, actor in
            guard var period = try PeriodRecords.fetch(request.periodID, in: db) else { throw RPCError(.notFound, "no evaluation period \(request.periodID)") }
            var finalisations = try PeriodRecords.finalisations(period.periodID, in: db)
            var lifecycle = Self.lifecycle(period, finalisations: finalisations)
            guard case .reopened(let number) = try lifecycle.apply(.reopen(reason: request.reason)) else {
                throw RPCError(.internal, "reopening did not reopen")
            }
            let reason = request.reason.trimmed
            if let index = finalisations.firstIndex(where: { $0.number == number }) {
                finalisations[index].superseded = true
                finalisations[index].reopenReason = reason
                finalisations[index].reopened = actor.stamp
                try PeriodRecords.update(finalisations[index], periodID: period.periodID, in: db)
            }
            try SnapshotRecords.supersede(periodID: period.periodID, number: number, in: db)
            let update = try EvaluationRecords.updater(db)
            var reopened = 0
            for var evaluation in try EvaluationRecords.forPeriod(period.periodID, in: db) where evaluation.state == .finalised {
                evaluation.finalised = nil
                evaluation.snapshotSha256 = []
                evaluation.state = EvaluationStateRule.state(hasProposal: evaluation.proposal != nil, hasilKerja: evaluation.hasilKerja?.rating ?? .unspecified,
                                                             perilaku: evaluation.perilakuKerja?.rating ?? .unspecified, finalised: false)
                evaluation.revision += 1
                try update(evaluation)
                reopened += 1
            }
            period.state = lifecycle.state
            period.finalised = nil
            period.curveOverride = nil
            period.reopenCount = UInt32(lifecycle.reopenCount)
            period.revision += 1
            try PeriodRecords.update(period, in: db)
            // The peers lift their locks (the same lock ids the finalisation used).
            let span = period.span ?? Evaluation.EvaluationSpan()
            let count = Int(finalisations.first { $0.number == number }?.snapshotCount ?? 0)
            if count > 0 {
                let ids = Self.lockIDs(periodID: period.periodID, parts: ProposalEvidence.parts(of: span).count, count: count)
                for lockID in ids.joined() {
                    try NotificationRecords.enqueue(peer: NotificationRecords.reporting, action: "unlock", periodID: period.periodID,
                                                    request: Reporting.UnlockPeriodRequest(lockID: lockID, reason: "dibuka kembali: \(reason)"),
                                                    at: actor.now, in: db)
                }
                if span.kind == .annual {
                    for lockID in ids.first ?? [] {
                        try NotificationRecords.enqueue(peer: NotificationRecords.planning, action: "unlock", periodID: period.periodID,
                                                        request: Planning.UnlockSkpRevisionsRequest(lockID: lockID, reason: "dibuka kembali: \(reason)"),
                                                        at: actor.now, in: db)
                    }
                }
            }
            try audit(db, context, actor, target: "period/\(period.periodID)",
                      detail: "reopened: finalisation \(number) and its \(reopened) snapshots superseded: \(reason)")
            return Evaluation.ReopenPeriodResponse(period: try PeriodRecords.assemble(period, in: db))
        }
        Task { await deliverer.deliver() }
        return response
    }
}
