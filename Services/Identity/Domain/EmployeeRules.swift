import KinerjaASN
public import KinerjaProto

/// The field rules of an employee record, as the comments of `identity.proto` (Employee) state them.
///
/// Lengths count Unicode scalars, which is how protobuf-c and every client see a string's
/// characters; grapheme clusters would change with the Unicode version.
///
/// Not checked here, because they need stored data: unit_id (imports name units by code; the
/// service resolves and checks the unit), uniqueness of the NIP, and the output-only fields
/// (atasan_nip, unit_head, created, updated, revision), which the service ignores on input.
///
/// Inferences beyond the contract's text, each documented at its rule:
/// - text fields may not contain control characters (they break CSV exports and logs);
/// - tmt is a real day, not before the birth date and not after today;
/// - the e-mail address is plain ASCII `local@domain.tld`;
/// - the phone number has at least 8 digits after `+`.
public enum EmployeeRules {
    /// Every violation of the field rules in `e`, judged on the WITA day `today`; empty when valid.
    ///
    /// Fields are reported as `<fieldPrefix><snake_case name>`, e.g. `employee.nip`.
    public static func violations(
        _ e: Identity.Employee, today: Common.Date, fieldPrefix: String = "employee."
    ) -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func add(_ field: String, _ reason: String, _ description: String) {
            out.append(Common.FieldViolation(field: fieldPrefix + field, description: description, reason: reason))
        }

        // A non-ASN official (the Kepala Daerah) is identified by a NONASN. identifier, has no
        // NIP rules and needs no birth date (the record exists to rate the Sekretaris Daerah).
        if e.asnType == .nonAsn {
            if !PersonIdentifier.isNonASN(e.nip) {
                add("nip", "NON_ASN_ID_FORMAT", "a non-ASN official is identified by NONASN. followed by 1-48 of A-Z, 0-9, . and -, got \"\(e.nip)\"")
            }
            text(e.fullName, field: "full_name", reason: "FULL_NAME", required: true, max: 200, add)
            text(e.gelarDepan, field: "gelar_depan", reason: "GELAR_DEPAN", required: false, max: 50, add)
            text(e.gelarBelakang, field: "gelar_belakang", reason: "GELAR_BELAKANG", required: false, max: 100, add)
            text(e.jabatanName, field: "jabatan_name", reason: "JABATAN_NAME", required: true, max: 200, add)
            requiredEnum(e.status, field: "status", reason: "STATUS", add)
            return out
        }
        // NIP. With an unknown ASN type only the rules common to PNS and PPPK apply, so a
        // malformed number is still reported next to the missing type.
        let nipRulesType: Common.AsnType = e.asnType == .pns ? .pns : .pppk
        do {
            let nip = try NIP(validating: e.nip, asnType: nipRulesType, today: today)
            if e.asnType == .pns || e.asnType == .pppk {
                out += NIPConsistency.violations(employee: e, nip: nip, fieldPrefix: fieldPrefix)
            }
        } catch {
            out.append(error.violation(field: fieldPrefix + "nip"))
        }

        text(e.fullName, field: "full_name", reason: "FULL_NAME", required: true, max: 200, add)
        text(e.gelarDepan, field: "gelar_depan", reason: "GELAR_DEPAN", required: false, max: 50, add)
        text(e.gelarBelakang, field: "gelar_belakang", reason: "GELAR_BELAKANG", required: false, max: 100, add)
        text(e.jabatanName, field: "jabatan_name", reason: "JABATAN_NAME", required: true, max: 200, add)
        text(e.golongan, field: "golongan", reason: "GOLONGAN", required: false, max: 10, add)

        requiredEnum(e.asnType, field: "asn_type", reason: "ASN_TYPE", add)
        requiredEnum(e.jenisJabatan, field: "jenis_jabatan", reason: "JENIS_JABATAN", add)
        requiredEnum(e.status, field: "status", reason: "STATUS", add)
        // Sex is optional (PNS consistency with digit 15 is checked with the NIP), but an
        // unknown number is never stored.
        if case .unrecognized(let raw) = e.sex {
            add("sex", "SEX_UNKNOWN", "sex \(raw) is not a known value; expected SEX_MALE or SEX_FEMALE")
        }

