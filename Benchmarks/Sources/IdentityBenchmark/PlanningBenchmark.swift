import BenchSupport
import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaIdentity
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaStore
import KinerjaTLS

/// Planning (issue 6): the targets of a unit of 2 000 employees with 8 RHKs each as one
/// streamed call, against reading the same rows with GRDB in-process; and approving 1 000
/// submitted SKPs concurrently, each with its identity check (CheckSupervision, cached briefly).
///
/// Setup: the release kinerja-identity with the demo organisation; 2 000 synthetic employees
/// imported into one seksi under the demo `atasan` persona; 2 000 DIAJUKAN SKPs (8 RHKs of one
/// IKI with quarterly targets each) written straight into a fresh planning store; then the
/// release kinerja-planning on that store.
enum PlanningBenchmark {
    static let population = 2_000
    static let rhksPerSkp = 8
    static let approvals = 1_000

    static func run(_ options: Options) async throws -> (figures: [Figure], notes: [String]) {
        log("==> planning: kinerja-identity with \(population) extra employees, \(population) SKPs × \(rhksPerSkp) RHKs, kinerja-planning")
        let identity = try await IdentityServer.start(options, name: "identity-for-planning")
        var planning: ChildProcess?
        do {
            let setup = try await prepare(options, identity: identity)
            planning = try await startPlanning(options, identity: identity, store: setup.storePath)
            let result = try await measure(options, identity: identity, setup: setup, planningPort: try planningPort(planning!))
            await planning?.stop()
            await identity.stop(keep: options.keep)
            return result
        } catch {
            await planning?.stop()
            await identity.stop(keep: true)
            log("identity and planning logs kept in \(identity.directory)")
            throw error
        }
    }

    struct Setup {
        var storePath: String
        var unitID: String
        var year: Int32
        var skpIDs: [String]
        var atasanToken: String
    }

