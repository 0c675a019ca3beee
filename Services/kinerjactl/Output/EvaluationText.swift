import Foundation
import KinerjaProto

/// Tables and panels of the `eval` commands: periods, evaluations, proposals, the matrix and the
/// organisation rating (the curve: ``CurveText``; leniency: ``LeniencyText``).
enum EvaluationText {
    // MARK: Words

    /// A predikat as the matrix names it; "—" before there is one.
    static func predikat(_ predikat: Common.Predikat) -> String {
        switch predikat {
        case .unspecified: "—"
        case .kurang: "Kurang/Misconduct"
        default: Display.name(predikat)
        }
    }

    /// A rating in words (`Di Atas Ekspektasi`); "—" when not given.
    static func rating(_ rating: Common.Rating) -> String {
        rating == .unspecified ? "—" : Display.name(rating)
    }

    /// A proposed rating in words; "none" when the system could not propose one.
    static func proposed(_ rating: Common.Rating) -> String {
        rating == .unspecified ? "none" : Display.name(rating)
    }

    /// `199001012015032001 at 2026-07-03 10:15 WITA`; "—" when absent.
    static func stamp(_ stamp: Common.AuditStamp?) -> String {
        guard let stamp else { return "—" }
        return "\(stamp.principal) at \(WITATime.format(stamp.at))"
    }

    /// `Maria Ndun (199001012015032001)`.
    static func employee(_ ref: Common.EmployeeRef?) -> String {
        guard let ref else { return "—" }
        return ref.displayName.isEmpty ? ref.nip : "\(ref.displayName) (\(ref.nip))"
    }

    /// A number with at most two decimals.
    static func number(_ value: Double) -> String { ReportText.value(value) }

    /// A signed score difference: `+0.85`, `-0.20`.
    static func signed(_ value: Double) -> String { String(format: "%+.2f", value) }

    // MARK: Periods

    /// `eval periods`: one period per row.
    static func periods(_ periods: [Evaluation.EvaluationPeriod], unitCodes: [String: String] = [:]) -> Table {
        var table = Table([.init("PERIOD ID", maxWidth: 26), .init("UNIT", maxWidth: 30), .init("SPAN", maxWidth: 20), .init("STATE", maxWidth: 10),
                           .init("ORG RATING", maxWidth: 16), .init("IN CURVE", maxWidth: 9, alignRight: true), .init("RATED", maxWidth: 7, alignRight: true),
                           .init("DEADLINE", maxWidth: 10)])
        for period in periods {
            let unitID = period.unit?.unitID ?? ""
            let unit = (unitCodes[unitID] ?? unitID) + (period.unit?.includeSubunits == true ? " +sub" : "")
            table.append([period.periodID, unit, EvalSpans.label(EvalSpans.span(of: period)), Display.name(period.state),
                          period.organisationRating.map { Display.name($0.rating) } ?? "—", "\(period.curveDenominator)",
                          "\(period.ratedCount)", WITATime.format(period.ratingDeadline)])
        }
        return table
    }

