public import KinerjaProto

/// A validated Nomor Induk Pegawai: 18 ASCII digits whose parts are real for the employee's ASN type.
///
/// Layout (DOMAIN.md, `identity.proto` Employee.nip):
///
/// | digits | PNS | PPPK |
/// |---|---|---|
/// | 1–8 | birth date `YYYYMMDD` | birth date `YYYYMMDD` |
/// | 9–14 | appointment (TMT CPNS) `YYYYMM` | not validated |
/// | 15 | sex: 1 male, 2 female | not validated |
/// | 16–18 | sequence 001–999 | not validated |
///
/// PPPK numbers conventionally carry the appointment year and the code `21` in digits 9–14,
/// but the contract only requires a real birth date, so only that is checked and the other
/// parts are not interpreted.
///
/// Rules that are our inference, not the regulation's text:
/// - the sequence `000` is refused: numbering starts at 001 within each birth date,
///   appointment and sex group, so `000` only appears in mistyped numbers;
/// - the birth date is not in the future and at most ``maximumAgeYears`` years before today
///   (no serving employee is older);
/// - "after the 18th birthday" is compared by month, because the NIP holds only the
///   appointment's year and month: appointment month ≥ the month of the 18th birthday.
public struct NIP: Sendable, Hashable, CustomStringConvertible {
    /// Year and month of a PNS appointment (TMT CPNS), from NIP digits 9–14.
    public struct YearMonth: Sendable, Hashable, Comparable {
        /// Gregorian year.
        public var year: Int32
        /// Month, 1–12.
        public var month: Int32

        /// A year and month.
        public init(year: Int32, month: Int32) {
            self.year = year
            self.month = month
        }

        /// Chronological order.
        public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
            (lhs.year, lhs.month) < (rhs.year, rhs.month)
        }
    }

    /// Oldest accepted age, in years, of the birth date in a NIP (inference; see the type's docs).
    public static let maximumAgeYears: Int32 = 100
    /// Minimum age at appointment for a PNS, in years (DOMAIN.md).
    public static let minimumAppointmentAgeYears: Int32 = 18

    /// The 18 digits.
    public let text: String
    /// The ASN type the number was validated for.
    public let asnType: Common.AsnType
    /// Birth date from digits 1–8.
    public let birthDate: Common.Date
    /// Appointment (TMT CPNS) year and month from digits 9–14; nil for PPPK.
    public let appointment: YearMonth?
    /// Sex from digit 15; `.unspecified` for PPPK, whose digit 15 is not interpreted.
    public let sex: Identity.Sex
    /// Sequence number from digits 16–18 (1–999); nil for PPPK.
    public let sequence: Int?

    /// The digits, as given.
    public var description: String { text }

    /// Validates `text` as the NIP of an employee of `asnType`, judged on the WITA day `today`.
    ///
    /// - Throws: ``NIPError`` naming the first rule the text breaks, checked in the order of
    ///   the digits (length and characters first).
    public init(validating text: String, asnType: Common.AsnType, today: Common.Date) throws(NIPError) {
        switch asnType {
        case .pns, .pppk: break
        case .unspecified, .nonAsn, .unrecognized: throw .unsupportedAsnType(asnType.rawValue)
        }
        // Count Unicode scalars, so a non-ASCII digit such as "١" is reported as a
        // non-digit at its position rather than as a wrong length.
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 18 else { throw .wrongLength(scalars.count) }
        var digits: [Int32] = []
        digits.reserveCapacity(18)
        for (index, scalar) in scalars.enumerated() {
            guard scalar.isASCII, ("0"..."9").contains(scalar) else {
                throw .nonDigit(position: index + 1, character: String(scalar))
            }
            digits.append(Int32(scalar.value) - 48)
        }
        func number(_ range: ClosedRange<Int>) -> Int32 {
            // 1-based digit positions, as the NIP layout is always described.
            range.reduce(0) { $0 * 10 + digits[$1 - 1] }
        }

        let birth = Common.Date(year: number(1...4), month: number(5...6), day: number(7...8))
        guard birth.isValid else { throw .invalidBirthDate(String(text.prefix(8))) }
        guard birth <= today else { throw .birthDateInFuture(birth) }
        guard today.adding(years: -Self.maximumAgeYears) <= birth else { throw .birthDateTooOld(birth) }

        self.text = text
        self.asnType = asnType
        self.birthDate = birth

        guard asnType == .pns else {
            self.appointment = nil
            self.sex = .unspecified
            self.sequence = nil
            return
        }

        let appointment = YearMonth(year: number(9...12), month: number(13...14))
        guard (1...12).contains(appointment.month) else {
            throw .invalidAppointmentMonth(year: appointment.year, month: appointment.month)
        }
        let eighteenth = birth.adding(years: Self.minimumAppointmentAgeYears)
        guard YearMonth(year: eighteenth.year, month: eighteenth.month) <= appointment else {
            throw .appointmentBeforeEighteenthBirthday(appointment: appointment, birthDate: birth)
        }
        guard appointment <= YearMonth(year: today.year, month: today.month) else {
            throw .appointmentInFuture(appointment)
        }
        switch digits[14] {
        case 1: self.sex = .male
        case 2: self.sex = .female
        default: throw .invalidSexDigit(Int(digits[14]))
        }
        let sequence = Int(number(16...18))
        guard sequence >= 1 else { throw .zeroSequence }
        self.appointment = appointment
        self.sequence = sequence
    }

    /// True when `text` is 18 ASCII digits, the format every NIP field has whatever the ASN type.
    public static func hasValidFormat(_ text: String) -> Bool {
        text.utf8.count == 18 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
