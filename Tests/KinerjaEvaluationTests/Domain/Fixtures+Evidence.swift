import KinerjaEvaluation
import KinerjaProto

extension Fixtures {
    /// A Kuantitatif IKI with a numeric target and a verified realisation.
    static func iki(_ id: String, _ kind: Common.RhkKind = .utama, target: Double, realisation: Double?,
                    unit: String = "dokumen", direction: Common.TargetDirection = .higherIsBetter,
                    upper: Double? = nil, skp: String = "skp-1", evidence: Bool = true, indicator: String = "") -> IkiEvidence {
        IkiEvidence(skpID: skp, rhkID: "rhk-\(id)", rhkKind: kind, ikiID: id, indicator: indicator,
                    measure: .capaian(target: CapaianTarget(value: target, upperValue: upper, unit: unit, direction: direction),
                                      realisation: realisation),
                    evidencePresent: evidence)
    }

    /// An IKI whose capaian is `percent` (target 100).
    static func capaian(_ id: String, _ percent: Double, _ kind: Common.RhkKind = .utama, skp: String = "skp-1") -> IkiEvidence {
        iki(id, kind, target: 100, realisation: percent, unit: "persen", skp: skp)
    }

    /// A Kualitatif IKI rated by the atasan.
    static func descriptive(_ id: String, _ rating: Common.Rating, _ kind: Common.RhkKind = .utama) -> IkiEvidence {
        IkiEvidence(rhkID: "rhk-\(id)", rhkKind: kind, ikiID: id,
                    measure: .descriptive(text: "Laporan diterima tanpa revisi", rating: rating))
    }

    /// A 360° summary with one combined mean per value (and `responses` scores each).
    static func summary(_ means: [Common.BerakhlakValue: Double], responses: UInt32 = 6, roundID: String = "round-1") -> Feedback.BehaviourSummary {
        var summary = Feedback.BehaviourSummary()
        summary.roundID = roundID
        summary.combined = means.map { Feedback.ValueAggregate(value: $0.key, responseCount: responses, meanScore: $0.value) }
        summary.groups = [Feedback.RaterGroupSummary(relation: .rekanKerja, assignedCount: 4, respondedCount: 4)]
        return summary
    }
}
