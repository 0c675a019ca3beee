public import KinerjaProto
import KinerjaASN
import KinerjaCrypto

/// Which days an employee's SKPs of one year cover, and what a transfer closes
/// (`planning.proto` CreateSkpRequest, GetCurrentSkp, ListSkps; DOMAIN.md "Periods").
///
/// The rules:
/// - an SKP starts at the employee's **TMT jabatan** (the first day in the current position,
///   from identity) when that lies in the SKP year, on 1 January when it lies before (or is
///   unknown), or on the day given; a TMT jabatan after the year leaves no default: the first
///   day must be given;
/// - it ends on 31 December, or on the day given, or — later — the day before a **transfer**;
/// - several SKPs of one employee in one year **never overlap**; they are read and listed
///   together in period order (evaluation combines them);
/// - a transfer (`CreateSkpRequest.transfer`) closes the SKP of that year covering the new
///   SKP's first day: its last day becomes the day before; the transfer cannot start on that
///   SKP's first day (it would be left with no day); without an SKP covering that day there is
///   nothing to close and the request is refused;
/// - a closed SKP is not given a new version: its latest version, and its approved version in
///   force when that is another, change only in `period_end`. The approval stamp stays as the
///   penilai gave it (``SkpDocumentHash/verify(_:)`` recognises a body closed early);
/// - deleting the SKP a transfer opened (a mistaken transfer: a draft never submitted,
///   ``SkpDeletion``) **reopens** the SKP it closed: its last day goes back to the one it had
///   before the closure, never into another SKP of the year (``reopenedEnd(closed:previousEnd:others:)``);
/// - once the year's evaluation is finalised (a later service), nothing of it is closed or
///   revised (``SkpLifecycle``'s `evaluationFinalised`).
public enum SkpCoverage {
    /// One SKP of the employee and year, as the latest version states its covered days.
    public struct Existing: Sendable, Hashable {
        /// SKP id.
        public var skpID: String
        /// First covered day.
        public var start: Common.Date
        /// Last covered day.
        public var end: Common.Date

        /// An existing SKP.
        public init(skpID: String, start: Common.Date, end: Common.Date) {
            self.skpID = skpID
            self.start = start
            self.end = end
        }

        /// The covered days of the latest version `skp` (absent bounds are the year's).
        public init(_ skp: Planning.Skp) {
            let period = SkpPeriod(skp)
            self.init(skpID: skp.skpID, start: period.start, end: period.end)
        }

        /// True when `day` is one of its days.
        public func covers(_ day: Common.Date) -> Bool { start <= day && day <= end }
    }

    /// What a transfer changes in the SKP it closes.
    public struct Closure: Sendable, Hashable {
        /// The SKP closed.
        public var skpID: String
        /// Its last day before.
        public var previousEnd: Common.Date
        /// Its last day now: the day before the transfer.
        public var newEnd: Common.Date

        /// A closure.
        public init(skpID: String, previousEnd: Common.Date, newEnd: Common.Date) {
            self.skpID = skpID
            self.previousEnd = previousEnd
            self.newEnd = newEnd
        }
    }

    /// The first day of a new SKP of `year` when none is given: the TMT jabatan when it lies in
    /// the year, 1 January when it lies before or is unknown. A transfer needs the TMT jabatan in
    /// the year (the first day in the new position).
    ///
    /// - Throws: ``SkpRuleError/tmtAfterYear(tmtJabatan:year:)`` when the TMT jabatan is after the
    ///   year, ``SkpRuleError/transferNeedsStart(year:tmtJabatan:)`` for a transfer without one in the year.
    public static func defaultStart(year: Int32, tmtJabatan: Common.Date?, transfer: Bool = false) throws(SkpRuleError) -> Common.Date {
        let first = Common.Date(year: year, month: 1, day: 1)
        let tmt = tmtJabatan.flatMap { $0.isValid ? $0 : nil }
        if let tmt, tmt.year > year { throw .tmtAfterYear(tmtJabatan: tmt, year: year) }
        if let tmt, tmt.year == year { return tmt }
        if transfer { throw .transferNeedsStart(year: year, tmtJabatan: tmt) }
        return first
    }

