import Foundation
import KinerjaASN
import KinerjaProto

/// The evidence behind a period's proposals, gathered from the peers in batches, and the
/// domain's inputs made from it: ``IkiEvidence`` per IKI, ``BehaviourEvidence`` per employee.
struct ProposalEvidence: Sendable {
    /// Reporting's progress per part of the span (one part, or the two triwulan of a semester), by
    /// NIP: one entry per SKP covering days of the part, in period order (several after a transfer).
    var progress: [[String: [Reporting.EmployeeProgress]]]
    /// Planning's SKP facts (approach, ekspektasi khusus), by NIP.
    var targets: [String: Planning.EmployeeTargets]
    /// Feedback's 360° summaries, by NIP.
    var behaviour: [String: Feedback.BehaviourSummary]

    /// The parts reporting and feedback are asked about: the span's own period, or for a semester
    /// (which `common.Period` cannot name) its two triwulan.
    static func parts(of span: Evaluation.EvaluationSpan) -> [Common.Period] {
        if let period = span.period { return [period] }
        let first = (Int32(span.number) - 1) * 2 + 1
        return [first, first + 1].map { Common.Period(year: span.year, kind: .quarterly, triwulan: Common.Triwulan(rawValue: $0)) }
    }

    /// The IKIs of one employee as the proposal rule reads them: each SKP's IKIs (``ikis(skp:approach:qualitative:)``),
    /// pooled over the SKPs of the span by ``SkpCoverage`` — each SKP weighted by the days it covers
    /// (reporting's `skp_days`, over the parts), realisations staying with their own SKP's IKIs.
    ///
    /// - Parameters:
    ///   - parts: per part of the span, the employee's progress per SKP.
    ///   - targets: planning's SKP facts (the approach when reporting does not name it).
    static func ikis(nip: String, progress parts: [[Reporting.EmployeeProgress]], targets: Planning.EmployeeTargets?,
                     qualitative: [String: Common.Rating], span: Evaluation.EvaluationSpan) -> [IkiEvidence] {
        var order: [String] = []
        for row in parts.joined() where !row.skpID.isEmpty && !order.contains(row.skpID) { order.append(row.skpID) }
        guard order.count > 1 else {
            let single = parts.map { rows in rows.last { !$0.skpID.isEmpty } ?? rows.last }
            let approach = single.compactMap { $0?.approach }.last { $0 != .unspecified } ?? targets?.approach ?? .unspecified
            return ikis(skp: single, approach: approach, qualitative: qualitative)
        }
        var pooled: [IkiEvidence] = []
        var coverage: [SkpCoverage.Skp] = []
        for id in order {
            let own = parts.map { rows in rows.first { $0.skpID == id } }
            let approach = own.compactMap { $0?.approach }.last { $0 != .unspecified } ?? (targets?.skpID == id ? targets?.approach : nil) ?? .unspecified
            pooled += ikis(skp: own, approach: approach, qualitative: qualitative)
            let ranges = own.compactMap { $0?.skpDays }
            if let first = ranges.compactMap(\.startDate).min(by: { $0 < $1 }), let last = ranges.compactMap(\.endDate).max(by: { $0 < $1 }) {
                coverage.append(SkpCoverage.Skp(skpID: id, first: first, last: last))
            }
        }
        // Reporting that names no covered days (an older version) leaves the SKPs unweighted, and so
        // would SKPs sharing a day (SKPS_OVERLAP), which planning never lets happen.
        guard coverage.count == order.count else { return pooled }
        return (try? SkpCoverage.pool(pooled, skps: coverage, in: span)) ?? pooled
    }

