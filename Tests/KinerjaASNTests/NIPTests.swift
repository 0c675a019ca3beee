import KinerjaASN
import KinerjaDemo
import KinerjaProto
import Testing

@Suite("NIP")
struct NIPTests {
    let today = Common.Date(year: 2026, month: 6, day: 15)

    func pns(_ text: String) throws(NIPError) -> NIP { try NIP(validating: text, asnType: .pns, today: today) }
    func pppk(_ text: String) throws(NIPError) -> NIP { try NIP(validating: text, asnType: .pppk, today: today) }

    @Test("NIP: a PNS number decodes to birth date YYYYMMDD, appointment YYYYMM, sex digit and sequence")
    func validPNS() throws {
        let nip = try pns("198507122010011001")
        #expect(nip.birthDate == Common.Date(year: 1985, month: 7, day: 12))
        #expect(nip.appointment == NIP.YearMonth(year: 2010, month: 1))
        #expect(nip.sex == .male)
        #expect(nip.sequence == 1)
        #expect(nip.text == "198507122010011001")
        #expect(nip.description == "198507122010011001")
        let woman = try pns("199002282015032999")
        #expect(woman.sex == .female)
        #expect(woman.sequence == 999)
    }

    @Test("NIP: a PPPK number is 18 digits whose first 8 are a real birth date; the rest is not interpreted")
    func validPPPK() throws {
        let nip = try pppk("199205152022212003")
        #expect(nip.birthDate == Common.Date(year: 1992, month: 5, day: 15))
        #expect(nip.appointment == nil)
        #expect(nip.sex == .unspecified)
        #expect(nip.sequence == nil)
        // Digits 13-14 "21" mark PPPK; they are no month, so the same number is no PNS NIP.
        #expect(throws: NIPError.invalidAppointmentMonth(year: 2022, month: 21)) { try pns("199205152022212003") }
        // PPPK digits 9-18 may be anything.
        _ = try pppk("199205159999990000")
    }

    @Test("NIP: must be 18 digits")
    func length() {
        #expect(throws: NIPError.wrongLength(17)) { try pns("19850712201001100") }
        #expect(throws: NIPError.wrongLength(19)) { try pns("1985071220100110011") }
        #expect(throws: NIPError.wrongLength(0)) { try pppk("") }
        #expect(NIPError.wrongLength(17).message == "NIP must be 18 digits, got 17")
    }

    @Test("NIP: only the ASCII digits 0-9, so letters, spaces and other scripts' digits are refused")
    func nonDigits() {
        #expect(throws: NIPError.nonDigit(position: 18, character: "A")) { try pns("19850712201001100A") }
        #expect(throws: NIPError.nonDigit(position: 9, character: " ")) { try pns("19850712 010011001") }
        // Arabic-Indic one and fullwidth one are decimal digits to Unicode, not to a NIP.
        #expect(throws: NIPError.nonDigit(position: 1, character: "١")) { try pns("١98507122010011001") }
        #expect(throws: NIPError.nonDigit(position: 2, character: "９")) { try pppk("1９8507122010011001") }
    }

    @Test("NIP: digits 1-8 are a real birth date YYYYMMDD, leap years included")
    func birthDate() throws {
        #expect(throws: NIPError.invalidBirthDate("19851312")) { try pns("198513122010011001") }
        #expect(throws: NIPError.invalidBirthDate("19850230")) { try pns("198502302010011001") }
        #expect(throws: NIPError.invalidBirthDate("19850700")) { try pppk("198507002022212001") }
        // 29 February exists in 1996 and 2000, not in 1995 or 1900.
        #expect(throws: NIPError.invalidBirthDate("19950229")) { try pns("199502292015031001") }
        _ = try pns("199602292015031001")
        _ = try pppk("200002292022212001")
    }

    @Test("NIP: the birth date is not in the future and not more than 100 years ago (inference)")
    func birthDateRange() throws {
        #expect(throws: NIPError.birthDateInFuture(Common.Date(year: 2026, month: 6, day: 16))) { try pppk("202606162045011001") }
        #expect(throws: NIPError.birthDateTooOld(Common.Date(year: 1926, month: 6, day: 14))) { try pppk("192606142022212001") }
        _ = try pppk("192606152022212001")
    }

    @Test("NIP: PNS digits 13-14 are a month 01-12")
    func appointmentMonth() {
        #expect(throws: NIPError.invalidAppointmentMonth(year: 2010, month: 0)) { try pns("198507122010001001") }
        #expect(throws: NIPError.invalidAppointmentMonth(year: 2010, month: 13)) { try pns("198507122010131001") }
    }

    @Test("NIP: a PNS appointment is on or after the month of the 18th birthday")
    func appointmentAfterEighteen() throws {
        let birth = Common.Date(year: 1990, month: 7, day: 12)
        #expect(throws: NIPError.appointmentBeforeEighteenthBirthday(appointment: .init(year: 2008, month: 6), birthDate: birth)) {
            try pns("199007122008061001")
        }
        _ = try pns("199007122008071001")
    }

    @Test("NIP: a PNS appointment is not after the current month")
    func appointmentNotInFuture() throws {
        #expect(throws: NIPError.appointmentInFuture(.init(year: 2026, month: 7))) { try pns("199007122026071001") }
        _ = try pns("199007122026061001")
    }

    @Test("NIP: digit 15 is the sex, 1 male or 2 female")
    func sexDigit() {
        #expect(throws: NIPError.invalidSexDigit(0)) { try pns("198507122010010001") }
        #expect(throws: NIPError.invalidSexDigit(3)) { try pns("198507122010013001") }
    }

    @Test("NIP: digits 16-18 are a sequence 001-999; 000 is refused (inference)")
    func sequence() {
        #expect(throws: NIPError.zeroSequence) { try pns("198507122010011000") }
    }

    @Test("NIP: the rules to apply need a known ASN type")
    func asnTypeRequired() {
        #expect(throws: NIPError.unsupportedAsnType(0)) { try NIP(validating: "198507122010011001", asnType: .unspecified, today: today) }
        #expect(throws: NIPError.unsupportedAsnType(7)) { try NIP(validating: "198507122010011001", asnType: .unrecognized(7), today: today) }
    }

    @Test("every NIP error has its own UPPER_SNAKE code, a message and a field violation")
    func errorCodes() {
        let errors: [NIPError] = [
            .unsupportedAsnType(0), .wrongLength(1), .nonDigit(position: 1, character: "x"), .invalidBirthDate("x"),
            .birthDateInFuture(today), .birthDateTooOld(today), .invalidAppointmentMonth(year: 2000, month: 0),
            .appointmentBeforeEighteenthBirthday(appointment: .init(year: 2000, month: 1), birthDate: today),
            .appointmentInFuture(.init(year: 2030, month: 1)), .invalidSexDigit(0), .zeroSequence,
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        for error in errors {
            #expect(error.code.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" })
            #expect(error.code.hasPrefix("NIP_"))
            #expect(!error.message.isEmpty)
            let violation = error.violation(field: "employee.nip")
            #expect(violation.field == "employee.nip" && violation.reason == error.code && violation.description == error.message)
        }
    }

    @Test("the format check accepts exactly 18 ASCII digits")
    func format() {
        #expect(NIP.hasValidFormat("198507122010011001"))
        #expect(!NIP.hasValidFormat("19850712201001100"))
        #expect(!NIP.hasValidFormat("١98507122010011001"))
    }
}
