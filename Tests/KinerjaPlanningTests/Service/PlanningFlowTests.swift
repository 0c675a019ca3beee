import KinerjaASN
import Foundation
import GRDB
import KinerjaIdentity
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// The current WITA year.
let thisYear = Wita.today(now: Date()).year

/// A valid Kuantitas IKI: 1 200 dokumen a year, 300 each triwulan.
func ktpIki(year: Int32 = thisYear) -> Planning.Iki {
    Planning.Iki(aspek: .kuantitas, indicator: "Jumlah KTP-el diterbitkan",
                 annualTarget: Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter),
                 periodicTargets: [Common.Triwulan.i, .ii, .iii, .iv].map {
                     Planning.PeriodicTarget(period: Common.Period(year: year, kind: .quarterly, triwulan: $0), value: 300)
                 },
                 aggregation: .sum)
}

extension PlanningFixture {
    /// Creates `persona`'s SKP for this year with one Utama RHK (linked to `parent` when given) and one IKI.
    func draft(_ persona: String, parent: String = "", text: String = "Terlayaninya penerbitan KTP-el tepat waktu") async throws
        -> (options: CallOptions, skp: Planning.Skp, rhkID: String) {
        let options = try await signIn(persona)
        let nip = try identity.nip(persona)
        let created = try #require(try await client.createSkp(Planning.CreateSkpRequest(nip: nip, year: thisYear, approach: .kuantitatif), options: options).skp)
        let added = try await client.addRhk(Planning.AddRhkRequest(skpID: created.skpID, rhk: Planning.Rhk(
            kind: .utama, text: text, parentRhkID: parent, ikis: [ktpIki()], cascadeType: parent.isEmpty ? .unspecified : .nonDirect)), options: options)
        let rhkID = try #require(added.rhk?.rhkID)
        let skp = try #require(try await client.getSkp(Planning.GetSkpRequest(skpID: created.skpID), options: options).skp)
        return (options, skp, rhkID)
    }
}

