import BenchSupport
import Foundation
import GRDB
import KinerjaASN
import KinerjaCrypto
import KinerjaDemo
import KinerjaIdentityClient
import KinerjaPlanning
import KinerjaProto
import KinerjaReporting
import KinerjaRPC
import KinerjaStore
import KinerjaTLS

/// Reporting (issue 12), each figure against its peer in the same run:
/// - bulk ingestion of 100 000 daily reports over the protocol (the machine client
///   siak-dukcapil, 20 calls of 5 000 rows) against inserting the same rows with GRDB in-process
///   (the rows the service stored, read back, into a fresh store of the same schema, 5 000 a
///   transaction);
/// - team progress of an atasan with 2 000 bawahan for a quarter, one GetTeamProgress call,
///   against the same aggregation in-process over GRDB (the same report columns read, the same
///   domain functions, the targets already in memory);
/// - whole-city compliance for a month, one GetCompliance call (time only);
/// - the upload of a 10 MiB evidence file (UploadEvidence: hashed, sniffed, fsynced, renamed)
///   against copying the file locally with the same durability (read, write, fsync, rename).
///
/// Setup: the release kinerja-identity with the demo organisation and 2 000 synthetic employees
/// in one seksi under the demo atasan; 2 000 approved SKPs (2 RHKs of 2 IKIs each: an amount and
/// a level) written straight into a fresh planning store; the release kinerja-planning and
/// kinerja-reporting (planning_cache_seconds 300, backdate window 31 days) beside them.
enum ReportingBenchmark {
    static let population = 2_000
    static let reports = 100_000
    static let perCall = 5_000
    static let unitCode = "KPG.DUKCAPIL.DAFDUK.IDENTITAS"

    static func run(_ options: Options) async throws -> (figures: [Figure], notes: [String]) {
        log("==> reporting: identity with \(population) extra employees, \(population) approved SKPs, planning, reporting")
        let identity = try await IdentityServer.start(options, name: "identity-for-reporting")
        var children: [ChildProcess] = []
        do {
            let setup = try await prepare(options, identity: identity)
            let planning = try await PlanningBenchmark.startPlanning(options, identity: identity, store: setup.planningStore)
            children.append(planning)
            let reporting = try await startReporting(options, identity: identity, planningPort: try PlanningBenchmark.planningPort(planning))
            children.append(reporting)
            let result = try await measure(options, identity: identity, setup: setup, reporting: reporting, planning: planning)
            for child in children.reversed() { await child.stop() }
            await identity.stop(keep: options.keep)
            return result
        } catch {
            for child in children.reversed() { await child.stop() }
            await identity.stop(keep: true)
            log("identity, planning and reporting logs kept in \(identity.directory)")
            throw error
        }
    }

    struct Setup {
        var planningStore: String
        var unitID: String
        var rootID: String
        var year: Int32
        var people: [(nip: String, iki: [(rhk: String, iki: String)])]
        var hrToken: String
        var atasanToken: String
        var atasan: String
        var pegawaiToken: String
    }

