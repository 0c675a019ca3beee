import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaStore
import KinerjaTLS

/// One seeded ASN: who they are, who verifies them, what they report on.
struct Person: Codable, Sendable {
    var nip: String
    var atasan: String
    var isAtasan: Bool
    var unitID: String
    var rhk: String
    var iki: String
}

struct SeedFile: Codable, Sendable {
    var people: [Person]
    var hrUnitID: String
    var year: Int32
}

/// The demo personas of the stack (`run/first-start.txt`: `demo: ROLE NIP Name`).
func persona(_ options: Options, _ role: String) throws -> String {
    let text = try String(contentsOfFile: "\(options.dev)/run/first-start.txt", encoding: .utf8)
    for line in text.split(separator: "\n") {
        let words = line.split(separator: " ")
        if words.count >= 3, words[0] == "demo:", words[1] == role { return String(words[2]) }
    }
    throw PeakFailure("no persona \(role) in \(options.dev)/run/first-start.txt")
}

func client(_ options: Options, service: String, certificate: String, connections: Int = 1) throws -> RPCClient {
    let tls = try TLSContext(configuration: TLSConfiguration(
        certificateChainFile: "\(options.pki)/\(certificate).pem", privateKeyFile: "\(options.pki)/\(certificate).key",
        trustRootsFile: "\(options.pki)/ca.pem"))
    var configuration = ClientConfiguration(host: "127.0.0.1", port: options.port(service),
                                            serverIdentity: try PeerIdentity(kind: .service, name: service), tls: tls)
    configuration.connections = connections
    return RPCClient(configuration: configuration)
}

func bearer(_ token: String, timeout: Duration = .seconds(60)) -> CallOptions {
    var metadata = Metadata()
    metadata.add(Metadata.WellKnownKey.authorization, "Bearer \(token)")
    return CallOptions(timeout: timeout, metadata: metadata)
}

