import KinerjaASN
import KinerjaIdentity
import KinerjaProto
import Testing

/// The pejabat penilai rule, each clause quoted (PermenPANRB 6/2022; DOMAIN.md "Pejabat penilai").
@Suite("Who rates whom: the pejabat penilai rule")
struct PejabatPenilaiRuleTests {
    static let day = Common.Date(year: 2026, month: 6, day: 15)

    // A Dinas with a Bidang (head B) and a Seksi under it (head S); staff P in the Seksi, Q in the Bidang.
    let units: [String: Identity.Unit] = [
        "DINAS": Identity.Unit(unitID: "DINAS", code: "D", parentUnitID: "", headNIP: "K"),
        "BIDANG": Identity.Unit(unitID: "BIDANG", code: "D.B", parentUnitID: "DINAS", headNIP: "B"),
        "SEKSI": Identity.Unit(unitID: "SEKSI", code: "D.B.S", parentUnitID: "BIDANG", headNIP: "S"),
    ]

    func person(_ nip: String, _ unit: String, atasan: String = "", status: Identity.EmploymentStatus = .aktif,
                asn: Common.AsnType = .pns) -> Identity.Employee {
        Identity.Employee(nip: nip, fullName: nip, asnType: asn, jabatanName: nip, golongan: "III/c", unitID: unit, atasanNIP: atasan, status: status)
    }

    var people: [String: Identity.Employee] {
        Dictionary(uniqueKeysWithValues: [
            person("K", "DINAS", atasan: "SEKDA"), person("B", "BIDANG", atasan: "K"), person("S", "SEKSI", atasan: "B"),
            person("P", "SEKSI", atasan: "S"), person("Q", "BIDANG", atasan: "B"),
        ].map { ($0.nip, $0) })
    }

    func decide(_ nip: String, acting: [Identity.ActingAssignment] = [], overrides: [Identity.Employee] = [],
                statusApplies: Bool = true) -> Identity.PejabatPenilai {
        var all = people
        for o in overrides { all[o.nip] = o }
        let employee = all[nip] ?? person(nip, "SEKSI")
        let facts = PejabatPenilaiRule.Facts(employee: employee, atasan: all[employee.atasanNIP], units: units,
                                             acting: Dictionary(uniqueKeysWithValues: acting.map { ($0.unitID, $0) }),
                                             people: all, statusApplies: statusApplies)
        return PejabatPenilaiRule.decide(facts, on: Self.day)
    }

    func plt(_ nip: String, for unit: String, kind: Common.PenilaiKind = .plt) -> Identity.ActingAssignment {
        Identity.ActingAssignment(assignmentID: "A1", unitID: unit, actingNIP: nip, kind: kind, decreeNumber: "800/1/2026")
    }

    @Test("the atasan langsung rates, by default")
    func atasanLangsung() {
        let answer = decide("P")
        #expect(answer.kind == .atasanLangsung && answer.penilai?.nip == "S" && answer.penilaiIsAsn && answer.penilaiGolongan == "III/c")
    }

    @Test("\"while a position is vacant … an acting official appointed by decree … takes that role\": a Plt for a vacant head position rates its bawahan")
    func pltForVacantPosition() {
        let left = person("S", "SEKSI", atasan: "B", status: .pensiun)
        let answer = decide("P", acting: [plt("Q", for: "SEKSI")], overrides: [left])
        #expect(answer.kind == .plt && answer.penilai?.nip == "Q" && answer.decreeNumber == "800/1/2026" && answer.actingAssignmentID == "A1")
    }

    @Test("\"… or its holder is away\": a Plh rates those whose atasan is the head who is away")
    func plhWhileHeadAway() {
        let answer = decide("P", acting: [plt("Q", for: "SEKSI", kind: .plh)])
        #expect(answer.kind == .plh && answer.penilai?.nip == "Q")
    }

    @Test("a head of a unit is rated for the position above: a Plt of the Bidang rates the Kepala Seksi")
    func headRatedByPositionAbove() {
        let answer = decide("S", acting: [plt("Q", for: "BIDANG")], overrides: [person("B", "BIDANG", atasan: "K", status: .pindah)])
        #expect(answer.kind == .plt && answer.penilai?.nip == "Q")
    }

    @Test("an acting official never rates themselves: they are rated by the position above the one they act in")
    func actingOfficialRatedAbove() {

        let answer = decide("S", acting: [plt("S", for: "BIDANG")], overrides: [person("B", "BIDANG", atasan: "K", status: .pensiun)])
        #expect(answer.kind == .atasanLangsung && answer.penilai?.nip == "K")
    }

    @Test("\"the Sekretaris Daerah's penilai is the Kepala Daerah (Wali Kota), who is not an ASN\": a non-ASN atasan rates as EXTERNAL")
    func externalPenilai() {
        let walikota = person("NONASN.WALIKOTA.KUPANG", "DINAS", asn: .nonAsn)
        let sekda = person("SEKDA", "DINAS", atasan: "NONASN.WALIKOTA.KUPANG")
        let answer = decide("SEKDA", overrides: [walikota, sekda])
        #expect(answer.kind == .external && answer.penilai?.nip == "NONASN.WALIKOTA.KUPANG" && !answer.penilaiIsAsn && answer.penilaiGolongan.isEmpty)
    }

    @Test("\"pengelola kinerja … never approve\": with the atasan gone and no Plt/Plh, nobody rates, and the answer says why")
    func nobody() {
        let answer = decide("P", overrides: [person("S", "SEKSI", atasan: "B", status: .pensiun)])
        #expect(answer.kind == .none && answer.penilai == nil)
        #expect(answer.reason.contains("PENSIUN") && answer.reason.contains("Plt/Plh"))
    }

    @Test("for a past day the recorded assignment stands (identity keeps no history of statuses)")
    func pastDay() {
        let answer = decide("P", overrides: [person("S", "SEKSI", atasan: "B", status: .pensiun)], statusApplies: false)
        #expect(answer.kind == .atasanLangsung && answer.penilai?.nip == "S")
    }

    @Test("a Plt of the Bidang does not displace an AKTIF head's own bawahan in another unit")
    func pltOnlyForItsPosition() {
        let answer = decide("P", acting: [plt("Q", for: "BIDANG")])
        #expect(answer.kind == .atasanLangsung && answer.penilai?.nip == "S")
    }
}