    static func prepare(_ options: Options, identity: IdentityServer) async throws -> Setup {
        let client = try identity.client(options, certificate: "client/hr-portal")
        defer { Task { await client.close() } }
        let hr = try await identity.signIn("pengelola", with: client)
        let atasanToken = try await identity.signIn("atasan", with: client)
        let pegawaiToken = try await identity.signIn("pegawai", with: client)
        let atasan = try identity.nip("atasan")
        let today = Wita.today(now: Date())
        let synthetic = KupangDemo(seed: IdentityServer.seed).syntheticEmployees(count: population, unitCodes: [unitCode], today: today)
        let api = Identity.IdentityService.Client(transport: client)
        let report = try await api.importEmployees(options: Peers.bearer(hr, timeout: .seconds(300))) { writer in
            try await writer.write(Identity.ImportEmployeesRequest(item: .options(.init(sourceName: "reporting-benchmark"))))
            for (index, person) in synthetic.enumerated() {
                var row = person.importRow
                row.rowNumber = UInt32(index + 2)
                row.atasanNIP = atasan
                row.employee?.status = .aktif
                try await writer.write(Identity.ImportEmployeesRequest(item: .row(row)))
            }
        }
        guard report.acceptedRows == UInt32(population) else { throw BenchFailure("identity accepted \(report.acceptedRows) of \(population) employees") }
        let units = try await api.listUnits(Identity.ListUnitsRequest(query: "KPG"), options: Peers.bearer(hr)).units
        guard let unitID = units.first(where: { $0.code == unitCode })?.unitID, let rootID = units.first(where: { $0.code == "KPG" })?.unitID else {
            throw BenchFailure("no unit \(unitCode)")
        }
        let storePath = "\(identity.directory)/planning/planning.sqlite"
        let store = try Store(configuration: StoreConfiguration(path: storePath), migrations: PlanningSchema.migrations)
        let year = today.year
        var skps: [Planning.Skp] = []
        var people: [(nip: String, iki: [(rhk: String, iki: String)])] = []
        for (n, person) in synthetic.enumerated() {
            var skp = Planning.Skp()
            skp.skpID = String(format: "REPSKP%020d", n)
            skp.version = 1
            skp.nip = person.employee.nip
            skp.employee = Common.EmployeeRef(nip: person.employee.nip, displayName: person.employee.fullName, unitID: unitID)
            skp.year = year
            skp.periodStart = Common.Date(year: year, month: 1, day: 1)
            skp.periodEnd = Common.Date(year: year, month: 12, day: 31)
            skp.approach = .kuantitatif
            skp.jenisJabatan = person.employee.jenisJabatan
            skp.unitID = unitID
            skp.atasanNIP = atasan
            skp.state = .disetujui
            skp.revision = 1
            var ikis: [(rhk: String, iki: String)] = []
            skp.rhks = (1...2).map { r in
                let rhkID = String(format: "REPRHK%018d%02d", n, r)
                let amount = Planning.Iki(ikiID: String(format: "REPIKA%018d%02d", n, r), rhkID: rhkID, aspek: .kuantitas,
                                          indicator: "Jumlah dokumen diterbitkan tahap \(r)",
                                          annualTarget: Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter),
                                          periodicTargets: [Common.Triwulan.i, .ii, .iii, .iv].map {
                                              Planning.PeriodicTarget(period: Common.Period(year: year, kind: .quarterly, triwulan: $0), value: 300)
                                          }, position: 1, aggregation: .sum)
                let level = Planning.Iki(ikiID: String(format: "REPIKL%018d%02d", n, r), rhkID: rhkID, aspek: .kualitas,
                                         indicator: "Persentase dokumen tepat waktu tahap \(r)",
                                         annualTarget: Planning.Target(value: 95, unit: "persen", direction: .higherIsBetter),
                                         position: 2, aggregation: .average)
                ikis += [(rhkID, amount.ikiID), (rhkID, level.ikiID)]
                return Planning.Rhk(rhkID: rhkID, skpID: skp.skpID, kind: .utama, text: "Terlayaninya dokumen kependudukan tahap \(r)",
                                    ikis: [amount, level], position: UInt32(r))
            }
            skps.append(skp)
            people.append((person.employee.nip, ikis))
        }
        try await PlanningBulkLoader.insert(skps, into: store)
        try store.close()
        return Setup(planningStore: storePath, unitID: unitID, rootID: rootID, year: year, people: people, hrToken: hr, atasanToken: atasanToken,
                     atasan: atasan, pegawaiToken: pegawaiToken)
    }

    static func startReporting(_ options: Options, identity: IdentityServer, planningPort: Int) async throws -> ChildProcess {
        let pki = options.pki
        let json = """
            {
              "listen": { "host": "127.0.0.1", "port": 0 },
              "store": { "path": "\(identity.directory)/reporting/reporting.sqlite" },
              "tls": { "certificate": "\(pki)/service/reporting.pem", "private_key": "\(pki)/service/reporting.key", "trust_roots": "\(pki)/ca.pem" },
              "peers": { "identity": { "address": "127.0.0.1:\(identity.port)", "identity": "spiffe://kinerja.kupangkota.go.id/service/identity" },
                         "planning": { "address": "127.0.0.1:\(planningPort)", "identity": "spiffe://kinerja.kupangkota.go.id/service/planning" } },
              "log": { "level": "\(options.identityLogLevel)", "format": "json" },
              "reporting": { "planning_cache_seconds": 300, "bulk_clients": { "siak-dukcapil": "KPG.DUKCAPIL" } }
            }
            """
        try json.write(toFile: "\(identity.directory)/reporting.json", atomically: true, encoding: .utf8)
        let child = try ChildProcess(name: "reporting", executable: "\(options.bin)/kinerja-reporting",
                                     arguments: ["serve", "--config", "\(identity.directory)/reporting.json"], directory: identity.directory)
        try await child.waitForOutput("\"listening on\"") { $0.contains("listening on ") }
        return child
    }

    static func client(_ options: Options, port: Int, certificate: String) throws -> RPCClient {
        try FeedbackBenchmark.client(options, port: port, certificate: certificate, service: "reporting")
    }

    static func measure(_ options: Options, identity: IdentityServer, setup: Setup, reporting: ChildProcess,
                        planning: ChildProcess) async throws -> (figures: [Figure], notes: [String]) {
        let port = try PlanningBenchmark.planningPort(reporting)
        let planningPort = try PlanningBenchmark.planningPort(planning)
        let machine = try client(options, port: port, certificate: "client/siak-dukcapil")
        let user = try client(options, port: port, certificate: "client/operator")
        defer { Task { await machine.close(); await user.close() } }
        let siak = Reporting.ReportingService.Client(transport: machine)
        let api = Reporting.ReportingService.Client(transport: user)
        // A 31-day window, so the rows spread over a month.
        _ = try await api.setReportingPolicy(Reporting.SetReportingPolicyRequest(policy: Reporting.ReportingPolicy(
            backdateDays: 31, reviewDeadlineDays: 5, maxReportsPerDay: 20)), options: Peers.bearer(setup.hrToken))
        let today = Wita.today(now: Date())
        let days = (0...30).compactMap { today.adding(days: -$0) }.filter { $0.year == setup.year }

        // Bulk ingestion: 20 calls of 5 000 rows; 50 reports per employee over the window.
        var rows: [Reporting.DailyReportRow] = []
        rows.reserveCapacity(reports)
        for index in 0..<reports {
            let person = setup.people[index % population]
            let round = index / population
            let (rhk, iki) = person.iki[round % person.iki.count]
            rows.append(Reporting.DailyReportRow(rowNumber: UInt32(index % perCall + 1), nip: person.nip, report: Reporting.DailyReportDraft(
                reportDate: days[round % days.count], rhkID: rhk, ikiID: iki, realisationValue: iki.hasPrefix("REPIKA") ? Double(3 + index % 5) : 90 + Double(index % 10),
                description: "Rekap SIAK: dokumen diterbitkan di loket \(index % 7 + 1)", durationMinutes: 30)))
        }
        // CPU of the services (from /proc/PID/stat): on 2 shared cores it says more than wall time.
        func cpu() -> (reporting: Double, peers: Double) {
            ((reporting.cpuSeconds() ?? .nan), (identity.child.cpuSeconds() ?? .nan) + (planning.cpuSeconds() ?? .nan))
        }
        // Each call is followed by its peer: the 5 000 rows it stored, read back from the service's
        // store (not timed), inserted into a fresh store. Pairs measured seconds apart see the same
        // machine, so the ratio is the median over the 20 pairs.
        let storePath = "\(identity.directory)/reporting/reporting.sqlite"
        let direct = try DirectInsert(from: storePath, keep: options.keep)
        defer { direct.close() }
        let cpuBefore = cpu()
        var accepted = 0, ingestSeconds = 0.0, peerRows = 0, peerSeconds = 0.0
        var callRates: [Double] = [], peerRates: [Double] = []
        for call in 0..<(reports / perCall) {
            let batch = Array(rows[(call * perCall)..<((call + 1) * perCall)])
            let started = ContinuousClock.now
            let response = try await siak.bulkSubmitDailyReports(options: machineOptions(key: "bench-\(call)")) { writer in
                try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .options(Reporting.BulkSubmitOptions(sourceName: "bench-\(call)"))))
                for row in batch { try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .row(row))) }
            }
            let seconds = (ContinuousClock.now - started).seconds
            if response.rejectedRows > 0 {
                throw BenchFailure("bulk call \(call) rejected \(response.rejectedRows) rows: \(response.results.first { $0.statusCode != 0 }.map { "\($0.reasons)" } ?? "")")
            }
            accepted += Int(response.acceptedRows)
            ingestSeconds += seconds
            callRates.append(Double(response.acceptedRows) / seconds)
            let pair = try direct.insertNext()
            guard pair.rows == Int(response.acceptedRows) else { throw BenchFailure("the peer read \(pair.rows) rows of call \(call), not \(response.acceptedRows)") }
            peerRows += pair.rows
            peerSeconds += pair.seconds
            peerRates.append(Double(pair.rows) / pair.seconds)
        }
        let cpuAfter = cpu()
        var figures = [Figure(key: "reporting_bulk_ingest", label: "BulkSubmitDailyReports, \(reports / perCall) calls of \(perCall) rows",
                              unit: "reports/s", ours: callRates, peerName: "GRDB insert, same rows",
                              peer: peerRates, goal: .ratioAtLeast(0.5),
                              extra: [("overall_reports_per_s", Double(accepted) / ingestSeconds), ("peer_overall_reports_per_s", Double(peerRows) / peerSeconds),
                                      ("reporting_cpu_us_per_row", (cpuAfter.reporting - cpuBefore.reporting) * 1e6 / Double(max(accepted, 1))),
                                      ("identity_planning_cpu_us_per_row", (cpuAfter.peers - cpuBefore.peers) * 1e6 / Double(max(accepted, 1))),
                                      ("peer_us_per_row", peerSeconds * 1e6 / Double(max(peerRows, 1)))])]

        // Team progress for a quarter: the atasan's team (2 000 synthetic bawahan and the real ones).
        let quarter = ReportingPeriods.period(of: .quarterly, containing: today) ?? Common.Period(year: setup.year, kind: .annual)
        let request = Reporting.GetTeamProgressRequest(atasanNIP: setup.atasan, period: quarter)
        func teamOnce() async throws -> (members: Int, seconds: Double) {
            let start = ContinuousClock.now
            let response = try await api.getTeamProgress(request, options: Peers.bearer(setup.atasanToken, timeout: .seconds(300)))
            return (response.members.count, (ContinuousClock.now - start).seconds)
        }
        let warm = try await teamOnce()
        guard warm.members >= population else { throw BenchFailure("GetTeamProgress returned \(warm.members) members") }
        let peer = try await LocalAggregation.prepare(options, identity: identity, planningPort: planningPort, storePath: storePath,
                                                      atasan: setup.atasan, period: quarter)
        guard try await peer.run().members == warm.members else { throw BenchFailure("the in-process team differs from GetTeamProgress's") }
        var ours: [Double] = [], local: [Double] = []
        for _ in 0..<options.repeats {
            ours.append(try await teamOnce().seconds)
            local.append(try await peer.run().seconds)
        }
        try peer.close()
        // Figures are rates (teams per second) so that a higher value is better, as the table reads them.
        figures.append(Figure(key: "reporting_team_progress", label: "GetTeamProgress, \(warm.members) bawahan, a quarter", unit: "calls/s",
                              ours: ours.map { 1 / $0 }, peerName: "ProgressReader in-process", peer: local.map { 1 / $0 },
                              goal: .ratioAtLeast(0.5), extra: [("ms_per_call", median(ours).map { $0 * 1000 }),
                                                                ("peer_ms_per_call", median(local).map { $0 * 1000 })]))

        // Whole-city compliance for a month (time): the last whole calendar month (the reports cover
        // its last 26 days or more, as the window is 31 days back from today).
        guard let lastOfPrevious = Common.Date(year: today.year, month: today.month, day: 1).adding(days: -1) else { throw BenchFailure("no previous month") }
        let month = Common.DateRange(startDate: Common.Date(year: lastOfPrevious.year, month: lastOfPrevious.month, day: 1), endDate: lastOfPrevious)
        var compliance: [Double] = []
        var expected = 0
        for _ in 0..<options.repeats {
            let start = ContinuousClock.now
            let response = try await api.getCompliance(Reporting.GetComplianceRequest(unit: Common.UnitScope(unitID: setup.rootID, includeSubunits: true),
                                                                                      dateRange: month, includeEmployees: true),
                                                       options: Peers.bearer(setup.hrToken, timeout: .seconds(300)))
            compliance.append(1 / (ContinuousClock.now - start).seconds)
            expected = response.employees.count
        }
        figures.append(Figure(key: "reporting_city_compliance", label: "GetCompliance, whole city (\(expected) employees), \(month.startDate?.isoString ?? "") to \(month.endDate?.isoString ?? "")",
                              unit: "calls/s", ours: compliance, extra: [("ms_per_call", median(compliance).map { 1000 / $0 })]))

        // A 10 MiB upload against a local copy with the same durability.
        let size = 10 << 20
        var generator = SeededRandom(seed: 12)
        let bytes = Array("%PDF-1.7\n".utf8) + (0..<(size - 9)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let source = "\(identity.directory)/upload.pdf"
        FileManager.default.createFile(atPath: source, contents: Data(bytes))
        let header = Reporting.EvidenceUploadHeader(sha256: SHA256.hash(bytes), sizeBytes: UInt64(size), fileName: "upload.pdf")
        var upload: [Double] = [], copy: [Double] = []
        for index in 0..<options.repeats {
            let start = ContinuousClock.now
            let response = try await api.uploadEvidence(options: Peers.bearer(setup.pegawaiToken, timeout: .seconds(300))) { writer in
                try await writer.write(Reporting.UploadEvidenceRequest(item: .header(header)))
                var offset = 0
                while offset < bytes.count {
                    let end = min(offset + (1 << 20), bytes.count)
                    try await writer.write(Reporting.UploadEvidenceRequest(item: .chunk(Array(bytes[offset..<end]))))
                    offset = end
                }
            }
            guard response.evidence?.sizeBytes == UInt64(size) else { throw BenchFailure("upload stored \(response.evidence?.sizeBytes ?? 0) bytes") }
            upload.append(Double(size) / 1e6 / (ContinuousClock.now - start).seconds)
            copy.append(try localCopy(source, to: "\(identity.directory)/copy-\(index).pdf", size: size))
        }
        figures.append(Figure(key: "reporting_upload", label: "UploadEvidence, 10 MiB in 1 MiB chunks", unit: "MB/s", ours: upload,
                              peerName: "local copy: read, write, fsync, rename", peer: copy))
        return (figures, [
            "reporting: \(accepted) reports ingested in \(String(format: "%.1f", ingestSeconds)) s by the machine client (rules checked per row, one transaction per call); "
                + "GRDB direct = after each call, the rows it stored (columns and body, read back) inserted with one prepared statement in one transaction into a fresh store of the same schema and indexes, WAL, synchronous=FULL; figures are medians over the \(reports / perCall) calls, the ratio the median of the \(reports / perCall) pairs",
            "reporting: team progress of \(warm.members) bawahan for \(ReportingPeriods.label(quarter)) over \(accepted) reports; in-process = ProgressReader (the handler's store read and Progress.employee) and Progress.teamMember on the service's store, with the team, unit paths, planning's targets and the calendar fetched beforehand (the service answers them from caches warmed by one call)",
        ])
    }

    /// Copies `source` to `destination` as the evidence store writes a file; returns MB/s.
    static func localCopy(_ source: String, to destination: String, size: Int) throws -> Double {
        let start = ContinuousClock.now
        guard let data = FileManager.default.contents(atPath: source) else { throw BenchFailure("cannot read \(source)") }
        let temporary = destination + ".part"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw BenchFailure("cannot create \(temporary)") }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        rename(temporary, destination)
        let folder = open(URL(fileURLWithPath: destination).deletingLastPathComponent().path, O_RDONLY)
        fsync(folder)
        close(folder)
        return Double(size) / 1e6 / (ContinuousClock.now - start).seconds
    }
}

