import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("RHK rules")
struct RhkRulesTests {
    func reasons(_ rhk: Planning.Rhk, jenis: Common.JenisJabatan = .pelaksana) -> [String] {
        RhkRules.violations(rhk, jenisJabatan: jenis).map(\.reason)
    }

    @Test("Rhk.text: 1-1000 characters")
    func text() {
        var rhk = Fixtures.rhk()
        #expect(reasons(rhk) == [])
        rhk.text = ""
        #expect(reasons(rhk) == ["RHK_TEXT_REQUIRED"])
        rhk.text = " \t"
        #expect(reasons(rhk) == ["RHK_TEXT_REQUIRED"])
        rhk.text = String(repeating: "é", count: 1000)
        #expect(reasons(rhk) == [])
        rhk.text += "a"
        #expect(reasons(rhk) == ["RHK_TEXT_TOO_LONG"])
        #expect(RhkRules.violations(rhk, jenisJabatan: .pelaksana).first?.field == "rhk.text")
    }

    @Test("Rhk.kind: Utama or Tambahan, required")
    func kind() {
        #expect(reasons(Fixtures.rhk(kind: .unspecified)) == ["RHK_KIND_REQUIRED"])
        #expect(reasons(Fixtures.rhk(kind: .init(rawValue: 9))) == ["RHK_KIND_UNKNOWN"])
        #expect(reasons(Fixtures.rhk(kind: .tambahan)) == [])
    }

    @Test("Rhk.penugasan: for Tambahan, at most 500 characters (an Utama carries none: our inference)")
    func penugasan() {
        var rhk = Fixtures.rhk(kind: .tambahan, parent: "")
        rhk.penugasan = "Surat Tugas No. 800/123/2026"
        #expect(reasons(rhk) == [])
        rhk.penugasan = String(repeating: "a", count: 501)
        #expect(reasons(rhk) == ["RHK_PENUGASAN_TOO_LONG"])
        var utama = Fixtures.rhk()
        utama.penugasan = "Surat Tugas No. 800/123/2026"
        #expect(reasons(utama) == ["RHK_PENUGASAN_ONLY_TAMBAHAN"])
    }

    @Test("Rhk.perspektif: required when the SKP's jenis jabatan is JPT, unset otherwise")
    func perspektif() {
        var rhk = Fixtures.rhk()
        #expect(reasons(rhk, jenis: .jpt) == ["RHK_PERSPEKTIF_REQUIRED"])
        rhk.perspektif = .penerimaLayanan
        #expect(reasons(rhk, jenis: .jpt) == [])
        for jenis in [Common.JenisJabatan.administrator, .pengawas, .pelaksana, .fungsional, .unspecified] {
            #expect(reasons(rhk, jenis: jenis) == ["RHK_PERSPEKTIF_NOT_ALLOWED"], "\(jenis)")
        }
        rhk.perspektif = .init(rawValue: 42)
        #expect(reasons(rhk, jenis: .jpt) == ["RHK_PERSPEKTIF_UNKNOWN"])
    }

    func linkReasons(kind: Common.RhkKind = .utama, parentID: String = "P", parent: RhkRules.ParentRef?,
                     atasan: String? = Fixtures.atasanNIP, unitHead: Bool = false, require: Bool = false) -> [String] {
        RhkRules.parentViolations(kind: kind, parentRhkID: parentID, parent: parent,
                                  context: .init(atasanNIP: atasan, ownerIsUnitHead: unitHead, year: 2026),
                                  requireParent: require).map(\.reason)
    }

    @Test("the parent must be an RHK of the owner's atasan's SKP of the same year (a draft SKP will do)")
    func parentOwnerAndYear() {
        #expect(linkReasons(parent: .init(ownerNIP: Fixtures.atasanNIP, year: 2026)) == [])
        #expect(linkReasons(parent: .init(ownerNIP: "197001011995031001", year: 2026)) == ["RHK_PARENT_NOT_ATASAN"])
        #expect(linkReasons(parent: .init(ownerNIP: Fixtures.atasanNIP, year: 2025)) == ["RHK_PARENT_OTHER_YEAR"])
        #expect(linkReasons(parent: .init(ownerNIP: Fixtures.ownerNIP, year: 2025)) == ["RHK_PARENT_NOT_ATASAN", "RHK_PARENT_OTHER_YEAR"])
        #expect(linkReasons(parent: nil) == ["RHK_PARENT_NOT_FOUND"])
        #expect(linkReasons(parent: .init(ownerNIP: Fixtures.atasanNIP, year: 2026), atasan: nil) == ["RHK_PARENT_NOT_ATASAN"])
        // The same rules hold for a Tambahan that does link.
        #expect(linkReasons(kind: .tambahan, parent: .init(ownerNIP: "197001011995031001", year: 2026)) == ["RHK_PARENT_NOT_ATASAN"])
    }

    @Test("""
    an empty link is allowed for Tambahan, and for Utama only when the owner has no atasan in Kinerja or heads the unit; \
    while drafting it may be missing (the atasan's SKP may not exist yet)
    """)
    func emptyLink() {
        #expect(linkReasons(parentID: "", parent: nil, require: true) == ["RHK_PARENT_REQUIRED"])
        #expect(linkReasons(parentID: "", parent: nil, require: false) == [])
        #expect(linkReasons(kind: .tambahan, parentID: "", parent: nil, require: true) == [])
        #expect(linkReasons(parentID: "", parent: nil, atasan: nil, require: true) == [])
        #expect(linkReasons(parentID: "", parent: nil, unitHead: true, require: true) == [])
    }
}

