import KinerjaASN
import KinerjaDemo
import KinerjaProto
import Testing

@Suite("NIP consistency")
struct NIPConsistencyTests {
    let today = Common.Date(year: 2026, month: 6, day: 15)

    func employee(asn: Common.AsnType = .pns, birth: Common.Date? = .init(year: 1985, month: 7, day: 12),
                  tmt: Common.Date? = .init(year: 2010, month: 1, day: 1), sex: Identity.Sex = .male) -> Identity.Employee {
        Identity.Employee(nip: "198507122010011001", asnType: asn, birthDate: birth, sex: sex, tmt: tmt)
    }

    @Test("an employee whose birth date, TMT and sex match the NIP has no violations")
    func consistent() throws {
        let nip = try NIP(validating: "198507122010011001", asnType: .pns, today: today)
        #expect(NIPConsistency.violations(employee: employee(), nip: nip).isEmpty)
        // Only TMT's year and month are encoded; any day of that month matches.
        #expect(NIPConsistency.violations(employee: employee(tmt: .init(year: 2010, month: 1, day: 31)), nip: nip).isEmpty)
    }

    @Test("birth_date must equal NIP digits 1-8")
    func birthDate() throws {
        let nip = try NIP(validating: "198507122010011001", asnType: .pns, today: today)
        let v = NIPConsistency.violations(employee: employee(birth: .init(year: 1985, month: 7, day: 13)), nip: nip)
        #expect(v.map(\.reason) == ["NIP_BIRTH_DATE_MISMATCH"])
        #expect(v.first?.field == "employee.birth_date")
    }

    @Test("PNS: tmt year and month must match NIP digits 9-14")
    func tmt() throws {
        let nip = try NIP(validating: "198507122010011001", asnType: .pns, today: today)
        #expect(NIPConsistency.violations(employee: employee(tmt: .init(year: 2010, month: 2, day: 1)), nip: nip).map(\.reason) == ["NIP_TMT_MISMATCH"])
        #expect(NIPConsistency.violations(employee: employee(tmt: .init(year: 2011, month: 1, day: 1)), nip: nip).map(\.field) == ["employee.tmt"])
    }

    @Test("PNS: sex must match NIP digit 15, and an unspecified sex does not")
    func sex() throws {
        let nip = try NIP(validating: "198507122010011001", asnType: .pns, today: today)
        #expect(NIPConsistency.violations(employee: employee(sex: .female), nip: nip).map(\.reason) == ["NIP_SEX_MISMATCH"])
        #expect(NIPConsistency.violations(employee: employee(sex: .unspecified), nip: nip).map(\.field) == ["employee.sex"])
    }

    @Test("PPPK: only the birth date is compared, since the rest of a PPPK NIP is not interpreted")
    func pppk() throws {
        let nip = try NIP(validating: "198507122022212001", asnType: .pppk, today: today)
        let other = employee(asn: .pppk, tmt: .init(year: 2023, month: 5, day: 1), sex: .unspecified)
        #expect(NIPConsistency.violations(employee: other, nip: nip).isEmpty)
        let wrongBirth = employee(asn: .pppk, birth: .init(year: 1986, month: 7, day: 12))
        #expect(NIPConsistency.violations(employee: wrongBirth, nip: nip).map(\.reason) == ["NIP_BIRTH_DATE_MISMATCH"])
    }
}
