public import Foundation

/// Universally unique, lexicographically sortable identifiers (ULID: 48-bit millisecond time +
/// 80 random bits, Crockford base32, 26 characters) for ids the services assign.
public enum ULID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new ULID for the instant `now`.
    public static func make(now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()  // getrandom(2) on Linux: two calls per id
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1000)) & 0xFFFF_FFFF_FFFF
        let random: UInt64 = generator.next()             // 64 of the 80 random bits
        let more: UInt64 = generator.next() & 0xFFFF     // the other 16
        // 128 bits: 48 of time, then 80 random; 26 base32 characters (the first carries 3 bits).
        var high = millis << 16 | more
        var low = random
        var out = [UInt8](repeating: 0, count: 26)
        for i in (0..<26).reversed() {
            out[i] = alphabet[Int(low & 31)]
            low = (low >> 5) | ((high & 31) << 59)
            high >>= 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `text` has the shape of a ULID (26 Crockford base32 characters).
    public static func isValid(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return utf8.count == 26 && utf8[0] <= UInt8(ascii: "7") && utf8.allSatisfy { alphabet.contains($0) }
    }
}
