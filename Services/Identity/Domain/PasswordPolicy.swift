public import KinerjaProto

/// The rules a new password must meet.
///
/// From `identity.proto` (ChangePasswordRequest.new_password): 12–256 characters, not equal to
/// the current password, not containing the NIP. Added from NIST SP 800-63B §5.1.1.2
/// (which sets 8 as the floor; the contract's 12 is stricter): not a commonly used password
/// and not a single repeated character. No composition rules (digits, symbols), which NIST
/// advises against.
///
/// Lengths count Unicode scalars; the password is compared as given (no trimming, no
/// normalisation), because what the user typed is what the hash will see.
public enum PasswordPolicy {
    /// Fewest characters a password may have (`identity.proto`).
    public static let minimumLength = 12
    /// Most characters a password may have (`identity.proto`).
    public static let maximumLength = 256

    /// Reason code: fewer than ``minimumLength`` characters.
    public static let tooShort = "PASSWORD_TOO_SHORT"
    /// Reason code: more than ``maximumLength`` characters.
    public static let tooLong = "PASSWORD_TOO_LONG"
    /// Reason code: equal to the current password.
    public static let unchanged = "PASSWORD_UNCHANGED"
    /// Reason code: contains the account's NIP.
    public static let containsNIP = "PASSWORD_CONTAINS_NIP"
    /// Reason code: a common password, possibly with digits or punctuation around it.
    public static let tooCommon = "PASSWORD_TOO_COMMON"
    /// Reason code: one character repeated.
    public static let singleCharacter = "PASSWORD_SINGLE_CHARACTER"

    /// Every rule `newPassword` breaks for the account `nip`; empty when acceptable.
    ///
    /// - Parameters:
    ///   - currentPassword: the password being replaced, when known (nil for a reset).
    ///   - field: path reported in the violations.
    public static func violations(
        newPassword: String, nip: String, currentPassword: String?, field: String = "new_password"
    ) -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func add(_ reason: String, _ description: String) {
            out.append(Common.FieldViolation(field: field, description: description, reason: reason))
        }
        let scalars = newPassword.unicodeScalars
        let length = scalars.count
        if length < minimumLength {
            add(tooShort, "password must be at least \(minimumLength) characters, got \(length)")
        } else if length > maximumLength {
            add(tooLong, "password must be at most \(maximumLength) characters, got \(length)")
        }
        if let currentPassword, newPassword == currentPassword {
            add(unchanged, "the new password must differ from the current one")
        }
        if !nip.isEmpty, newPassword.contains(nip) {
            add(containsNIP, "password must not contain your NIP")
        }
        if let first = scalars.first, scalars.allSatisfy({ $0 == first }) {
            add(singleCharacter, "password must not be one character repeated")
        } else if isCommon(newPassword) {
            add(tooCommon, "password is too common (it is, or starts from, a widely used password); choose a longer phrase of unrelated words")
        }
        return out
    }

    /// True when `password`, ignoring case, is a listed common password, or one with only
    /// digits, punctuation, symbols or spaces added before or after it.
    public static func isCommon(_ password: String) -> Bool {
        let lowered = password.lowercased()
        if CommonPasswords.set.contains(lowered) { return true }
        let core = String(String.UnicodeScalarView(lowered.unicodeScalars.trimmingPadding()))
        return !core.isEmpty && CommonPasswords.set.contains(core)
    }
}

extension String.UnicodeScalarView {
    /// The scalars without leading and trailing digits, punctuation, symbols and whitespace.
    fileprivate func trimmingPadding() -> Substring.UnicodeScalarView {
        func isPadding(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .decimalNumber, .otherNumber, .letterNumber,
                 .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation,
                 .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
                 .spaceSeparator:
                true
            default:
                false
            }
        }
        let slice = self[...]
        guard let start = slice.firstIndex(where: { !isPadding($0) }),
              let end = slice.lastIndex(where: { !isPadding($0) }) else { return slice[slice.endIndex...] }
        return slice[start...end]
    }
}
