public import KinerjaASN
public import KinerjaProto

/// One atasan–bawahan pairing over some days: who must hold dialog kinerja with whom.
///
/// From identity's `SupervisorAssignment` (definitive or acting Plt./Plh.) with the employee's unit.
public struct SupervisionPair: Sendable, Hashable {
    /// The bawahan.
    public var employeeNIP: String
    /// The atasan langsung (or acting Plt./Plh.).
    public var atasanNIP: String
    /// The bawahan's unit (the per-unit rollup's key).
    public var unitID: String
    /// The bawahan's unit path (own id first, then ancestors'), for the unit's working days.
    public var unitPath: [String]
    /// True for an acting appointment.
    public var acting: Bool
    /// The WITA days the pairing holds.
    public var days: WitaDayRange

    /// A pairing from its facts.
    public init(employeeNIP: String, atasanNIP: String, unitID: String, unitPath: [String] = [], acting: Bool = false, days: WitaDayRange) {
        self.employeeNIP = employeeNIP
        self.atasanNIP = atasanNIP
        self.unitID = unitID
        self.unitPath = unitPath.isEmpty ? [unitID] : unitPath
        self.acting = acting
        self.days = days
    }

    /// The pairing of an identity assignment (an open assignment runs on); nil when it has no real first day.
    public init?(_ assignment: Identity.SupervisorAssignment, unitID: String, unitPath: [String] = []) {
        guard let from = assignment.effectiveFrom,
              let days = WitaDayRange(from, assignment.effectiveUntil ?? Common.Date.latestValid) else { return nil }
        self.init(employeeNIP: assignment.nip, atasanNIP: assignment.atasanNIP, unitID: unitID, unitPath: unitPath,
                  acting: assignment.acting, days: days)
    }
}

/// The least number of dialog kinerja per atasan–bawahan pair, and who is behind: pure functions
/// over (pairs, dialogs, period, calendar).
///
/// *Inference* (the regulation asks for dialog kinerja during Pemantauan without a number): the
/// policy's `dialog_minimum_per_triwulan` (default 1) is owed per pair **per triwulan**, pro rata
/// to the share of the triwulan's working days (of the bawahan's unit) the pair held:
/// `expected = round-half-up(minimum × pair's working days ÷ triwulan's working days)`. A pair that
/// held the whole triwulan owes the minimum; one that held under half of it owes none (with the
/// default 1); an atasan change exactly mid-triwulan owes one dialog with each atasan.
///
/// A dialog counts for a pair when the pair's atasan recorded it with the pair's employee and it was
/// held on one of the pair's days in the triwulan, whatever its state (a disputed record was held).
/// A triwulan is **met** when the dialogs held reach the expected number, **open** while it has
/// not ended, **behind** once it ended short. A year is its four triwulan. A month is refused:
/// the minimum is per triwulan.
public enum DialogCadence {
    /// Where one pair stands in one triwulan (or over the period).
    public enum State: Int, Sendable, Hashable, Comparable {
        /// Nothing owed (the pair held too few of the triwulan's days).
        case notExpected = 0
        /// Enough dialogs held.
        case met = 1
        /// Short, but the triwulan has not ended.
        case open = 2
        /// The triwulan ended short.
        case behind = 3

        /// Worse states sort last.
        public static func < (lhs: State, rhs: State) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One pair in one triwulan.
    public struct QuarterStatus: Sendable, Hashable {
        /// The triwulan.
        public var triwulan: Common.Triwulan
        /// Working days of the triwulan (the bawahan's unit).
        public var workingDays: Int
        /// Working days of it the pair held.
        public var pairWorkingDays: Int
        /// Dialogs owed.
        public var expected: Int
        /// Dialogs held.
        public var held: Int
        /// Met, open, behind or not expected.
        public var state: State
    }

    /// One pair over the period.
    public struct PairStatus: Sendable, Hashable {
        /// The pair.
        public var pair: SupervisionPair
        /// Its triwulan, in order.
        public var quarters: [QuarterStatus]
        /// Dialogs owed over the period.
        public var expected: Int { quarters.reduce(0) { $0 + $1.expected } }
        /// Dialogs held over the period (in the quarters that owe or count them).
        public var held: Int { quarters.reduce(0) { $0 + $1.held } }
        /// The worst state of its triwulan.
        public var state: State { quarters.map(\.state).max() ?? .notExpected }
    }

    /// Pairs grouped by atasan or by unit.
    public struct Rollup: Sendable, Hashable {
        /// The atasan's NIP or the unit id.
        public var key: String
        /// Pairs that owe at least one dialog in the period.
        public var pairsDue: Int
        /// Of those, pairs that met every triwulan so far.
        public var pairsMet: Int
        /// Of those, pairs short in a triwulan that has not ended (and behind in none).
        public var pairsOpen: Int
        /// Of those, pairs behind in at least one ended triwulan.
        public var pairsBehind: Int
        /// Dialogs owed, and held (each pair-triwulan counted up to what it owes).
        public var dialogsExpected: Int
        /// Dialogs held, capped per pair and triwulan at what is owed.
        public var dialogsHeldTowardsMinimum: Int
        /// Employees of the pairs behind, sorted.
        public var behindEmployeeNIPs: [String]
    }

