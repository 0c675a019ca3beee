import ArgumentParser
import KinerjaProto
import Testing
@testable import kinerjactl

/// Parsing and checking of the `skp` command lines.
@Suite("SKP arguments")
struct SkpArgumentTests {
    static let base = ["01JSKP", "01JRHK", "--aspek", "kuantitas", "--indicator", "Jumlah KTP-el diterbitkan"]

    private func iki(_ arguments: [String], approach: Planning.SkpApproach = .kuantitatif) throws -> (iki: Planning.Iki, warnings: [String]) {
        try Kinerjactl.Skp.AddIki.parseChecked(Self.base + arguments).iki(year: 2026, approach: approach)
    }

    private func refusal(_ arguments: [String], approach: Planning.SkpApproach = .kuantitatif) throws -> String {
        let error = try #require(throws: CLIError.self) { try iki(arguments, approach: approach) }
        #expect(error.code.exitStatus == 64)
        return error.message
    }

    @Test("add-iki: target, unit and quarterly targets become the IKI with TW I–IV periods of the SKP year")
    func quarterly() throws {
        let (iki, warnings) = try iki(["--target", "1200", "--unit", "dokumen", "--quarterly", "300,300,300,300"])
        #expect(iki.aspek == .kuantitas)
        #expect(iki.indicator == "Jumlah KTP-el diterbitkan")
        #expect(iki.annualTarget == Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter))
        #expect(iki.aggregation == .sum)
        #expect(iki.periodicTargets.map(\.value) == [300, 300, 300, 300])
        #expect(iki.periodicTargets.map { $0.period?.triwulan } == [.i, .ii, .iii, .iv])
        #expect(iki.periodicTargets.allSatisfy { $0.period?.year == 2026 && $0.period?.kind == .quarterly && !$0.cumulative })
        #expect(warnings.isEmpty)
    }

