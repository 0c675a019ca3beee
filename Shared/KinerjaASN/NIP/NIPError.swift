public import KinerjaProto

/// Why a text is not a valid NIP; one case per rule of ``NIP``.
public enum NIPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ASN type is unspecified or unknown, so the NIP rules to apply are unknown.
    case unsupportedAsnType(Int32)
    /// Not 18 characters; carries the number of Unicode scalars given.
    case wrongLength(Int)
    /// A character that is not an ASCII digit, at a 1-based position.
    case nonDigit(position: Int, character: String)
    /// Digits 1–8 are not a real `YYYYMMDD` date; carries the digits.
    case invalidBirthDate(String)
    /// The birth date is after today.
    case birthDateInFuture(Common.Date)
    /// The birth date is more than ``NIP/maximumAgeYears`` years before today.
    case birthDateTooOld(Common.Date)
    /// PNS digits 13–14 are not a month 01–12.
    case invalidAppointmentMonth(year: Int32, month: Int32)
    /// PNS appointment before the month of the 18th birthday.
    case appointmentBeforeEighteenthBirthday(appointment: NIP.YearMonth, birthDate: Common.Date)
    /// PNS appointment after the current month.
    case appointmentInFuture(NIP.YearMonth)
    /// PNS digit 15 is neither 1 (male) nor 2 (female).
    case invalidSexDigit(Int)
    /// PNS digits 16–18 are `000`.
    case zeroSequence

    /// Stable machine-readable reason, UPPER_SNAKE (used as `FieldViolation.reason`).
    public var code: String {
        switch self {
        case .unsupportedAsnType: "NIP_ASN_TYPE_UNKNOWN"
        case .wrongLength: "NIP_WRONG_LENGTH"
        case .nonDigit: "NIP_NOT_DIGITS"
        case .invalidBirthDate: "NIP_BAD_BIRTH_DATE"
        case .birthDateInFuture: "NIP_BIRTH_DATE_IN_FUTURE"
        case .birthDateTooOld: "NIP_BIRTH_DATE_TOO_OLD"
        case .invalidAppointmentMonth: "NIP_BAD_APPOINTMENT_MONTH"
        case .appointmentBeforeEighteenthBirthday: "NIP_APPOINTMENT_BEFORE_AGE_18"
        case .appointmentInFuture: "NIP_APPOINTMENT_IN_FUTURE"
        case .invalidSexDigit: "NIP_BAD_SEX_DIGIT"
        case .zeroSequence: "NIP_ZERO_SEQUENCE"
        }
    }

    /// What is wrong and what is expected, in English.
    public var message: String {
        switch self {
        case .unsupportedAsnType(let raw):
            "NIP cannot be checked for an unspecified or unknown ASN type (\(raw)); expected PNS or PPPK"
        case .wrongLength(let count):
            "NIP must be 18 digits, got \(count)"
        case .nonDigit(let position, let character):
            "NIP must contain only the digits 0-9; character \(position) is \"\(character)\""
        case .invalidBirthDate(let digits):
            "NIP digits 1-8 must be a real birth date YYYYMMDD, got \(digits)"
        case .birthDateInFuture(let date):
            "NIP birth date \(date.isoString) is in the future"
        case .birthDateTooOld(let date):
            "NIP birth date \(date.isoString) is more than \(NIP.maximumAgeYears) years ago"
        case .invalidAppointmentMonth(let year, let month):
            "NIP digits 9-14 must be the appointment year and month YYYYMM with a month 01-12, got \(year)\(month < 10 ? "0" : "")\(month)"
        case .appointmentBeforeEighteenthBirthday(let appointment, let birthDate):
            "NIP appointment \(Self.format(appointment)) is before the 18th birthday of someone born \(birthDate.isoString)"
        case .appointmentInFuture(let appointment):
            "NIP appointment \(Self.format(appointment)) is in the future"
        case .invalidSexDigit(let digit):
            "NIP digit 15 must be the sex, 1 (male) or 2 (female), got \(digit)"
        case .zeroSequence:
            "NIP digits 16-18 must be a sequence number 001-999, got 000"
        }
    }

    /// The message (for logs and test output).
    public var description: String { "\(code): \(message)" }

    /// The error as a field violation at `field` (e.g. `employee.nip`).
    public func violation(field: String) -> Common.FieldViolation {
        Common.FieldViolation(field: field, description: message, reason: code)
    }

    private static func format(_ value: NIP.YearMonth) -> String {
        "\(value.year)-\(value.month < 10 ? "0" : "")\(value.month)"
    }
}
