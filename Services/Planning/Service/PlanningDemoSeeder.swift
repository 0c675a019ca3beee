public import Logging
import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaProto
import KinerjaStore

/// Fills an empty planning store with demo SKPs for the Kupang demo organisation: the
/// organisation comes from identity (so units and supervisors are identity's), the plans from
/// ``KupangSkpDemo`` with the same seed.
public enum PlanningDemoSeeder {
    /// Seeds when the store has no SKP; waits up to a minute for identity to answer.
    public static func seedIfEmpty(handlers: PlanningHandlers, logger: Logger) async throws {
        let configuration = handlers.configuration
        guard let seed = configuration.demoSeed else { return }
        let empty = try await handlers.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM skp_version") == 0 }
        guard empty else { return }
        var root: String?
        let deadline = ContinuousClock.now + .seconds(60)
        while root == nil {
            do {
                root = try await handlers.directory.rootUnitID()
            } catch {
                if ContinuousClock.now > deadline { throw error }
                try await Task.sleep(for: .seconds(1))
            }
        }
        guard let root else { return }
        let people = try await handlers.directory.members(of: root, includeSubunits: true)
        let byNIP = Dictionary(people.map { ($0.nip, $0) }, uniquingKeysWith: { a, _ in a })
        let tree = try await handlers.directory.unitTree()
        let today = Wita.today(now: handlers.clock())
        let year = configuration.demoYear ?? today.year
        let organisation = KupangDemo(seed: seed).organisation(today: today)
        let demo = KupangSkpDemo(seed: seed).skps(for: organisation, year: year, today: today)
        let now = Int64(handlers.clock().timeIntervalSince1970)
        // Who rates each owner, as identity says (the atasan langsung, the Plt of a vacant head
        // position, the Wali Kota for the Sekretaris Daerah): they decided the demo SKPs. The demo's
        // decisions lie in this year's range of the demo Plt's decree, so today's answer is the
        // answer of the decision day. An SKP of a previous position keeps that position's atasan.
        let owners = Array(Set(demo.filter { !$0.previousPosition && $0.state != .draft }.map(\.ownerNIP))).sorted()
        let penilai = try await handlers.directory.penilai(of: owners, on: today)
        let written = try await handlers.store.write { db -> Int in
            var written = 0
            for entry in demo {
                var skp = entry.skp
                guard let owner = byNIP[skp.nip] else { continue }
                // Identity's ids and supervisors, not the generator's (a previous position keeps its unit and jabatan).
                skp.unitID = entry.previousPosition ? tree.unit(code: entry.unitCode)?.unitID ?? owner.unitID : owner.unitID
                if !entry.previousPosition { skp.employee = owner.reference }
                skp.jenisJabatan = entry.previousPosition ? skp.jenisJabatan : owner.jenisJabatan
                if skp.atasanNIP.isEmpty { skp.atasanNIP = owner.atasanNIP }
                let decider: Common.PenilaiRef?
                if entry.previousPosition {
                    decider = entry.atasanNIP.flatMap { byNIP[$0] }.map(DemoSkpStamps.atasan)
                } else if let answer = penilai[skp.nip], PenilaiToday.isValid(answer) {
                    decider = PenilaiToday.reference(answer)
                } else {
                    decider = byNIP[skp.atasanNIP].map(DemoSkpStamps.atasan)
                }
                skp = DemoSkpStamps.decided(skp, by: decider)
                try SkpRecords.insert(skp, in: db)
                for amendment in entry.amendments {
                    try AmendmentRecords.insert(DemoSkpStamps.amendment(amendment, by: decider), skpID: skp.skpID, in: db)
                    if let seen = amendment.seenByOwner {
                        try db.execute(sql: "UPDATE expectation_amendment SET seen_by_owner = ? WHERE amendment_id = ?",
                                       arguments: [seen.seconds, amendment.amendmentID])
                    }
                }
                written += 1
            }
            try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "planning.demo_seed", target: "",
                                            outcome: .success, detail: "demo SKPs seed \(seed), year \(year): \(written)"),
                                at: Date(timeIntervalSince1970: TimeInterval(now)), in: db)
            return written
        }
        logger.notice("demo SKPs loaded", metadata: ["skps": "\(written)", "year": "\(year)"])
    }
}
