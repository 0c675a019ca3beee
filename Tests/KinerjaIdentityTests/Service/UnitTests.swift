import Foundation
import KinerjaIdentity
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Units over mutual TLS", .serialized)
struct UnitServiceTests {
    @Test("the tree starts at Pemerintah Kota Kupang with the demo OPDs and employee counts; a subtree and a depth limit work")
    func tree() async throws {
        try await withIdentity { f in
            let options = try await f.signIn("pegawai")
            let tree = try await f.client.getUnitTree(Identity.GetUnitTreeRequest(), options: options)
            #expect(tree.root?.unit?.code == "KPG")
            let top = tree.root?.children.map { $0.unit?.shortName ?? "" } ?? []
            #expect(top.contains("Dukcapil"))
            #expect(tree.treeRevision > 0)
            let dukcapil = try await f.unitID("KPG.DUKCAPIL")
            let sub = try await f.client.getUnitTree(Identity.GetUnitTreeRequest(rootUnitID: dukcapil, maxDepth: 1), options: options)
            #expect(sub.root?.unit?.code == "KPG.DUKCAPIL")
            #expect(sub.root?.children.allSatisfy { $0.children.isEmpty } == true)
            #expect(await statusCode { try await f.client.getUnitTree(Identity.GetUnitTreeRequest(maxDepth: 11), options: options) } == .invalidArgument)
            #expect(await statusCode { try await f.client.getUnitTree(Identity.GetUnitTreeRequest(rootUnitID: "nope"), options: options) } == .notFound)
        }
    }

    @Test("get a unit with its ancestors; list with query, kind and paging")
    func getAndList() async throws {
        try await withIdentity { f in
            let options = try await f.signIn("pegawai")
            let id = try await f.unitID("KPG.DUKCAPIL")
            let got = try await f.client.getUnit(Identity.GetUnitRequest(unitID: id), options: options)
            #expect(got.ancestors.map(\.name) == ["Pemerintah Kota Kupang"])
            #expect(await statusCode { try await f.client.getUnit(Identity.GetUnitRequest(unitID: ""), options: options) } == .invalidArgument)
            #expect(await statusCode { try await f.client.getUnit(Identity.GetUnitRequest(unitID: "01NOTAUNIT"), options: options) } == .notFound)
            let kecamatan = try await f.client.listUnits(Identity.ListUnitsRequest(kind: .kecamatan), options: options)
            #expect(kecamatan.units.count == 6)
            let found = try await f.client.listUnits(Identity.ListUnitsRequest(query: "oebobo"), options: options)
            #expect(found.units.contains { $0.name.contains("Oebobo") })
            var seen = Set<String>()
            var cursor = ""
            repeat {
                let page = try await f.client.listUnits(Identity.ListUnitsRequest(page: Common.PageRequest(pageSize: 25, cursor: cursor)), options: options)
                for unit in page.units { #expect(seen.insert(unit.unitID).inserted) }
                cursor = page.page?.nextCursor ?? ""
            } while !cursor.isEmpty
            #expect(seen.count == f.organisation.units.count)
            #expect(await statusCode { try await f.client.listUnits(Identity.ListUnitsRequest(page: Common.PageRequest(pageSize: 5000)), options: options) } == .invalidArgument)
            #expect(await statusCode { try await f.client.listUnits(Identity.ListUnitsRequest(page: Common.PageRequest(cursor: "garbage")), options: options) } == .invalidArgument)
        }
    }

    @Test("an admin creates and moves a unit; bad input, duplicates, cycles and strangers are refused and change nothing")
    func createAndUpdate() async throws {
        try await withIdentity { f in
            let admin = try await f.signIn("admin")
            let root = try await f.unitID("KPG")
            let bkpsdm = try await f.unitID("KPG.BKPSDM")
            var unit = Identity.Unit(code: "KPG.DISKOMINFO", name: "Dinas Komunikasi dan Informatika", shortName: "Diskominfo",
                                     kind: .dinas, parentUnitID: root)
            let created = try #require(try await f.client.createUnit(Identity.CreateUnitRequest(unit: unit), options: admin).unit)
            #expect(created.depth == 1 && created.active && created.revision == 1)

            let pegawai = try await f.signIn("pegawai")
            let before = try await f.snapshot()
            #expect(await statusCode { try await f.client.createUnit(Identity.CreateUnitRequest(unit: unit), options: admin) } == .alreadyExists)
            unit.code = "bad code!"
            #expect(await statusCode { try await f.client.createUnit(Identity.CreateUnitRequest(unit: unit), options: admin) } == .invalidArgument)
            unit.code = "KPG.X"
            unit.parentUnitID = "01UNKNOWNPARENT"
            #expect(await statusCode { try await f.client.createUnit(Identity.CreateUnitRequest(unit: unit), options: admin) } == .notFound)
            let secondRoot = Identity.Unit(code: "KPG2", name: "Pemerintah Kota Kupang (dua)", kind: .pemerintahDaerah)
            #expect(await statusCode { try await f.client.createUnit(Identity.CreateUnitRequest(unit: secondRoot), options: admin) } == .failedPrecondition)
            unit.parentUnitID = root
            #expect(await statusCode { try await f.client.createUnit(Identity.CreateUnitRequest(unit: unit), options: pegawai) } == .permissionDenied)
            // Moving the root's child under its own descendant would make a loop.
            let bidang = try await f.client.listUnits(Identity.ListUnitsRequest(parentUnitID: bkpsdm), options: admin).units.first
            var move = Identity.Unit(unitID: bkpsdm, parentUnitID: try #require(bidang?.unitID))
            #expect(await statusCode {
                try await f.client.updateUnit(Identity.UpdateUnitRequest(unit: move, updateMask: Common.FieldMask(paths: ["parent_unit_id"])), options: admin)
            } == .invalidArgument)
            #expect(await statusCode {
                try await f.client.updateUnit(Identity.UpdateUnitRequest(unit: move, updateMask: Common.FieldMask(paths: ["revision"])), options: admin)
            } == .invalidArgument)
            #expect(try await f.snapshot() == before)