    /// The report for a period.
    public struct Report: Sendable, Hashable {
        /// The minimum per pair per triwulan applied.
        public var minimumPerTriwulan: Int
        /// Every pair with its status, by atasan then employee.
        public var pairs: [PairStatus]
        /// Per atasan, by NIP.
        public var byAtasan: [Rollup]
        /// Per unit (the bawahan's), by unit id.
        public var byUnit: [Rollup]
    }

    /// The cadence report for `period`.
    ///
    /// - Parameters:
    ///   - pairs: the pairings overlapping the period.
    ///   - dialogs: the dialog records of those employees (any state).
    ///   - today: today in WITA (a triwulan is behind only once it has ended).
    /// - Throws: ``FeedbackError`` `PERIOD_INVALID` for a malformed or monthly period.
    public static func report(pairs: [SupervisionPair], dialogs: [Feedback.DialogRecord], period: Common.Period,
                              calendar: WorkingDayCalendar, policy: EffectiveFeedbackPolicy, today: Common.Date) throws(FeedbackError) -> Report {
        _ = try FeedbackInput.days(of: period)
        let quarters: [Common.Triwulan]
        switch period.kind {
        case .quarterly: quarters = [period.triwulan]
        case .annual: quarters = [.i, .ii, .iii, .iv]
        default:
            throw FeedbackError(.periodInvalid, "dialog minimums are owed per triwulan: ask for a triwulan or the year", field: "period")
        }
        let minimum = policy.dialogMinimumPerTriwulan
        var held: [PairKey: [Common.Date]] = [:]
        for dialog in dialogs {
            guard let day = dialog.heldOn, day.isValid else { continue }
            held[PairKey(employee: dialog.employeeNIP, atasan: dialog.atasanNIP), default: []].append(day)
        }
        var statuses: [PairStatus] = []
        for pair in pairs {
            var quarterStatuses: [QuarterStatus] = []
            for triwulan in quarters {
                let quarterPeriod = Common.Period(year: period.year, kind: .quarterly, triwulan: triwulan)
                guard let quarter = WitaDayRange(period: quarterPeriod) else { continue }
                let total = calendar.workingDayCount(in: quarter, unitPath: pair.unitPath)
                let overlap = pair.days.intersection(quarter)
                let own = overlap.map { calendar.workingDayCount(in: $0, unitPath: pair.unitPath) } ?? 0
                let expected = total == 0 ? 0 : (minimum * own * 2 + total) / (2 * total)
                let count = overlap.map { days in
                    held[PairKey(employee: pair.employeeNIP, atasan: pair.atasanNIP)]?.filter { days.contains($0) }.count ?? 0
                } ?? 0
                let state: State = if expected == 0 { .notExpected }
                    else if count >= expected { .met }
                    else if today <= quarter.end { .open }
                    else { .behind }
                quarterStatuses.append(QuarterStatus(triwulan: triwulan, workingDays: total, pairWorkingDays: own,
                                                     expected: expected, held: count, state: state))
            }
            statuses.append(PairStatus(pair: pair, quarters: quarterStatuses))
        }
        statuses.sort { ($0.pair.atasanNIP, $0.pair.employeeNIP, $0.pair.days.lowerDay) < ($1.pair.atasanNIP, $1.pair.employeeNIP, $1.pair.days.lowerDay) }
        return Report(minimumPerTriwulan: minimum, pairs: statuses,
                      byAtasan: rollups(statuses, key: \.atasanNIP), byUnit: rollups(statuses, key: \.unitID))
    }

    private struct PairKey: Hashable {
        var employee: String
        var atasan: String
    }

    private static func rollups(_ statuses: [PairStatus], key: KeyPath<SupervisionPair, String>) -> [Rollup] {
        var out: [String: Rollup] = [:]
        for status in statuses {
            let name = status.pair[keyPath: key]
            var rollup = out[name] ?? Rollup(key: name, pairsDue: 0, pairsMet: 0, pairsOpen: 0, pairsBehind: 0, dialogsExpected: 0,
                                            dialogsHeldTowardsMinimum: 0, behindEmployeeNIPs: [])
            if status.expected > 0 {
                rollup.pairsDue += 1
                switch status.state {
                case .met: rollup.pairsMet += 1
                case .open: rollup.pairsOpen += 1
                case .behind:
                    rollup.pairsBehind += 1
                    rollup.behindEmployeeNIPs.append(status.pair.employeeNIP)
                case .notExpected: break
                }
            }
            rollup.dialogsExpected += status.expected
            rollup.dialogsHeldTowardsMinimum += status.quarters.reduce(0) { $0 + min($1.held, $1.expected) }
            out[name] = rollup
        }
        return out.values.map { rollup in
            var sorted = rollup
            sorted.behindEmployeeNIPs = Array(Set(rollup.behindEmployeeNIPs)).sorted()
            return sorted
        }.sorted { $0.key < $1.key }
    }
}