    static func prepare(_ options: Options, identity: IdentityServer) async throws -> Setup {
        let client = try identity.client(options, certificate: "client/hr-portal")
        defer { Task { await client.close() } }
        let hr = try await identity.signIn("pengelola", with: client)
        let atasanToken = try await identity.signIn("atasan", with: client)
        let atasan = try identity.nip("atasan")
        let today = Wita.today(now: Date())
        let unitCode = "KPG.DUKCAPIL.DAFDUK.IDENTITAS"
        let people = KupangDemo(seed: IdentityServer.seed).syntheticEmployees(count: population, unitCodes: [unitCode], today: today)
        let api = Identity.IdentityService.Client(transport: client)
        let report = try await api.importEmployees(options: Peers.bearer(hr, timeout: .seconds(300))) { writer in
            try await writer.write(Identity.ImportEmployeesRequest(item: .options(.init(sourceName: "planning-benchmark"))))
            for (index, person) in people.enumerated() {
                var row = person.importRow
                row.rowNumber = UInt32(index + 2)
                row.atasanNIP = atasan
                row.employee?.status = .aktif  // every one of them is in the unit's target stream
                try await writer.write(Identity.ImportEmployeesRequest(item: .row(row)))
            }
        }
        guard report.acceptedRows == UInt32(population) else { throw BenchFailure("identity accepted \(report.acceptedRows) of \(population) employees") }
        let unit = try await api.listUnits(Identity.ListUnitsRequest(query: unitCode), options: Peers.bearer(hr)).units.first { $0.code == unitCode }
        guard let unitID = unit?.unitID else { throw BenchFailure("no unit \(unitCode)") }

        let storePath = "\(identity.directory)/planning/planning.sqlite"
        let store = try Store(configuration: StoreConfiguration(path: storePath), migrations: PlanningSchema.migrations)
        let year = today.year
        var skps: [Planning.Skp] = []
        for (n, person) in people.enumerated() {
            var skp = Planning.Skp()
            skp.skpID = String(format: "BENCHSKP%018d", n)
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
            skp.state = .diajukan
            skp.revision = 1
            skp.rhks = (1...rhksPerSkp).map { r in
                Planning.Rhk(rhkID: String(format: "BENCHRHK%012d%02d", n, r), skpID: skp.skpID, kind: .utama,
                             text: "Terlayaninya penerbitan dokumen kependudukan tahap \(r)",
                             ikis: [Planning.Iki(ikiID: String(format: "BENCHIKI%012d%02d", n, r), rhkID: String(format: "BENCHRHK%012d%02d", n, r),
                                                 aspek: .kuantitas, indicator: "Jumlah dokumen diterbitkan tahap \(r)",
                                                 annualTarget: Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter),
                                                 periodicTargets: [Common.Triwulan.i, .ii, .iii, .iv].map {
                                                     Planning.PeriodicTarget(period: Common.Period(year: year, kind: .quarterly, triwulan: $0), value: 300)
                                                 }, position: 1, aggregation: .sum)],
                             position: UInt32(r))
            }
            skps.append(skp)
        }
        try await PlanningBulkLoader.insert(skps, into: store)
        try store.close()
        return Setup(storePath: storePath, unitID: unitID, year: year, skpIDs: skps.map(\.skpID), atasanToken: atasanToken)
    }

    static func startPlanning(_ options: Options, identity: IdentityServer, store: String) async throws -> ChildProcess {
        let pki = options.pki
        let json = """
            {
              "listen": { "host": "127.0.0.1", "port": 0 },
              "store": { "path": "\(store)" },
              "tls": { "certificate": "\(pki)/service/planning.pem", "private_key": "\(pki)/service/planning.key", "trust_roots": "\(pki)/ca.pem" },
              "peers": { "identity": { "address": "127.0.0.1:\(identity.port)", "identity": "spiffe://kinerja.kupangkota.go.id/service/identity" } },
              "log": { "level": "\(options.identityLogLevel)", "format": "json" },
              "planning": {}
            }
            """
        try json.write(toFile: "\(identity.directory)/planning.json", atomically: true, encoding: .utf8)
        let child = try ChildProcess(name: "planning", executable: "\(options.bin)/kinerja-planning",
                                     arguments: ["serve", "--config", "\(identity.directory)/planning.json"], directory: identity.directory)
        try await child.waitForOutput("\"listening on\"") { $0.contains("listening on ") }
        return child
    }

    static func planningPort(_ child: ChildProcess) throws -> Int {
        guard let line = child.stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
              let port = Int(line.split(separator: ":").last ?? "") else { throw BenchFailure("planning printed no port") }
        return port
    }

    static func planningClient(_ options: Options, port: Int, certificate: String) throws -> RPCClient {
        let tls = try TLSContext(configuration: TLSConfiguration(
            certificateChainFile: "\(options.pki)/\(certificate).pem", privateKeyFile: "\(options.pki)/\(certificate).key",
            trustRootsFile: "\(options.pki)/ca.pem"))
        return RPCClient(configuration: ClientConfiguration(host: "127.0.0.1", port: port,
                                                            serverIdentity: try PeerIdentity(kind: .service, name: "planning"), tls: tls))
    }

    static func measure(_ options: Options, identity: IdentityServer, setup: Setup, planningPort port: Int) async throws -> (figures: [Figure], notes: [String]) {
        let reporting = try planningClient(options, port: port, certificate: "service/reporting")
        let user = try planningClient(options, port: port, certificate: "client/hr-portal")
        defer { Task { await reporting.close(); await user.close() } }
        let api = Planning.PlanningService.Client(transport: reporting)
        let period = Common.Period(year: setup.year, kind: .quarterly, triwulan: .i)
        let request = Planning.StreamTargetsRequest(population: .unit(Common.UnitScope(unitID: setup.unitID)), period: period, allowProvisional: true)

        func streamOnce() async throws -> (rows: Int, targets: Int, seconds: Double) {
            let start = ContinuousClock.now
            let (rows, targets) = try await api.streamTargets(request, options: CallOptions(timeout: .seconds(300))) { responses in
                var rows = 0, targets = 0
                for try await response in responses { rows += 1; targets += response.targets?.targets.count ?? 0 }
                return (rows, targets)
            }
            return (rows, targets, (ContinuousClock.now - start).seconds)
        }
        let peerStore = try Store(configuration: StoreConfiguration(path: setup.storePath), migrations: PlanningSchema.migrations)
        func readOnce() async throws -> (targets: Int, seconds: Double) {
            let start = ContinuousClock.now
            let targets = try await peerStore.pool.read { db -> Int in
                var count = 0
                let rows = try Row.fetchCursor(db, sql: "SELECT body FROM skp_version WHERE year = ? AND unit_id = ? AND latest = 1",
                                               arguments: [setup.year, setup.unitID])
                while let row = try rows.next() {
                    let skp = try Planning.Skp(serializedBytes: Array(row["body"] as Data))
                    count += (try? TargetDerivation.ikiTargets(for: period, skp: skp).count) ?? 0
                }
                return count
            }
            return (targets, (ContinuousClock.now - start).seconds)
        }
        // Warm both paths (identity's member list, the page cache), then measure.
        let warm = try await streamOnce()
        guard warm.rows >= population, warm.targets >= population * rhksPerSkp else {
            throw BenchFailure("StreamTargets returned \(warm.rows) employees and \(warm.targets) targets")
        }
        _ = try await readOnce()
        var ours: [Double] = [], peer: [Double] = []
        for _ in 0..<options.repeats {
            let rpc = try await streamOnce()
            ours.append(Double(rpc.targets) / rpc.seconds)
            let local = try await readOnce()
            peer.append(Double(local.targets) / local.seconds)
        }
        try peerStore.close()
        var figures = [Figure(key: "planning_stream_targets", label: "StreamTargets, unit of \(population) × \(rhksPerSkp) RHK (targets/s)",
                              unit: "targets/s", ours: ours, peerName: "GRDB in-process read + derivation", peer: peer, goal: .ratioAtLeast(0.5))]

        // Approvals: the atasan approves 1 000 submitted SKPs, 64 at a time; each asks identity once.
        let planningAPI = Planning.PlanningService.Client(transport: user)
        let ids = Array(setup.skpIDs.prefix(approvals))
        let next = Counter()
        let failures = Counter()
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    while true {
                        let index = next.increment() - 1
                        guard index < ids.count else { return }
                        do {
                            _ = try await planningAPI.approveSkp(Planning.ApproveSkpRequest(skpID: ids[index], note: "Disetujui"),
                                                                 options: Peers.bearer(setup.atasanToken, timeout: .seconds(60)))
                        } catch {
                            _ = failures.increment()
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = (ContinuousClock.now - start).seconds
        guard failures.value == 0 else { throw BenchFailure("\(failures.value) of \(ids.count) approvals failed") }
        figures.append(Figure(key: "planning_approve", label: "ApproveSkp × \(approvals), 64 in flight, with identity checks (calls/s)",
                              unit: "calls/s", ours: [Double(ids.count) / seconds]))
        return (figures, ["planning: \(warm.rows) employees streamed per call, \(warm.targets) targets; \(ids.count) approvals in \(String(format: "%.2f", seconds)) s"])
    }
}

/// A shared counter for the workers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
