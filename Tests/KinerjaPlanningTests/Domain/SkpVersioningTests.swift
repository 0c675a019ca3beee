import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("SKP versioning")
struct SkpVersioningTests {
    static func stamp(_ principal: String, _ seconds: Int64) -> Common.AuditStamp {
        Common.AuditStamp(principal: principal, principalKind: .user, at: Common.Timestamp(seconds: seconds))
    }

    static var approved: Planning.Skp {
        var skp = Fixtures.skp()
        skp.state = .disetujui
        skp.atasanNIP = Fixtures.atasanNIP
        skp.decisionNote = "Disetujui."
        skp.submitted = stamp(Fixtures.ownerNIP, 100)
        skp.decided = stamp(Fixtures.atasanNIP, 200)
        skp.behaviourExpectations = [Planning.BehaviourExpectation(value: .akuntabel, ekspektasiKhusus: "Laporan harian tepat waktu")]
        return skp
    }

    @Test("ReviseSkp: a copy of the version with the same rhk_id/iki_id, version + 1, DRAFT, with the revision reason")
    func revise() throws {
        let old = Self.approved
        let new = try SkpVersioning.revise(old, reason: "perubahan target triwulan III", created: Self.stamp(Fixtures.ownerNIP, 300))
        #expect(new.skpID == old.skpID)
        #expect(new.version == old.version + 1)
        #expect(new.state == .draft)
        #expect(new.revisionReason == "perubahan target triwulan III")
        #expect(new.rhks.map(\.rhkID) == old.rhks.map(\.rhkID))
        #expect(new.rhks.flatMap(\.ikis).map(\.ikiID) == old.rhks.flatMap(\.ikis).map(\.ikiID))
        #expect(new.rhks == old.rhks)
        #expect(new.behaviourExpectations == old.behaviourExpectations)
        #expect(new.decisionNote.isEmpty && new.submitted == nil && new.decided == nil)
        #expect(new.created == Self.stamp(Fixtures.ownerNIP, 300))
        #expect(new.revision == 1)
    }

    @Test("ReviseSkp: FAILED_PRECONDITION when the latest version is DRAFT or DIAJUKAN; INVALID_ARGUMENT without a reason")
    func reviseRefused() {
        for state in [Planning.SkpState.draft, .diajukan] {
            var skp = Fixtures.skp()
            skp.state = state
            let error = #expect(throws: SkpRuleError.self) { try SkpVersioning.revise(skp, reason: "x", created: nil) }
            #expect(error?.code == "SKP_NOT_REVISABLE")
        }
        let error = #expect(throws: SkpRuleError.self) { try SkpVersioning.revise(Self.approved, reason: "", created: nil) }
        #expect(error?.code == "SKP_REVISION_REASON_REQUIRED")
    }

    @Test("the previous approved version stays in force until the new one is approved, then becomes DIGANTI")
    func supersede() throws {
        var versions = [Self.approved]
        #expect(SkpVersioning.versionInForce(versions)?.version == 1)
        var step = try SkpVersioning.apply(.revise(reason: "mutasi tugas"), to: versions, stamp: Self.stamp(Fixtures.ownerNIP, 300))
        versions = step.versions
        #expect(step.outcome == .revised(version: 2, from: 1))
        #expect(versions.map(\.state) == [.disetujui, .draft])
        #expect(SkpVersioning.versionInForce(versions)?.version == 1)
        #expect(SkpVersioning.latest(versions)?.version == 2)

        step = try SkpVersioning.apply(.submit(), to: versions, stamp: Self.stamp(Fixtures.ownerNIP, 400))
        versions = step.versions
        #expect(versions[1].submitted == Self.stamp(Fixtures.ownerNIP, 400))
        #expect(SkpVersioning.versionInForce(versions)?.version == 1)

        step = try SkpVersioning.apply(.approve(version: 2, note: "Disetujui."), to: versions, stamp: Self.stamp(Fixtures.atasanNIP, 500))
        versions = step.versions
        #expect(step.outcome == .approved(version: 2, superseded: 1))
        #expect(versions.map(\.state) == [.diganti, .disetujui])
        #expect(versions[1].decided == Self.stamp(Fixtures.atasanNIP, 500))
        #expect(versions[1].decisionNote == "Disetujui.")
        #expect(versions[0].decisionNote == "Disetujui.")
        #expect(SkpVersioning.versionInForce(versions)?.version == 2)
        #expect(versions[0].rhks.map(\.rhkID) == versions[1].rhks.map(\.rhkID))
    }

    @Test("return records the note and decision stamp; withdraw clears the submission; each changed version's revision goes up")
    func stamps() throws {
        var skp = Fixtures.skp()
        skp.revision = 5
        var step = try SkpVersioning.apply(.submit(), to: [skp], stamp: Self.stamp(Fixtures.ownerNIP, 10))
        #expect(step.versions[0].revision == 6)
        step = try SkpVersioning.apply(.withdraw(reason: "salah target"), to: step.versions, stamp: nil)
        #expect(step.versions[0].state == .draft)
        #expect(step.versions[0].submitted == nil)
        step = try SkpVersioning.apply(.submit(), to: step.versions, stamp: Self.stamp(Fixtures.ownerNIP, 20))
        step = try SkpVersioning.apply(.return(version: 1, note: "Satuan target IKI 1 belum tepat."), to: step.versions,
                                       stamp: Self.stamp(Fixtures.atasanNIP, 30))
        #expect(step.versions[0].state == .dikembalikan)
        #expect(step.versions[0].decisionNote == "Satuan target IKI 1 belum tepat.")
        #expect(step.versions[0].decided == Self.stamp(Fixtures.atasanNIP, 30))
        #expect(step.versions[0].revision == 9)
        let refused = #expect(throws: SkpRuleError.self) {
            try SkpVersioning.apply(.approve(version: 1), to: step.versions, stamp: nil)
        }
        #expect(refused?.code == "SKP_NOT_DIAJUKAN")
    }
}
