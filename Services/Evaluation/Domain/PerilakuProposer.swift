public import KinerjaProto

/// Proposes the Perilaku Kerja rating from the 360° BerAKHLAK summary and the atasan's
/// ekspektasi khusus, with reasons per value (`ProposalRuleConfiguration`, an inference).
///
/// Each of the seven values is classified by the atasan's judgement of its ekspektasi khusus when
/// given (the expectation was set for this employee; the 360° is general), otherwise by its 360°
/// mean. Perilaku is Di Bawah when at least `perilakuBelowValues` values are Di Bawah; Di Atas when
/// at least `perilakuAboveValues` are Di Atas and none is Di Bawah; otherwise Sesuai. Without any
/// classified value (no 360° summary and no judgement) there is no proposal, and the explanation
/// says so: Perilaku is then rated by the atasan alone.
public enum PerilakuProposer {
    /// The proposal for `evidence` (nil: no 360° summary and no judgement). The caller fills `computed_at`.
    public static func propose(_ evidence: BehaviourEvidence?, rule: ProposalRuleConfiguration = .default) -> Evaluation.PerilakuProposal {
        var proposal = Evaluation.PerilakuProposal()
        proposal.ruleID = rule.ruleID
        proposal.ruleVersion = rule.version
        proposal.roundID = evidence?.roundID ?? ""
        let evidence = evidence ?? BehaviourEvidence(values: [:], hasSummary: false)
        proposal.values = Common.BerakhlakValue.seven.map { assess($0, evidence.values[$0], rule: rule) }

        let classified = proposal.values.filter { $0.rating.isRated }
        let above = classified.filter { $0.rating == .diAtasEkspektasi }.count
        let below = classified.filter { $0.rating == .diBawahEkspektasi }.count
        guard !classified.isEmpty else {
            proposal.rating = .unspecified
            let why = !evidence.hasSummary ? "no 360° summary for the period"
                : evidence.allWithheld ? "the 360° summary is withheld (too few raters answered)"
                : "the 360° summary has no scores"
            proposal.explanation = "no Perilaku proposal: \(why) and no judgement of the ekspektasi khusus; Perilaku is rated by the atasan alone"
            return proposal
        }
        let verdict: String
        if below >= rule.perilakuBelowValues {
            proposal.rating = .diBawahEkspektasi
            verdict = "\(below) of 7 values below expectation (at least \(rule.perilakuBelowValues))"
        } else if above >= rule.perilakuAboveValues, below == 0 {
            proposal.rating = .diAtasEkspektasi
            verdict = "\(above) of 7 values above expectation (at least \(rule.perilakuAboveValues)); none below"
        } else {
            proposal.rating = .sesuaiEkspektasi
            verdict = "\(above) above, \(classified.count - above - below) meet, \(below) below of 7 values" +
                (above >= rule.perilakuAboveValues ? "; a value below rules out Di Atas" : "")
        }
        var parts = ["\(proposal.rating.shortLabel): \(verdict)"]
        let missing = 7 - classified.count
        if missing > 0 { parts.append("\(missing) value\(missing == 1 ? "" : "s") without score or judgement") }
        let judged = classified.filter { $0.expectationJudgement.isRated }.count
        if judged > 0 { parts.append("\(judged) decided by the atasan's judgement of the ekspektasi khusus") }
        proposal.explanation = (parts.joined(separator: "; ") + ".").truncated(to: EvaluationLimits.proposalExplanationMaximum)
        return proposal
    }

    /// How `rule` reads one value.
    static func assess(_ value: Common.BerakhlakValue, _ evidence: BehaviourEvidence.Value?, rule: ProposalRuleConfiguration) -> Evaluation.PerilakuValueAssessment {
        var out = Evaluation.PerilakuValueAssessment()
        out.value = value
        guard let evidence else {
            out.reason = "\(value.label): no 360° score and no judgement"
            return out
        }
        out.meanScore = evidence.meanScore.map { Common.DoubleValue(value: $0) }
        out.responseCount = UInt32(clamping: evidence.responseCount)
        out.ekspektasiKhusus = evidence.ekspektasiKhusus
        out.expectationJudgement = evidence.judgement
        let expectation = evidence.ekspektasiKhusus.isEmpty ? "" : " (ekspektasi khusus: \"\(evidence.ekspektasiKhusus)\")"
        if evidence.judgement.isRated {
            out.rating = evidence.judgement
            let quoted = evidence.ekspektasiKhusus.isEmpty ? "" : " \"\(evidence.ekspektasiKhusus)\""
            let mean = evidence.meanScore.map { "; 360° mean \(Figures.number($0)) not used" } ?? ""
            let note = evidence.judgementNote.isEmpty ? "" : " (\"\(evidence.judgementNote)\")"
            let none = evidence.ekspektasiKhusus.isEmpty ? " (no ekspektasi khusus in the SKP)" : ""
            out.reason = "\(value.label): the atasan judged the ekspektasi khusus\(quoted)\(none) \(evidence.judgement.shortLabel)\(note)\(mean)"
        } else if let mean = evidence.meanScore, mean.isFinite {
            out.rating = rule.classify(behaviourMean: mean)
            let comparison = switch out.rating {
            case .diAtasEkspektasi: "is at least \(Figures.number(rule.perilakuAboveMean)): Di Atas"
            case .sesuaiEkspektasi: "is at least \(Figures.number(rule.perilakuMeetsMean)): Sesuai"
            default: "is below \(Figures.number(rule.perilakuMeetsMean)): Di Bawah"
            }
            out.reason = "\(value.label): 360° mean \(Figures.number(mean)) from \(evidence.responseCount) score\(evidence.responseCount == 1 ? "" : "s") \(comparison)\(expectation)"
        } else {
            out.reason = "\(value.label): no 360° score and no judgement\(expectation)"
        }
        out.reason = out.reason.truncated(to: EvaluationLimits.assessmentReasonMaximum)
        return out
    }
}
