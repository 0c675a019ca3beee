import KinerjaASN
import KinerjaProto
import Testing

@Suite("Working-day calendar")
struct WorkingDayCalendarTests {
    static func day(_ month: Int32, _ day: Int32, _ year: Int32 = 2026) -> Common.Date {
        Common.Date(year: year, month: month, day: day)
    }

    static func closure(_ date: Common.Date, unit: String, name: String = "Pindah kantor") -> Reporting.NonWorkingDay {
        Reporting.NonWorkingDay(date: date, kind: .unitClosure, name: name, unitID: unit)
    }

    static let calendar2026 = WorkingDayCalendar(nonWorkingDays: NonWorkingDayList.indonesia2026)

    @Test("weekdays are ISO: 1970-01-01 was a Thursday, 1 January 2026 a Thursday, 1969-12-31 a Wednesday")
    func weekdays() {
        #expect(Common.Date(year: 1970, month: 1, day: 1).weekday == .thursday)
        #expect(Self.day(1, 1).weekday == .thursday)
        #expect(Common.Date(year: 1969, month: 12, day: 31).weekday == .wednesday)
        #expect(Self.day(3, 21).weekday == .saturday)
        #expect(Self.day(8, 17).weekday == .monday)
        #expect(Common.Date(year: 2026, month: 2, day: 30).weekday == nil)
        #expect(Weekday.friday.indonesianName == "Jumat")
    }

    @Test("Saturdays and Sundays are never working days; Monday to Friday are, unless a holiday falls on them")
    func weekends() {
        let calendar = WorkingDayCalendar()
        #expect(calendar.isWorkingDay(Self.day(1, 5)))   // Monday
        #expect(calendar.isWorkingDay(Self.day(1, 9)))   // Friday
        #expect(!calendar.isWorkingDay(Self.day(1, 10))) // Saturday
        #expect(!calendar.isWorkingDay(Self.day(1, 11))) // Sunday
        #expect(!calendar.isWorkingDay(Common.Date(year: 2026, month: 2, day: 30)), "an invalid day is not a working day")
    }

    @Test("national holidays and cuti bersama are non-working days for everyone")
    func holidays() {
        let calendar = Self.calendar2026
        #expect(!calendar.isWorkingDay(Self.day(1, 1)), "Tahun Baru, a Thursday")
        #expect(!calendar.isWorkingDay(Self.day(3, 20)), "cuti bersama Idul Fitri, a Friday")
        #expect(!calendar.isWorkingDay(Self.day(3, 23), unitPath: ["dukcapil", "pemkot"]))
        #expect(calendar.isWorkingDay(Self.day(3, 25)), "the first working day after Idul Fitri 1447 H")
        #expect(calendar.nonWorkingDay(on: Self.day(8, 17))?.name == "Proklamasi Kemerdekaan Republik Indonesia")
        #expect(calendar.nonWorkingDay(on: Self.day(8, 17))?.kind == .liburNasional)
        #expect(calendar.nonWorkingDay(on: Self.day(12, 24))?.kind == .cutiBersama)
        #expect(calendar.nonWorkingDay(on: Self.day(3, 25)) == nil)
    }

    @Test("a unit closure applies to that unit and its whole subtree, not to other units")
    func closures() {
        let calendar = WorkingDayCalendar(nonWorkingDays: NonWorkingDayList.indonesia2026 + [Self.closure(Self.day(7, 6), unit: "dukcapil")])
        #expect(!calendar.isWorkingDay(Self.day(7, 6), unitPath: ["dukcapil", "pemkot"]))
        #expect(!calendar.isWorkingDay(Self.day(7, 6), unitPath: ["seksi-pelayanan", "dukcapil", "pemkot"]), "a sub-unit of the closed unit")
        #expect(calendar.isWorkingDay(Self.day(7, 6), unitPath: ["dinkes", "pemkot"]))
        #expect(calendar.isAgencyWorkingDay(Self.day(7, 6)), "agency-wide it stays a working day (ComplianceDay.working_day)")
        #expect(calendar.nonWorkingDay(on: Self.day(7, 6), unitPath: ["seksi-pelayanan", "dukcapil"])?.kind == .unitClosure)
        #expect(calendar.nonWorkingDay(on: Self.day(7, 6)) == nil, "without a unit path only agency-wide entries apply")
    }