    /// One period in full: state, population, organisation rating, recommendations,
    /// adjustments, finalisations and the peers told of them.
    static func period(_ period: Evaluation.EvaluationPeriod, unit: String) -> String {
        var fields = FieldList()
        fields.append("Period", period.periodID)
        fields.append("Unit", unit + (period.unit?.includeSubunits == true ? " (with sub-units)" : ""))
        fields.append("Span", EvalSpans.label(EvalSpans.span(of: period)))
        fields.append("State", Display.name(period.state))
        fields.append("Population", "\(period.population) evaluations; \(period.curveDenominator) in the curve; \(period.ratedCount) rated")
        if let rating = period.organisationRating {
            fields.append("Org rating", "\(Display.name(rating.rating)) — \(rating.reason)" + (rating.reference.isEmpty ? "" : " [\(rating.reference)]"))
            fields.append("Decided", stamp(rating.decided))
        } else {
            fields.append("Org rating", "not decided yet")
        }
        fields.append("Deadline", WITATime.format(period.ratingDeadline))
        fields.append("Proposal rule", period.proposalRuleID.isEmpty ? "" : "\(period.proposalRuleID) version \(period.proposalRuleVersion)")
        fields.append("Opened", stamp(period.opened))
        if period.finalised != nil { fields.append("Finalised", stamp(period.finalised)) }
        if period.reopenCount > 0 { fields.append("Reopened", "\(period.reopenCount) time\(period.reopenCount == 1 ? "" : "s")") }
        fields.append("Revision", "\(period.revision)")
        var sections = [fields.render()]
        if !period.recommendations.isEmpty {
            var table = Table([.init("RECOMMENDED", maxWidth: 16), .init("BY", maxWidth: 40), .init("REASON", maxWidth: 70)])
            for recommendation in period.recommendations {
                table.append([Display.name(recommendation.rating), stamp(recommendation.recommended), recommendation.reason])
            }
            sections.append("Recommendations of pengelola kinerja (the pimpinan above the unit decides):\n" + table.render())
        }
        if !period.populationAdjustments.isEmpty {
            sections.append("Population adjustments:\n" + adjustments(period.populationAdjustments).render())
        }
        if !period.finalisations.isEmpty {
            var table = Table([.init("NO", maxWidth: 3, alignRight: true), .init("FINALISED", maxWidth: 40), .init("SNAPSHOTS", maxWidth: 9, alignRight: true),
                               .init("SHA-256", maxWidth: 20), .init("OVERRIDE", maxWidth: 40), .init("STATUS", maxWidth: 60)])
            for record in period.finalisations {
                let status = record.superseded ? "superseded: reopened by \(stamp(record.reopened)) — \(record.reopenReason)" : "current"
                table.append(["\(record.number)", stamp(record.finalised), "\(record.snapshotCount)", String(Display.hex(record.snapshotsSha256).prefix(16)) + "…",
                              record.curveOverride.map { "\($0.breaches.count) breach(es) accepted: \($0.reason)" } ?? "", status])
            }
            sections.append("Finalisations:\n" + table.render())
        }
        if !period.lockDeliveries.isEmpty {
            var table = Table([.init("PEER", maxWidth: 10), .init("ACTION", maxWidth: 7), .init("DELIVERED", maxWidth: 22), .init("ATTEMPTS", maxWidth: 8, alignRight: true),
                               .init("LAST ERROR", maxWidth: 60)])
            for delivery in period.lockDeliveries {
                table.append([delivery.peer, delivery.action, delivery.delivered ? WITATime.format(delivery.deliveredAt) : "not yet",
                              "\(delivery.attempts)", delivery.lastError])
            }
            sections.append("Peers told:\n" + table.render())
        }
        return sections.joined(separator: "\n\n")
    }

    /// A period's population adjustments.
    static func adjustments(_ adjustments: [Evaluation.PopulationAdjustment]) -> Table {
        var table = Table([.init("NIP", maxWidth: 18), .init("REASON", maxWidth: 14), .init("WHEN", maxWidth: 23), .init("IN CURVE", maxWidth: 8),
                           .init("EXPLANATION", maxWidth: 60), .init("NOTE", maxWidth: 40)])
        for adjustment in adjustments {
            let when = adjustment.leave.map { "\(WITATime.format($0.startDate))…\(WITATime.format($0.endDate))" } ?? WITATime.format(adjustment.effectiveDate)
            table.append([adjustment.nip, Display.name(adjustment.reason), when, adjustment.excluded ? "no" : "yes", adjustment.explanation, adjustment.note])
        }
        return table
    }

    // MARK: Organisation rating