/// Seeding (not measured): N employees over identity's ImportEmployees (atasan first, then their
/// teams), their accounts given the demo password's hash (copied in identity's store from the
/// pegawai persona: one scrypt per person would only measure the seeding), and an approved SKP each
/// (one RHK, one IKI) written into planning's store with planning's own bulk loader, as
/// IdentityBenchmark's reporting workload does.
enum Seed {
    static func run(_ options: Options) async throws {
        let started = ContinuousClock.now
        let identityClient = try client(options, service: "identity", certificate: "client/operator")
        defer { Task { await identityClient.close() } }
        let identity = Identity.IdentityService.Client(transport: identityClient)
        let pengelola = try persona(options, "pengelola")
        let login = try await identity.login(Identity.LoginRequest(nip: pengelola, password: options.password, clientName: "peak-seed"))
        guard let hr = login.tokens?.accessToken, !hr.isEmpty else { throw PeakFailure("pengelola has no token") }
        let topAtasan = try persona(options, "atasan")

        // Every unit below the perangkat daerah level gets a share of the employees.
        var units: [Identity.Unit] = []
        var cursor = ""
        repeat {
            let page = try await identity.listUnits(Identity.ListUnitsRequest(page: Common.PageRequest(pageSize: 500, cursor: cursor)), options: bearer(hr))
            units += page.units
            cursor = page.page?.nextCursor ?? ""
        } while !cursor.isEmpty
        let leafCodes = units.filter { $0.code.split(separator: ".").count >= 3 }.map(\.code)
        guard !leafCodes.isEmpty, let hrUnit = units.first(where: { $0.code == "KPG.DUKCAPIL" }) ?? units.first else { throw PeakFailure("no units") }
        let unitIDs = Dictionary(units.map { ($0.code, $0.unitID) }, uniquingKeysWith: { a, _ in a })
        log("seed: \(units.count) units, \(leafCodes.count) used; \(options.employees) employees in teams of \(options.team)")

        let today = Wita.today(now: Date())
        let synthetic = KupangDemo(seed: 2026).syntheticEmployees(count: options.employees, unitCodes: leafCodes, today: today)
        // Teams: per unit, in order; the first of every `team` is the atasan of the next ones.
        var byUnit: [String: [DemoEmployee]] = [:]
        for person in synthetic { byUnit[person.unitCode, default: []].append(person) }
        var leaders: [(DemoEmployee, String)] = [], staff: [(DemoEmployee, String)] = []
        for code in byUnit.keys.sorted() {
            var leader = ""
            for (index, person) in byUnit[code, default: []].enumerated() {
                if index % (options.team + 1) == 0 {
                    leader = person.employee.nip
                    leaders.append((person, topAtasan))
                } else {
                    staff.append((person, leader))
                }
            }
        }
        for (label, rows) in [("atasan", leaders), ("staff", staff)] {
            for chunkStart in stride(from: 0, to: rows.count, by: 2_000) {
                let chunk = Array(rows[chunkStart..<min(chunkStart + 2_000, rows.count)])
                let report = try await identity.importEmployees(options: bearer(hr, timeout: .seconds(600))) { writer in
                    try await writer.write(Identity.ImportEmployeesRequest(item: .options(.init(sourceName: "peak-\(label)-\(chunkStart)"))))
                    for (index, (person, atasan)) in chunk.enumerated() {
                        var row = person.importRow
                        row.rowNumber = UInt32(index + 2)
                        row.atasanNIP = atasan
                        row.employee?.status = .aktif
                        try await writer.write(Identity.ImportEmployeesRequest(item: .row(row)))
                    }
                }
                guard report.acceptedRows == UInt32(chunk.count) else {
                    throw PeakFailure("identity accepted \(report.acceptedRows) of \(chunk.count) \(label): \(report.results.first.map { "\($0)" } ?? "")")
                }
            }
            log("seed: imported \(rows.count) \(label) (\(String(format: "%.0f", (ContinuousClock.now - started).seconds)) s)")
        }

        // Accounts: the pegawai persona's password hash (the demo password), no change required.
        let everyone = (leaders + staff).map { $0.0.employee.nip }
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: options.store("identity"), configuration: configuration)
        let donor = try persona(options, "pegawai")
        try await queue.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT password_hash, password_expires_at FROM account WHERE nip = ?", arguments: [donor]) else {
                throw PeakFailure("no account for the pegawai persona")
            }
            let hash: String = row["password_hash"]
            let expires: Int64? = row["password_expires_at"]
            let statement = try db.makeStatement(sql: """
                UPDATE account SET password_hash = ?, password_expires_at = ?, must_change_password = 0, state = 2, password_changed_at = strftime('%s','now')
                WHERE nip = ?
                """)
            for nip in everyone { try statement.execute(arguments: [hash, expires, nip]) }
        }
        try queue.close()
        log("seed: \(everyone.count) accounts given the demo password")

        // SKPs: one approved SKP each, written into planning's store.
        let store = try Store(configuration: StoreConfiguration(path: options.store("planning")), migrations: PlanningSchema.migrations)
        let year = today.year
        var skps: [Planning.Skp] = []
        var people: [Person] = []
        let all: [(DemoEmployee, String, Bool)] = leaders.map { ($0.0, $0.1, true) } + staff.map { ($0.0, $0.1, false) }
        for (n, (demo, atasanNIP, isAtasan)) in all.enumerated() {
            guard let unitID = unitIDs[demo.unitCode] else { throw PeakFailure("no unit \(demo.unitCode)") }
            var skp = Planning.Skp()
            skp.skpID = String(format: "PEAKSKP%019d", n)
            skp.version = 1
            skp.nip = demo.employee.nip
            skp.employee = Common.EmployeeRef(nip: demo.employee.nip, displayName: demo.employee.fullName, unitID: unitID)
            skp.year = year
            skp.periodStart = Common.Date(year: year, month: 1, day: 1)
            skp.periodEnd = Common.Date(year: year, month: 12, day: 31)
            skp.approach = .kuantitatif
            skp.jenisJabatan = demo.employee.jenisJabatan
            skp.unitID = unitID
            skp.atasanNIP = atasanNIP
            skp.state = .disetujui
            skp.revision = 1
            let rhkID = String(format: "PEAKRHK%019d", n)
            let iki = Planning.Iki(ikiID: String(format: "PEAKIKI%019d", n), rhkID: rhkID, aspek: .kuantitas,
                                   indicator: "Jumlah layanan diselesaikan",
                                   annualTarget: Planning.Target(value: 1200, unit: "layanan", direction: .higherIsBetter),
                                   periodicTargets: [Common.Triwulan.i, .ii, .iii, .iv].map {
                                       Planning.PeriodicTarget(period: Common.Period(year: year, kind: .quarterly, triwulan: $0), value: 300)
                                   }, position: 1, aggregation: .sum)
            skp.rhks = [Planning.Rhk(rhkID: rhkID, skpID: skp.skpID, kind: .utama, text: "Terselenggaranya pelayanan publik yang tepat waktu",
                                     ikis: [iki], position: 1)]
            skps.append(skp)
            people.append(Person(nip: demo.employee.nip, atasan: atasanNIP, isAtasan: isAtasan, unitID: unitID, rhk: rhkID, iki: iki.ikiID))
        }
        _ = try await PlanningBulkLoader.insert(skps, into: store)
        try store.close()
        log("seed: \(skps.count) approved SKPs written into planning's store")

        let file = SeedFile(people: people, hrUnitID: hrUnit.unitID, year: year)
        try JSONEncoder().encode(file).write(to: URL(fileURLWithPath: options.seedFile))
        log("seed: done in \(String(format: "%.0f", (ContinuousClock.now - started).seconds)) s → \(options.seedFile)")
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