/// The bulk-ingestion peer: the rows the service stored, read back batch by batch (rowid order),
/// inserted with GRDB into a fresh store of the same schema (``ReportingSchema``, ``Store``'s WAL
/// and synchronous=FULL) with one prepared statement, one transaction per batch.
final class DirectInsert {
    static let columns = ["report_id", "nip", "unit_id", "report_day", "skp_id", "rhk_id", "iki_id", "state", "verifier_nip", "value", "minutes",
                          "submitted_day", "changed_s", "changed_ns", "revision", "body"]
    private let source: DatabaseQueue
    private let store: Store
    private let directory: String
    private let keep: Bool
    private var lastRowID: Int64 = 0

    init(from storePath: String, keep: Bool) throws {
        var readOnly = Configuration()
        readOnly.readonly = true
        source = try DatabaseQueue(path: storePath, configuration: readOnly)
        directory = NSTemporaryDirectory() + "kinerja-reporting-direct-\(UUID().uuidString.prefix(8))"
        store = try Store(configuration: StoreConfiguration(path: "\(directory)/reporting.sqlite"), migrations: ReportingSchema.migrations)
        self.keep = keep
    }

    /// Inserts the rows stored since the last call; returns how many and the seconds the insert took.
    func insertNext() throws -> (rows: Int, seconds: Double) {
        let after = lastRowID
        let rows = try source.read { db in try Row.fetchAll(db, sql: "SELECT rowid AS n, * FROM daily_report WHERE rowid > ? ORDER BY rowid", arguments: [after]) }
        if let last = rows.last { lastRowID = last["n"] }
        let columns = Self.columns
        let start = ContinuousClock.now
        try store.pool.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO daily_report (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
            for row in rows { try statement.execute(arguments: StatementArguments(columns.map { row[$0] as DatabaseValue })) }
        }
        return (rows.count, (ContinuousClock.now - start).seconds)
    }

