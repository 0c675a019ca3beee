import ArgumentParser
import KinerjaProto
import Testing
@testable import kinerjactl

/// Parsing and checking of the `skp` command lines added with the pejabat penilai model: the
/// Lampiran, amendments, compliance, deletion, update-iki, transfers and cascade types.
@Suite("SKP arguments: Lampiran, amendments, compliance, deletion, update-iki, transfers, cascade types")
struct SkpPlanningArgumentTests {
    @Test("create: --transfer asks the service to close the SKP covering the first day; the year defaults to the current one")
    func createTransfer() throws {
        let request = try Kinerjactl.Skp.Create.parseChecked(["--year", "2026", "--transfer", "--period-start", "2026-07-01"]).request(nip: "N")
        #expect(request.transfer && request.periodStart == Common.Date(year: 2026, month: 7, day: 1) && request.year == 2026)
        let plain = try Kinerjactl.Skp.Create.parseChecked([]).request(nip: "N")
        #expect(!plain.transfer && plain.year == SkpValues.currentYear() && plain.periodStart == nil)
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Create.parseChecked(["--year", "2026", "--transfer", "--period-start", "2025-07-01"]) }
    }

    @Test("lampiran: each option adds an item to its section; sections given replace theirs, --clear empties the rest")
    func lampiran() throws {
        let current = Planning.SkpLampiran(dukunganSumberDaya: ["lama"], skemaPertanggungjawaban: ["laporan"], konsekuensi: ["dialog"])
        let command = try Kinerjactl.Skp.Lampiran.parseChecked(["S", "--dukungan", " Anggaran DPA ", "--dukungan-sumber-daya", "Dua perekam",
                                                                "--konsekuensi", "Teguran"])
        let merged = try command.lampiran(current: current)
        #expect(merged == Planning.SkpLampiran(dukunganSumberDaya: ["Anggaran DPA", "Dua perekam"], skemaPertanggungjawaban: ["laporan"],
                                               konsekuensi: ["Teguran"]))
        let cleared = try Kinerjactl.Skp.Lampiran.parseChecked(["S", "--skema", "Laporan bulanan", "--clear"]).lampiran(current: current)
        #expect(cleared == Planning.SkpLampiran(skemaPertanggungjawaban: ["Laporan bulanan"]))
        #expect(try Kinerjactl.Skp.Lampiran.parseChecked(["S", "--clear"]).lampiran(current: current) == Planning.SkpLampiran())
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Lampiran.parseChecked(["S"]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Lampiran.parseChecked(["S", "--konsekuensi", "  "]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Lampiran.parseChecked(["S", "--konsekuensi", String(repeating: "k", count: 1001)]) }
        #expect(throws: CLIError.self) {
            try Kinerjactl.Skp.Lampiran.parseChecked(["S"] + Array(repeating: ["--skema", "x"], count: 21).flatMap { $0 })
        }
    }

    @Test("amend-expect: merged into the expectations in force (the latest amendment's, else the version's), with a reason")
    func amendExpect() throws {
        var version = Planning.Skp(skpID: "S", version: 2, rhks: [Planning.Rhk(rhkID: "R1")],
                                   behaviourExpectations: [Planning.BehaviourExpectation(value: .loyal, ekspektasiKhusus: "L")])
        let command = try Kinerjactl.Skp.AmendExpect.parseChecked(["S", "--value", "akuntabel", "--text", "Laporan tepat waktu", "--reason", " ditegaskan "])
        var request = try command.request(amending: version)
        #expect(request.skpID == "S" && request.reason == "ditegaskan")
        #expect(request.expectations.map(\.ekspektasiKhusus) == ["L", "Laporan tepat waktu"])
        version.amendments = [Planning.ExpectationAmendment(version: 2, expectations: [Planning.BehaviourExpectation(value: .adaptif, ekspektasiKhusus: "Ad")])]
        request = try command.request(amending: version)
        #expect(request.expectations.map(\.ekspektasiKhusus) == ["Ad", "Laporan tepat waktu"], "the latest amendment is in force")
        let removal = try Kinerjactl.Skp.AmendExpect.parseChecked(["S", "--value", "adaptif", "--remove", "--reason", "tidak relevan"])
        #expect(try removal.request(amending: version).expectations.isEmpty)
        #expect(throws: CLIError.self) {
            try Kinerjactl.Skp.AmendExpect.parseChecked(["S", "--value", "loyal", "--remove", "--reason", "x"]).request(amending: version)
        }
        #expect(throws: CLIError.self) {
            try Kinerjactl.Skp.AmendExpect.parseChecked(["S", "--value", "loyal", "--text", "x", "--rhk", "R9", "--reason", "x"]).request(amending: version)
        }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.AmendExpect.parseChecked(["S", "--value", "loyal", "--text", "x", "--reason", " "]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.AmendExpect.parseChecked(["S", "--value", "loyal", "--reason", "x"]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.AmendExpect.parseChecked(["S", "--value", "loyal", "--text", "x", "--remove", "--reason", "x"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.AmendExpect.parseChecked(["S", "--value", "loyal", "--text", "x"]) }
    }

    @Test("compliance: a unit is required; statuses by short name; --as-of a day of the year")
    func compliance() throws {
        let request = try Kinerjactl.Skp.Compliance.parseChecked(["--unit-code", "KPG.DUKCAPIL", "--subunits", "--year", "2026", "--as-of", "2026-02-01",
                                                                  "--status", "no-valid-penilai", "--status", "waiting-for-penilai"])
            .request(unitID: "U1")
        #expect(request.unit == Common.UnitScope(unitID: "U1", includeSubunits: true))
        #expect(request.year == 2026 && request.asOf == Common.Date(year: 2026, month: 2, day: 1))
        #expect(request.statuses == [.noValidPenilai, .waitingForPenilai])
        #expect(try Kinerjactl.Skp.Compliance.parseChecked(["--unit", "KPG.DUKCAPIL"]).request(unitID: "U1").year == 0)
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Compliance.parseChecked([]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Compliance.parseChecked(["--unit", "U", "--year", "2026", "--as-of", "2025-12-31"]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Compliance.parseChecked(["--unit", "U", "--limit", "0"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.Compliance.parseChecked(["--unit", "U", "--status", "late"]) }
    }

    @Test("delete: the SKP id and a reason of 1–500 characters")
    func delete() throws {
        #expect(try Kinerjactl.Skp.Delete.parseChecked(["S1", "--reason", " salah tahun "]).request()
            == Planning.DeleteSkpRequest(skpID: "S1", reason: "salah tahun"))
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Delete.parseChecked(["S1", "--reason", ""]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.Delete.parseChecked(["S1", "--reason", String(repeating: "r", count: 501)]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.Delete.parseChecked(["S1"]) }
    }

    @Test("update-iki: the mask lists what changed; the annual target keeps what is not given; --upper makes a range, --no-upper undoes it")
    func updateIki() throws {
        let current = Planning.Iki(ikiID: "I1", aspek: .kuantitas, indicator: "Jumlah KTP-el",
                                   annualTarget: Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter), aggregation: .sum)
        let target = try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--target", "1500", "--quarterly", "375,375,375,375", "--expected-revision", "7"])
            .request(current: current, year: 2026)
        #expect(target.updateMask?.paths == ["annual_target", "periodic_targets"])
        #expect(target.iki?.ikiID == "I1" && target.expectedSkpRevision == 7)
        #expect(target.iki?.annualTarget == Planning.Target(value: 1500, unit: "dokumen", direction: .higherIsBetter))
        #expect(target.iki?.periodicTargets.map(\.value) == [375, 375, 375, 375])
        #expect(target.iki?.periodicTargets.allSatisfy { $0.period?.year == 2026 } == true)
        let range = try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--upper", "1500"]).request(current: current, year: 2026)
        #expect(range.iki?.annualTarget?.direction == .withinRange && range.iki?.annualTarget?.upperValue?.value == 1500)
        let ranged = Planning.Iki(ikiID: "I1", aspek: .waktu, annualTarget: Planning.Target(value: 2, upperValue: Common.DoubleValue(value: 3),
                                                                                            unit: "hari", direction: .withinRange))
        let single = try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--no-upper"]).request(current: ranged, year: 2026)
        #expect(single.iki?.annualTarget?.upperValue == nil && single.iki?.annualTarget?.direction == .lowerIsBetter)
        let other = try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--indicator", "Jumlah dokumen", "--aspek", "kualitas", "--position", "2",
                                                               "--aggregation", "average"]).request(current: current, year: 2026)
        #expect(other.updateMask?.paths == ["aspek", "indicator", "position", "aggregation"])
        #expect(other.iki?.aspek == .kualitas && other.iki?.indicator == "Jumlah dokumen" && other.iki?.position == 2 && other.iki?.aggregation == .average)
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1"]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--target", "1,5"]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--upper", "5", "--no-upper"]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--cumulative"]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--quarterly", "4,3,2,1", "--cumulative"]) }
        #expect(throws: CLIError.self) {
            try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--upper", "1000"]).request(current: current, year: 2026)
        }
        #expect(throws: CLIError.self) {
            try Kinerjactl.Skp.UpdateIki.parseChecked(["S", "I1", "--direction", "range"]).request(current: current, year: 2026)
        }
    }

    @Test("add-rhk and update-rhk: --cascade and --peran describe the link; a direct RHK may leave out its text")
    func cascade() throws {
        let direct = try Kinerjactl.Skp.AddRhk.parseChecked(["S", "--kind", "utama", "--parent", "P", "--cascade", "direct", "--peran", "Operator"]).request()
        #expect(direct.rhk?.cascadeType == .direct && direct.rhk?.peran == "Operator" && direct.rhk?.text == "")
        let plain = try Kinerjactl.Skp.AddRhk.parseChecked(["S", "--kind", "tambahan", "--text", "Pendataan"]).request()
        #expect(plain.rhk?.cascadeType == .unspecified)
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.AddRhk.parseChecked(["S", "--kind", "utama", "--parent", "P"]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.AddRhk.parseChecked(["S", "--kind", "utama", "--text", "x", "--cascade", "direct"]) }
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.AddRhk.parseChecked(["S", "--kind", "utama", "--text", "x", "--parent", "P",
                                                                                  "--peran", String(repeating: "p", count: 201)]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Skp.AddRhk.parseChecked(["S", "--kind", "utama", "--text", "x", "--cascade", "langsung"]) }
        let update = try Kinerjactl.Skp.UpdateRhk.parseChecked(["R", "--cascade", "non-direct", "--peran", ""]).request()
        #expect(update.updateMask?.paths == ["cascade_type", "peran"] && update.rhk?.cascadeType == .nonDirect && update.rhk?.peran == "")
        #expect(throws: CLIError.self) { try Kinerjactl.Skp.UpdateRhk.parseChecked(["R", "--no-parent", "--cascade", "direct"]) }
    }
}