    /// Checks a new SKP covering `start`…`end` against the employee's `existing` SKPs of the
    /// year and returns the closure a transfer makes (nil without transfer).
    ///
    /// - Throws: ``SkpRuleError/periodOverlap(skpID:start:end:)`` for an overlap (after the
    ///   closure), ``SkpRuleError/transferWithoutCoveringSkp(day:)``,
    ///   ``SkpRuleError/transferOnFirstDay(skpID:day:)``, ``SkpRuleError/evaluationFinalised``.
    public static func plan(start: Common.Date, end: Common.Date, transfer: Bool, existing: [Existing],
                            evaluationFinalised: Bool = false) throws(SkpRuleError) -> Closure? {
        var others = existing
        var closure: Closure?
        if transfer {
            guard let index = others.firstIndex(where: { $0.covers(start) }) else { throw .transferWithoutCoveringSkp(day: start) }
            let closed = others[index]
            guard closed.start < start, let dayBefore = start.adding(days: -1) else {
                throw .transferOnFirstDay(skpID: closed.skpID, day: start)
            }
            if evaluationFinalised { throw .evaluationFinalised }
            closure = Closure(skpID: closed.skpID, previousEnd: closed.end, newEnd: dayBefore)
            others[index].end = dayBefore
        }
        if let clash = others.first(where: { !($0.end < start || end < $0.start) }) {
            throw .periodOverlap(skpID: clash.skpID, start: clash.start, end: clash.end)
        }
        return closure
    }

    /// The last day an SKP closed by a transfer takes back when the SKP the transfer opened is
    /// deleted: `previousEnd` (its last day before the closure), but at most the day before the
    /// first day of any of the employee's `others` that starts after it; nil when there is no day
    /// to give back.
    public static func reopenedEnd(closed: Existing, previousEnd: Common.Date, others: [Existing]) -> Common.Date? {
        var end = previousEnd
        for other in others where other.skpID != closed.skpID && closed.end < other.start && other.start <= end {
            if let before = other.start.adding(days: -1), before < end { end = before }
        }
        return closed.end < end ? end : nil
    }

    /// Which of one employee's SKPs of a year answers for `period` (GetTargets, StreamTargets):
    /// the one covering most of its days, the later in period order on a tie; when none covers
    /// any of them, the year's last. `skps` are any versions; the answer is an SKP id.
    public static func answering(_ period: Common.Period, among skps: [Planning.Skp]) -> String? {
        let latest = Dictionary(skps.map { ($0.skpID, $0) }, uniquingKeysWith: { a, b in a.version > b.version ? a : b })
        var best: (skpID: String, days: Int)?
        for skp in inPeriodOrder(Array(latest.values)) {
            let days = SkpPeriod(skp).overlap(period)
            if days >= best?.days ?? 0 { best = (skp.skpID, days) }
        }
        return best?.skpID
    }

    /// Every one of an employee's SKPs of a year covering at least one day of `period`, in period
    /// order (StreamTargets with `per_skp`: evaluation weighs each by its days). `skps` are any
    /// versions; the covered days are each SKP's latest version's. The answer is SKP ids.
    public static func touching(_ period: Common.Period, among skps: [Planning.Skp]) -> [String] {
        let latest = Dictionary(skps.map { ($0.skpID, $0) }, uniquingKeysWith: { a, b in a.version > b.version ? a : b })
        return inPeriodOrder(Array(latest.values)).filter { SkpPeriod($0).overlap(period) > 0 }.map(\.skpID)
    }

    /// `skps` (one employee's SKPs of one year) in period order: first day, then last day, then id.
    public static func inPeriodOrder(_ skps: [Planning.Skp]) -> [Planning.Skp] {
        skps.sorted { a, b in
            let x = Existing(a), y = Existing(b)
            if x.start != y.start { return x.start < y.start }
            if x.end != y.end { return x.end < y.end }
            return x.skpID < y.skpID
        }
    }

    /// Which of one employee's SKPs of a year a read without an SKP id means
    /// (`GetCurrentSkpRequest.on_date`): the one covering `day`; without a day, the one covering
    /// `today` when it lies in the year, else the last in period order. Nil when `day` is given
    /// and no SKP covers it, or there is none.
    public static func chosen(_ skps: [Existing], on day: Common.Date?, today: Common.Date) -> Existing? {
        let ordered = skps.sorted { a, b in a.start != b.start ? a.start < b.start : a.skpID < b.skpID }
        if let day { return ordered.last { $0.covers(day) } }
        return ordered.last { $0.covers(today) } ?? ordered.last
    }
}
