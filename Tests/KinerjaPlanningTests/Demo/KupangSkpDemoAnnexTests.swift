import KinerjaASN
import KinerjaCrypto
import KinerjaDemo
import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("Kupang demo SKPs: Lampiran, cascade types, amendments, the transfer")
struct KupangSkpDemoAnnexTests {
    static let today = Common.Date(year: 2026, month: 3, day: 2)
    static let organisation = KupangDemo().organisation(today: today)
    static let skps = KupangSkpDemo().skps(for: organisation, year: 2026, today: today)

    @Test("every demo SKP carries a Lampiran that passes its rules, with items in each of the three sections")
    func lampiran() {
        for demo in Self.skps {
            let lampiran = demo.skp.lampiran ?? Planning.SkpLampiran()
            #expect(SkpLampiranRules.violations(lampiran).isEmpty, "\(demo.ownerNIP)")
            #expect(!lampiran.dukunganSumberDaya.isEmpty && !lampiran.skemaPertanggungjawaban.isEmpty && !lampiran.konsekuensi.isEmpty)
            #expect(!lampiran.dukunganSumberDaya.contains { $0.contains("{") })
        }
    }

    @Test("every linked RHK says direct or non-direct with a peran; a direct one carries its parent's text; some are direct")
    func cascadeTypes() {
        let linked = Self.skps.flatMap(\.skp.rhks).filter { !$0.parentRhkID.isEmpty }
        #expect(linked.allSatisfy { $0.cascadeType == .direct || $0.cascadeType == .nonDirect })
        #expect(linked.allSatisfy { !$0.peran.isEmpty && $0.peran.count <= CascadeLinkRules.maximumPeranLength })
        let direct = linked.filter { $0.cascadeType == .direct }
        #expect(direct.count >= 10, "\(direct.count) direct links")
        #expect(direct.allSatisfy { $0.text == $0.parentRhkText })
        let unlinked = Self.skps.flatMap(\.skp.rhks).filter { $0.parentRhkID.isEmpty }
        #expect(unlinked.allSatisfy { $0.cascadeType == .unspecified && $0.peran.isEmpty })
    }

    @Test("a few approved SKPs have an amendment of their ekspektasi khusus after approval, valid for the approved version")
    func amendments() {
        let amended = Self.skps.filter { !$0.amendments.isEmpty }
        #expect(amended.count >= 3, "\(amended.count) amended SKPs")
        for demo in amended {
            #expect(demo.state == .disetujui)
            for amendment in demo.amendments {
                #expect(amendment.version == demo.skp.version)
                let v = ExpectationAmendmentRules.violations(amendment.expectations, reason: amendment.reason,
                                                            rhkIDs: Set(demo.skp.rhks.map(\.rhkID)))
                #expect(v.isEmpty, "\(demo.ownerNIP): \(v.map(\.description))")
                #expect(amendment.amended?.principal == demo.atasanNIP)
                #expect((amendment.amended?.at?.seconds ?? 0) > (demo.skp.decided?.at?.seconds ?? .max))
            }
        }
    }

    @Test("one staff member was transferred on the first of a month: two SKPs that never overlap, the first closed the day before, both valid")
    func transfer() throws {
        let transfer = try #require(KupangSkpDemo().transfer(for: Self.organisation, year: 2026, today: Self.today))
        #expect(transfer.day == Common.Date(year: 2026, month: 3, day: 1))
        let both = Self.skps.filter { $0.ownerNIP == transfer.nip }
        #expect(both.count == 2)
        let old = try #require(both.first { $0.previousPosition })
        let new = try #require(both.first { !$0.previousPosition })
        #expect(old.unitCode == transfer.fromUnitCode && new.unitCode == transfer.toUnitCode && old.unitCode != new.unitCode)
        #expect(old.skp.periodStart == Common.Date(year: 2026, month: 1, day: 1))
        #expect(old.skp.periodEnd == Common.Date(year: 2026, month: 2, day: 28))
        #expect(new.skp.periodStart == transfer.day && new.skp.periodEnd == Common.Date(year: 2026, month: 12, day: 31))
        let existing = [SkpCoverage.Existing(old.skp)]
        #expect(throws: Never.self) { try SkpCoverage.plan(start: transfer.day, end: Common.Date(year: 2026, month: 12, day: 31), transfer: false, existing: existing) }
        for demo in both {
            #expect(SubmissionRules.violations(demo.skp, atasanNIP: demo.atasanNIP, ownerIsUnitHead: false).isEmpty)
        }
        #expect(Set(old.skp.rhks.map(\.rhkID)).isDisjoint(with: new.skp.rhks.map(\.rhkID)))
        #expect(old.atasanNIP != new.atasanNIP)
        // None in January (the transfer would be in the future), and none for next year.
        #expect(KupangSkpDemo().transfer(for: Self.organisation, year: 2026, today: Common.Date(year: 2026, month: 1, day: 20)) == nil)
        #expect(KupangSkpDemo().transfer(for: Self.organisation, year: 2027, today: Self.today) == nil)
    }

    @Test("the loader's stamps: a submitted demo SKP records the penilai it is given, who decides and sets the expectations; an approved one carries a stamp that verifies; a draft is left alone")
    func stamps() throws {
        let approved = try #require(Self.skps.first { $0.state == .disetujui && !$0.skp.behaviourExpectations.isEmpty }?.skp)
        let plt = Common.PenilaiRef(penilai: Common.EmployeeRef(nip: "197001012000031001", displayName: "Plt"), kind: .plt, isAsn: true,
                                    golongan: "III/d", decreeNumber: "800.1.3/012/DINKES/2026")
        let stamped = DemoSkpStamps.decided(approved, by: plt)
        #expect(stamped.penilai == plt && stamped.atasanNIP == "197001012000031001")
        #expect(stamped.decided?.principal == "197001012000031001" && stamped.decided?.at == approved.decided?.at)
        #expect(stamped.behaviourExpectations.allSatisfy { $0.setBy?.principal == "197001012000031001" })
        #expect(stamped.approval?.penilai == plt && stamped.approval?.version == stamped.version && stamped.approval?.at == approved.decided?.at)
        #expect(SkpDocumentHash.verify(stamped) == .verified)
        let draft = try #require(Self.skps.first { $0.state == .draft }?.skp)
        #expect(DemoSkpStamps.decided(draft, by: plt) == draft)
        #expect(DemoSkpStamps.decided(approved, by: nil) == approved)
        let waliKota = Identity.Employee(nip: KupangDemo.waliKotaID, fullName: "Wali Kota", asnType: .nonAsn, jabatanName: "Wali Kota Kupang")
        #expect(DemoSkpStamps.atasan(waliKota).kind == .external && DemoSkpStamps.atasan(waliKota).isAsn == false)
    }
}