@Suite("Planning over mutual TLS with a real identity service", .serialized)
struct PlanningFlowTests {
    @Test("draft → submit → return with a note → revise → submit → approve by the real atasan; versions are kept")
    func demoFlow() async throws {
        try await withPlanning { f in
            let boss = try await f.draft("atasan", text: "Meningkatnya kualitas pelayanan administrasi kependudukan")
            let mine = try await f.draft("pegawai", parent: boss.rhkID)
            #expect(mine.skp.rhks.first?.parentOwnerNIP == (try f.identity.nip("atasan")))
            let submitted = try await f.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            #expect(submitted.skp?.state == .diajukan)
            #expect(submitted.skp?.atasanNIP == (try f.identity.nip("atasan")))
            let returned = try await f.client.returnSkp(Planning.ReturnSkpRequest(
                skpID: mine.skp.skpID, note: "Target IKI terlalu rendah dibanding realisasi tahun lalu",
                comments: [Planning.ReturnComment(rhkID: mine.rhkID, note: "naikkan ke 1 500 dokumen")]), options: boss.options)
            #expect(returned.skp?.state == .dikembalikan)
            #expect(returned.skp?.decisionNote.contains("1 500") == true)
            // A returned version is never edited in place.
            #expect(await statusCode { try await f.client.addRhk(Planning.AddRhkRequest(skpID: mine.skp.skpID, rhk: Planning.Rhk(kind: .tambahan, text: "x", ikis: [ktpIki()])), options: mine.options) } == .failedPrecondition)
            let revised = try #require(try await f.client.reviseSkp(Planning.ReviseSkpRequest(skpID: mine.skp.skpID, reason: "menyesuaikan target"), options: mine.options).skp)
            #expect(revised.version == 2 && revised.state == .draft)
            #expect(revised.rhks.first?.rhkID == mine.rhkID)
            let iki = try #require(revised.rhks.first?.ikis.first)
            var raised = iki
            raised.annualTarget?.value = 1500
            raised.periodicTargets = raised.periodicTargets.map { var t = $0; t.value = 375; return t }
            _ = try await f.client.updateIki(Planning.UpdateIkiRequest(iki: raised, updateMask: Common.FieldMask(paths: ["annual_target", "periodic_targets"])), options: mine.options)
            _ = try await f.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            let approved = try await f.client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skp.skpID, note: "Disetujui"), options: boss.options)
            #expect(approved.skp?.state == .disetujui && approved.skp?.version == 2)
            let versions = try await f.client.listSkpVersions(Planning.ListSkpVersionsRequest(skpID: mine.skp.skpID), options: mine.options)
            #expect(versions.versions.map(\.state) == [.dikembalikan, .disetujui])
            // Targets for the reporting service: approved, 375 for triwulan II.
            let targets = try await f.reportingService.getTargets(Planning.GetTargetsRequest(
                nip: try f.identity.nip("pegawai"), period: Common.Period(year: thisYear, kind: .quarterly, triwulan: .ii)))
            #expect(targets.targets?.availability == .approved)
            #expect(targets.targets?.targets.first?.periodTarget?.value == 375)
        }
    }

    @Test("only the real atasan approves: the SKP's owner, a colleague and the pimpinan get PERMISSION_DENIED, audited")
    func approvalAuthority() async throws {
        try await withPlanning { f in
            let boss = try await f.draft("atasan", text: "Meningkatnya kualitas pelayanan administrasi kependudukan")
            let mine = try await f.draft("pegawai", parent: boss.rhkID)
            _ = try await f.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            for persona in ["pegawai", "pimpinan", "pengelola", "auditor"] {
                let options = persona == "pegawai" ? mine.options : try await f.signIn(persona)
                #expect(await statusCode { try await f.client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skp.skpID), options: options) } == .permissionDenied,
                        "\(persona) approved")
            }
            var filter = Common.AuditEventFilter()
            filter.outcome = .denied
            filter.actionPrefix = Planning.PlanningService.Method.approveSkp.path
            let denied = try await f.client.listAuditEvents(Planning.ListAuditEventsRequest(filter: filter), options: try await f.signIn("auditor"))
            #expect(denied.events.count == 4)
            let skp = try await f.client.getSkp(Planning.GetSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            #expect(skp.skp?.state == .diajukan)
        }
    }

    @Test("a pegawai cannot read another unit's SKP; the HR portal cannot write; the reporting service reads targets")
    func readers() async throws {
        try await withPlanning { f in
            let boss = try await f.draft("atasan", text: "Meningkatnya kualitas pelayanan administrasi kependudukan")
            let auditorOwn = try await f.draft("auditor", text: "Terlaksananya audit kinerja OPD")
            let pegawai = try await f.signIn("pegawai")
            #expect(await statusCode { try await f.client.getSkp(Planning.GetSkpRequest(skpID: auditorOwn.skp.skpID), options: pegawai) } == .permissionDenied)
            // Lists are filtered by the same readers: not someone else's, not another unit's, not another atasan's inbox.
            #expect(await statusCode { try await f.client.listSkps(Planning.ListSkpsRequest(nip: try f.identity.nip("auditor")), options: pegawai) } == .permissionDenied)
            #expect(await statusCode { try await f.client.listSkps(Planning.ListSkpsRequest(unit: Common.UnitScope(unitID: try await f.identity.unitID("KPG.INSPEKTORAT"), includeSubunits: true)), options: pegawai) } == .permissionDenied)
            #expect(await statusCode { try await f.client.listSkps(Planning.ListSkpsRequest(atasanNIP: try f.identity.nip("pimpinan")), options: pegawai) } == .permissionDenied)
            let own = try await f.client.listSkps(Planning.ListSkpsRequest(), options: try await f.signIn("atasan"))
            #expect(own.skps.map(\.skpID) == [boss.skp.skpID])
            // The atasan's own atasan chain and HR in scope can read it.
            _ = try await f.client.getSkp(Planning.GetSkpRequest(skpID: boss.skp.skpID), options: try await f.signIn("pimpinan"))
            _ = try await f.client.getSkp(Planning.GetSkpRequest(skpID: boss.skp.skpID), options: try await f.signIn("pengelola"))
            // The HR portal is a machine: planning's write methods need a signed-in user, and its
            // targets are for the reporting and evaluation services only.
            #expect(await statusCode { try await f.hrPortal.createSkp(Planning.CreateSkpRequest(nip: try f.identity.nip("pegawai"), year: thisYear, approach: .kuantitatif)) } == .unauthenticated)
            #expect(await statusCode { try await f.hrPortal.getTargets(Planning.GetTargetsRequest(nip: try f.identity.nip("atasan"), period: Common.Period(year: thisYear, kind: .annual))) } == .unauthenticated)
            #expect(await statusCode { try await f.hrPortal.streamTargets(Planning.StreamTargetsRequest(population: .nips(Common.NipList(nips: [try f.identity.nip("atasan")])), period: Common.Period(year: thisYear, kind: .annual))) { responses in for try await _ in responses {} } } == .unauthenticated)
            let targets = try await f.reportingService.getTargets(Planning.GetTargetsRequest(
                nip: try f.identity.nip("atasan"), period: Common.Period(year: thisYear, kind: .annual), allowProvisional: true))
            #expect(targets.targets?.availability == .provisional)
            #expect(targets.targets?.targets.first?.periodTarget?.value == 1200)
        }
    }

    @Test("bad input is INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS or FAILED_PRECONDITION with a message, and changes nothing")
    func badInput() async throws {
        try await withPlanning { f in
            let me = try await f.draft("pegawai")
            let nip = try f.identity.nip("pegawai")
            let o = me.options
            #expect(await statusCode { try await f.client.createSkp(Planning.CreateSkpRequest(nip: nip, year: thisYear, approach: .kuantitatif), options: o) } == .alreadyExists)
            #expect(await statusCode { try await f.client.createSkp(Planning.CreateSkpRequest(nip: "123", year: thisYear, approach: .kuantitatif), options: o) } == .invalidArgument)
            #expect(await statusCode { try await f.client.createSkp(Planning.CreateSkpRequest(nip: nip, year: 1999, approach: .kuantitatif), options: o) } == .invalidArgument)
            #expect(await statusCode { try await f.client.createSkp(Planning.CreateSkpRequest(nip: nip, year: thisYear + 5, approach: .kuantitatif), options: o) } == .invalidArgument)
            #expect(await statusCode { try await f.client.getSkp(Planning.GetSkpRequest(skpID: "01NOSUCHSKP"), options: o) } == .notFound)
            #expect(await statusCode { try await f.client.addRhk(Planning.AddRhkRequest(skpID: me.skp.skpID, rhk: Planning.Rhk(kind: .utama, text: "")), options: o) } == .invalidArgument)
            #expect(await statusCode { try await f.client.addRhk(Planning.AddRhkRequest(skpID: me.skp.skpID, rhk: Planning.Rhk(kind: .utama, text: "x", parentRhkID: "01NOSUCHRHK")), options: o) } == .notFound)
            // A parent RHK that is not the atasan's.
            let stranger = try await f.draft("auditor", text: "Terlaksananya audit kinerja OPD")
            #expect(await statusCode { try await f.client.addRhk(Planning.AddRhkRequest(skpID: me.skp.skpID, rhk: Planning.Rhk(kind: .utama, text: "x", parentRhkID: stranger.rhkID)), options: o) } == .invalidArgument)
            var badIki = ktpIki()
            badIki.annualTarget?.value = -1
            #expect(await statusCode { try await f.client.addIki(Planning.AddIkiRequest(rhkID: me.rhkID, iki: badIki), options: o) } == .invalidArgument)
            var unbalanced = ktpIki()
            unbalanced.periodicTargets[0].value = 100
            #expect(await statusCode { try await f.client.addIki(Planning.AddIkiRequest(rhkID: me.rhkID, iki: unbalanced), options: o) } == .invalidArgument)
            #expect(await statusCode { try await f.client.setPeriodicTargets(Planning.SetPeriodicTargetsRequest(ikiID: "", targets: []), options: o) } == .invalidArgument)
            #expect(await statusCode { try await f.client.updateRhk(Planning.UpdateRhkRequest(rhk: Planning.Rhk(rhkID: me.rhkID, text: "y"), updateMask: Common.FieldMask(paths: ["text"]), expectedSkpRevision: 1), options: o) } == .aborted)
            #expect(await statusCode { try await f.client.approveSkp(Planning.ApproveSkpRequest(skpID: me.skp.skpID), options: try await f.signIn("atasan")) } == .failedPrecondition)
            #expect(await statusCode { try await f.client.returnSkp(Planning.ReturnSkpRequest(skpID: me.skp.skpID, note: ""), options: try await f.signIn("atasan")) } == .invalidArgument)
            #expect(await statusCode { try await f.client.reviseSkp(Planning.ReviseSkpRequest(skpID: me.skp.skpID, reason: "x"), options: o) } == .failedPrecondition)
            // Someone else's draft.
            #expect(await statusCode { try await f.client.addRhk(Planning.AddRhkRequest(skpID: me.skp.skpID, rhk: Planning.Rhk(kind: .tambahan, text: "x", ikis: [ktpIki()])), options: try await f.signIn("atasan")) } == .permissionDenied)
            let unchanged = try await f.client.getSkp(Planning.GetSkpRequest(skpID: me.skp.skpID), options: o)
            #expect(unchanged.skp?.revision == me.skp.revision)
            #expect(unchanged.skp?.rhks.count == 1 && unchanged.skp?.rhks.first?.ikis.count == 1)
        }
    }

    @Test("when the atasan's RHK changes, the linked RHK is flagged for review; submission waits until it is acknowledged")
    func reviewFlags() async throws {
        try await withPlanning { f in
            let boss = try await f.draft("atasan", text: "Meningkatnya kualitas pelayanan administrasi kependudukan")
            let mine = try await f.draft("pegawai", parent: boss.rhkID)
            let changed = try await f.client.updateRhk(Planning.UpdateRhkRequest(rhk: Planning.Rhk(rhkID: boss.rhkID, text: "Meningkatnya kecepatan penerbitan dokumen kependudukan"),
                                                                                 updateMask: Common.FieldMask(paths: ["text"])), options: boss.options)
            #expect(changed.flaggedDependents == 1)
            let review = try await f.client.listRhksNeedingReview(Planning.ListRhksNeedingReviewRequest(), options: mine.options)
            #expect(review.items.first?.rhk?.rhkID == mine.rhkID)
            #expect(review.items.first?.parentRhk?.text == "Meningkatnya kecepatan penerbitan dokumen kependudukan")
            #expect(await statusCode { try await f.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options) } == .failedPrecondition)
            #expect(await statusCode { try await f.client.acknowledgeRhkReview(Planning.AcknowledgeRhkReviewRequest(rhkID: mine.rhkID, note: ""), options: mine.options) } == .invalidArgument)
            _ = try await f.client.acknowledgeRhkReview(Planning.AcknowledgeRhkReviewRequest(rhkID: mine.rhkID, note: "sudah sesuai"), options: mine.options)
            #expect(await statusCode { try await f.client.acknowledgeRhkReview(Planning.AcknowledgeRhkReviewRequest(rhkID: mine.rhkID, note: "lagi"), options: mine.options) } == .failedPrecondition)
            _ = try await f.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
        }
    }

    @Test("identity down: planning answers UNAVAILABLE once its short cache has expired, and never approves on stale authority")
    func identityUnavailable() async throws {
        try await withPlanning(identityCacheSeconds: 1) { f in
            let boss = try await f.draft("atasan", text: "Meningkatnya kualitas pelayanan administrasi kependudukan")
            let mine = try await f.draft("pegawai", parent: boss.rhkID)
            _ = try await f.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            await f.identity.service.host.server.shutdown()
            try await Task.sleep(for: .seconds(2))
            #expect(await statusCode { try await f.client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skp.skpID), options: boss.options) } == .unavailable)
            let state = try await f.runtime.store.pool.read { db in
                try Int32.fetchOne(db, sql: "SELECT state FROM skp_version WHERE skp_id = ? AND latest = 1", arguments: [mine.skp.skpID])
            }
            #expect(state == Planning.SkpState.diajukan.rawValue)
        }
    }

    @Test("with the demo SKPs: the unit's cascade and role matrix in one call, and targets of a whole unit streamed in one call")
    func demoCascadeAndTargets() async throws {
        try await withPlanning(demoSeed: IdentityFixture.seed) { f in
            let dukcapil = try await f.identity.unitID("KPG.DUKCAPIL")
            let pimpinan = try await f.signIn("pimpinan")
            let cascade = try await f.client.getCascade(Planning.GetCascadeRequest(unit: Common.UnitScope(unitID: dukcapil, includeSubunits: true), year: thisYear),
                                                        options: pimpinan)
            #expect(cascade.leader?.nip == (try f.identity.nip("pimpinan")))
            #expect(!cascade.roots.isEmpty)
            #expect(!cascade.matrix.isEmpty)
            #expect(cascade.matrix.allSatisfy { !$0.cells.isEmpty })
            #expect(await statusCode { try await f.client.getCascade(Planning.GetCascadeRequest(unit: Common.UnitScope(unitID: dukcapil), year: thisYear), options: try await f.signIn("auditor")) } == nil)
            let rows = try await f.reportingService.streamTargets(Planning.StreamTargetsRequest(
                population: .unit(Common.UnitScope(unitID: dukcapil, includeSubunits: true)),
                period: Common.Period(year: thisYear, kind: .quarterly, triwulan: .i), allowProvisional: true)) { responses in
                var rows: [Planning.EmployeeTargets] = []
                for try await response in responses { if let t = response.targets { rows.append(t) } }
                return rows
            }
            let members = f.identity.organisation.employees.filter { $0.unitCode.hasPrefix("KPG.DUKCAPIL") && $0.employee.status == .aktif }
            #expect(rows.count == members.count)
            #expect(rows.filter { $0.availability == .approved }.count > rows.count / 2)
            #expect(await statusCode { try await f.reportingService.streamTargets(Planning.StreamTargetsRequest(period: Common.Period(year: thisYear, kind: .annual))) { responses in for try await _ in responses {} } } == .invalidArgument)
        }
    }
}
