public import KinerjaProto

/// Proposes the Hasil Kerja rating from the IKIs' evidence with a ``ProposalRuleConfiguration``,
/// giving the reasons: which IKIs, which figures.
///
/// Steps:
/// 1. **Classify each IKI** (`IkiAssessment`): a descriptive target by the atasan's rating; with
///    `requireEvidence`, an IKI without verified evidence is Di Bawah; an IKI without any verified
///    realisation is Di Bawah ("nothing verified for the period"); otherwise by its capaian
///    (≥ `ikiAbovePercent` Di Atas, ≥ `ikiMeetsPercent` Sesuai, else Di Bawah). An IKI whose
///    capaian cannot be computed (no target, a target of 0) or whose description is not rated
///    yet is left out of the shares, with the reason.
/// 2. **Weigh**: Utama 1, Tambahan `tambahanWeight` (0 without `includeTambahan`), times the SKP's
///    ``IkiEvidence/coverage``.
/// 3. **Decide** on the weighted shares: Di Bawah when more than `belowSharePercent` of all, or of
///    the Utama IKIs, are Di Bawah; else Di Atas when more than `aboveSharePercent` are Di Atas and
///    (with `utamaBelowBlocksAbove`) no Utama IKI is Di Bawah; else Sesuai. Nothing classifiable:
///    no proposal (RATING_UNSPECIFIED), saying why.
public enum HasilKerjaProposer {
    /// The proposal for `ikis`. The caller fills `computed_at` and `skp_version`.
    public static func propose(_ ikis: [IkiEvidence], rule: ProposalRuleConfiguration = .default) -> Evaluation.HasilKerjaProposal {
        var proposal = Evaluation.HasilKerjaProposal()
        proposal.ruleID = rule.ruleID
        proposal.ruleVersion = rule.version
        proposal.inputs = ikis.map { assess($0, rule: rule) }

        var all = Tally()
        var utama = Tally()
        var tambahan = Tally()
        for assessment in proposal.inputs where assessment.rating.isRated && assessment.weight > 0 {
            all.add(assessment)
            if assessment.rhkKind == .tambahan { tambahan.add(assessment) } else { utama.add(assessment) }
        }
        proposal.allAbovePercent = all.share(\.above)
        proposal.allBelowPercent = all.share(\.below)
        proposal.utamaAbovePercent = utama.share(\.above)
        proposal.utamaBelowPercent = utama.share(\.below)

        let unclassified = proposal.inputs.filter { !$0.rating.isRated }.count
        guard all.weight > 0 else {
            proposal.rating = .unspecified
            let why = ikis.isEmpty ? "the SKP has no IKI for the period"
                : "no IKI can be classified (\(unclassified) without capaian or rating)"
            proposal.explanation = "no proposal: \(why); the atasan rates Hasil Kerja alone".truncated(to: EvaluationLimits.proposalExplanationMaximum)
            return proposal
        }

        let verdict: String
        if proposal.allBelowPercent > rule.belowSharePercent {
            proposal.rating = .diBawahEkspektasi
            verdict = "more than \(Figures.percent(rule.belowSharePercent)) of the weighted IKIs are below expectation (\(Figures.percent(proposal.allBelowPercent)))"
        } else if utama.weight > 0, proposal.utamaBelowPercent > rule.belowSharePercent {
            proposal.rating = .diBawahEkspektasi
            verdict = "more than \(Figures.percent(rule.belowSharePercent)) of the Utama IKIs are below expectation (\(Figures.percent(proposal.utamaBelowPercent)))"
        } else if proposal.allAbovePercent > rule.aboveSharePercent {
            if rule.utamaBelowBlocksAbove, utama.belowCount > 0 {
                proposal.rating = .sesuaiEkspektasi
                verdict = "\(Figures.percent(proposal.allAbovePercent)) of the weighted IKIs are above expectation, but \(utama.belowCount) Utama IKI\(utama.belowCount == 1 ? " is" : "s are") below, which rules out Di Atas"
            } else {
                proposal.rating = .diAtasEkspektasi
                verdict = "more than \(Figures.percent(rule.aboveSharePercent)) of the weighted IKIs are above expectation (\(Figures.percent(proposal.allAbovePercent)))" +
                    (utama.belowCount == 0 ? " and no Utama IKI is below" : "")
            }
        } else {
            proposal.rating = .sesuaiEkspektasi
            verdict = "\(Figures.percent(proposal.allAbovePercent)) above and \(Figures.percent(proposal.allBelowPercent)) below expectation (weighted): neither most above nor most below"
        }

        var parts = ["\(proposal.rating.shortLabel): \(verdict)", "Utama: \(utama.summary)"]
        if tambahan.count > 0 {
            parts.append("Tambahan (weight \(Figures.number(rule.tambahanWeight))): \(tambahan.summary)")
        } else if !rule.includeTambahan, ikis.contains(where: \.isTambahan) {
            parts.append("Tambahan IKIs not counted (include_tambahan is off)")
        }
        if unclassified > 0 { parts.append("\(unclassified) IKI\(unclassified == 1 ? "" : "s") not classified") }
        var pooled: [String] = []
        for iki in ikis where iki.coveredDays != nil && !pooled.contains(iki.skpID) { pooled.append(iki.skpID) }
        if pooled.count > 1 {
            let shares = pooled.compactMap { id in ikis.first { $0.skpID == id }?.coveredDays.map { "\(id) \($0.skp)/\($0.total) days" } }
            parts.append("IKIs of \(pooled.count) SKPs pooled, each weighted by its covered days (\(shares.joined(separator: ", ")))")
        }
        proposal.explanation = (parts.joined(separator: "; ") + ".").truncated(to: EvaluationLimits.proposalExplanationMaximum)
        return proposal
    }