    @Test("2026 has 17 libur nasional and 8 cuti bersama; with weekends, 240 working days remain (SKB 3 Menteri, to be confirmed)")
    func year2026() throws {
        let list = NonWorkingDayList.indonesia2026
        #expect(list.count { $0.kind == .liburNasional } == 17)
        #expect(list.count { $0.kind == .cutiBersama } == 8)
        #expect(list.allSatisfy { NonWorkingDayList.violations($0).isEmpty })
        // Cuti bersama are always on working weekdays (they exist to bridge to a holiday).
        #expect(list.filter { $0.kind == .cutiBersama }.allSatisfy { ($0.date?.weekday).map(Weekday.mondayToFriday.contains) == true })
        let year = try #require(WitaDayRange(Self.day(1, 1), Self.day(12, 31)))
        // 261 weekdays in 2026; the holidays on weekdays: 17 minus four on a weekend (21 and 22 March, 5 April, 31 May) = 13; plus 8 cuti bersama.
        #expect(WorkingDayCalendar().workingDayCount(in: year) == 261)
        #expect(Self.calendar2026.workingDayCount(in: year) == 261 - 13 - 8)
        #expect(Self.calendar2026.hasNationalHolidays(in: 2026))
        #expect(!Self.calendar2026.hasNationalHolidays(in: 2027), "2027 has not been loaded: a caller can warn")
        #expect(NonWorkingDayList.indonesia2026Source.contains("Nomor 1497 Tahun 2025"))
    }

    @Test("working days between two dates count the days after the first up to and including the second")
    func between() {
        let calendar = Self.calendar2026
        #expect(calendar.workingDays(after: Self.day(1, 9), through: Self.day(1, 12)) == 1, "Friday to Monday: one working day")
        #expect(calendar.workingDays(after: Self.day(3, 17), through: Self.day(3, 25)) == 1,
                "17 March (Tuesday) to 25 March: Nyepi, cuti bersama and Idul Fitri leave only the 25th")
        #expect(calendar.workingDays(after: Self.day(1, 12), through: Self.day(1, 12)) == 0)
        #expect(calendar.workingDays(after: Self.day(1, 12), through: Self.day(1, 5)) == 0, "reversed: 0")
        let march = Self.day(3, 1)
        #expect(calendar.workingDays(in: WitaDayRange(month: 3, of: 2026)!).first == Self.day(3, 2))
        #expect(calendar.workingDayCount(in: WitaDayRange(month: 3, of: 2026)!) == 22 - 5, "March 2026: 22 weekdays, five of them off")
        #expect(march.weekday == .sunday)
    }

    @Test("the n-th working day after a date skips weekends, holidays and the unit's closures")
    func adding() {
        let calendar = WorkingDayCalendar(nonWorkingDays: NonWorkingDayList.indonesia2026 + [Self.closure(Self.day(3, 26), unit: "dukcapil")])
        #expect(calendar.addingWorkingDays(1, to: Self.day(1, 9)) == Self.day(1, 12), "Friday + 1 = Monday")
        #expect(calendar.addingWorkingDays(5, to: Self.day(3, 17)) == Self.day(3, 31),
                "from 17 March: 25, 26, 27, 30, 31 March")
        #expect(calendar.addingWorkingDays(2, to: Self.day(3, 17), unitPath: ["dukcapil"]) == Self.day(3, 27), "the closure on the 26th is skipped")
        #expect(calendar.addingWorkingDays(0, to: Self.day(1, 9)) == nil)
        #expect(WorkingDayCalendar(workingWeekdays: []).addingWorkingDays(1, to: Self.day(1, 9)) == nil, "no working weekday: no answer, no endless loop")
    }

    @Test("a later entry for the same day and unit replaces the earlier one, as SetNonWorkingDay does")
    func replace() {
        let first = Reporting.NonWorkingDay(date: Self.day(11, 20), kind: .liburDaerah, name: "HUT Kota Kupang (draft)")
        let second = Reporting.NonWorkingDay(date: Self.day(11, 20), kind: .liburDaerah, name: "HUT Kota Kupang")
        let calendar = WorkingDayCalendar(nonWorkingDays: [first, second])
        #expect(calendar.nonWorkingDays == [second])
        #expect(!calendar.isWorkingDay(Self.day(11, 20)))
    }
}

@Suite("Day ranges")
struct WitaDayRangeTests {
    @Test("a range is inclusive, non-empty and iterates its days in order; a reversed range does not exist")
    func basics() throws {
        let range = try #require(WitaDayRange(Common.Date(year: 2026, month: 2, day: 27), Common.Date(year: 2026, month: 3, day: 2)))
        #expect(range.dayCount == 4)
        #expect(Array(range).map(\.isoString) == ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"])
        #expect(range.description == "2026-02-27…2026-03-02")
        #expect(WitaDayRange(Common.Date(year: 2026, month: 3, day: 2), Common.Date(year: 2026, month: 2, day: 27)) == nil)
        #expect(WitaDayRange(Common.Date(year: 2026, month: 2, day: 30), Common.Date(year: 2026, month: 3, day: 2)) == nil)
        #expect(range.contains(Common.Date(year: 2026, month: 3, day: 1)))
        #expect(!range.contains(Common.Date(year: 2026, month: 3, day: 3)))
    }

