public import KinerjaASN
public import KinerjaProto

/// One report as aggregation sees it: its IKI, day, value, state and when its value was last set.
public struct ReportFigure: Sendable, Hashable {
    /// The IKI.
    public var ikiID: String
    /// The WITA day.
    public var date: Common.Date
    /// The realisation.
    public var value: Double
    /// The state.
    public var state: Reporting.ReportState
    /// When the value was last set (seconds, nanos since 1970, UTC): breaks ties between
    /// reports of the same day for LATEST.
    public var lastChange: Int64
    /// Nanoseconds of ``lastChange``.
    public var lastChangeNanos: Int32

    /// A figure.
    public init(ikiID: String, date: Common.Date, value: Double, state: Reporting.ReportState, lastChange: Int64 = 0, lastChangeNanos: Int32 = 0) {
        self.ikiID = ikiID
        self.date = date
        self.value = value
        self.state = state
        self.lastChange = lastChange
        self.lastChangeNanos = lastChangeNanos
    }

    /// The figure of a stored report (nil without a date); the last change is its `updated`
    /// stamp, else its `submitted` stamp.
    public init?(_ report: Reporting.DailyReport) {
        guard let date = report.reportDate else { return nil }
        let stamp = report.updated?.at ?? report.submitted?.at
        self.init(ikiID: report.ikiID, date: date, value: report.realisationValue, state: report.state,
                  lastChange: stamp?.seconds ?? 0, lastChangeNanos: stamp?.nanos ?? 0)
    }
}

/// How the reports of one IKI in a period combine into the period's realisation.
///
/// `common.proto` RealisationAggregation: SUM adds the values (counts); AVERAGE is their
/// arithmetic mean (rates); LATEST is the value of the latest report day (a running status; on
/// a day with several reports, the one whose value was set last — our inference); MAXIMUM and
/// MINIMUM the extremes. UNSPECIFIED reads as SUM (old records).
///
/// `reporting.proto` IkiProgress: the *verified* realisation counts only DIVERIFIKASI reports;
/// the *provisional* one (with pending) counts DIVERIFIKASI and DIAJUKAN. DITOLAK, DICABUT and
/// DITARIK never count. With no counting report, SUM gives 0 ("nothing yet") and the other
/// aggregations give no realisation at all.
public enum RealisationAggregation {
    /// The figures of one IKI over one period.
    public struct Figures: Sendable, Hashable {
        /// Realisation from verified reports; nil when there is none (see the type's docs).
        public var verified: Double?
        /// Realisation from verified and pending reports; nil when there is none.
        public var withPending: Double?
        /// Reports in the period, any state except DITARIK.
        public var reportCount: Int
        /// DIVERIFIKASI reports.
        public var verifiedCount: Int
        /// DIAJUKAN reports.
        public var pendingCount: Int
        /// DITOLAK and DICABUT reports.
        public var rejectedCount: Int
        /// The latest report day (not DITARIK); nil when none.
        public var lastReportDate: Common.Date?
    }

    /// The figures of `reports` (one IKI's) whose day lies in `days`.
    public static func figures(_ reports: [ReportFigure], in days: WitaDayRange, aggregation: Common.RealisationAggregation) -> Figures {
        let inPeriod = reports.filter { days.contains($0.date) && $0.state != .ditarik }
        let verified = inPeriod.filter { $0.state == .diverifikasi }
        let pending = inPeriod.filter { $0.state == .diajukan }
        return Figures(
            verified: combine(verified, aggregation),
            withPending: combine(verified + pending, aggregation),
            reportCount: inPeriod.count,
            verifiedCount: verified.count,
            pendingCount: pending.count,
            rejectedCount: inPeriod.count { $0.state == .ditolak || $0.state == .dicabut },
            lastReportDate: inPeriod.map(\.date).max { $0 < $1 })
    }

    /// `reports` combined per `aggregation` (see the type's docs).
    public static func combine(_ reports: [ReportFigure], _ aggregation: Common.RealisationAggregation) -> Double? {
        let values = reports.map(\.value)
        switch aggregation {
        case .sum, .unspecified, .unrecognized:
            return values.reduce(0, +)
        case .average:
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        case .maximum:
            return values.max()
        case .minimum:
            return values.min()
        case .latest:
            return reports.max { lhs, rhs in
                guard let l = lhs.date.daysSinceEpoch, let r = rhs.date.daysSinceEpoch else { return false }
                return (l, lhs.lastChange, lhs.lastChangeNanos) < (r, rhs.lastChange, rhs.lastChangeNanos)
            }?.value
        }
    }
}
