import KinerjaProto

/// Decides whether an evaluation document matches what evaluation holds now: the snapshot hash
/// on its stamp must be the one the service keeps for the evaluation's current finalisation, and
/// that finalisation must not have been superseded by a reopening.
enum EvaluationDocumentVerification {
    /// The outcome; `kinerjactl eval verify-document` exits 0, 5 or 7 on it.
    enum Verdict: Equatable, Sendable {
        /// The document is the evaluation as finalised: its hash is the snapshot the service holds.
        case verified(snapshotSHA256: String)
        /// It is not, and why.
        case mismatch(String)
        /// The finalisation it was printed from was reopened: the evaluation it shows is no longer in force.
        case superseded(String)
    }

    /// The verdict for a document marked `mark`, against the evaluation and period the service
    /// answers now (the period nil when it could not be read).
    static func verdict(mark: EvaluationDocumentMark, evaluation: Evaluation.EmployeeEvaluation,
                        period: Evaluation.EvaluationPeriod?) -> Verdict {
        guard evaluation.evaluationID == mark.evaluationID, evaluation.periodID == mark.periodID else {
            return .mismatch("the service answered evaluation \(evaluation.evaluationID) of period \(evaluation.periodID) "
                + "for \(mark.evaluationID) of period \(mark.periodID)")
        }
        if let period, mark.finalisation > 0 {
            guard let record = period.finalisations.first(where: { $0.number == mark.finalisation }) else {
                return .mismatch("period \(mark.periodID) has no finalisation \(mark.finalisation)")
            }
            if record.superseded {
                return .superseded(supersession(record, in: period))
            }
        }
        guard evaluation.state == .finalised, evaluation.snapshotSha256.count == 32 else {
            if let period, let latest = period.finalisations.last, latest.superseded {
                return .superseded(supersession(latest, in: period))
            }
            return .mismatch("evaluation \(evaluation.evaluationID) is not finalised (\(Display.name(evaluation.state).lowercased())), "
                + "but the document shows a finalisation stamp")
        }
        let held = Display.hex(evaluation.snapshotSha256)
        guard held == mark.snapshotSHA256 else {
            return .mismatch("the stamped hash \(mark.snapshotSHA256) is not the snapshot the service holds (\(held)): "
                + "the document was changed or is of another finalisation")
        }
        return .verified(snapshotSHA256: held)
    }

    /// `finalisation 1 was reopened on 3 Juli 2026 pukul 10.15 WITA by 19…: reason; finalisation 2 is current`.
    static func supersession(_ record: Evaluation.FinalisationRecord, in period: Evaluation.EvaluationPeriod) -> String {
        var text = "finalisation \(record.number) was reopened"
        if let reopened = record.reopened {
            text += " on \(IndonesianDate.instant(reopened.at)) by \(reopened.principal)"
        }
        if !record.reopenReason.isEmpty { text += ": \(record.reopenReason)" }
        if let current = period.finalisations.last(where: { !$0.superseded }), current.number > record.number {
            text += "; finalisation \(current.number) is current"
        } else {
            text += "; the period is open again"
        }
        return text
    }
}
