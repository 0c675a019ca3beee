public import KinerjaProto
import KinerjaASN

/// An employee with several SKPs in one period (a transfer closes one SKP and opens another):
/// how each SKP's IKIs weigh in the proposal.
///
/// The rule (our inference; PermenPANRB 6/2022 evaluates the employee over the year, and an SKP
/// starts at the TMT of the jabatan):
/// - **realisations never move between SKPs**: a report belongs to the SKP its IKI belongs to;
/// - **targets are each SKP's own**, for the days it covers inside the period (planning's target
///   for the period is already pro rata to the SKP's covered days);
/// - each IKI is assessed against its own SKP's target, and the proposal **pools the IKIs of all
///   SKPs**, each SKP's IKIs weighted by the share of the period's covered days it covers:
///   `weight(S) = days(S ∩ P) ÷ Σ days(Sᵢ ∩ P)`. Days covered by no SKP count for none;
/// - two SKPs of one employee must not overlap (planning refuses it; here it is an error).
///
/// E.g. SKP A covers 1 January – 31 May (151 days) and SKP B 1 June – 31 December (214 days): in
/// the annual evaluation A's IKIs weigh 151/365 and B's 214/365 of what one SKP's would; in
/// triwulan II, A covers April–May (61 days) and B June (30 days): 61/91 and 30/91.
public enum SkpCoverage {
    /// One SKP's covered days.
    public struct Skp: Sendable, Hashable {
        /// SKP id.
        public var skpID: String
        /// First covered WITA day.
        public var first: Common.Date
        /// Last covered WITA day.
        public var last: Common.Date

        /// An SKP's covered days.
        public init(skpID: String, first: Common.Date, last: Common.Date) {
            self.skpID = skpID
            self.first = first
            self.last = last
        }
    }

    /// Each SKP's weight in `span` (SKPs covering no day of it are left out); the weights sum to 1.
    ///
    /// - Throws: ``EvaluationRuleError/skpsOverlap(first:second:)`` when two SKPs share a day;
    ///   ``EvaluationRuleError/periodInvalid(_:)`` for a malformed span or SKP.
    public static func weights(_ skps: [Skp], in span: Evaluation.EvaluationSpan) throws(EvaluationRuleError) -> [String: Double] {
        let covered = try days(skps, in: span)
        let total = covered.values.reduce(0, +)
        guard total > 0 else { return [:] }
        return covered.mapValues { Double($0) / Double(total) }
    }

    /// Each SKP's covered days inside `span` (SKPs covering no day of it are left out): the
    /// numerators of ``weights(_:in:)``; their sum is its denominator.
    ///
    /// - Throws: as ``weights(_:in:)``.
    public static func days(_ skps: [Skp], in span: Evaluation.EvaluationSpan) throws(EvaluationRuleError) -> [String: Int] {
        let range = try span.checkedDays()
        var days: [(skp: Skp, first: Int, last: Int)] = []
        for skp in skps {
            guard let first = skp.first.daysSinceEpoch, let last = skp.last.daysSinceEpoch, first <= last else {
                throw .periodInvalid("SKP \(skp.skpID) has malformed covered days \(skp.first.isoString)-\(skp.last.isoString)")
            }
            days.append((skp, first, last))
        }
        let ordered = days.sorted { $0.first < $1.first }
        for (a, b) in zip(ordered, ordered.dropFirst()) where b.first <= a.last {
            throw .skpsOverlap(first: a.skp.skpID, second: b.skp.skpID)
        }
        var covered: [String: Int] = [:]
        for entry in ordered {
            let lower = max(entry.first, range.first)
            let upper = min(entry.last, range.last)
            if lower <= upper { covered[entry.skp.skpID, default: 0] += upper - lower + 1 }
        }
        return covered
    }

    /// `ikis` with each one's coverage set from its SKP's weight (0 for an SKP outside the period).
    public static func apply(_ weights: [String: Double], to ikis: [IkiEvidence]) -> [IkiEvidence] {
        ikis.map { iki in
            var copy = iki
            copy.coverage = weights[iki.skpID] ?? 0
            return copy
        }
    }

    /// `ikis` of several SKPs pooled for `span`: each one's coverage from its SKP's covered days
    /// (``weights(_:in:)``), with the days for its reason. One SKP (or none) leaves them as they are.
    ///
    /// - Throws: as ``weights(_:in:)``.
    public static func pool(_ ikis: [IkiEvidence], skps: [Skp], in span: Evaluation.EvaluationSpan) throws(EvaluationRuleError) -> [IkiEvidence] {
        guard Set(skps.map(\.skpID)).count > 1 else { return ikis }
        let covered = try days(skps, in: span)
        let total = covered.values.reduce(0, +)
        return ikis.map { iki in
            var copy = iki
            let own = covered[iki.skpID] ?? 0
            copy.coverage = total > 0 ? Double(own) / Double(total) : 0
            copy.coveredDays = IkiEvidence.CoveredDays(skp: own, total: total)
            return copy
        }
    }
}
