/// Who a person is in Kinerja: an ASN by NIP, or a non-ASN official (the Kepala Daerah rating the
/// Sekretaris Daerah) by an identifier that can never be mistaken for a NIP.
///
/// A non-ASN identifier is `NONASN.` followed by 1–48 characters of `A`–`Z`, `0`–`9`, `.` and
/// `-`, e.g. `NONASN.WALIKOTA.KUPANG` (`common.proto`, ASN_TYPE_NON_ASN).
public enum PersonIdentifier {
    /// The prefix of every non-ASN identifier.
    public static let nonASNPrefix = "NONASN."
    /// Longest part after the prefix.
    public static let maximumNonASNSuffixLength = 48

    /// True for 18 ASCII digits (the shape of a NIP; its parts are checked by ``NIP``).
    public static func isNIPShaped(_ text: String) -> Bool {
        text.utf8.count == 18 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// True for a well-formed non-ASN identifier.
    public static func isNonASN(_ text: String) -> Bool {
        guard text.hasPrefix(nonASNPrefix) else { return false }
        let suffix = text.utf8.dropFirst(nonASNPrefix.utf8.count)
        return !suffix.isEmpty && suffix.count <= maximumNonASNSuffixLength
            && suffix.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 }
    }

    /// True for a NIP-shaped text or a non-ASN identifier.
    public static func isValid(_ text: String) -> Bool {
        isNIPShaped(text) || isNonASN(text)
    }
}
