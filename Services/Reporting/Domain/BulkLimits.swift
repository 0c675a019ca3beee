public import KinerjaProto

/// The limits of bulk calls: rows per BulkSubmitDailyReports, decisions per
/// BatchReviewDailyReports, and the per-day report and minute counts across the rows of one call.
///
/// `reporting.proto`: a machine client (an integration of another government system) sends at
/// most 5000 rows per call; an employee's own bulk entry — a week at once — at most
/// 7 × `max_reports_per_day` rows (140 by default). A call that goes past its limit is refused
/// whole with RESOURCE_EXHAUSTED as soon as the row past the limit arrives, before it is kept
/// (so 10 000 rows are never buffered). Each row is then checked like a single submission, the
/// day limits counting the rows accepted before it in the same call (``DayLedger``).
public enum BulkLimits {
    /// Who sends a bulk call.
    public enum Submitter: Sendable, Hashable {
        /// An employee entering their own rows, under their unit's policy.
        case employee(EffectivePolicy)
        /// An authorised machine client importing for its units.
        case machineClient
    }

    /// Most rows one call from `submitter` may carry.
    public static func maximumRows(for submitter: Submitter) -> Int {
        switch submitter {
        case .employee(let policy): policy.bulkEntryRows
        case .machineClient: ReportingLimits.bulkRowsMachine
        }
    }

    /// Refuses the `rowCount`-th row (1-based) when it is past the limit; call it as each row arrives.
    ///
    /// - Throws: ``ReportingError`` `BULK_TOO_MANY_ROWS` (RESOURCE_EXHAUSTED).
    public static func checkRow(_ rowCount: Int, submitter: Submitter) throws(ReportingError) {
        let limit = maximumRows(for: submitter)
        guard rowCount <= limit else {
            let who = if case .employee = submitter { "an employee's own bulk entry (7 days x max_reports_per_day)" } else { "a bulk call" }
            throw ReportingError(.bulkTooManyRows, "\(who) carries at most \(limit) rows; split the rows into several calls")
        }
    }

    /// Refuses a bulk source name over 200 characters.
    public static func checkOptions(_ options: Reporting.BulkSubmitOptions) throws(ReportingError) {
        let length = options.sourceName.unicodeScalars.count
        guard length <= ReportingLimits.bulkSourceNameLength else {
            throw ReportingError(.textTooLong, "source_name must be at most \(ReportingLimits.bulkSourceNameLength) characters, got \(length)",
                                 field: "options.source_name")
        }
    }

    /// Every violation of a batch review's list: 1–500 decisions, each report at most once,
    /// each with an id (INVALID_ARGUMENT for the whole call). Decisions and notes are checked
    /// per entry by ``ReportLifecycle``.
    public static func batchReviewViolations(_ reviews: [Reporting.ReportReview]) -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        if reviews.isEmpty || reviews.count > ReportingLimits.batchReviews {
            out.append(Common.FieldViolation(field: "reviews", description: "a batch has 1-\(ReportingLimits.batchReviews) decisions, got \(reviews.count)",
                                             reason: ReportingError.Code.batchSizeInvalid.reason))
        }
        var seen = Set<String>()
        for (index, review) in reviews.enumerated() {
            if review.reportID.isEmpty {
                out.append(Common.FieldViolation(field: "reviews[\(index)].report_id", description: "report_id is required",
                                                 reason: ReportingError.Code.fieldRequired.reason))
            } else if !seen.insert(review.reportID).inserted {
                out.append(Common.FieldViolation(field: "reviews[\(index)].report_id", description: "report \(review.reportID) appears more than once",
                                                 reason: ReportingError.Code.batchDuplicate.reason))
            }
        }
        return out
    }
}

/// The reports and minutes per author and WITA day, across the rows of one call and what the
/// store already holds: what the day limits of each row are checked against.
public struct DayLedger: Sendable, Hashable {
    private struct Key: Hashable, Sendable {
        var nip: String
        var day: Int
    }

    private var usage: [Key: DayUsage] = [:]

    /// An empty ledger.
    public init() {}

    /// Records what the store holds for `nip` on `date` (before the call's rows).
    public mutating func setStored(_ stored: DayUsage, nip: String, date: Common.Date) {
        guard let day = date.daysSinceEpoch else { return }
        usage[Key(nip: nip, day: day)] = stored
    }

    /// The usage of `nip` on `date` so far.
    public func usage(nip: String, date: Common.Date) -> DayUsage {
        guard let day = date.daysSinceEpoch else { return DayUsage() }
        return usage[Key(nip: nip, day: day)] ?? DayUsage()
    }

    /// Counts an accepted report of `nip` on `date` spending `minutes`.
    public mutating func add(nip: String, date: Common.Date, minutes: UInt32) {
        guard let day = date.daysSinceEpoch else { return }
        usage[Key(nip: nip, day: day), default: DayUsage()].reports += 1
        usage[Key(nip: nip, day: day), default: DayUsage()].minutes += Int(minutes)
    }
}
