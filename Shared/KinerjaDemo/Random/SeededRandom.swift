/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast generator whose output depends only on
/// the seed, on every platform and Swift version.
///
/// Every demo (and every test that needs randomness) draws through these helpers rather than
/// the standard library's `random(in:using:)`, whose sampling algorithm is not promised to stay
/// the same between releases, nor `Hasher` (seeded per process); reproducibility is the point.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator for `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for `seed` mixed with the text `salt` (e.g. a NIP), so each subject draws from
    /// a stream of its own and one never shifts another.
    public init(seed: UInt64, salt: String) {
        // FNV-1a 64 over the bytes, then one SplitMix step to spread it.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in salt.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var mixer = SeededRandom(seed: seed ^ hash)
        state = mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<bound (bound ≥ 1), by rejection so there is no modulo bias.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let n = UInt64(bound)
        let limit = UInt64.max - UInt64.max % n
        while true {
            let value = next()
            if value < limit { return Int(value % n) }
        }
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// One element of a non-empty array (the demo's catalogues are never empty).
    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// True with probability `perMille` / 1000.
    public mutating func chance(perMille: Int) -> Bool {
        below(1000) < perMille
    }

    /// `count` distinct indices of 0..<total, in increasing order.
    public mutating func distinct(_ count: Int, of total: Int) -> [Int] {
        var pool = Array(0..<total)
        var picked: [Int] = []
        for _ in 0..<min(count, total) {
            picked.append(pool.remove(at: below(pool.count)))
        }
        return picked.sorted()
    }

    /// A ULID-shaped id (26 characters of Crockford base32): 48 bits of `milliseconds`, then 80 random bits.
    public mutating func ulid(milliseconds: UInt64) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(26)
        let time = milliseconds & 0xFFFF_FFFF_FFFF
        for index in stride(from: 9, through: 0, by: -1) {
            out.append(alphabet[Int((time >> (5 * UInt64(index))) & 31)])
        }
        let high = next() & 0xFFFF   // 16 bits
        let low = next()             // 64 bits
        for index in stride(from: 15, through: 0, by: -1) {
            let shift = 5 * index
            let bits: UInt64
            if shift >= 64 {
                bits = high >> UInt64(shift - 64)
            } else if shift + 5 > 64 {
                bits = (low >> UInt64(shift)) | (high << UInt64(64 - shift))
            } else {
                bits = low >> UInt64(shift)
            }
            out.append(alphabet[Int(bits & 31)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