    @Test("periods become days: a month, triwulan I-IV (January-March … October-December), the year; malformed periods none")
    func periods() {
        #expect(WitaDayRange(period: Common.Period(year: 2028, kind: .monthly, month: 2))?.dayCount == 29)
        let q2 = WitaDayRange(period: Common.Period(year: 2026, kind: .quarterly, triwulan: .ii))
        #expect(q2?.start == Common.Date(year: 2026, month: 4, day: 1))
        #expect(q2?.end == Common.Date(year: 2026, month: 6, day: 30))
        #expect(WitaDayRange(period: Common.Period(year: 2026, kind: .annual))?.dayCount == 365)
        #expect(WitaDayRange(period: Common.Period(year: 2026, kind: .monthly, month: 13)) == nil)
        #expect(WitaDayRange(period: Common.Period(year: 2026, kind: .quarterly)) == nil, "a quarterly period needs its triwulan")
        #expect(WitaDayRange(period: Common.Period(year: 2026, kind: .annual, month: 3)) == nil)
        #expect(WitaDayRange(period: Common.Period(year: 1999, kind: .annual)) == nil, "periods are 2000-2100")
    }

    @Test("a range splits into calendar months, the first and last cut to the range; ranges intersect")
    func months() throws {
        let range = try #require(WitaDayRange(Common.Date(year: 2026, month: 1, day: 20), Common.Date(year: 2026, month: 3, day: 5)))
        #expect(range.months.map(\.description) == ["2026-01-20…2026-01-31", "2026-02-01…2026-02-28", "2026-03-01…2026-03-05"])
        let q1 = try #require(WitaDayRange(period: Common.Period(year: 2026, kind: .quarterly, triwulan: .i)))
        #expect(range.intersection(q1) == range)
        #expect(WitaDayRange(month: 4, of: 2026).flatMap { range.intersection($0) } == nil)
    }
}

@Suite("Non-working day list")
struct NonWorkingDayListTests {
    @Test("the text format: date, kind, optional unit=, name; comments and blank lines skipped; it round-trips")
    func parse() throws {
        let text = """
            # Kota Kupang 2026
            2026-01-01 LIBUR_NASIONAL Tahun Baru 2026 Masehi

            2026-03-20\tcuti_bersama   Cuti Bersama Idul Fitri 1447 Hijriah
            2026-07-06 UNIT_CLOSURE unit=01HVK8Q3 Pindah kantor Kelurahan Oesapa
            """
        let days = try NonWorkingDayList.parse(text)
        #expect(days.count == 3)
        #expect(days[1].kind == .cutiBersama)
        #expect(days[1].name == "Cuti Bersama Idul Fitri 1447 Hijriah")
        #expect(days[2].unitID == "01HVK8Q3")
        #expect(days[2].name == "Pindah kantor Kelurahan Oesapa")
        #expect(try NonWorkingDayList.parse(NonWorkingDayList.format(days)) == days)
        #expect(try NonWorkingDayList.parse(NonWorkingDayList.format(NonWorkingDayList.indonesia2026)) == NonWorkingDayList.indonesia2026)
    }

    @Test("a bad line is refused with its line number: bad date, unknown kind, missing name, closure without unit")
    func errors() {
        func failure(_ text: String) -> NonWorkingDayListError? {
            #expect(throws: NonWorkingDayListError.self) { try NonWorkingDayList.parse(text) }
            do { _ = try NonWorkingDayList.parse(text) } catch { return error }
            return nil
        }
        #expect(failure("2026-02-30 LIBUR_NASIONAL X")?.reason == "NON_WORKING_DAY_DATE_INVALID")
        #expect(failure("# c\n2026-02-01 HOLIDAY X")?.line == 2)
        #expect(failure("2026-02-01 LIBUR_DAERAH")?.reason == "NON_WORKING_DAY_NAME_REQUIRED")
        #expect(failure("2026-02-02 UNIT_CLOSURE Pindah kantor")?.reason == "NON_WORKING_DAY_UNIT_REQUIRED")
        #expect(failure("2026-02-02 LIBUR_DAERAH " + String(repeating: "x", count: 201))?.reason == "NON_WORKING_DAY_NAME_TOO_LONG")
    }
}
