public import KinerjaASN
public import KinerjaProto

/// The periods evaluation has locked (finalised) for some employees, and the rule they impose.
///
/// The rule (`reporting.proto` PeriodLock): nothing about a report changes once its day lies in
/// a period locked for its author — no submission, update, withdrawal, verification, rejection
/// or revocation — and the period's qualitative realisations are frozen too. A refusal is
/// FAILED_PRECONDITION naming the period and the lock. Locks are keyed by evaluation's period
/// id: LockPeriod replaces the lock of the same id, UnlockPeriod (on ReopenPeriod) removes it.
public struct PeriodLockSet: Sendable, Hashable {
    /// Each lock with its days, in the order given.
    private let locks: [(lock: Reporting.PeriodLock, days: WitaDayRange, nips: Set<String>)]

    /// The locks in force (a lock with a malformed period is ignored: ``violations(_:)`` refuses it on write).
    public init(_ locks: [Reporting.PeriodLock] = []) {
        self.locks = locks.compactMap { lock in
            guard let period = lock.period, let days = WitaDayRange(period: period) else { return nil }
            return (lock, days, Set(lock.nips))
        }
    }

    /// The first lock covering `date` for `nip`; nil when the day is open.
    public func lock(covering date: Common.Date, nip: String) -> Reporting.PeriodLock? {
        locks.first { $0.days.contains(date) && $0.nips.contains(nip) }?.lock
    }

    /// Refuses a change to something of `nip` dated `date` when a lock covers it.
    ///
    /// - Throws: ``ReportingError`` `PERIOD_LOCKED` (FAILED_PRECONDITION) naming the period and the lock.
    public func check(_ date: Common.Date, nip: String, field: String = "") throws(ReportingError) {
        guard let lock = lock(covering: date, nip: nip) else { return }
        throw Self.lockedError(lock, date: date, field: field)
    }

    /// The first lock covering any day of `range` for `nip` (a qualitative realisation's period).
    public func lock(overlapping range: WitaDayRange, nip: String) -> Reporting.PeriodLock? {
        locks.first { $0.days.overlaps(range) && $0.nips.contains(nip) }?.lock
    }

    /// The refusal for a change under `lock`.
    static func lockedError(_ lock: Reporting.PeriodLock, date: Common.Date?, field: String = "") -> ReportingError {
        let period = lock.period.map(ReportingPeriods.label) ?? "the period"
        let day = date.map { "\($0.isoString) lies in " } ?? ""
        return ReportingError(.periodLocked,
                              "\(day)\(period), which evaluation has finalised (lock \(lock.lockID)); nothing dated in it can change until the period is reopened",
                              field: field)
    }

    /// Every violation of a lock's field rules (LockPeriod); empty when valid.
    ///
    /// lock_id 1–64 printable ASCII; the period a well-formed month, triwulan or year;
    /// 1–10000 NIPs of 18 digits (duplicates are ignored); reason at most 500 characters.
    public static func violations(_ lock: Reporting.PeriodLock, fieldPrefix: String = "lock.") -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func add(_ field: String, _ code: ReportingError.Code, _ description: String) {
            out.append(Common.FieldViolation(field: fieldPrefix + field, description: description, reason: code.reason))
        }
        if lock.lockID.isEmpty || lock.lockID.utf8.count > ReportingLimits.lockIDLength || !lock.lockID.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) {
            add("lock_id", .lockInvalid, "lock_id must be 1-\(ReportingLimits.lockIDLength) printable ASCII characters (evaluation's period id)")
        }
        if lock.period.flatMap(WitaDayRange.init(period:)) == nil {
            add("period", .periodInvalid, "the period must be a month, a triwulan or a year of 2000-2100")
        }
        if lock.nips.isEmpty || lock.nips.count > ReportingLimits.lockNips {
            add("nips", .lockInvalid, "a lock names 1-\(ReportingLimits.lockNips) NIPs, got \(lock.nips.count)")
        }
        if let index = lock.nips.firstIndex(where: { !NIP.hasValidFormat($0) }) {
            add("nips[\(index)]", .nipInvalid, "a NIP is 18 digits")
        }
        if lock.reason.unicodeScalars.count > ReportingLimits.lockReasonLength {
            add("reason", .textTooLong, "reason must be at most \(ReportingLimits.lockReasonLength) characters, got \(lock.reason.unicodeScalars.count)")
        }
        return out
    }
}

extension PeriodLockSet {
    /// Hashes the locks (their messages).
    public func hash(into hasher: inout Hasher) {
        for entry in locks { hasher.combine(entry.lock) }
    }

    /// Equal when built from equal locks.
    public static func == (lhs: PeriodLockSet, rhs: PeriodLockSet) -> Bool {
        lhs.locks.map(\.lock) == rhs.locks.map(\.lock)
    }
}
