public import KinerjaProto

/// Which WITA days are working days for ASN of Pemerintah Kota Kupang, and for which unit.
///
/// A day is a working day for a unit when all of these hold:
/// - its weekday is a working weekday (Monday–Friday: `reporting.proto` NonWorkingDay says
///   Saturdays and Sundays are always non-working);
/// - no agency-wide non-working day falls on it (libur nasional and cuti bersama from the SKB of
///   the Menteri Agama, Menteri Ketenagakerjaan and MenPANRB for the year; libur daerah set by
///   the Kupang or NTT government — `NonWorkingDay` entries without `unit_id`);
/// - no non-working day of the unit or one of its ancestors falls on it (unit closures, and any
///   other entry with a `unit_id`, apply to that unit's whole subtree).
///
/// The calendar does not know the unit tree: the caller passes the unit's *path*, its own id
/// followed by its ancestors' ids (in any order). The non-working days are data an operator
/// loads each year (``NonWorkingDayList``); a year with none loaded has weekends only, which
/// ``hasNationalHolidays(in:)`` lets a caller warn about.
public struct WorkingDayCalendar: Sendable, Hashable {
    /// The working weekdays.
    public let workingWeekdays: Set<Weekday>
    /// Agency-wide entries by day number (since 1970-01-01).
    private let agencyWide: [Int: Reporting.NonWorkingDay]
    /// Unit entries by day number, then unit id.
    private let unitDays: [Int: [String: Reporting.NonWorkingDay]]

    /// A calendar with these non-working days (entries with an invalid date are ignored; a
    /// later entry for the same day and unit replaces an earlier one, as SetNonWorkingDay does).
    public init(nonWorkingDays: [Reporting.NonWorkingDay] = [], workingWeekdays: Set<Weekday> = Weekday.mondayToFriday) {
        var agencyWide: [Int: Reporting.NonWorkingDay] = [:]
        var unitDays: [Int: [String: Reporting.NonWorkingDay]] = [:]
        for entry in nonWorkingDays {
            guard let day = entry.date?.daysSinceEpoch else { continue }
            if entry.unitID.isEmpty {
                agencyWide[day] = entry
            } else {
                unitDays[day, default: [:]][entry.unitID] = entry
            }
        }
        self.agencyWide = agencyWide
        self.unitDays = unitDays
        self.workingWeekdays = workingWeekdays
    }

    /// Every entry, by date then unit id (agency-wide first).
    public var nonWorkingDays: [Reporting.NonWorkingDay] {
        var out: [(Int, String, Reporting.NonWorkingDay)] = agencyWide.map { ($0.key, "", $0.value) }
        for (day, units) in unitDays {
            for (unit, entry) in units { out.append((day, unit, entry)) }
        }
        return out.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// True when `date` is a working weekday and no agency-wide entry falls on it (what
    /// `ComplianceDay.working_day` reports); false for an invalid date.
    public func isAgencyWorkingDay(_ date: Common.Date) -> Bool {
        guard let day = date.daysSinceEpoch else { return false }
        return isAgencyWorkingDay(day: day)
    }

    /// True when `date` is a working day for the unit whose path is `unitPath` (its id and its
    /// ancestors' ids); with an empty path, the same as ``isAgencyWorkingDay(_:)``.
    public func isWorkingDay(_ date: Common.Date, unitPath: [String] = []) -> Bool {
        guard let day = date.daysSinceEpoch else { return false }
        return isWorkingDay(day: day, unitPath: unitPath)
    }

    /// The entry that makes `date` non-working for the unit: the agency-wide one first, else the
    /// one of the unit nearest in `unitPath` order; nil on weekends without an entry and on working days.
    public func nonWorkingDay(on date: Common.Date, unitPath: [String] = []) -> Reporting.NonWorkingDay? {
        guard let day = date.daysSinceEpoch else { return nil }
        if let entry = agencyWide[day] { return entry }
        guard let units = unitDays[day] else { return nil }
        for unit in unitPath { if let entry = units[unit] { return entry } }
        return nil
    }

    /// The working days of `range` for the unit, in order.
    public func workingDays(in range: WitaDayRange, unitPath: [String] = []) -> [Common.Date] {
        (range.lowerDay...range.upperDay).filter { isWorkingDay(day: $0, unitPath: unitPath) }.map(WitaDayRange.date)
    }

    /// How many working days `range` has for the unit.
    public func workingDayCount(in range: WitaDayRange, unitPath: [String] = []) -> Int {
        (range.lowerDay...range.upperDay).reduce(0) { $0 + (isWorkingDay(day: $1, unitPath: unitPath) ? 1 : 0) }
    }

    /// How many working days lie after `start` up to and including `end` (0 when `end` is not
    /// after `start`, or either is invalid): "working days between two dates", so a report
    /// submitted on Friday and reviewed on Monday waited one working day.
    public func workingDays(after start: Common.Date, through end: Common.Date, unitPath: [String] = []) -> Int {
        guard let first = start.adding(days: 1), let range = WitaDayRange(first, end) else { return 0 }
        return workingDayCount(in: range, unitPath: unitPath)
    }

    /// The `count`-th working day after `date` (`count` ≥ 1); nil when `count` < 1, the date
    /// is invalid or no such day exists before 9999-12-31.
    ///
    /// Stops after ``searchLimitDays`` days, so a calendar without working weekdays fails
    /// instead of looping.
    public func addingWorkingDays(_ count: Int, to date: Common.Date, unitPath: [String] = []) -> Common.Date? {
        guard count >= 1, let start = date.daysSinceEpoch, let limit = Common.Date.latestValid.daysSinceEpoch else { return nil }
        var found = 0
        var day = start
        while day < limit, day - start <= Self.searchLimitDays {
            day += 1
            if isWorkingDay(day: day, unitPath: unitPath) {
                found += 1
                if found == count { return WitaDayRange.date(day) }
            }
        }
        return nil
    }

    /// Longest search of ``addingWorkingDays(_:to:unitPath:)``, in days (ten years).
    public static let searchLimitDays = 3653

    /// True when at least one agency-wide LIBUR_NASIONAL entry lies in `year`: a year without
    /// one has not been loaded, and every weekday of it would count as a working day.
    public func hasNationalHolidays(in year: Int32) -> Bool {
        agencyWide.values.contains { $0.kind == .liburNasional && $0.date?.year == year }
    }

    // MARK: Day numbers

    /// ``isAgencyWorkingDay(_:)`` for a day number since 1970-01-01 (for loops over ranges).
    package func isAgencyWorkingDay(day: Int) -> Bool {
        guard let weekday = WitaDayRange.date(day).weekday, workingWeekdays.contains(weekday) else { return false }
        return agencyWide[day] == nil
    }

    /// ``isWorkingDay(_:unitPath:)`` for a day number since 1970-01-01.
    package func isWorkingDay(day: Int, unitPath: [String]) -> Bool {
        guard isAgencyWorkingDay(day: day) else { return false }
        guard let units = unitDays[day], !unitPath.isEmpty else { return true }
        return !unitPath.contains { units[$0] != nil }
    }
}
