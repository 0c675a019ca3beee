import BenchSupport
import Foundation
import GRDB
import KinerjaASN
import KinerjaCrypto
import KinerjaEvaluation
import KinerjaIdentityClient
import KinerjaProto
import KinerjaReporting
import KinerjaRPC
import KinerjaStore

/// Verified daily reports written straight into a fresh reporting store (``ReportingSchema``):
/// the columns reporting's queries read and the whole message as the body, as the service stores
/// them. One report per IKI per month, on the 10th, verified by `verifier`.
enum ReportLoader {
    static let columns = DirectInsert.columns

    static func write(people: [(nip: String, name: String, skpID: String, ikis: [Planning.Iki])], unitID: String, verifier: String,
                      year: Int32, months: Int, into path: String) throws -> Int {
        let store = try Store(configuration: StoreConfiguration(path: path), migrations: ReportingSchema.migrations)
        defer { try? store.close() }
        let seconds = Int64(Date().timeIntervalSince1970)
        let stamp = Common.AuditStamp(principal: verifier, principalKind: .user, at: Common.Timestamp(seconds: seconds, nanos: 0))
        var written = 0
        for offset in stride(from: 0, to: people.count, by: 1_000) {
            let chunk = people[offset..<min(offset + 1_000, people.count)]
            written += try store.pool.write { db in
                let statement = try db.makeStatement(sql: "INSERT INTO daily_report (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
                var count = 0
                for (n, person) in chunk.enumerated() {
                    for month in 1...months {
                        let date = Common.Date(year: year, month: Int32(month), day: 10)
                        for iki in person.ikis {
                            // Amounts of 80–120 a month against 100 (the year's 1 200 over 12), levels of 90–99 against 95.
                            let value = iki.aggregation == .sum ? Double(80 + ((offset + n) * 7 + month) % 41) : Double(90 + ((offset + n) + month) % 10)
                            var report = Reporting.DailyReport(reportID: ULID.make(), nip: person.nip,
                                                               employee: Common.EmployeeRef(nip: person.nip, displayName: person.name, unitID: unitID))
                            report.reportDate = date
                            report.skpID = person.skpID
                            report.skpVersion = 1
                            report.rhkID = iki.rhkID
                            report.ikiID = iki.ikiID
                            report.indicator = iki.indicator
                            report.realisationValue = value
                            report.unit = iki.annualTarget?.unit ?? ""
                            report.description = "Rekap bulanan: \(iki.indicator.lowercased())"
                            report.durationMinutes = 60
                            report.state = .diverifikasi
                            report.verifierNIP = verifier
                            report.submitted = stamp
                            report.reviewed = stamp
                            report.revision = 2
                            let day = date.daysSinceEpoch
                            try statement.execute(arguments: [report.reportID, person.nip, unitID, day, person.skpID, iki.rhkID, iki.ikiID,
                                                              report.state.rawValue, verifier, value, 60, day, seconds, 0, 2,
                                                              Data(try report.serializedBytes())])
                            count += 1
                        }
                    }
                }
                return count
            }
        }
        return written
    }
}

/// The evaluation cycle in-process over GRDB: what ProposeEvaluations and FinalisePeriod compute,
/// without the protocol, the peers' round trips or the service's bookkeeping.
///
/// - proposals: reporting's ``ProgressReader`` on reporting's own store (chunks of 1 000, as the
///   unit stream reads), ``IkiEvidence`` and ``EvaluationProposal`` per employee under the default
///   rule, each evaluation written with its proposal into a fresh store with the columns and
///   indexes of `employee_evaluation`, one transaction;
/// - finalisation: the rated evaluations (as the service listed them) marked final, each
///   serialised, hashed with SHA-256 and written as a snapshot row, and its row (written by the
///   proposal step under the same id) updated, one
///   transaction.
///
/// The team, the units' paths, planning's targets and the calendar are fetched beforehand (the
/// service holds them in its caches or fetches them in batched calls).
final class LocalEvaluation: Sendable {
    let reporting: Store
    let store: Store
    let directory: String
    let keep: Bool
    let team: [Identity.Employee]
    let targets: [String: Planning.EmployeeTargets]
    let calendar: WorkingDayCalendar
    let paths: [String: [String]]
    let period: Common.Period
    let rated: [Evaluation.EmployeeEvaluation]

