/// One-time passwords handed out by HR for first sign-in and resets.
public enum OneTimePassword {
    /// Letters and digits a person can read back without confusion: no `0`, `O`, `o`, `1`, `l`,
    /// `I`, `i` (55 characters, about 5.8 bits each: 16 of them carry 92 bits).
    public static let alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"

    private static let characters = Array(alphabet.utf8)

    /// A password of `length` characters drawn uniformly from ``alphabet``.
    ///
    /// Random bytes at or above the largest multiple of the alphabet size are discarded
    /// (rejection sampling), so every character is equally likely; a plain modulo would favour
    /// the first ones.
    public static func generate(length: Int = 16) -> String {
        precondition(length > 0, "a one-time password needs at least one character")
        let limit = UInt8(256 / characters.count * characters.count)
        var output: [UInt8] = []
        output.reserveCapacity(length)
        while output.count < length {
            for byte in SecureRandom.bytes(length * 2) where byte < limit && output.count < length {
                output.append(characters[Int(byte) % characters.count])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