    @Test("add-iki: empty entries leave a triwulan without target; cumulative values must not decrease")
    func partialAndCumulative() throws {
        let partial = try iki(["--target", "600", "--unit", "dokumen", "--quarterly", ",,300, 300"]).iki
        #expect(partial.periodicTargets.map { $0.period?.triwulan } == [.iii, .iv])
        let cumulative = try iki(["--target", "1200", "--unit", "dokumen", "--quarterly", "300,600,900,1200", "--cumulative"]).iki
        #expect(cumulative.periodicTargets.allSatisfy { $0.cumulative })
        #expect(try refusal(["--target", "1200", "--unit", "d", "--quarterly", "300,600,500,1200", "--cumulative"])
            == "cumulative targets must not decrease: TW III 500 is below TW II 600")
        #expect(try refusal(["--target", "1", "--unit", "d", "--cumulative"]) == "--cumulative needs --quarterly")
    }

    @Test("add-iki: a malformed quarterly list is refused with what is wrong", arguments: [
        ("300,300,300", "--quarterly needs 4 values separated by commas (TW I–IV), not 3; leave a value empty for a period without a target"),
        ("300,300,300,300,300", "--quarterly needs 4 values separated by commas (TW I–IV), not 5; leave a value empty for a period without a target"),
        ("300,3x0,300,300", "--quarterly: \"3x0\" is not a number ≥ 0 (digits and at most one decimal point, e.g. 1200 or 12.5)"),
        ("0,-1,0,0", "--quarterly: \"-1\" is not a number ≥ 0 (digits and at most one decimal point, e.g. 1200 or 12.5)"),
        (",,,", "--quarterly has no value"),
        ("300;300;300;300", "--quarterly needs 4 values separated by commas (TW I–IV), not 1; leave a value empty for a period without a target"),
    ])
    func badQuarterly(list: String, message: String) throws {
        #expect(try refusal(["--target", "1200", "--unit", "dokumen", "--quarterly", list]) == message)
    }

    @Test("numbers: digits and one decimal point only; no signs, exponents, infinities or decimal commas")
    func numbers() {
        #expect(SkpValues.number("1200") == 1200)
        #expect(SkpValues.number(" 12.5 ") == 12.5)
        #expect(SkpValues.number(".5") == 0.5)
        for bad in ["", ".", "1.2.3", "-1", "+1", "1e3", "inf", "nan", "1,5", "1 200", "0x10"] {
            #expect(SkpValues.number(bad) == nil, "\(bad)")
        }
        #expect(SkpValues.numberProblem("1,5").contains("decimal point, not a comma"))
    }

    @Test("add-iki: aspek, direction and aggregation take their short names; defaults follow the aspek")
    func enums() throws {
        let waktu = try Kinerjactl.Skp.AddIki.parseChecked(["S", "R", "--aspek", "waktu", "--indicator", "Waktu", "--target", "3", "--unit", "hari"])
            .iki(year: 2026, approach: .kuantitatif).iki
        #expect(waktu.annualTarget?.direction == .lowerIsBetter)
        #expect(waktu.aggregation == .average)
        let range = try iki(["--target", "80", "--upper", "100", "--unit", "persen"]).iki
        #expect(range.annualTarget?.direction == .withinRange)
        #expect(range.annualTarget?.upperValue?.value == 100)
        let explicit = try iki(["--target", "5", "--unit", "x", "--direction", "lower", "--aggregation", "max"]).iki
        #expect(explicit.annualTarget?.direction == .lowerIsBetter)
        #expect(explicit.aggregation == .maximum)
        #expect(try iki(["--target", "5", "--unit", "x", "--aggregation", "min"]).iki.aggregation == .minimum)
        #expect(try Kinerjactl.Skp.AddIki.parseChecked(Self.base.map { $0 == "kuantitas" ? "BIAYA" : $0 } + ["--target", "1", "--unit", "rupiah"])
            .iki(year: 2026, approach: .kuantitatif).iki.aspek == .biaya)
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.AddIki.parseChecked(Self.base.map { $0 == "kuantitas" ? "quantity" : $0 }) }
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.AddIki.parseChecked(Self.base + ["--direction", "up"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.AddIki.parseChecked(Self.base + ["--aggregation", "median"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.AddIki.parseChecked(Array(Self.base.prefix(4))) }
    }

    @Test("add-iki: targets are checked against the approach, the unit and the range")
    func targetChecks() throws {
        #expect(try refusal([]) == "a Kuantitatif SKP needs a numeric target: --target")
        #expect(try refusal(["--target", "1200"]) == "the target 1200 needs its unit (satuan) in --unit, e.g. dokumen")
        #expect(try refusal(["--target", "1.2.3", "--unit", "x"]).hasPrefix("--target: \"1.2.3\" is not a number"))
        #expect(try refusal(["--target", "100", "--upper", "80", "--unit", "persen"]) == "--upper 80 is below --target 100")
        #expect(try refusal(["--target", "100", "--unit", "persen", "--direction", "range"])
            == "a range target needs its upper bound: --upper")
        #expect(try refusal(["--target", "80", "--upper", "100", "--unit", "persen", "--direction", "higher"])
            == "an upper bound makes the target a range: leave --direction empty or use range")
        #expect(try refusal(["--target", "1", "--unit", "x"], approach: .kualitatif)
            == "a Kualitatif SKP needs a descriptive target: --qualitative")
        let qualitative = try iki(["--qualitative", "Laporan diterima tanpa revisi"], approach: .kualitatif).iki
        #expect(qualitative.annualTarget?.qualitativeText == "Laporan diterima tanpa revisi")
        #expect(qualitative.annualTarget?.unit == "")
    }

    @Test("add-iki: quarterly targets that do not add up to the annual target give a warning, not a refusal")
    func warnings() throws {
        #expect(try iki(["--target", "1200", "--unit", "d", "--quarterly", "300,300,300,200"]).warnings
            == ["the triwulan targets add up to 1100, the annual target is 1200"])
        #expect(try iki(["--target", "1200", "--unit", "d", "--quarterly", "300,600,900,1000", "--cumulative"]).warnings
            == ["the cumulative TW IV target 1000 differs from the annual target 1200"])
        #expect(try iki(["--target", "90", "--unit", "persen", "--aggregation", "average", "--quarterly", "90,90,90,90"])
            .warnings.isEmpty)
    }

    @Test("set-targets: one of --quarterly, --monthly or --clear; monthly takes 12 values")
    func setTargets() throws {
        let monthly = try Kinerjactl.Skp.SetTargets.parseChecked(["S", "I", "--monthly", "100,100,100,100,100,100,100,100,100,100,100,"])
            .targets(year: 2026)
        #expect(monthly.count == 11)
        #expect(monthly.map { $0.period?.month } == Array(1...11).map(Int32.init))
        #expect(monthly.allSatisfy { $0.period?.kind == .monthly })
        #expect(try Kinerjactl.Skp.SetTargets.parseChecked(["S", "I", "--clear"]).targets(year: 2026).isEmpty)
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.SetTargets.parseChecked(["S", "I"]).targets(year: 2026) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.SetTargets.parseChecked(["S", "I", "--clear", "--quarterly", "1,1,1,1"]).targets(year: 2026) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.SetTargets.parseChecked(["S", "I", "--monthly", "1,2,3,4"]).targets(year: 2026) }
        #expect(throws: CLIError.self) {
            try Kinerjactl.Skp.SetTargets.parseChecked(["S", "I", "--quarterly", "4,3,2,1", "--cumulative"]).targets(year: 2026)
        }
    }

    @Test("update-rhk: the mask lists exactly the given options; --no-parent clears the link")
    func updateRhk() throws {
        let request = try Kinerjactl.Skp.UpdateRhk.parseChecked(["R1", "--text", " Baru ", "--no-parent", "--perspektif", "anggaran"]).request()
        #expect(request.updateMask?.paths == ["text", "parent_rhk_id", "perspektif"])
        #expect(request.rhk?.rhkID == "R1")
        #expect(request.rhk?.text == "Baru")
        #expect(request.rhk?.parentRhkID == "")
        #expect(request.rhk?.perspektif == .anggaran)
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.UpdateRhk.parseChecked(["R1"]).request() }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.UpdateRhk.parseChecked(["R1", "--parent", "P", "--no-parent"]).request() }
    }

    @Test("add-rhk: kind and perspektif by short name; penugasan only on Tambahan")
    func addRhk() throws {
        let request = try Kinerjactl.Skp.AddRhk.parseChecked(["S1", "--kind", "utama", "--text", "Hasil", "--parent", "P1",
                                           "--perspektif", "penerima-layanan", "--expected-revision", "4"]).request()
        #expect(request.rhk == Planning.Rhk(kind: .utama, text: "Hasil", parentRhkID: "P1", perspektif: .penerimaLayanan, cascadeType: .nonDirect))
        #expect(request.expectedSkpRevision == 4)
        #expect(throws: CLIError.self) {
            try Kinerjactl.Skp.AddRhk.parseChecked(["S1", "--kind", "utama", "--text", "Hasil", "--penugasan", "ST 1"]).request()
        }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.AddRhk.parseChecked(["S1", "--kind", "utama", "--text", "  "]).request() }
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.AddRhk.parseChecked(["S1", "--kind", "main", "--text", "Hasil"]) }
    }

    @Test("return: --comment is RHK_ID:TEXT or RHK_ID/IKI_ID:TEXT")
    func returnComments() throws {
        #expect(try Kinerjactl.Skp.Return.comment("R1: Target terlalu rendah") == Planning.ReturnComment(rhkID: "R1", note: "Target terlalu rendah"))
        #expect(try Kinerjactl.Skp.Return.comment("R1/I2:Satuan: dokumen") == Planning.ReturnComment(rhkID: "R1", ikiID: "I2", note: "Satuan: dokumen"))
        for bad in ["no colon", ":text", "R1/:x", "R1/I2/I3:x", "R1:", "R 1:x"] {
            #expect(throws: CLIError.self, "\(bad)") { try Kinerjactl.Skp.Return.comment(bad) }
        }
    }

    @Test("expect: the new expectation replaces the one for the same value and RHK, others stay; stamps are dropped")
    func expectMerge() throws {
        let stamp = Common.AuditStamp(principal: "x")
        let current = [
            Planning.BehaviourExpectation(value: .akuntabel, ekspektasiKhusus: "A", setBy: stamp),
            Planning.BehaviourExpectation(value: .akuntabel, ekspektasiKhusus: "A on R1", rhkID: "R1", setBy: stamp),
            Planning.BehaviourExpectation(value: .loyal, ekspektasiKhusus: "L", setBy: stamp),
        ]
        let replaced = Kinerjactl.Skp.Expect.merged(current, value: .akuntabel, rhkID: "R1", text: "new")
        #expect(replaced.map(\.ekspektasiKhusus) == ["A", "new", "L"])
        #expect(replaced.allSatisfy { $0.setBy == nil })
        let added = Kinerjactl.Skp.Expect.merged(current, value: .adaptif, rhkID: "", text: "Ad")
        #expect(added.map(\.value) == [.akuntabel, .akuntabel, .loyal, .adaptif])
        let removed = Kinerjactl.Skp.Expect.merged(current, value: .akuntabel, rhkID: "", text: nil)
        #expect(removed.map(\.ekspektasiKhusus) == ["A on R1", "L"])
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.Expect.parseChecked(["S", "--value", "jujur", "--text", "x"]) }
        #expect(try Kinerjactl.Skp.Expect.parseChecked(["S", "--value", "berorientasi-pelayanan", "--text", "x"]).value.value == .berorientasiPelayanan)
    }

    @Test("list: your own SKPs by default, the inbox waits for you as pejabat penilai")
    func list() throws {
        let me = "199001012015031001"
        let own = try Kinerjactl.Skp.List.parseChecked([]).request(me: me, unitID: nil)
        #expect(own.nip == me && own.atasanNIP == "" && own.states.isEmpty)
        let inbox = try Kinerjactl.Skp.List.parseChecked(["--inbox", "--year", "2026"]).request(me: me, unitID: nil)
        #expect(inbox.nip == "" && inbox.atasanNIP == me && inbox.states == [.diajukan] && inbox.year == 2026)
        let unit = try Kinerjactl.Skp.List.parseChecked(["--unit", "U1", "--subunits", "--state", "draft", "--state", "dikembalikan"])
            .request(me: me, unitID: "U1")
        #expect(unit.nip == "" && unit.unit == Common.UnitScope(unitID: "U1", includeSubunits: true))
        #expect(unit.states == [.draft, .dikembalikan])
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.List.parseChecked(["--subunits"]).request(me: me, unitID: nil) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.List.parseChecked(["--year", "1999"]).request(me: me, unitID: nil) }
    }

    @Test("targets: the year, a triwulan or a month")
    func targetsPeriod() throws {
        #expect(try Kinerjactl.Skp.Targets.parseChecked(["--year", "2026", "--triwulan", "iii"]).period()
            == Common.Period(year: 2026, kind: .quarterly, triwulan: .iii))
        #expect(try Kinerjactl.Skp.Targets.parseChecked(["--year", "2026", "--month", "4"]).period() == Common.Period(year: 2026, kind: .monthly, month: 4))
        #expect(try Kinerjactl.Skp.Targets.parseChecked(["--year", "2026"]).period() == Common.Period(year: 2026, kind: .annual))
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Targets.parseChecked(["--month", "13"]).period() }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Targets.parseChecked(["--month", "1", "--triwulan", "I"]).period() }
    }
}