    private init(reporting: Store, store: Store, directory: String, keep: Bool, team: [Identity.Employee], targets: [String: Planning.EmployeeTargets],
                 calendar: WorkingDayCalendar, paths: [String: [String]], period: Common.Period, rated: [Evaluation.EmployeeEvaluation]) {
        self.reporting = reporting
        self.store = store
        self.directory = directory
        self.keep = keep
        self.team = team
        self.targets = targets
        self.calendar = calendar
        self.paths = paths
        self.period = period
        self.rated = rated
    }

    static func prepare(_ options: Options, identity: IdentityServer, planningPort: Int, setup: EvaluationBenchmark.Setup, period: Common.Period,
                        rated: [Evaluation.EmployeeEvaluation], keep: Bool) async throws -> LocalEvaluation {
        let identityClient = try identity.client(options, certificate: "service/evaluation")
        let planningClient = try PlanningBenchmark.planningClient(options, port: planningPort, certificate: "service/evaluation")
        defer { Task { await identityClient.close(); await planningClient.close() } }
        let directory = LiveIdentityDirectory(client: Identity.IdentityService.Client(transport: identityClient))
        // The period's population: the members the service evaluated (those with an SKP in force).
        let evaluated = Set(rated.compactMap { $0.employee?.nip })
        let team = try await directory.members(of: setup.scopeID, includeSubunits: true).filter { evaluated.contains($0.nip) }
        let tree = try await directory.unitTree()
        var paths: [String: [String]] = [:]
        for unit in Set(team.map(\.unitID)) where !unit.isEmpty { paths[unit] = [unit] + (tree.ancestors(of: unit) ?? []) }
        let planning = LivePlanningSource(client: Planning.PlanningService.Client(transport: planningClient))
        let targets = try await planning.targets(nips: team.map(\.nip), period: period)
        let reporting = try Store(configuration: StoreConfiguration(path: setup.reportingStore), migrations: ReportingSchema.migrations)
        let folder = NSTemporaryDirectory() + "kinerja-evaluation-direct-\(UUID().uuidString.prefix(8))"
        let store = try Store(configuration: StoreConfiguration(path: "\(folder)/evaluation.sqlite"), migrations: [
            Migration("bench.v1.evaluations") { db in
                // employee_evaluation's and finalisation_snapshot's columns and indexes (EvaluationSchema), without the period's foreign keys.
                try db.execute(sql: """
                    CREATE TABLE employee_evaluation (
                        evaluation_id TEXT PRIMARY KEY, period_id TEXT NOT NULL, nip TEXT NOT NULL, name TEXT NOT NULL, unit_id TEXT NOT NULL,
                        evaluator_nip TEXT NOT NULL, year INTEGER NOT NULL, span_key TEXT NOT NULL, state INTEGER NOT NULL, predikat INTEGER NOT NULL,
                        excluded INTEGER NOT NULL, revision INTEGER NOT NULL, body BLOB NOT NULL, UNIQUE (period_id, nip));
                    CREATE INDEX evaluation_nip ON employee_evaluation(nip, year);
                    CREATE INDEX evaluation_span_unit ON employee_evaluation(span_key, unit_id, name);
                    CREATE INDEX evaluation_evaluator ON employee_evaluation(evaluator_nip, span_key);
                    CREATE TABLE finalisation_snapshot (
                        period_id TEXT NOT NULL, number INTEGER NOT NULL, evaluation_id TEXT NOT NULL, nip TEXT NOT NULL, unit_id TEXT NOT NULL,
                        sha256 BLOB NOT NULL, superseded INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (period_id, number, evaluation_id));
                    CREATE INDEX snapshot_nip ON finalisation_snapshot(period_id, number, nip);
                    """)
            },
        ])
        return LocalEvaluation(reporting: reporting, store: store, directory: folder, keep: keep, team: team, targets: targets,
                               calendar: try await ProgressReader.calendar(in: reporting), paths: paths, period: period, rated: rated)
    }

