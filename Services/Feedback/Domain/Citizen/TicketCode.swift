import KinerjaCrypto

/// The code on a citizen's service ticket: 14 random Crockford base32 characters (70 bits) and a
/// check character, shown as `K7QMX-3XHD9-2PBQR`.
///
/// - **Randomness**: each random character is 5 bits of one byte from KinerjaCrypto's
///   `SecureRandom` (OpenSSL's DRBG); 256 is a multiple of 32, so every character is uniform.
///   70 bits means ≈1.2 × 10²¹ codes: with 100 000 tickets alive, one guess hits one of them with
///   probability below 10⁻¹⁶, and the per-address guess limit (``TicketGuessLimiter``) keeps an
///   attacker to a handful of guesses an hour.
/// - **Alphabet**: Crockford's `0123456789ABCDEFGHJKMNPQRSTVWXYZ` — no I, L, O or U. Input is
///   case-insensitive, dashes and spaces are ignored, O reads as 0 and I, L as 1, so the letters
///   people confuse never make a wrong code.
/// - **Check character**: the last character `c` makes `c + Σ αⁱ·dᵢ = 0` in GF(32) (the field
///   of x⁵ + x² + 1, α = x, data position i = 1…14). Every weight is distinct and non-zero, so any
///   one wrong character and any two swapped characters (adjacent or not) are caught by
///   ``init(parsing:)`` before a lookup, and a typo never reaches the database or the guess
///   limit's count of unknown codes.
public struct TicketCode: Sendable, Hashable, CustomStringConvertible {
    /// Crockford's base32 alphabet.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// Random characters.
    public static let randomLength = 14
    /// Characters in all (random and check).
    public static let length = 15
    /// Characters per printed group.
    public static let groupLength = 5

    /// The 15 characters without dashes, upper case: how the code is stored and looked up.
    public let canonical: String

    /// The code as printed: three groups of five separated by `-`.
    public var display: String {
        let characters = Array(canonical)
        return stride(from: 0, to: characters.count, by: Self.groupLength)
            .map { String(characters[$0..<min($0 + Self.groupLength, characters.count)]) }
            .joined(separator: "-")
    }

    /// The printed form.
    public var description: String { display }

    /// A new random code from KinerjaCrypto's `SecureRandom`.
    public static func generate() -> TicketCode {
        generate(randomBytes: SecureRandom.bytes)
    }

    /// A new code from `randomBytes`, a source of `count` random bytes (tests pass their own).
    public static func generate(randomBytes: (Int) -> [UInt8]) -> TicketCode {
        var bytes = randomBytes(randomLength)
        if bytes.count < randomLength { bytes += [UInt8](repeating: 0, count: randomLength - bytes.count) }
        let digits = bytes.prefix(randomLength).map { $0 & 0x1F }
        return TicketCode(digits: digits + [checkDigit(digits)])
    }

    /// A code typed or scanned by a citizen: dashes and spaces ignored, any case, O → 0, I/L → 1.
    ///
    /// - Throws: ``FeedbackError`` `TICKET_CODE_MALFORMED` for a wrong length or a character outside
    ///   the alphabet, `TICKET_CODE_CHECK_FAILED` for a typo the check character catches.
    public init(parsing text: String) throws(FeedbackError) {
        var digits: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar == "-" || scalar == " " { continue }
            guard let digit = Self.digit(of: scalar) else {
                throw FeedbackError(.ticketCodeMalformed,
                                    "a ticket code is \(Self.length) characters of 0-9 and A-Z without I, L, O and U, e.g. K7QMX-3XHD9-2PBQR",
                                    field: "ticket_code")
            }
            digits.append(digit)
            guard digits.count <= Self.length else { break }
        }
        guard digits.count == Self.length else {
            throw FeedbackError(.ticketCodeMalformed, "a ticket code has \(Self.length) characters, got \(digits.count > Self.length ? "more" : String(digits.count))", field: "ticket_code")
        }
        guard Self.checkDigit(Array(digits.prefix(Self.randomLength))) == digits[Self.randomLength] else {
            throw FeedbackError(.ticketCodeCheckFailed, "the ticket code has a typo: check each character against the ticket", field: "ticket_code")
        }
        self.init(digits: digits)
    }

    private init(digits: [UInt8]) {
        canonical = String(digits.map { Self.alphabet[Int($0)] })
    }

    /// The value 0…31 of a typed character, or nil.
    static func digit(of scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "O", "o": return 0
        case "I", "i", "L", "l": return 1
        default:
            let upper = Character(scalar).uppercased()
            guard let index = alphabet.firstIndex(where: { String($0) == upper }) else { return nil }
            return UInt8(index)
        }
    }

    /// The check digit of 14 data digits: Σ αⁱ·dᵢ over GF(32), i = 1…14.
    static func checkDigit(_ data: [UInt8]) -> UInt8 {
        var sum: UInt8 = 0
        var weight: UInt8 = 1
        for digit in data {
            weight = GF32.multiply(weight, 2)
            sum ^= GF32.multiply(weight, digit & 0x1F)
        }
        return sum
    }
}

/// Arithmetic in GF(2⁵) with the primitive polynomial x⁵ + x² + 1.
enum GF32 {
    /// `a · b` in the field.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = a & 0x1F, b = b & 0x1F, product: UInt8 = 0
        while b != 0 {
            if b & 1 != 0 { product ^= a }
            b >>= 1
            a <<= 1
            if a & 0x20 != 0 { a ^= 0x25 }
        }
        return product
    }
}
