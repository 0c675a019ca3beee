import KinerjaASN
import KinerjaCrypto
import KinerjaProto
import Testing
@testable import kinerjactl

/// The canonical body hash of an SKP and how a printout is checked against the store.
@Suite("SKP body hash and printout verification")
struct SkpPrintVerificationTests {
    @Test("the body hash is SHA-256 of the Skp serialized with state, decision_note, decided, revision, approval, amendments and every review_flag cleared")
    func canonicalRule() throws {
        let skp = SkpPrintSamples.administrator
        // The same SKP built without those fields at all, independently of the clearing code.
        var bare = Planning.Skp(skpID: skp.skpID, version: skp.version, nip: skp.nip, employee: skp.employee, year: skp.year,
                                periodStart: skp.periodStart, periodEnd: skp.periodEnd, approach: skp.approach,
                                jenisJabatan: skp.jenisJabatan, unitID: skp.unitID, atasanNIP: skp.atasanNIP, rhks: skp.rhks,
                                behaviourExpectations: skp.behaviourExpectations, revisionReason: skp.revisionReason,
                                created: skp.created, submitted: skp.submitted, lampiran: skp.lampiran, penilai: skp.penilai)
        for index in bare.rhks.indices { bare.rhks[index].reviewFlag = nil }
        let expected = Display.hex(SHA256.hash(try bare.serializedBytes()))
        #expect(try SkpDocumentHash.sha256(of: skp) == expected)
        #expect(expected.count == 64)
        #expect(expected == expected.lowercased())
    }

    @Test("what changes after approval leaves the hash alone: state, note, decision stamp, revision, the stamp itself, amendments, review flags")
    func volatileFields() throws {
        let skp = SkpPrintSamples.administrator
        let hash = try SkpDocumentHash.sha256(of: skp)
        var later = skp
        later.state = .diganti
        later.decisionNote = "Disetujui dengan catatan"
        later.decided = Common.AuditStamp(principal: "x", principalKind: .user, at: Common.Timestamp(seconds: 1))
        later.revision = 99
        later.approval = nil
        later.amendments = [Planning.ExpectationAmendment(amendmentID: "01JAMEND", version: 2, reason: "Penyesuaian")]
        later.rhks[0].reviewFlag = Planning.RhkReviewFlag(parentRhkID: "p", parentRevisionSeen: 1, parentRevisionCurrent: 2, changeSummary: "RHK text changed")
        #expect(try SkpDocumentHash.sha256(of: later) == hash)
    }

    @Test("anything the pegawai and the penilai agreed changes the hash",
          arguments: ["rhk text", "target", "indicator", "expectation", "lampiran", "period", "penilai", "rhk order"])
    func agreedFields(_ change: String) throws {
        let skp = SkpPrintSamples.administrator
        var changed = skp
        switch change {
        case "rhk text": changed.rhks[0].text += "."
        case "target": changed.rhks[0].ikis[0].annualTarget?.value = 1201
        case "indicator": changed.rhks[1].ikis[1].indicator = "Persentase wajib KTP-el terekam"
        case "expectation": changed.behaviourExpectations[0].ekspektasiKhusus = "Merespons pengaduan dalam 2×24 jam"
        case "lampiran": changed.lampiran?.konsekuensi.append("Teguran tertulis")
        case "period": changed.periodStart = Common.Date(year: 2026, month: 2, day: 1)
        case "penilai": changed.penilai?.kind = .plh
        default: changed.rhks.swapAt(0, 1)
        }
        #expect(try SkpDocumentHash.sha256(of: changed) != SkpDocumentHash.sha256(of: skp))
    }

