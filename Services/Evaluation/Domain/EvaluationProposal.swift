public import KinerjaProto

/// Both proposals for one employee, and what was missing.
public struct EvaluationProposal: Sendable, Hashable {
    /// The Hasil Kerja proposal.
    public var hasilKerja: Evaluation.HasilKerjaProposal
    /// The Perilaku Kerja proposal (RATING_UNSPECIFIED with the reason when an input is missing).
    public var perilaku: Evaluation.PerilakuProposal
    /// What the proposals lack, e.g. "no 360° summary: proposal for Hasil Kerja only".
    public var notes: [String]

    /// Proposes both ratings for one employee.
    ///
    /// - Parameters:
    ///   - ikis: the IKIs of every SKP of the period (coverage set, ``SkpCoverage``).
    ///   - behaviour: the 360° summary, ekspektasi khusus and judgements; nil when there is no
    ///     360° round for the period.
    ///   - leadsUnitRated: the unit's organisation rating when the employee leads the evaluated
    ///     unit (their Hasil Kerja then follows it, ``UnitLeaderRating``); nil otherwise.
    ///   - rule: the agency's rule.
    public init(ikis: [IkiEvidence], behaviour: BehaviourEvidence?, leadsUnitRated organisation: Common.OrganisationRating? = nil,
                rule: ProposalRuleConfiguration = .default) {
        var hasilKerja = HasilKerjaProposer.propose(ikis, rule: rule)
        var notes: [String] = []
        if let organisation {
            let fromCapaian = hasilKerja
            hasilKerja = UnitLeaderRating.proposal(for: organisation)
            hasilKerja.ruleID = rule.ruleID
            hasilKerja.ruleVersion = rule.version
            hasilKerja.inputs = fromCapaian.inputs
            hasilKerja.utamaAbovePercent = fromCapaian.utamaAbovePercent
            hasilKerja.utamaBelowPercent = fromCapaian.utamaBelowPercent
            hasilKerja.allAbovePercent = fromCapaian.allAbovePercent
            hasilKerja.allBelowPercent = fromCapaian.allBelowPercent
            if fromCapaian.rating.isRated {
                hasilKerja.explanation = (hasilKerja.explanation + "; from capaian alone it would be \(fromCapaian.rating.shortLabel)")
                    .truncated(to: EvaluationLimits.proposalExplanationMaximum)
            }
        }
        let perilaku = PerilakuProposer.propose(behaviour, rule: rule)
        if !hasilKerja.rating.isRated { notes.append("no Hasil Kerja proposal: \(hasilKerja.explanation)") }
        if !perilaku.rating.isRated {
            notes.append(hasilKerja.rating.isRated ? "proposal for Hasil Kerja only: \(perilaku.explanation)" : perilaku.explanation)
        }
        self.hasilKerja = hasilKerja
        self.perilaku = perilaku
        self.notes = notes
    }

    /// The predikat the two proposals would give together; PREDIKAT_UNSPECIFIED when either is missing.
    public var proposedPredikat: Common.Predikat {
        PredikatMatrix.predikat(hasilKerja: hasilKerja.rating, perilaku: perilaku.rating)
    }
}
