/// Every size and count limit of the reporting contract, in one place.
///
/// Each value is the one `reporting.proto` states in its comments; the rules and tests read
/// them from here, so a limit is never written twice with two values. Lengths count Unicode
/// scalar values, as every Kinerja contract does.
public enum ReportingLimits {
    /// Longest report description (DailyReportDraft.description: 1–2000 characters).
    public static let descriptionLength = 2000
    /// Largest realisation value (DailyReportDraft.realisation_value: finite, ≥ 0, at most 1e9).
    public static let realisationValue = 1e9
    /// Longest duration in minutes (DailyReportDraft.duration_minutes: 0–1440), and the most
    /// minutes one author's reports of one day may spend together.
    public static let durationMinutes: UInt32 = 1440
    /// Most evidence links on one report (DailyReportDraft.evidence: at most 10).
    public static let evidencePerReport = 10
    /// Longest evidence URI (EvidenceLink.uri: at most 2048 characters).
    public static let evidenceURILength = 2048
    /// Longest evidence title (EvidenceLink.title: at most 200 characters).
    public static let evidenceTitleLength = 200
    /// Longest evidence media type (EvidenceLink.media_type: at most 100 characters).
    public static let evidenceMediaTypeLength = 100
    /// Longest review note, rejection reason and revocation reason (1–2000 characters).
    public static let reviewNoteLength = 2000
    /// Longest withdrawal reason (WithdrawDailyReportRequest.reason: at most 500 characters).
    public static let withdrawReasonLength = 500
    /// Most rows of one bulk call from a machine client (BulkSubmitDailyReports: 5000).
    public static let bulkRowsMachine = 5000
    /// Days of an employee's own bulk entry (a week): their row limit is this × max_reports_per_day.
    public static let bulkEntryDays = 7
    /// Most decisions in one batch review (BatchReviewDailyReports: 1–500).
    public static let batchReviews = 500
    /// Longest bulk source name (BulkSubmitOptions.source_name: at most 200 characters).
    public static let bulkSourceNameLength = 200
    /// Longest range of ListDailyReports (366 days).
    public static let listRangeDays = 366
    /// Longest range of GetCompliance (92 days).
    public static let complianceRangeDays = 92
    /// Most NIPs listed as missing per ComplianceDay (1000).
    public static let missingNipsPerDay = 1000
    /// Most missing dates per EmployeeCompliance (366).
    public static let missingDatesPerEmployee = 366
    /// Longest absence (Absence.dates: at most 1827 days, five years).
    public static let absenceDays = 1827
    /// Longest absence reference (200) and note (500).
    public static let absenceReferenceLength = 200
    /// Longest absence note.
    public static let absenceNoteLength = 500
    /// Most NIPs of one period lock (PeriodLock.nips: 1–10000).
    public static let lockNips = 10_000
    /// Longest lock id (PeriodLock.lock_id: 1–64 characters).
    public static let lockIDLength = 64
    /// Longest lock reason (PeriodLock.reason: at most 500 characters).
    public static let lockReasonLength = 500
    /// Longest unlock reason (UnlockPeriodRequest.reason: 1–2000 characters).
    public static let unlockReasonLength = 2000
    /// Longest qualitative description and rating note (1–2000 characters).
    public static let qualitativeTextLength = 2000
    /// Longest client file name of an upload, in UTF-8 bytes (EvidenceUploadHeader.file_name: 255).
    public static let fileNameBytes = 255
    /// Largest upload or download chunk (UploadEvidenceRequest.chunk: 1 byte–1 MiB).
    public static let chunkBytes = 1 << 20
}
