public import Foundation
import KinerjaCrypto
public import KinerjaASN
public import KinerjaProto

/// Progress against targets, per IKI and per employee, as pure functions.
///
/// `reporting.proto` IkiProgress, EmployeeProgress, TeamMemberProgress: for a period (a month,
/// a triwulan, the year — each cut to the SKP's covered days, its own periods) and each IKI of
/// the targets planning gives for it: the realisation per the IKI's aggregation from verified
/// reports, beside the provisional figure counting pending ones too (``RealisationAggregation``),
/// and the capaian of each against the period's target (``Capaian``). Reports are bucketed by
/// their WITA report day. A Kualitatif SKP's IKIs carry the period's rated description instead
/// of a capaian. The employee's means take the IKIs whose verified capaian is computable.
public enum Progress {
    /// The progress of one IKI over `days`.
    ///
    /// - Parameters:
    ///   - target: planning's target of the IKI for the period.
    ///   - reports: the employee's reports (any IKI, any day: the ones of this IKI in `days` count).
    ///   - kualitatif: true for an IKI of a Kualitatif SKP.
    ///   - qualitative: the period's rated description of a Kualitatif IKI, if written.
    public static func iki(_ target: Planning.IkiTarget, reports: [ReportFigure], days: WitaDayRange?, kualitatif: Bool,
                           qualitative: Reporting.QualitativeRealisation? = nil) -> Reporting.IkiProgress {
        let own = reports.filter { $0.ikiID == target.ikiID }
        let figures = days.map { RealisationAggregation.figures(own, in: $0, aggregation: target.aggregation) }
        let verified = Capaian.of(realisation: figures?.verified, target: target.periodTarget, qualitative: kualitatif)
        let provisional = Capaian.of(realisation: figures?.withPending, target: target.periodTarget, qualitative: kualitatif)
        return Reporting.IkiProgress(
            rhkID: target.rhkID, rhkText: target.rhkText, rhkKind: target.rhkKind, ikiID: target.ikiID, aspek: target.aspek,
            indicator: target.indicator, target: target.periodTarget, targetDerived: target.periodTargetDerived, aggregation: target.aggregation,
            realisationVerified: figures?.verified ?? 0, realisationWithPending: figures?.withPending ?? 0,
            capaianPercent: verified.wrapped, capaianWithPendingPercent: provisional.wrapped,
            reportCount: UInt32(figures?.reportCount ?? 0), verifiedCount: UInt32(figures?.verifiedCount ?? 0),
            pendingCount: UInt32(figures?.pendingCount ?? 0), rejectedCount: UInt32(figures?.rejectedCount ?? 0),
            lastReportDate: figures?.lastReportDate, capaianStatus: verified.status, capaianWithPendingStatus: provisional.status,
            qualitative: kualitatif ? qualitative : nil)
    }

    /// Everything an employee's progress is computed from besides the reports.
    public struct Inputs: Sendable {
        /// Planning's targets of the employee for the period.
        public var targets: Planning.EmployeeTargets
        /// The SKP's covered days (nil = the whole period).
        public var skpDays: WitaDayRange?
        /// The working-day calendar.
        public var calendar: WorkingDayCalendar
        /// The employee's unit path (own unit first, then ancestors).
        public var unitPath: [String]
        /// The employee's absences.
        public var absences: AbsenceIndex
        /// The period's rated descriptions (Kualitatif SKPs), any IKI.
        public var qualitative: [Reporting.QualitativeRealisation]
        /// Now.
        public var now: Date

        /// Inputs.
        public init(targets: Planning.EmployeeTargets, skpDays: WitaDayRange? = nil, calendar: WorkingDayCalendar, unitPath: [String] = [],
                    absences: AbsenceIndex = AbsenceIndex(), qualitative: [Reporting.QualitativeRealisation] = [], now: Date) {
            self.targets = targets
            self.skpDays = skpDays
            self.calendar = calendar
            self.unitPath = unitPath
            self.absences = absences
            self.qualitative = qualitative
            self.now = now
        }
    }