        if let birth = e.birthDate {
            if !birth.isValid {
                add("birth_date", "BIRTH_DATE_INVALID", "birth_date \(birth.isoString) is not a real day between 1900-01-01 and 9999-12-31")
            }
        } else {
            add("birth_date", "BIRTH_DATE_REQUIRED", "birth_date is required")
        }

        if let tmt = e.tmt {
            if !tmt.isValid {
                add("tmt", "TMT_INVALID", "tmt \(tmt.isoString) is not a real day between 1900-01-01 and 9999-12-31")
            } else {
                if let birth = e.birthDate, birth.isValid, tmt < birth {
                    add("tmt", "TMT_BEFORE_BIRTH", "tmt \(tmt.isoString) is before the birth date \(birth.isoString)")
                }
                // A record in performance management is for someone already in service.
                if today < tmt {
                    add("tmt", "TMT_IN_FUTURE", "tmt \(tmt.isoString) is after today (\(today.isoString))")
                }
            }
        }

        if !e.email.isEmpty {
            if e.email.unicodeScalars.count > 254 {
                add("email", "EMAIL_TOO_LONG", "email must be at most 254 characters, got \(e.email.unicodeScalars.count)")
            } else if !isEmailShaped(e.email) {
                add("email", "EMAIL_INVALID", "email must look like name@domain.tld (ASCII letters, digits and . _ + - only), got \"\(e.email)\"")
            }
        }
        if !e.phone.isEmpty, !isE164(e.phone) {
            add("phone", "PHONE_INVALID", "phone must be in E.164 form, \"+\" then 8-15 digits not starting with 0 (e.g. +6281234567890), got \"\(e.phone)\"")
        }
        return out
    }

    /// True when `text` is `+` followed by 8–15 ASCII digits, the first not 0.
    ///
    /// E.164 allows at most 15 digits; the minimum of 8 is our inference (no Indonesian number,
    /// country code included, is shorter).
    public static func isE164(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 9, bytes.count <= 16, bytes[0] == UInt8(ascii: "+") else { return false }
        let digits = bytes.dropFirst()
        guard digits.first != UInt8(ascii: "0") else { return false }
        return digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// True when `text` is a plain ASCII address `local@domain.tld`.
    ///
    /// Deliberately narrower than RFC 5322 (no quoted local parts, comments or IP literals):
    /// official addresses of the Kupang government never need them, and a narrow shape catches
    /// typing mistakes.
    public static func isEmailShaped(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0].utf8, domain = parts[1].utf8
        guard (1...64).contains(local.count), (1...253).contains(domain.count) else { return false }
        func isAlnum(_ b: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
        }
        let localExtras: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-")]
        guard local.allSatisfy({ isAlnum($0) || localExtras.contains($0) }),
              local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              !parts[0].contains("..") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            let bytes = label.utf8
            guard (1...63).contains(bytes.count),
                  bytes.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") }),
                  bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        }
        // The top-level domain is letters only (no numeric TLD exists).
        return labels.last.map { $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic && $0.isASCII } && $0.count >= 2 } ?? false
    }

    private static func text(
        _ value: String, field: String, reason: String, required: Bool, max: Int,
        _ add: (String, String, String) -> Void
    ) {
        let count = value.unicodeScalars.count
        if required, value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            add(field, reason + "_REQUIRED", "\(field) is required (1-\(max) characters, not only spaces)")
        } else if count > max {
            add(field, reason + "_TOO_LONG", "\(field) must be at most \(max) characters, got \(count)")
        }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            add(field, reason + "_CONTROL_CHARACTER", "\(field) must not contain control characters (tabs, line breaks and the like)")
        }
    }

    private static func requiredEnum<E: ProtoEnum>(
        _ value: E, field: String, reason: String, _ add: (String, String, String) -> Void
    ) {
        if value.rawValue == 0 {
            add(field, reason + "_REQUIRED", "\(field) is required")
        } else if value.protoName == nil {
            add(field, reason + "_UNKNOWN", "\(field) \(value.rawValue) is not a known value")
        }
    }
}
