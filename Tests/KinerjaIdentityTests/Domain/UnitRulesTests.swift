import KinerjaIdentity
import KinerjaProto
import Testing

@Suite("Unit rules")
struct UnitRulesTests {
    func reasons(_ change: (inout Identity.Unit) -> Void) -> [String] {
        var unit = Identity.Unit(code: "KPG.DUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", shortName: "Dukcapil",
                                 kind: .dinas, parentUnitID: "01HV0000000000000000000000", active: true)
        change(&unit)
        return UnitRules.violations(unit).map(\.reason)
    }

    @Test("a well-formed unit has no violations")
    func valid() {
        #expect(reasons { _ in } == [])
        #expect(reasons { $0.kind = .pemerintahDaerah; $0.parentUnitID = ""; $0.code = "KPG" } == [])
    }

    @Test("code: 1-64 characters of A-Z, 0-9, '.', '-', '_'")
    func code() {
        #expect(reasons { $0.code = "KPG.DINKES.PKM-OEBOBO_2" } == [])
        #expect(reasons { $0.code = "" } == ["CODE_REQUIRED"])
        #expect(reasons { $0.code = String(repeating: "A", count: 64) } == [])
        #expect(reasons { $0.code = String(repeating: "A", count: 65) } == ["CODE_TOO_LONG"])
        #expect(reasons { $0.code = "kpg.dukcapil" } == ["CODE_BAD_CHARACTER"])
        #expect(reasons { $0.code = "KPG DUKCAPIL" } == ["CODE_BAD_CHARACTER"])
        #expect(reasons { $0.code = "KPG.DUKÇAPIL" } == ["CODE_BAD_CHARACTER"])
    }

    @Test("name: 1-200 characters; short_name: at most 50, may be empty")
    func names() {
        #expect(reasons { $0.name = " " } == ["NAME_REQUIRED"])
        #expect(reasons { $0.name = String(repeating: "n", count: 201) } == ["NAME_TOO_LONG"])
        #expect(reasons { $0.shortName = "" } == [])
        #expect(reasons { $0.shortName = String(repeating: "s", count: 51) } == ["SHORT_NAME_TOO_LONG"])
        #expect(reasons { $0.name = "Dinas\tKesehatan" } == ["NAME_CONTROL_CHARACTER"])
    }

    @Test("kind: required and known")
    func kind() {
        #expect(reasons { $0.kind = .unspecified } == ["KIND_REQUIRED"])
        #expect(reasons { $0.kind = .unrecognized(42) } == ["KIND_UNKNOWN"])
    }

    @Test("parent_unit_id: empty only for the single root (Pemerintah Daerah)")
    func parent() {
        #expect(reasons { $0.parentUnitID = "" } == ["PARENT_REQUIRED"])
        #expect(reasons { $0.kind = .pemerintahDaerah } == ["ROOT_HAS_PARENT"])
    }

    @Test("head_nip: empty when vacant, otherwise 18 digits")
    func headNIP() {
        #expect(reasons { $0.headNIP = "198507122010011001" } == [])
        #expect(reasons { $0.headNIP = "1985" } == ["HEAD_NIP_MALFORMED"])
    }

    @Test("allowed parents (inference from Perpres 18/2016 structures): root → Sekretariat/Dinas/Badan/Inspektorat/Kecamatan; Kecamatan → Kelurahan/Seksi; Bidang → Seksi/UPT; Bagian → Subbagian; Sekretariat → Bagian")
    func parentKinds() {
        for child: Identity.UnitKind in [.sekretariat, .dinas, .badan, .inspektorat, .kecamatan] {
            #expect(UnitRules.isAllowed(child: child, under: .pemerintahDaerah))
        }
        #expect(UnitRules.isAllowed(child: .bidang, under: .dinas))
        #expect(UnitRules.isAllowed(child: .bidang, under: .badan))
        #expect(UnitRules.isAllowed(child: .upt, under: .dinas))
        #expect(UnitRules.isAllowed(child: .kelurahan, under: .kecamatan))
        #expect(UnitRules.isAllowed(child: .seksi, under: .kecamatan))
        #expect(UnitRules.isAllowed(child: .seksi, under: .bidang))
        #expect(UnitRules.isAllowed(child: .upt, under: .bidang))
        #expect(UnitRules.isAllowed(child: .subbagian, under: .bagian))
        #expect(UnitRules.isAllowed(child: .bagian, under: .sekretariat))

        #expect(!UnitRules.isAllowed(child: .pemerintahDaerah, under: .pemerintahDaerah))
        #expect(!UnitRules.isAllowed(child: .kelurahan, under: .dinas))
        #expect(!UnitRules.isAllowed(child: .bidang, under: .kecamatan))
        #expect(!UnitRules.isAllowed(child: .dinas, under: .dinas))
        #expect(!UnitRules.isAllowed(child: .bagian, under: .dinas))
        #expect(!UnitRules.isAllowed(child: .seksi, under: .pemerintahDaerah))
        #expect(!UnitRules.isAllowed(child: .unspecified, under: .pemerintahDaerah))
        #expect(!UnitRules.isAllowed(child: .seksi, under: .unrecognized(99)))
        // The table covers every known kind and never lets anything sit under a seksi or subbagian.
        for kind in Identity.UnitKind.knownCases where kind != .unspecified {
            #expect(UnitRules.allowedParentKinds[kind] != nil, "\(kind)")
            #expect(!UnitRules.isAllowed(child: kind, under: .seksi))
            #expect(!UnitRules.isAllowed(child: kind, under: .subbagian))
        }
    }
}