@Suite("IKI rules")
struct IkiRulesTests {
    func reasons(_ iki: Planning.Iki, approach: Planning.SkpApproach = .kuantitatif) -> [String] {
        IkiRules.violations(iki, approach: approach, skp: Fixtures.fullYear).map(\.reason)
    }

    @Test("a complete IKI is valid")
    func valid() {
        #expect(reasons(Fixtures.countIki()) == [])
        #expect(reasons(Fixtures.percentIki()) == [])
    }

    @Test("Iki.aspek: required (Kuantitas, Kualitas, Waktu or Biaya)")
    func aspek() {
        var iki = Fixtures.countIki(periodic: [])
        iki.aspek = .unspecified
        #expect(reasons(iki) == ["IKI_ASPEK_REQUIRED"])
        iki.aspek = .init(rawValue: 12)
        #expect(reasons(iki) == ["IKI_ASPEK_UNKNOWN"])
    }

    @Test("Iki.indicator: 1-500 characters")
    func indicator() {
        var iki = Fixtures.countIki()
        iki.indicator = " "
        #expect(reasons(iki) == ["IKI_INDICATOR_REQUIRED"])
        iki.indicator = String(repeating: "x", count: 500)
        #expect(reasons(iki) == [])
        iki.indicator += "x"
        #expect(reasons(iki) == ["IKI_INDICATOR_TOO_LONG"])
    }

    @Test("Iki.aggregation and Target.direction: required on new IKIs")
    func required() {
        var iki = Fixtures.countIki()
        iki.aggregation = .unspecified
        iki.annualTarget?.direction = .unspecified
        let v = IkiRules.violations(iki, approach: .kuantitatif, skp: Fixtures.fullYear)
        #expect(v.map(\.reason) == ["IKI_AGGREGATION_REQUIRED", "IKI_TARGET_DIRECTION_REQUIRED"])
        #expect(v.map(\.field) == ["iki.aggregation", "iki.annual_target.direction"])
    }

    @Test("Target.value: finite, >= 0; upper_value, when a range, >= value")
    func values() {
        for bad in [-1, Double.nan, .infinity] {
            var iki = Fixtures.countIki(periodic: [])
            iki.annualTarget?.value = bad
            #expect(reasons(iki) == ["IKI_TARGET_VALUE_INVALID"], "\(bad)")
        }
        var range = Fixtures.percentIki()
        range.annualTarget = Planning.Target(value: 80, upperValue: .init(value: 100), unit: "persen", direction: .withinRange)
        #expect(reasons(range) == [])
        range.annualTarget?.upperValue = .init(value: 79)
        #expect(reasons(range) == ["IKI_TARGET_UPPER_BELOW_VALUE"])
        range.annualTarget?.upperValue = .init(value: .infinity)
        #expect(reasons(range) == ["IKI_TARGET_UPPER_INVALID"])
    }

    @Test("a within-range target needs upper_value, and upper_value needs the within-range direction (our inference)")
    func rangeDirection() {
        var iki = Fixtures.percentIki()
        iki.annualTarget?.direction = .withinRange
        #expect(reasons(iki) == ["IKI_TARGET_RANGE_NEEDS_UPPER"])
        iki.annualTarget?.direction = .higherIsBetter
        iki.annualTarget?.upperValue = .init(value: 100)
        #expect(reasons(iki) == ["IKI_TARGET_UPPER_WITHOUT_RANGE"])
    }

    @Test("Target.unit: 1-50 characters for numeric targets on a Kuantitatif SKP; qualitative_text at most 500")
    func unitAndText() {
        var iki = Fixtures.countIki()
        iki.annualTarget?.unit = ""
        #expect(reasons(iki) == ["IKI_TARGET_UNIT_REQUIRED"])
        iki.annualTarget?.unit = String(repeating: "u", count: 51)
        #expect(reasons(iki) == ["IKI_TARGET_UNIT_TOO_LONG"])
        iki.annualTarget?.unit = "dokumen"
        iki.annualTarget?.qualitativeText = String(repeating: "q", count: 501)
        #expect(reasons(iki) == ["IKI_QUALITATIVE_TEXT_TOO_LONG"])
        iki.annualTarget = nil
        iki.periodicTargets = []
        #expect(reasons(iki) == ["IKI_TARGET_REQUIRED"])
    }

    @Test("a Kualitatif SKP's IKI: the descriptive target is required and the unit may be empty (our inference)")
    func kualitatif() {
        var iki = Fixtures.countIki(periodic: [])
        iki.annualTarget = Planning.Target(qualitativeText: "Laporan diterima tanpa revisi", direction: .higherIsBetter)
        #expect(reasons(iki, approach: .kualitatif) == [])
        iki.annualTarget?.qualitativeText = ""
        #expect(reasons(iki, approach: .kualitatif) == ["IKI_QUALITATIVE_TEXT_REQUIRED"])
    }

    @Test("the IKI's periodic targets are checked with it, under its path")
    func periodic() {
        let iki = Fixtures.countIki(periodic: Fixtures.quarters([100, 100, 100, 100]))
        let v = IkiRules.violations(iki, approach: .kuantitatif, skp: Fixtures.fullYear, fieldPrefix: "rhks[1].ikis[0].")
        #expect(v.map(\.reason) == ["PERIODIC_TARGETS_SUM_MISMATCH"])
        #expect(v.first?.field == "rhks[1].ikis[0].periodic_targets")
    }
}