    /// `eval org-rating show`: the decision, earlier decisions and HR's recommendations.
    static func organisationRating(current: Evaluation.OrganisationRatingRecord?, history: [Evaluation.OrganisationRatingRecord],
                                   recommendations: [Evaluation.OrganisationRatingRecommendation], unit: String,
                                   span: Evaluation.EvaluationSpan?) -> String {
        var lines = ["Organisation rating (Predikat Kinerja Organisasi) of \(unit), \(EvalSpans.label(span))"]
        if let current {
            var fields = FieldList()
            fields.append("Rating", Display.name(current.rating))
            fields.append("Basis", current.reason)
            fields.append("Reference", current.reference)
            fields.append("Decided", stamp(current.decided))
            lines.append(fields.render())
        } else {
            lines.append("Not decided yet: the pimpinan above the unit decides it (kinerjactl eval org-rating set).")
        }
        if !history.isEmpty {
            var table = Table([.init("EARLIER", maxWidth: 16), .init("DECIDED", maxWidth: 40), .init("BASIS", maxWidth: 70)])
            for record in history { table.append([Display.name(record.rating), stamp(record.decided), record.reason]) }
            lines.append("")
            lines.append(table.render())
        }
        if !recommendations.isEmpty {
            var table = Table([.init("RECOMMENDED", maxWidth: 16), .init("BY", maxWidth: 40), .init("REASON", maxWidth: 70)])
            for recommendation in recommendations {
                table.append([Display.name(recommendation.rating), stamp(recommendation.recommended), recommendation.reason])
            }
            lines.append("")
            lines.append("Recommendations of pengelola kinerja:\n" + table.render())
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Proposals

    /// `eval propose`: how many, the proposed ratings, who has none and why.
    static func proposed(_ response: Evaluation.ProposeEvaluationsResponse, period: String) -> String {
        var lines = ["Proposals for \(period): \(response.proposedCount) computed"
            + (response.changedCount > 0 ? ", \(response.changedCount) changed on recompute" : "") + "."]
        if !response.distribution.isEmpty {
            var table = Table([.init("PROPOSED HASIL KERJA", maxWidth: 22), .init("EVALUATIONS", maxWidth: 11, alignRight: true)])
            for entry in response.distribution {
                table.append([entry.rating == .unspecified ? "no proposal" : Display.name(entry.rating), "\(entry.count)"])
            }
            lines.append("")
            lines.append(table.render())
        }
        if !response.failures.isEmpty {
            var table = Table([.init("NIP", maxWidth: 18), .init("NO PROPOSAL BECAUSE", maxWidth: 80)])
            for failure in response.failures { table.append([failure.nip, failure.reason]) }
            lines.append("")
            lines.append(table.render())
            lines.append("The atasan rates these alone.")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: One evaluation

    /// `eval show`: the evaluation with its proposals and their reasons, the ratings, the predikat.
    static func evaluation(_ response: Evaluation.GetEvaluationResponse) -> String {
        let evaluation = response.evaluation ?? Evaluation.EmployeeEvaluation()
        var fields = FieldList()
        fields.append("Evaluation", evaluation.evaluationID)
        fields.append("Employee", employee(evaluation.employee) + (evaluation.employee?.jabatanName.isEmpty == false ? ", \(evaluation.employee?.jabatanName ?? "")" : ""))
        fields.append("Period", "\(EvalSpans.label(evaluation.span ?? evaluation.period.flatMap(EvalSpans.span))) (\(evaluation.periodID))")
        fields.append("State", Display.name(evaluation.state) + (evaluation.excluded ? " — excluded from the curve by a population adjustment" : ""))
        fields.append("Jenis jabatan", evaluation.jenisJabatan == .unspecified ? "" : Display.name(evaluation.jenisJabatan))
        if evaluation.unitLeader { fields.append("Unit leader", "yes: Hasil Kerja follows the organisation rating") }
        fields.append("Pejabat penilai", employee(evaluation.evaluator))
        let skps = evaluation.skpIDs.isEmpty ? [evaluation.skpID].filter { !$0.isEmpty } : evaluation.skpIDs
        fields.append("SKP", skps.isEmpty ? "none" : skps.joined(separator: ", ") + (evaluation.skpVersion > 0 ? " (version \(evaluation.skpVersion))" : ""))
        fields.append("Predikat", evaluation.predikat == .unspecified ? "— (both ratings needed)" : "\(predikat(evaluation.predikat)) (kuadran \(evaluation.kuadran))")
        if let finalised = evaluation.finalised {
            fields.append("Finalised", stamp(finalised))
            fields.append("Snapshot", "sha256:" + Display.hex(evaluation.snapshotSha256))
        }
        if let acknowledgement = evaluation.acknowledgement {
            fields.append("Acknowledged", stamp(acknowledgement.acknowledged))
            if !acknowledgement.note.isEmpty { fields.append("Response", acknowledgement.note) }
        }
        fields.append("Revision", "\(evaluation.revision)")
        var sections = [fields.render(), hasilKerja(evaluation), perilaku(evaluation)]
        if !response.overrides.isEmpty {
            var table = Table([.init("ASPECT", maxWidth: 14), .init("FROM", maxWidth: 20), .init("TO", maxWidth: 20), .init("OF", maxWidth: 9),
                               .init("BY", maxWidth: 40), .init("REASON", maxWidth: 70)])
            for change in response.overrides {
                table.append([Display.name(change.aspect), rating(change.fromRating), rating(change.toRating),
                              change.replacedDecision ? "decision" : "proposal", stamp(change.decided), change.reason])
            }
            sections.append("Overrides:\n" + table.render())
        }
        if let progress = response.progress { sections.append("Evidence — progress from reporting:\n" + ReportText.progress(progress)) }
        if let behaviour = response.behaviour { sections.append("Evidence — 360° summary from feedback:\n" + FeedbackText.summary(behaviour)) }
        return sections.joined(separator: "\n\n")
    }

    /// The Hasil Kerja proposal with one row per IKI, and the atasan's rating.
    static func hasilKerja(_ evaluation: Evaluation.EmployeeEvaluation) -> String {
        var lines = ["HASIL KERJA"]
        if let proposal = evaluation.proposal {
            lines.append("  Proposal: \(proposed(proposal.rating))" + (proposal.fromOrganisationRating ? " (from the organisation rating: unit leader)" : "")
                + (proposal.explanation.isEmpty ? "" : " — " + TerminalText.sanitized(proposal.explanation)))
            lines.append("            Utama above \(CurveText.percent(proposal.utamaAbovePercent)), below \(CurveText.percent(proposal.utamaBelowPercent)); "
                + "all (weighted) above \(CurveText.percent(proposal.allAbovePercent)), below \(CurveText.percent(proposal.allBelowPercent)); "
                + "rule \(proposal.ruleID) v\(proposal.ruleVersion)")
            if !proposal.inputs.isEmpty {
                var table = Table([.init("KIND", maxWidth: 8), .init("IKI", maxWidth: 36), .init("TARGET", maxWidth: 18, alignRight: true),
                                   .init("REALISASI", maxWidth: 14, alignRight: true), .init("CAPAIAN", maxWidth: 9, alignRight: true),
                                   .init("RATING", maxWidth: 20), .init("WEIGHT", maxWidth: 6, alignRight: true), .init("WHY", maxWidth: 70)])
                for iki in proposal.inputs {
                    let target = iki.targetValue.map { value in
                        number(value.value) + (iki.targetUpperValue.map { "–" + number($0.value) } ?? "") + (iki.unit.isEmpty ? "" : " \(iki.unit)")
                    } ?? "descriptive"
                    table.append([iki.rhkKind == .unspecified ? "" : Display.name(iki.rhkKind), iki.indicator, target,
                                  iki.realisationValue.map { number($0.value) } ?? "—", ReportText.percent(iki.capaianPercent?.value),
                                  rating(iki.rating), String(format: "%.2f", iki.weight), iki.reason])
                }
                lines.append(indented(table.render()))
            }
        } else {
            lines.append("  Proposal: none yet (kinerjactl eval propose)")
        }
        for qualitative in evaluation.qualitativeRatings {
            lines.append("  Descriptive target \(qualitative.ikiID): \(rating(qualitative.rating)) — \(TerminalText.sanitized(qualitative.note))")
        }
        lines.append("  Rating:   " + decision(evaluation.hasilKerja))
        return lines.joined(separator: "\n")
    }

    /// The Perilaku Kerja proposal with one row per BerAKHLAK value, the atasan's notes and rating.
    static func perilaku(_ evaluation: Evaluation.EmployeeEvaluation) -> String {
        var lines = ["PERILAKU KERJA"]
        if let proposal = evaluation.perilakuProposal {
            lines.append("  Proposal: \(proposed(proposal.rating))" + (proposal.explanation.isEmpty ? "" : " — " + TerminalText.sanitized(proposal.explanation)))
            if !proposal.values.isEmpty {
                var table = Table([.init("VALUE", maxWidth: 24), .init("360° MEAN", maxWidth: 12, alignRight: true), .init("EKSPEKTASI KHUSUS", maxWidth: 36),
                                   .init("JUDGEMENT", maxWidth: 20), .init("RATING", maxWidth: 20), .init("WHY", maxWidth: 60)])
                for value in proposal.values {
                    let mean = value.meanScore.map { String(format: "%.2f (%d)", $0.value, Int(value.responseCount)) } ?? "—"
                    table.append([name(value.value), mean, value.ekspektasiKhusus, rating(value.expectationJudgement), rating(value.rating), value.reason])
                }
                lines.append(indented(table.render()))
            }
        } else {
            lines.append("  Proposal: none yet")
        }
        for judgement in evaluation.expectationJudgements where !judgement.note.isEmpty {
            lines.append("  Judgement of \(name(judgement.value)) (\(rating(judgement.judgement))): \(TerminalText.sanitized(judgement.note))")
        }
        for note in evaluation.perilakuNotes {
            lines.append("  Note on \(name(note.value)): \(TerminalText.sanitized(note.note))")
        }
        lines.append("  Rating:   " + decision(evaluation.perilakuKerja))
        return lines.joined(separator: "\n")
    }

    /// `Di Atas Ekspektasi — override of the proposal (Sesuai Ekspektasi): reason — by … at …`.
    static func decision(_ decision: Evaluation.RatingDecision?) -> String {
        guard let decision, decision.rating != .unspecified else { return "not rated yet" }
        var text = rating(decision.rating)
        if decision.overridesProposal { text += " — departs from the proposal (\(rating(decision.proposedRating)))" }
        if !decision.reason.isEmpty { text += ": " + TerminalText.sanitized(decision.reason) }
        return text + " — by " + stamp(decision.decided)
    }

    /// A BerAKHLAK value's name.
    static func name(_ value: Common.BerakhlakValue) -> String {
        FeedbackText.values.first { $0.value == value }?.name ?? Display.name(value)
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    // MARK: The matrix

    /// `eval matrix`: Hasil Kerja rows × Perilaku Kerja columns, each cell its predikat and kuadran.
    static func matrix(_ cells: [Evaluation.PredikatMatrixCell]) -> String {
        let scale: [Common.Rating] = [.diAtasEkspektasi, .sesuaiEkspektasi, .diBawahEkspektasi]
        var table = Table([.init("HASIL KERJA \\ PERILAKU", maxWidth: 24)] + scale.map { .init(Display.name($0).uppercased(), maxWidth: 24) })
        for row in scale {
            table.append([Display.name(row)] + scale.map { column in
                cells.first { $0.hasilKerja == row && $0.perilakuKerja == column }.map { "\(predikat($0.predikat)) (\($0.kuadran))" } ?? "?"
            })
        }
        return "Predikat matrix (PermenPANRB 6/2022): rows Hasil Kerja, columns Perilaku Kerja; kuadran in brackets.\n\n" + table.render()
    }
}