    /// The IKIs of one SKP over the parts of the span (`parts`: its progress in each part, nil where
    /// it covers none of it).
    ///
    /// One part: reporting's progress per IKI as it is (``IkiEvidence/init(progress:skpID:evidencePresent:)``).
    /// A semester: each IKI's two triwulan combined by ``RealisationAggregate/combine(_:aspek:aggregation:)``.
    /// A Kualitatif SKP: each IKI's descriptive target with the atasan's rating — the one given in
    /// evaluation (RateQualitativeIkis) first, else the rating of the period's realisation in reporting.
    static func ikis(skp parts: [Reporting.EmployeeProgress?], approach: Planning.SkpApproach,
                     qualitative: [String: Common.Rating]) -> [IkiEvidence] {
        guard let reference = parts.last(where: { !($0?.ikis.isEmpty ?? true) }) ?? nil else { return [] }
        let kualitatif = approach == .kualitatif
        return reference.ikis.map { iki in
            let pieces = parts.compactMap { part in part?.ikis.first { $0.ikiID == iki.ikiID } }
            if kualitatif {
                let text = iki.target?.qualitativeText.isEmpty == false ? iki.target?.qualitativeText ?? "" : iki.indicator
                let rating = qualitative[iki.ikiID] ?? pieces.last { $0.qualitative?.rating.isRated ?? false }?.qualitative?.rating ?? .unspecified
                return IkiEvidence(skpID: reference.skpID, rhkID: iki.rhkID, rhkKind: iki.rhkKind, ikiID: iki.ikiID, indicator: iki.indicator,
                                   measure: .descriptive(text: text, rating: rating), evidencePresent: pieces.contains { $0.verifiedCount > 0 })
            }
            guard pieces.count > 1 else { return IkiEvidence(progress: iki, skpID: reference.skpID) }
            let combined = RealisationAggregate.combine(
                pieces.map { RealisationAggregate.Part(target: $0.target?.value ?? 0, targetUpper: $0.target?.upperValue?.value,
                                                       realisation: $0.verifiedCount > 0 ? $0.realisationVerified : nil,
                                                       reportCount: Int($0.verifiedCount)) },
                aspek: iki.aspek, aggregation: iki.aggregation)
            let target = iki.target.map {
                CapaianTarget(value: combined.target, upperValue: combined.targetUpper, unit: $0.unit, direction: $0.direction)
            }
            let verified = pieces.contains { $0.verifiedCount > 0 }
            return IkiEvidence(skpID: reference.skpID, rhkID: iki.rhkID, rhkKind: iki.rhkKind, ikiID: iki.ikiID, indicator: iki.indicator,
                               measure: .capaian(target: target, realisation: verified ? combined.realisation : nil), evidencePresent: verified)
        }
    }

    /// The proposal for one evaluation: Hasil Kerja from its IKIs (a unit leader's from the
    /// organisation rating), Perilaku from the 360° summary, the ekspektasi khusus and the atasan's
    /// judgements of them.
    func proposal(for evaluation: Evaluation.EmployeeEvaluation, organisation: Common.OrganisationRating,
                  rule: ProposalRuleConfiguration) -> EvaluationProposal {
        let span = evaluation.span ?? Evaluation.EvaluationSpan()
        let nip = evaluation.employee?.nip ?? ""
        var qualitative: [String: Common.Rating] = [:]
        for rating in evaluation.qualitativeRatings where rating.rating.isRated { qualitative[rating.ikiID] = rating.rating }
        let ikis = Self.ikis(nip: nip, progress: progress.map { $0[nip] ?? [] }, targets: targets[nip], qualitative: qualitative, span: span)
        let behaviour = BehaviourEvidence(summary: behaviour[nip], expectations: targets[nip]?.behaviourExpectations ?? [],
                                          judgements: evaluation.expectationJudgements)
        return EvaluationProposal(ikis: ikis, behaviour: behaviour, leadsUnitRated: evaluation.unitLeader ? organisation : nil, rule: rule)
    }

    /// The SKP the progress names for an employee (the last in period order of the last part), with its version.
    func skp(of nip: String) -> (id: String, version: UInt32)? {
        guard let last = progress.compactMap({ $0[nip]?.last { !$0.skpID.isEmpty } }).last else { return nil }
        return (last.skpID, last.skpVersion)
    }

    /// Every SKP the progress names for an employee, in period order.
    func skpIDs(of nip: String) -> [String] {
        var ids: [String] = []
        for row in progress.compactMap({ $0[nip] }).joined() where !row.skpID.isEmpty && !ids.contains(row.skpID) { ids.append(row.skpID) }
        return ids
    }

    /// The entry an old client of GetProgress reads among an employee's per-SKP entries: the SKP
    /// covering most of the period, the later on a tie (planning's rule for one SKP per period).
    static func main(of rows: [Reporting.EmployeeProgress]) -> Reporting.EmployeeProgress? {
        var best: Reporting.EmployeeProgress?
        for row in rows where best == nil || row.skpDayCount >= best?.skpDayCount ?? 0 { best = row }
        return best
    }
}