    func close() {
        try? source.close()
        try? store.close()
        if !keep { try? FileManager.default.removeItem(atPath: directory) }
    }
}

/// The team-progress aggregation in-process: the code GetTeamProgress runs once identity and
/// planning have answered (``ProgressReader`` over GRDB, then ``Progress/teamMember`` per person,
/// in chunks of 1 000 as the handler does), on the service's own store. The team, the units'
/// paths, planning's targets and the calendar are fetched once beforehand, from identity and
/// planning with the reporting service's certificate: the service holds them in its caches
/// (identity 30 s, planning `planning_cache_seconds`), warmed by the first call.
struct LocalAggregation {
    let store: Store
    let team: [Identity.Employee]
    let targets: [String: Planning.EmployeeTargets]
    let calendar: WorkingDayCalendar
    let paths: [String: [String]]
    let period: Common.Period

    static func prepare(_ options: Options, identity: IdentityServer, planningPort: Int, storePath: String, atasan: String,
                        period: Common.Period) async throws -> LocalAggregation {
        let identityClient = try identity.client(options, certificate: "service/reporting")
        let planningClient = try PlanningBenchmark.planningClient(options, port: planningPort, certificate: "service/reporting")
        defer { Task { await identityClient.close(); await planningClient.close() } }
        let directory = LiveIdentityDirectory(client: Identity.IdentityService.Client(transport: identityClient))
        guard let root = try await directory.rootUnitID() else { throw BenchFailure("identity has no root unit") }
        // Organisation.bawahan(of:indirect: false): the direct bawahan, in identity's order.
        let team = try await directory.members(of: root, includeSubunits: true).filter { $0.atasanNIP == atasan }
        let tree = try await directory.unitTree()
        var paths: [String: [String]] = [:]
        for unit in Set(team.map(\.unitID)) where !unit.isEmpty { paths[unit] = [unit] + (tree.ancestors(of: unit) ?? []) }
        let planning = LivePlanningSource(client: Planning.PlanningService.Client(transport: planningClient))
        let targets = try await planning.targets(nips: team.map(\.nip), period: period)
        let store = try Store(configuration: StoreConfiguration(path: storePath), migrations: ReportingSchema.migrations)
        return LocalAggregation(store: store, team: team, targets: targets, calendar: try await ProgressReader.calendar(in: store),
                                paths: paths, period: period)
    }

    /// One aggregation of the whole team.
    func run() async throws -> (members: Int, seconds: Double) {
        let start = ContinuousClock.now
        var members: [Reporting.TeamMemberProgress] = []
        for offset in stride(from: 0, to: team.count, by: 1000) {
            let chunk = Array(team[offset..<min(offset + 1000, team.count)])
            let rows = try await ProgressReader.progress(of: chunk, period: period, targets: targets, calendar: calendar, paths: paths,
                                                         store: store, now: Date())
            for (person, row) in zip(chunk, rows) {
                members.append(Progress.teamMember(row, calendar: calendar, unitPath: paths[person.unitID] ?? [person.unitID]))
            }
        }
        let response = Reporting.GetTeamProgressResponse(members: members, period: period)
        return (response.members.count, (ContinuousClock.now - start).seconds)
    }

    func close() throws { try store.close() }
}

/// Call options of a machine client: no token, an idempotency key.
func machineOptions(key: String) -> CallOptions {
    var metadata = Metadata()
    metadata.add(Metadata.WellKnownKey.idempotencyKey, key)
    return CallOptions(timeout: .seconds(600), metadata: metadata)
}