    /// How `rule` classifies one IKI, with the figures and the reason.
    public static func assess(_ iki: IkiEvidence, rule: ProposalRuleConfiguration = .default) -> Evaluation.IkiAssessment {
        var out = Evaluation.IkiAssessment()
        out.rhkID = iki.rhkID
        out.rhkKind = iki.rhkKind
        out.ikiID = iki.ikiID
        out.indicator = iki.indicator
        out.skpID = iki.skpID
        out.evidencePresent = iki.evidencePresent
        let kindWeight = iki.isTambahan ? (rule.includeTambahan ? rule.tambahanWeight : 0) : 1
        out.weight = kindWeight * max(0, iki.coverage)
        let name = iki.indicator.isEmpty ? "IKI \(iki.ikiID)" : "\"\(iki.indicator)\""
        var reason: String

        switch iki.measure {
        case .descriptive(let text, let rating):
            if rating.isRated {
                out.rating = rating
                out.basis = .ratedDescription
                reason = "\(name): the atasan rated the result against the descriptive target \"\(text)\" \(rating.shortLabel)"
            } else {
                out.basis = .unspecified
                reason = "\(name): the descriptive target \"\(text)\" is not rated yet; not counted"
            }
        case .capaian(let target, let realisation):
            if let target {
                out.targetValue = Common.DoubleValue(value: target.value)
                out.targetUpperValue = target.upperValue.map { Common.DoubleValue(value: $0) }
                out.unit = target.unit
                out.direction = target.effectiveDirection
            }
            if let realisation { out.realisationValue = Common.DoubleValue(value: realisation) }
            if rule.requireEvidence, !iki.evidencePresent {
                out.rating = .diBawahEkspektasi
                out.basis = .noEvidence
                reason = "\(name): no verified evidence, and the rule requires it: Di Bawah"
            } else if let target {
                if let realisation {
                    switch Capaian.of(realisation: realisation, target: target) {
                    case .percent(let capaian):
                        out.capaianPercent = Common.DoubleValue(value: capaian)
                        out.rating = rule.classify(capaian: capaian)
                        out.basis = .capaian
                        reason = "\(name): capaian \(Figures.percent(capaian)) (target \(target.text), realisasi \(Figures.number(realisation))\(target.unit.isEmpty ? "" : " \(target.unit)"); \(directionText(target.effectiveDirection))) \(comparison(capaian, rule: rule))"
                    case .notComputable(let why):
                        out.basis = .unspecified
                        reason = "\(name): no capaian (\(why)); not counted"
                    }
                } else {
                    out.rating = .diBawahEkspektasi
                    out.basis = .capaian
                    reason = "\(name): nothing verified for the period against target \(target.text): Di Bawah"
                }
            } else {
                out.basis = .unspecified
                reason = "\(name): no target for the period; not counted"
            }
        }
        if out.rating.isRated, out.weight == 0 {
            reason += iki.isTambahan && !rule.includeTambahan ? " (Tambahan not counted)" : " (its SKP covers none of the period)"
        }
        if let days = iki.coveredDays {
            // Several SKPs in the period: say whose IKI this is and what it weighs (section 8.5).
            reason = "SKP \(iki.skpID), \(days.skp)/\(days.total) days (weight \(Figures.number(out.weight))): " + reason
        }
        out.reason = reason.truncated(to: EvaluationLimits.assessmentReasonMaximum)
        return out
    }

    static func directionText(_ direction: Common.TargetDirection) -> String {
        switch direction {
        case .lowerIsBetter: "lower is better"
        case .withinRange: "within the range is best"
        default: "higher is better"
        }
    }

    static func comparison(_ capaian: Double, rule: ProposalRuleConfiguration) -> String {
        switch rule.classify(capaian: capaian) {
        case .diAtasEkspektasi: return "is at least \(Figures.percent(rule.ikiAbovePercent)): Di Atas"
        case .sesuaiEkspektasi: return "is at least \(Figures.percent(rule.ikiMeetsPercent)): Sesuai"
        default: break
        }
        return "is below \(Figures.percent(rule.ikiMeetsPercent)): Di Bawah"
    }

    /// Weighted and plain counts of classified IKIs.
    struct Tally {
        var weight = 0.0
        var above = 0.0
        var below = 0.0
        var count = 0
        var aboveCount = 0
        var meetsCount = 0
        var belowCount = 0

        mutating func add(_ assessment: Evaluation.IkiAssessment) {
            weight += assessment.weight
            count += 1
            switch assessment.rating {
            case .diAtasEkspektasi:
                above += assessment.weight
                aboveCount += 1
            case .diBawahEkspektasi:
                below += assessment.weight
                belowCount += 1
            default:
                meetsCount += 1
            }
        }

        func share(_ part: KeyPath<Tally, Double>) -> Double {
            weight > 0 ? self[keyPath: part] / weight * 100 : 0
        }

        var summary: String {
            count == 0 ? "none classified" : "\(aboveCount) above, \(meetsCount) meet, \(belowCount) below of \(count)"
        }
    }
}
