public import KinerjaProto

/// A unit's reporting policy with every default resolved: what the rules read.
///
/// From `reporting.proto` ReportingPolicy. A field whose range excludes 0 reads 0 as "not set"
/// and takes the default (so a policy stored before a field existed keeps working);
/// `backdate_days` 0 is a real value (today only). The defaults:
///
/// | field | range | default | source |
/// |---|---|---|---|
/// | backdate_days | 0–31 WITA calendar days | 3 | contract |
/// | evidence_required | — | false | contract |
/// | review_deadline_days | 1–31 WITA working days | 5 | contract (working days: our reading) |
/// | max_reports_per_day | 1–50 | 20 | contract |
/// | max_evidence_file_bytes | 1 KiB–25 MiB | 10 MiB | inference |
/// | max_evidence_bytes_per_month | file cap–10 GiB | 500 MiB | inference |
public struct EffectivePolicy: Sendable, Hashable {
    /// Range of backdate_days.
    public static let backdateDaysRange: ClosedRange<UInt32> = 0...31
    /// Range of review_deadline_days.
    public static let reviewDeadlineDaysRange: ClosedRange<UInt32> = 1...31
    /// Range of max_reports_per_day.
    public static let maxReportsPerDayRange: ClosedRange<UInt32> = 1...50
    /// Range of max_evidence_file_bytes.
    public static let evidenceFileBytesRange: ClosedRange<UInt64> = 1024...(25 << 20)
    /// Largest max_evidence_bytes_per_month.
    public static let evidenceMonthBytesMaximum: UInt64 = 10 << 30

    /// The agency-wide default policy, as GetReportingPolicy answers when none is set.
    public static let defaultPolicy = Reporting.ReportingPolicy(
        backdateDays: 3, evidenceRequired: false, reviewDeadlineDays: 5, maxReportsPerDay: 20,
        maxEvidenceFileBytes: 10 << 20, maxEvidenceBytesPerMonth: 500 << 20)

    /// How many WITA calendar days back a report may be dated (0 = today only).
    public var backdateDays: Int
    /// True when each report needs at least one evidence link.
    public var evidenceRequired: Bool
    /// WITA working days the atasan has to review a report.
    public var reviewDeadlineWorkingDays: Int
    /// Most reports per employee per WITA day.
    public var maxReportsPerDay: Int
    /// Largest uploaded evidence file, in bytes.
    public var maxEvidenceFileBytes: UInt64
    /// Most evidence bytes one employee may upload per WITA calendar month.
    public var maxEvidenceBytesPerMonth: UInt64

    /// The values of `policy`, with defaults for fields that are 0 where 0 is not allowed.
    /// Out-of-range values (which ``violations(_:)`` refuses on write) are clamped.
    public init(_ policy: Reporting.ReportingPolicy = EffectivePolicy.defaultPolicy) {
        let defaults = Self.defaultPolicy
        backdateDays = Int(policy.backdateDays.clamped(to: Self.backdateDaysRange))
        evidenceRequired = policy.evidenceRequired
        reviewDeadlineWorkingDays = Int((policy.reviewDeadlineDays == 0 ? defaults.reviewDeadlineDays : policy.reviewDeadlineDays)
            .clamped(to: Self.reviewDeadlineDaysRange))
        maxReportsPerDay = Int((policy.maxReportsPerDay == 0 ? defaults.maxReportsPerDay : policy.maxReportsPerDay)
            .clamped(to: Self.maxReportsPerDayRange))
        let file = (policy.maxEvidenceFileBytes == 0 ? defaults.maxEvidenceFileBytes : policy.maxEvidenceFileBytes)
            .clamped(to: Self.evidenceFileBytesRange)
        maxEvidenceFileBytes = file
        maxEvidenceBytesPerMonth = (policy.maxEvidenceBytesPerMonth == 0 ? max(defaults.maxEvidenceBytesPerMonth, file) : policy.maxEvidenceBytesPerMonth)
            .clamped(to: file...Self.evidenceMonthBytesMaximum)
    }

    /// Most rows of an employee's own bulk entry: a week (7 days) × ``maxReportsPerDay``.
    public var bulkEntryRows: Int { ReportingLimits.bulkEntryDays * maxReportsPerDay }

    /// Every violation of the policy's ranges (SetReportingPolicy); empty when valid.
    public static func violations(_ policy: Reporting.ReportingPolicy, fieldPrefix: String = "policy.") -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func add(_ field: String, _ description: String) {
            out.append(Common.FieldViolation(field: fieldPrefix + field, description: description, reason: ReportingError.Code.policyOutOfRange.reason))
        }
        if !backdateDaysRange.contains(policy.backdateDays) {
            add("backdate_days", "must be 0-31 WITA days, got \(policy.backdateDays)")
        }
        if !reviewDeadlineDaysRange.contains(policy.reviewDeadlineDays) {
            add("review_deadline_days", "must be 1-31 working days, got \(policy.reviewDeadlineDays)")
        }
        if !maxReportsPerDayRange.contains(policy.maxReportsPerDay) {
            add("max_reports_per_day", "must be 1-50, got \(policy.maxReportsPerDay)")
        }
        if policy.maxEvidenceFileBytes != 0, !evidenceFileBytesRange.contains(policy.maxEvidenceFileBytes) {
            add("max_evidence_file_bytes", "must be 1024-\(evidenceFileBytesRange.upperBound) bytes (or 0 for the default), got \(policy.maxEvidenceFileBytes)")
        }
        let file = policy.maxEvidenceFileBytes == 0 ? defaultPolicy.maxEvidenceFileBytes : policy.maxEvidenceFileBytes
        if policy.maxEvidenceBytesPerMonth != 0,
           policy.maxEvidenceBytesPerMonth < file || policy.maxEvidenceBytesPerMonth > evidenceMonthBytesMaximum {
            add("max_evidence_bytes_per_month",
                "must be from max_evidence_file_bytes (\(file)) to \(evidenceMonthBytesMaximum) bytes (or 0 for the default), got \(policy.maxEvidenceBytesPerMonth)")
        }
        return out
    }
}

extension Comparable {
    /// The value moved into `range`.
    func clamped(to range: ClosedRange<Self>) -> Self {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
