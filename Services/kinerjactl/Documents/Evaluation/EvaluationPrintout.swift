import KinerjaProto

/// Everything an evaluation document shows: the finalised evaluation as evaluation holds it, its
/// period, the people on it as the form names them, the evidence from reporting and the
/// continuous feedback from feedback (looked up by `eval document`, constructed directly in tests).
struct EvaluationPrintout: Sendable {
    /// The evaluation as finalised.
    var evaluation: Evaluation.EmployeeEvaluation
    /// Its period (the organisation rating, the finalisations); nil when it cannot be read.
    var period: Evaluation.EvaluationPeriod?
    /// The pegawai yang dinilai.
    var pegawai: PrintedPerson
    /// The pejabat penilai kinerja; nil when nobody is recorded.
    var penilai: PrintedPerson?
    /// The atasan pejabat penilai kinerja; nil when not known.
    var atasanPenilai: PrintedPerson?
    /// Progress per IKI from reporting (the verified report counts, the RHK texts).
    var progress: Reporting.EmployeeProgress?
    /// Evidence links of verified reports per IKI id, each link once.
    var evidence: [String: [Common.EvidenceLink]] = [:]
    /// Continuous feedback given in the period, oldest first.
    var feedback: [PrintedFeedback] = []
    /// Overrides of the proposals recorded on the evaluation, oldest first.
    var overrides: [Evaluation.RatingOverride] = []
    /// Who finalised, as the stamp names them (a name and NIP); empty: the stamp's principal.
    var finaliser: String = ""
    /// The instansi line of the form.
    var instansi: String = "PEMERINTAH KOTA KUPANG"
    /// The place before the date of the signatures.
    var place: String = "Kupang"

    /// The finalisation the evaluation's snapshot belongs to: the period's latest that is not
    /// superseded (0 when the period does not say).
    var finalisationNumber: UInt32 {
        period?.finalisations.last(where: { !$0.superseded })?.number ?? 0
    }

    /// The snapshot's SHA-256 in lowercase hex; nil unless the evaluation is finalised with one.
    var snapshotSHA256: String? {
        guard evaluation.state == .finalised, evaluation.snapshotSha256.count == 32 else { return nil }
        return Display.hex(evaluation.snapshotSha256)
    }
}

/// One piece of continuous feedback as the document shows it: who gave it only when it came
/// from the atasan chain (a rekan kerja is named by role alone), what it is about, what it says.
struct PrintedFeedback: Sendable, Equatable {
    /// When it was given.
    var given: Common.Timestamp?
    /// `Atasan: Name` or `Rekan kerja`.
    var from: String
    /// Apresiasi, Saran, Koreksi, Umum.
    var kind: Feedback.FeedbackKind
    /// The IKI or RHK it is about (empty for general feedback).
    var subjectID: String
    /// The BerAKHLAK value it speaks to.
    var value: Common.BerakhlakValue
    /// The text.
    var message: String
    /// The pegawai's response when acknowledging.
    var response: String
}
