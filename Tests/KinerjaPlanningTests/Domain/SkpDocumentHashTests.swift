import KinerjaASN
import KinerjaCrypto
import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("SKP document hash (the approval stamp's body_sha256)")
struct SkpDocumentHashTests {
    static func approved() throws -> Planning.Skp {
        var skp = Fixtures.skp()
        skp.lampiran = Planning.SkpLampiran(dukunganSumberDaya: ["Anggaran DPA Dukcapil 2026"], skemaPertanggungjawaban: ["Laporan bulanan"],
                                            konsekuensi: ["Pembinaan oleh atasan"])
        skp.penilai = Common.PenilaiRef(penilai: Common.EmployeeRef(nip: Fixtures.atasanNIP), kind: .atasanLangsung, isAsn: true, golongan: "III/d")
        skp.state = .disetujui
        skp.decisionNote = "Disetujui"
        skp.decided = Common.AuditStamp(principal: Fixtures.atasanNIP, principalKind: .user, at: Common.Timestamp(seconds: 1_767_600_000, nanos: 0))
        skp.approval = try SkpDocumentHash.approval(of: skp, penilai: try #require(skp.penilai), at: Common.Timestamp(seconds: 1_767_600_000, nanos: 0))
        return skp
    }

    @Test("SHA-256, lowercase hex, of the serialized body: an empty body hashes to the SHA-256 of no bytes")
    func knownAnswer() throws {
        #expect(try SkpDocumentHash.sha256(of: Planning.Skp()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let hash = try SkpDocumentHash.sha256(of: try Self.approved())
        #expect(hash.count == 64 && hash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(try SkpDocumentHash.sha256(of: try Self.approved()) == hash, "the same message always gives the same hash")
    }

    @Test("state, decision_note, decided, revision, approval, amendments and every rhks[].review_flag are cleared before hashing")
    func clearedFields() throws {
        let skp = try Self.approved()
        let hash = try SkpDocumentHash.sha256(of: skp)
        var changed = skp
        changed.state = .diganti
        changed.decisionNote = "another note"
        changed.decided = nil
        changed.revision = 99
        changed.approval = nil
        changed.amendments = [Planning.ExpectationAmendment(amendmentID: "A", version: 1, reason: "x")]
        changed.rhks[0].reviewFlag = Planning.RhkReviewFlag(parentRhkID: "PARENT-1", changeSummary: "RHK text changed")
        #expect(try SkpDocumentHash.sha256(of: changed) == hash)
    }

    @Test("everything else is covered: RHK text, an IKI target, the Lampiran, the covered days, the penilai, cascade type and peran")
    func coveredFields() throws {
        let skp = try Self.approved()
        let hash = try SkpDocumentHash.sha256(of: skp)
        let edits: [(String, (inout Planning.Skp) -> Void)] = [
            ("text", { $0.rhks[0].text += "." }),
            ("target", { $0.rhks[0].ikis[0].annualTarget?.value = 1300 }),
            ("lampiran", { $0.lampiran?.konsekuensi.append("Teguran tertulis") }),
            ("period_end", { $0.periodEnd = Common.Date(year: 2026, month: 6, day: 30) }),
            ("penilai", { $0.penilai?.kind = .plt }),
            ("cascade_type", { $0.rhks[0].cascadeType = .direct }),
            ("peran", { $0.rhks[0].peran = "Verifikator berkas" }),
            ("expectations", { $0.behaviourExpectations = [Planning.BehaviourExpectation(value: .akuntabel, ekspektasiKhusus: "Tepat waktu")] }),
        ]
        for (name, edit) in edits {
            var changed = skp
            edit(&changed)
            #expect(try SkpDocumentHash.sha256(of: changed) != hash, "\(name) is covered")
        }
    }

    @Test("verify: the stamped body verifies; a changed body does not; a version without a stamp or with another version's is said so")
    func verify() throws {
        let skp = try Self.approved()
        #expect(SkpDocumentHash.verify(skp) == .verified)
        #expect(skp.approval?.version == skp.version)
        var changed = skp
        changed.rhks[0].text = "Terlaksananya sesuatu yang lain"
        #expect(SkpDocumentHash.verify(changed) == .mismatch)
        var unstamped = skp
        unstamped.approval = nil
        #expect(SkpDocumentHash.verify(unstamped) == .notApproved)
        var later = skp
        later.version = 2
        #expect(SkpDocumentHash.verify(later) == .otherVersion(stamped: 1))
    }

    @Test("a body closed early by a transfer (period_end moved earlier, nothing else) verifies as approved before the closure, naming the approved last day")
    func closedByTransfer() throws {
        var closed = try Self.approved()
        closed.periodEnd = Common.Date(year: 2026, month: 6, day: 30)
        closed.revision += 1
        #expect(SkpDocumentHash.verify(closed) == .verifiedBeforeClosure(approvedPeriodEnd: Common.Date(year: 2026, month: 12, day: 31)))
        closed.rhks[0].text += "!"
        #expect(SkpDocumentHash.verify(closed) == .mismatch)
    }
}
