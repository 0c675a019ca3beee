public import Foundation

/// Universally unique, lexicographically sortable identifiers (ULID: 48-bit millisecond time +
/// 80 random bits, Crockford base32, 26 characters) for ids the services assign.
public enum ULID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new ULID for the instant `now`.
    public static func make(now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()  // getrandom(2) on Linux
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - UInt64(i)))) }
        for i in 6..<16 { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
        // 128 bits → 26 base32 characters (the first carries 3 bits).
        var high = UInt64(0), low = UInt64(0)
        for i in 0..<8 { high = high << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { low = low << 8 | UInt64(bytes[i]) }
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
