public import KinerjaProto
import KinerjaASN

/// The SKP deadline and where an employee stands against it (`planning.proto`
/// GetSkpCompliance, SkpComplianceStatus).
///
/// The deadline: the policy's date (default **31 January**) or a number of days after the
/// employee's TMT jabatan (default **30**), whichever is later; an unknown TMT jabatan counts as
/// 1 January. The defaults are our reading of the local practice (BKPSDM asks for the SKP in
/// January; a new position has a month); both are configurable (`planning.skp_deadline_*`).
///
/// The status of one AKTIF employee, from their latest SKP of the year (the one of their current
/// position, in period order) and identity's pejabat penilai today, first rule that applies:
/// 1. an approval on or before the deadline: **APPROVED**; after it: **APPROVED_LATE** (days
///    late = approval day − deadline). The first approval of the SKP counts (a later revision
///    approved again does not make it late);
/// 2. submitted (DIAJUKAN) while identity names no valid penilai today: **NO_VALID_PENILAI**,
///    whatever the deadline — pengelola kinerja must arrange a Plt/Plh or the new atasan, and
///    never decide themselves;
/// 3. the deadline has not passed on the day judged: **NOT_DUE**;
/// 4. otherwise, late (days late = day judged − deadline): **NO_SKP** (no SKP), **DRAFT**,
///    **WAITING_FOR_PENILAI** (DIAJUKAN), **RETURNED** (DIKEMBALIKAN).
///
/// The day judged (`as_of`, default today) decides whether the deadline has passed and the days
/// late; the states are those stored now.
public struct SkpDeadlinePolicy: Sendable, Hashable {
    /// Month of the policy's date (default January).
    public var month: Int32
    /// Day of the policy's date (default 31); a day past the month's end means its last day.
    public var day: Int32
    /// Days after the TMT jabatan (default 30).
    public var daysAfterTmt: Int

    /// A policy; the defaults are 31 January and 30 days.
    public init(month: Int32 = 1, day: Int32 = 31, daysAfterTmt: Int = 30) {
        self.month = month
        self.day = day
        self.daysAfterTmt = daysAfterTmt
    }

    /// The deadline of an employee with `tmtJabatan` for an SKP of `year`.
    public func deadline(year: Int32, tmtJabatan: Common.Date?) -> Common.Date {
        let month = min(max(self.month, 1), 12)
        let policy = Common.Date(year: year, month: month, day: min(max(day, 1), Common.Date.daysIn(month: month, year: year)))
        let tmt = tmtJabatan.flatMap { $0.isValid ? $0 : nil } ?? Common.Date(year: year, month: 1, day: 1)
        guard let afterTmt = tmt.adding(days: daysAfterTmt) else { return policy }
        return policy < afterTmt ? afterTmt : policy
    }
}

/// The status rule of ``SkpDeadlinePolicy``'s documentation as a value.
public enum SkpCompliance {
    /// What the store and identity say about one employee.
    public struct Facts: Sendable, Hashable {
        /// State of the latest version of their latest SKP of the year; nil without an SKP.
        public var latestState: Planning.SkpState?
        /// WITA day of the SKP's first approval; nil when never approved.
        public var firstApproval: Common.Date?
        /// True when identity names a valid pejabat penilai today (``PenilaiToday/isValid(_:)``).
        public var hasValidPenilai: Bool

        /// Facts.
        public init(latestState: Planning.SkpState?, firstApproval: Common.Date?, hasValidPenilai: Bool) {
            self.latestState = latestState
            self.firstApproval = firstApproval
            self.hasValidPenilai = hasValidPenilai
        }
    }

    /// A status with the days late (0 when not late).
    public struct Judgement: Sendable, Hashable {
        /// Where the employee stands.
        public var status: Planning.SkpComplianceStatus
        /// Days past the deadline.
        public var daysLate: UInt32

        /// A judgement.
        public init(status: Planning.SkpComplianceStatus, daysLate: UInt32) {
            self.status = status
            self.daysLate = daysLate
        }
    }

    /// The status of `facts` against `deadline`, judged on `asOf`.
    public static func judge(_ facts: Facts, deadline: Common.Date, asOf: Common.Date) -> Judgement {
        if let approved = facts.firstApproval {
            let late = days(from: deadline, to: approved)
            return late > 0 ? Judgement(status: .approvedLate, daysLate: late) : Judgement(status: .approved, daysLate: 0)
        }
        let late = days(from: deadline, to: asOf)
        if facts.latestState == .diajukan, !facts.hasValidPenilai { return Judgement(status: .noValidPenilai, daysLate: late) }
        guard late > 0 else { return Judgement(status: .notDue, daysLate: 0) }
        switch facts.latestState {
        case nil: return Judgement(status: .noSkp, daysLate: late)
        case .diajukan?: return Judgement(status: .waitingForPenilai, daysLate: late)
        case .dikembalikan?: return Judgement(status: .returned, daysLate: late)
        // A latest version DISETUJUI or DIGANTI has a first approval (rule 1); anything else is being drafted.
        default: return Judgement(status: .draft, daysLate: late)
        }
    }

    /// One count per status that occurs, in the enum's order.
    public static func counts(_ statuses: [Planning.SkpComplianceStatus]) -> [Planning.SkpComplianceCount] {
        var tally: [Int32: UInt32] = [:]
        for status in statuses { tally[status.rawValue, default: 0] += 1 }
        return tally.keys.sorted().map { Planning.SkpComplianceCount(status: Planning.SkpComplianceStatus(rawValue: $0), count: tally[$0] ?? 0) }
    }

    /// Whole days from `first` to `last` when `last` is later; 0 otherwise.
    static func days(from first: Common.Date, to last: Common.Date) -> UInt32 {
        guard let a = first.daysSinceEpoch, let b = last.daysSinceEpoch, b > a else { return 0 }
        return UInt32(b - a)
    }
}