    @Test("a printout matches the version it names when its hash is the stored body's and the stored stamp's")
    func matches() throws {
        let skp = SkpPrintSamples.administrator
        let hash = try #require(skp.approval?.bodySha256)
        let mark = SkpPrintMark(skpID: skp.skpID, version: skp.version, bodySHA256: hash)
        #expect(try SkpPrintVerification.verdict(mark: mark, stored: skp) == .verified(bodySHA256: hash))
        // Superseded later (DIGANTI) and amended: the approved body is unchanged.
        var superseded = skp
        superseded.state = .diganti
        superseded.amendments = [Planning.ExpectationAmendment(amendmentID: "01JAMEND", version: 2, reason: "Penyesuaian")]
        #expect(try SkpPrintVerification.verdict(mark: mark, stored: superseded) == .verified(bodySHA256: hash))
    }

    @Test("a changed store, a changed printout, a stamp the store lacks or another version does not match")
    func mismatches() throws {
        let skp = SkpPrintSamples.administrator
        let hash = try #require(skp.approval?.bodySha256)
        let mark = SkpPrintMark(skpID: skp.skpID, version: skp.version, bodySHA256: hash)
        var edited = skp
        edited.rhks[0].ikis[0].annualTarget?.value = 900
        var unstamped = skp
        unstamped.approval = nil
        var otherStamp = skp
        otherStamp.approval?.bodySha256 = String(repeating: "0", count: 64)
        var otherVersion = skp
        otherVersion.version = 3
        for stored in [edited, unstamped, otherStamp, otherVersion] {
            guard case .mismatch = try SkpPrintVerification.verdict(mark: mark, stored: stored) else {
                Issue.record("expected a mismatch")
                continue
            }
        }
        var forged = mark
        forged.bodySHA256 = String(repeating: "a", count: 64)
        guard case .mismatch = try SkpPrintVerification.verdict(mark: forged, stored: skp) else {
            Issue.record("a forged hash must not match")
            return
        }
    }

    @Test("a printout without a stamp has nothing to verify")
    func noStamp() throws {
        let mark = SkpPrintMark(skpID: "01JSKPKUPANGDUKCAPIL000001", version: 3, bodySHA256: nil)
        #expect(try SkpPrintVerification.verdict(mark: mark, stored: SkpPrintSamples.draft) == .notApproved)
    }

    @Test("the Keywords mark reads back what it wrote, and refuses anything else")
    func markFormat() {
        let hash = String(repeating: "9f", count: 32)
        let mark = SkpPrintMark(skpID: "01JSKPKUPANGDUKCAPIL000001", version: 2, bodySHA256: hash)
        #expect(mark.keywords == "kinerja-skp-print/1; skp_id=01JSKPKUPANGDUKCAPIL000001; version=2; body_sha256=\(hash)")
        #expect(SkpPrintMark(keywords: mark.keywords) == mark)
        #expect(SkpPrintMark(keywords: "kinerja-skp-print/1; skp_id=X1; version=1; body_sha256=none")?.bodySHA256 == nil)
        for bad in ["", "kinerja-skp-print/2; skp_id=X; version=1; body_sha256=none",
                    "kinerja-skp-print/1; skp_id=X; version=0; body_sha256=none",
                    "kinerja-skp-print/1; skp_id=X; version=1; body_sha256=ABC",
                    "kinerja-skp-print/1; skp_id=X/../y; version=1; body_sha256=none",
                    "kinerja-skp-print/1; version=1; body_sha256=none",
                    "kinerja-skp-print/1; skp_id=X; version=1; body_sha256=\(String(repeating: "G", count: 64))"] {
            #expect(SkpPrintMark(keywords: bad) == nil, "\(bad)")
        }
    }

    @Test("the hash is found in page text even when a narrow column breaks it over lines")
    func printedText() {
        let hash = String(repeating: "0123456789abcdef", count: 4)
        #expect(SkpPrintVerification.printedTextShows(hash, in: "SHA-256 isi SKP : 0123456789abcdef0123456789abcdef\n  0123456789abcdef0123456789abcdef\n"))
        #expect(!SkpPrintVerification.printedTextShows(hash, in: "SHA-256 isi SKP : 0123456789abcdef"))
    }
}
