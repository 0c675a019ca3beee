public import Logging
import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaProto
import KinerjaStore

/// Fills an empty reporting store with the demo reports of the Kupang demo organisation: the
/// people come from identity, the SKPs and targets from planning (batched), the reports from
/// ``KupangReportDemo`` with the same seed. Later starts find reports and keep them.
public enum ReportingDemoSeeder {
    /// Seeds when the store has no report; waits up to a minute for identity and planning to answer.
    public static func seedIfEmpty(handlers: ReportingHandlers, logger: Logger) async throws {
        guard let seed = handlers.configuration.demoSeed else { return }
        let empty = try await handlers.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_report") == 0 }
        guard empty else { return }
        let today = Wita.today(now: handlers.clock())
        let year = today.year
        let started = ContinuousClock.now
        let deadline = started + .seconds(60)
        var people: [KupangReportDemo.Person] = []
        while true {
            do {
                people = try await Self.people(handlers: handlers, year: year)
                if people.contains(where: { !$0.targets.targets.isEmpty }) { break }
                if ContinuousClock.now > deadline { break }
            } catch {
                if ContinuousClock.now > deadline { throw error }
            }
            try await Task.sleep(for: .seconds(1))
        }
        let calendar = try await handlers.calendar()
        let organisation = KupangDemo(seed: seed).organisation(today: today)
        var personas: [String: String] = [:]
        for user in organisation.users { personas[user.persona] = user.nip }
        let demo = KupangReportDemo(seed: seed).generate(people: people, year: year, today: today, calendar: calendar, personas: personas)

        // The files first: a report may refer to them only once they are stored.
        for file in demo.files {
            guard let hash = EvidenceHash(bytes: file.link.sha256) else { continue }
            var upload = try handlers.evidence.beginUpload(claimed: hash, byteLimit: UInt64(file.bytes.count))
            try upload.append(file.bytes)
            _ = try upload.commit()
        }
        let now = handlers.clock()
        let month = EvidenceRecords.month(today)
        try await handlers.store.write { db in
            let insert = try ReportRecords.insertStatement(db)
            for (report, unitID) in demo.reports {
                try insert.execute(arguments: StatementArguments([report.reportID, report.nip, unitID] + ReportRecords.columns(report)
                    + [Data(try report.serializedBytes())]))
                if !report.evidence.isEmpty { try ReportRecords.indexEvidence(report, replacing: false, in: db) }
            }
            for absence in demo.absences { try AbsenceRecords.insert(absence, in: db) }
            for realisation in demo.qualitative { try QualitativeRecords.upsert(realisation, in: db) }
            for file in demo.files {
                guard let hash = EvidenceHash(bytes: file.link.sha256) else { continue }
                try EvidenceRecords.record(nip: file.nip, file: StoredEvidence(hash: hash, size: UInt64(file.bytes.count),
                                                                              mediaType: EvidenceMediaType(rawValue: file.link.mediaType) ?? .pdf),
                                           fileName: file.name, month: month, at: Int64(now.timeIntervalSince1970), in: db)
            }
            try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "reporting.demo_seed", target: "", outcome: .success,
                                            detail: "demo reports seed \(seed), \(year): \(demo.reports.count) reports, \(demo.absences.count) absences, "
                                                + "\(demo.qualitative.count) qualitative realisations, \(demo.files.count) evidence files"),
                                at: now, in: db)
        }
        logger.notice("demo reports loaded", metadata: [
            "reports": "\(demo.reports.count)", "absences": "\(demo.absences.count)", "employees": "\(people.count)", "year": "\(year)",
            "seconds": "\((ContinuousClock.now - started).components.seconds)",
        ])
    }

    /// Every active employee with their unit code, unit path and planning's targets for the year.
    static func people(handlers: ReportingHandlers, year: Int32) async throws -> [KupangReportDemo.Person] {
        let everyone = try await handlers.organisation.everyone()
        let tree = try await handlers.directory.unitTree()
        let targets = try await handlers.planning.targets(nips: everyone.map(\.nip), period: Common.Period(year: year, kind: .annual))
        return everyone.sorted { $0.nip < $1.nip }.map { employee in
            KupangReportDemo.Person(
                employee: employee, unitCode: tree.unit(employee.unitID)?.code ?? "", unitPath: [employee.unitID] + (tree.ancestors(of: employee.unitID) ?? []),
                targets: targets[employee.nip] ?? Planning.EmployeeTargets(employee: employee.reference, availability: .noSkp))
        }
    }
}
