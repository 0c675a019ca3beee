public import KinerjaProto
public import KinerjaASN

/// Checks of the identifiers and days every request carries: NIPs, opaque ids, WITA dates.
public enum FeedbackInput {
    /// `nip`, checked to be 18 digits.
    ///
    /// - Throws: ``FeedbackError`` `NIP_INVALID` about `field`.
    public static func nip(_ nip: String, field: String) throws(FeedbackError) -> String {
        guard NIP.hasValidFormat(nip) else {
            throw FeedbackError(.nipInvalid, "\(field) must be a NIP of 18 digits", field: field)
        }
        return nip
    }

    /// `id`, checked to name a person who may hold an atasan's or a rater's place: a NIP or a
    /// non-ASN identifier (`NONASN.…`, the Kepala Daerah who is the Sekretaris Daerah's atasan).
    ///
    /// - Throws: ``FeedbackError`` `NIP_INVALID` about `field`.
    public static func person(_ id: String, field: String) throws(FeedbackError) -> String {
        guard PersonIdentifier.isValid(id) else {
            throw FeedbackError(.nipInvalid, "\(field) must be a NIP of 18 digits or a NONASN. identifier", field: field)
        }
        return id
    }

    /// An opaque id: 1–64 printable ASCII characters without spaces.
    ///
    /// - Throws: ``FeedbackError`` `FIELD_REQUIRED` when empty, `TEXT_TOO_LONG` or `TEXT_CONTROL_CHARACTER` otherwise.
    public static func id(_ id: String, field: String) throws(FeedbackError) -> String {
        guard !id.isEmpty else { throw FeedbackError(.fieldRequired, "\(field) is required", field: field) }
        guard id.unicodeScalars.count <= FeedbackLimits.idMaximum else {
            throw FeedbackError(.textTooLong, "\(field) must be at most \(FeedbackLimits.idMaximum) characters", field: field)
        }
        guard id.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw FeedbackError(.textControlCharacter, "\(field) must be printable ASCII without spaces", field: field)
        }
        return id
    }

    /// A WITA day that is real and not after `today`.
    ///
    /// - Throws: ``FeedbackError`` `DATE_INVALID` when missing or not a real day, `DATE_IN_FUTURE` after today.
    public static func pastDay(_ date: Common.Date?, field: String, today: Common.Date) throws(FeedbackError) -> Common.Date {
        guard let date, date.isValid else {
            throw FeedbackError(.dateInvalid, "\(field) must be a real WITA day", field: field)
        }
        guard date <= today else {
            throw FeedbackError(.dateInFuture, "\(field) (\(date.isoString)) is after today (\(today.isoString) WITA)", field: field)
        }
        return date
    }

    /// The days of `period`, which must be well formed.
    ///
    /// - Throws: ``FeedbackError`` `PERIOD_INVALID`.
    public static func days(of period: Common.Period?, field: String = "period") throws(FeedbackError) -> WitaDayRange {
        guard let period, let days = WitaDayRange(period: period) else {
            throw FeedbackError(.periodInvalid, "\(field) must be a month, a triwulan or a year of 2000-2100", field: field)
        }
        return days
    }

    /// The days of `range`, which must be real, in order and at most `maximumDays` long.
    ///
    /// - Throws: ``FeedbackError`` `RANGE_INVALID`.
    public static func days(of range: Common.DateRange?, field: String = "date_range",
                            maximumDays: Int = FeedbackLimits.summaryRangeDays) throws(FeedbackError) -> WitaDayRange {
        guard let range, let days = WitaDayRange(range) else {
            throw FeedbackError(.rangeInvalid, "\(field) must name two real WITA days, the first not after the second", field: field)
        }
        guard days.dayCount <= maximumDays else {
            throw FeedbackError(.rangeInvalid, "\(field) covers \(days.dayCount) days; at most \(maximumDays)", field: field)
        }
        return days
    }
}
