public import Foundation
public import KinerjaASN
public import KinerjaProto
public import KinerjaStore
import GRDB

/// The progress of a set of employees for a period in one read of the store: the reports dated in
/// the period as figures (columns only), the absences overlapping it and the period's qualitative
/// realisations, then ``Progress/employee(_:period:reports:inputs:)`` per person. GetProgress,
/// GetTeamProgress and StreamUnitProgress answer with it; the benchmark runs it in-process as the
/// baseline.
public enum ProgressReader {
    /// The progress of `people` (in their order) for `period`, one entry per person.
    ///
    /// - Parameters:
    ///   - targets: planning's targets by NIP; a person without an entry has no SKP.
    ///   - paths: each unit's path to the root (the unit first), for unit closures in `calendar`.
    ///   - now: the instant of the read.
    public static func progress(of people: [Identity.Employee], period: Common.Period, targets: [String: Planning.EmployeeTargets],
                                calendar: WorkingDayCalendar, paths: [String: [String]], store: Store,
                                now: Date) async throws -> [Reporting.EmployeeProgress] {
        try await progress(of: people, period: period, skpTargets: targets.mapValues { [$0] }, calendar: calendar, paths: paths,
                           store: store, now: now).map { $0.first ?? Reporting.EmployeeProgress() }
    }

    /// The progress of `people` (in their order) for `period`, per SKP: for each person one entry
    /// per entry of their targets (several SKPs after a transfer, in planning's period order), each
    /// over the days its SKP covers, against its own targets with the reports of its own IKIs.
    ///
    /// - Parameters:
    ///   - skpTargets: planning's targets by NIP, one per SKP; a person without an entry has no SKP.
    ///   - paths: each unit's path to the root (the unit first), for unit closures in `calendar`.
    ///   - now: the instant of the read.
    public static func progress(of people: [Identity.Employee], period: Common.Period, skpTargets: [String: [Planning.EmployeeTargets]],
                                calendar: WorkingDayCalendar, paths: [String: [String]], store: Store,
                                now: Date) async throws -> [[Reporting.EmployeeProgress]] {
        let days = try ReportingPeriods.days(of: period)
        let nips = people.map(\.nip)
        let (figures, absences, qualitative) = try await store.read { db in
            (try ReportRecords.figures(nips: nips, days: days, in: db),
             try AbsenceRecords.overlapping(nips: nips, days: days, in: db),
             try QualitativeRecords.forPeriod(nips: nips, period: period, in: db))
        }
        let index = AbsenceIndex(absences)
        return try people.map { person in
            let given = skpTargets[person.nip] ?? []
            let planned = given.isEmpty ? [Planning.EmployeeTargets(employee: person.reference, period: period, availability: .noSkp)] : given
            return try planned.map { targets in
                var progress = try Progress.employee(person.reference, period: period, reports: figures[person.nip] ?? [], inputs: Progress.Inputs(
                    targets: targets, skpDays: Progress.skpDays(of: targets), calendar: calendar, unitPath: paths[person.unitID] ?? [person.unitID],
                    absences: index, qualitative: qualitative[person.nip] ?? [], now: now))
                if targets.availability != .approved && targets.availability != .provisional {
                    // Without an SKP no filing is expected (ComplianceDay.expected_count: "with an SKP covering the day").
                    progress.workingDays = 0
                    progress.daysFiled = 0
                }
                return progress
            }
        }
    }

    /// The working-day calendar: every stored non-working day.
    public static func calendar(in store: Store) async throws -> WorkingDayCalendar {
        try await store.read { db in try CalendarRecords.calendar(in: db) }
    }
}