    /// One employee's progress for `period` (GetProgress, a StreamUnitProgress row).
    ///
    /// Figures run up to `as_of_date`, the period's last day or today (WITA) if earlier;
    /// `working_days` and `days_filed` follow ``Compliance`` (expected days: the SKP's covered
    /// days, not absent, the unit open).
    ///
    /// - Throws: ``ReportingError`` `PERIOD_INVALID` for a malformed period.
    public static func employee(_ employee: Common.EmployeeRef, period: Common.Period, reports: [ReportFigure], inputs: Inputs)
        throws(ReportingError) -> Reporting.EmployeeProgress
    {
        let periodDays = try ReportingPeriods.days(of: period)
        let today = Wita.today(now: inputs.now)
        let window = try ReportingPeriods.progressWindow(period, skpDays: inputs.skpDays, today: today)
        let kualitatif = inputs.targets.approach == .kualitatif
        let ikis = inputs.targets.targets.map { target in
            iki(target, reports: reports, days: window, kualitatif: kualitatif,
                qualitative: inputs.qualitative.first { $0.ikiID == target.ikiID && $0.period == period })
        }
        let all = ikis.compactMap { $0.capaianPercent?.value }
        let utama = ikis.filter { $0.rhkKind == .utama }.compactMap { $0.capaianPercent?.value }

        var filed = FiledDays()
        for report in reports where report.state != .ditarik { filed.add(nip: employee.nip, date: report.date) }
        let compliance = window.map { window in
            Compliance.compute(range: window, employees: [ComplianceEmployee(employee: employee, unitPath: inputs.unitPath, expectedDays: [window])],
                               filed: filed, absences: inputs.absences, calendar: inputs.calendar).employees.first
        } ?? nil

        // The SKP's days inside the period (its share when an employee has several); without
        // covered days from planning the SKP is taken to cover the whole period.
        let hasSkp = !inputs.targets.skpID.isEmpty
        let covered = hasSkp ? (inputs.skpDays.map { periodDays.intersection($0) } ?? periodDays) : nil
        return Reporting.EmployeeProgress(
            employee: employee, period: period, targetsAvailability: inputs.targets.availability, skpID: inputs.targets.skpID,
            skpVersion: inputs.targets.skpVersion, atasanNIP: inputs.targets.atasanNIP, ikis: ikis,
            averageCapaianPercent: mean(all).map { Common.DoubleValue(value: $0) },
            averageCapaianUtamaPercent: mean(utama).map { Common.DoubleValue(value: $0) },
            workingDays: compliance?.workingDays ?? 0, daysFiled: compliance?.daysFiled ?? 0,
            pendingVerificationCount: ikis.reduce(0) { $0 + $1.pendingCount },
            asOfDate: periodDays.end < today ? periodDays.end : today, computedAt: Common.Timestamp(inputs.now),
            skpDays: covered.map(\.dateRange), skpDayCount: UInt32(covered?.dayCount ?? 0),
            approach: hasSkp ? inputs.targets.approach : .unspecified)
    }

    /// The days an SKP covers as planning's targets state them (`period_start`…`period_end`); nil
    /// when they are absent or malformed (the whole period is then taken).
    public static func skpDays(of targets: Planning.EmployeeTargets) -> WitaDayRange? {
        guard let start = targets.periodStart, let end = targets.periodEnd else { return nil }
        return WitaDayRange(start, end)
    }

    /// An employee's progress in brief for their atasan's team view (GetTeamProgress).
    ///
    /// On track (``Capaian/isOnTrack(_:aggregation:expectedPercent:qualitativeRating:)``) is
    /// judged against the share of the period's working days (for the employee's unit, inside
    /// the SKP's covered days) elapsed by `as_of_date`.
    public static func teamMember(_ progress: Reporting.EmployeeProgress, skpDays: WitaDayRange? = nil, calendar: WorkingDayCalendar,
                                  unitPath: [String] = []) -> Reporting.TeamMemberProgress {
        var expected = 100.0
        if let period = progress.period, var whole = WitaDayRange(period: period) {
            // The SKP's days: given, else as the progress names them.
            if let skpDays = skpDays ?? progress.skpDays.flatMap({ WitaDayRange($0) }), let inside = whole.intersection(skpDays) { whole = inside }
            let total = calendar.workingDayCount(in: whole, unitPath: unitPath)
            let elapsed = progress.asOfDate.flatMap { WitaDayRange(whole.start, $0) }.flatMap { $0.intersection(whole) }
                .map { calendar.workingDayCount(in: $0, unitPath: unitPath) } ?? 0
            expected = Capaian.expectedPercent(elapsedWorkingDays: elapsed, totalWorkingDays: total)
        }
        let onTrack = progress.ikis.count { iki in
            let capaian = Capaian.Result(percent: iki.capaianPercent?.value, status: iki.capaianStatus)
            return Capaian.isOnTrack(capaian, aggregation: iki.aggregation, expectedPercent: expected, qualitativeRating: iki.qualitative?.rating)
        }
        return Reporting.TeamMemberProgress(
            employee: progress.employee, targetsAvailability: progress.targetsAvailability, ikiCount: UInt32(progress.ikis.count),
            ikiOnTrackCount: UInt32(onTrack), averageCapaianPercent: progress.averageCapaianPercent,
            pendingVerificationCount: progress.pendingVerificationCount, workingDays: progress.workingDays, daysFiled: progress.daysFiled,
            lastReportDate: progress.ikis.compactMap(\.lastReportDate).max { $0 < $1 })
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