    /// Every team member's proposal, computed and written.
    func propose() async throws -> (count: Int, seconds: Double) {
        let start = ContinuousClock.now
        let rule = ProposalRuleConfiguration()
        let stamp = Common.Timestamp(seconds: Int64(Date().timeIntervalSince1970), nanos: 0)
        var ids: [String: String] = [:]
        for evaluation in rated { ids[evaluation.employee?.nip ?? ""] = evaluation.evaluationID }
        var proposed: [Evaluation.EmployeeEvaluation] = []
        proposed.reserveCapacity(team.count)
        for offset in stride(from: 0, to: team.count, by: 1_000) {
            let chunk = Array(team[offset..<min(offset + 1_000, team.count)])
            let rows = try await ProgressReader.progress(of: chunk, period: period, targets: targets, calendar: calendar, paths: paths,
                                                         store: reporting, now: Date())
            for (person, row) in zip(chunk, rows) {
                let ikis = row.ikis.map { IkiEvidence(progress: $0, skpID: row.skpID) }
                let behaviour = BehaviourEvidence(summary: nil, expectations: targets[person.nip]?.behaviourExpectations ?? [])
                let proposal = EvaluationProposal(ikis: ikis, behaviour: behaviour, rule: rule)
                var evaluation = Evaluation.EmployeeEvaluation()
                evaluation.evaluationID = ids[person.nip] ?? ULID.make()
                evaluation.periodID = rated.first?.periodID ?? "LOCAL"
                evaluation.employee = Common.EmployeeRef(nip: person.nip, displayName: person.fullName, unitID: person.unitID)
                evaluation.period = period
                evaluation.skpID = row.skpID
                evaluation.skpVersion = row.skpVersion
                var hasilKerja = proposal.hasilKerja
                hasilKerja.computedAt = stamp
                var perilaku = proposal.perilaku
                perilaku.computedAt = stamp
                evaluation.proposal = hasilKerja
                evaluation.perilakuProposal = perilaku
                evaluation.state = .proposed
                evaluation.revision = 1
                proposed.append(evaluation)
            }
        }
        let year = period.year
        try await store.pool.write { [proposed] db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO employee_evaluation (evaluation_id, period_id, nip, name, unit_id, evaluator_nip, year, span_key, state, predikat,
                    excluded, revision, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for evaluation in proposed {
                let employee = evaluation.employee ?? Common.EmployeeRef()
                try statement.execute(arguments: [evaluation.evaluationID, evaluation.periodID, employee.nip, employee.displayName, employee.unitID,
                                                  "", year, "\(year)-Y", evaluation.state.rawValue, evaluation.predikat.rawValue,
                                                  false, evaluation.revision, Data(try evaluation.serializedBytes())])
            }
        }
        return (proposed.count, (ContinuousClock.now - start).seconds)
    }

    /// The rated evaluations made final: each snapshot serialised, hashed and written, its row updated.
    func finalise() throws -> (count: Int, seconds: Double) {
        let rated = self.rated
        let start = ContinuousClock.now
        let stamp = Common.AuditStamp(principal: "pimpinan", principalKind: .user, at: Common.Timestamp(seconds: Int64(Date().timeIntervalSince1970), nanos: 0))
        let count = try store.pool.write { db in
            let update = try db.makeStatement(sql: """
                UPDATE employee_evaluation SET evaluator_nip = ?, state = ?, predikat = ?, excluded = ?, revision = ?, body = ? WHERE evaluation_id = ?
                """)
            let snapshot = try db.makeStatement(sql: """
                INSERT INTO finalisation_snapshot (period_id, number, evaluation_id, nip, unit_id, sha256, superseded, body) VALUES (?, 1, ?, ?, ?, ?, 0, ?)
                """)
            var digests: [UInt8] = []
            for var evaluation in rated.sorted(by: { ($0.employee?.nip ?? "") < ($1.employee?.nip ?? "") }) {
                evaluation.state = .finalised
                evaluation.finalised = stamp
                evaluation.revision += 1
                let bytes = try evaluation.serializedBytes()
                evaluation.snapshotSha256 = SHA256.hash(bytes)
                digests += evaluation.snapshotSha256
                let employee = evaluation.employee ?? Common.EmployeeRef()
                try snapshot.execute(arguments: [evaluation.periodID, evaluation.evaluationID, employee.nip, employee.unitID,
                                                 Data(evaluation.snapshotSha256), Data(bytes)])
                try update.execute(arguments: [evaluation.evaluator?.nip ?? "", evaluation.state.rawValue, evaluation.predikat.rawValue, false,
                                               evaluation.revision, Data(try evaluation.serializedBytes()), evaluation.evaluationID])
            }
            _ = SHA256.hash(digests)
            return rated.count
        }
        return (count, (ContinuousClock.now - start).seconds)
    }

    func close() {
        try? reporting.close()
        try? store.close()
        if !keep { try? FileManager.default.removeItem(atPath: directory) }
    }
}