            move = Identity.Unit(unitID: created.unitID, name: "Dinas Kominfo Kota Kupang")
            let renamed = try await f.client.updateUnit(Identity.UpdateUnitRequest(unit: move, updateMask: Common.FieldMask(paths: ["name"]),
                                                                                   expectedRevision: 1), options: admin)
            #expect(renamed.unit?.name == "Dinas Kominfo Kota Kupang" && renamed.unit?.revision == 2)
            #expect(await statusCode {
                try await f.client.updateUnit(Identity.UpdateUnitRequest(unit: move, updateMask: Common.FieldMask(paths: ["name"]), expectedRevision: 1), options: admin)
            } == .aborted)
            let denials = try await f.auditEvents(action: Identity.IdentityService.Method.createUnit.path).filter { $0.outcome == .denied }
            #expect(denials.count == 1)
        }
    }

    @Test("creating a unit with an idempotency key twice creates it once")
    func idempotentCreate() async throws {
        try await withIdentity { f in
            let admin = try await f.signIn("admin")
            let token = admin.metadata[Metadata.WellKnownKey.authorization]?.dropFirst(7) ?? ""
            let keyed = IdentityFixture.bearer(String(token), idempotencyKey: "create-diskominfo-1")
            let unit = Identity.Unit(code: "KPG.DISKOMINFO", name: "Dinas Komunikasi dan Informatika", kind: .dinas,
                                     parentUnitID: try await f.unitID("KPG"))
            let first = try await f.client.createUnit(Identity.CreateUnitRequest(unit: unit), options: keyed)
            let second = try await f.client.createUnit(Identity.CreateUnitRequest(unit: unit), options: keyed)
            #expect(first.unit?.unitID == second.unit?.unitID)
            var other = unit
            other.name = "Something else"
            #expect(await statusCode { try await f.client.createUnit(Identity.CreateUnitRequest(unit: other), options: keyed) } == .invalidArgument)
        }
    }
}
