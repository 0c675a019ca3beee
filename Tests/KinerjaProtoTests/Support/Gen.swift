@testable import KinerjaProto

/// A message type the tests can fill with random values (conformances are generated).
protocol ArbitraryMessage: ProtoMessage {
    static func arbitrary(_ g: inout Gen) -> Self
}

/// A small, fast, seeded random number generator (SplitMix64), so a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random values for generated messages, biased towards the edges that break codecs.
struct Gen {
    enum Mode {
        /// Anything valid: empty and huge fields, unknown enum numbers, special floats.
        case random
        /// Every field populated with values a text-format round trip through protoc reproduces exactly.
        case populated
    }

    var rng: SplitMix64
    let mode: Mode
    private(set) var depth = 0

    init(seed: UInt64, mode: Mode = .random) {
        rng = SplitMix64(state: seed)
        self.mode = mode
    }

    mutating func choice(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    mutating func chance(_ oneIn: Int) -> Bool { choice(oneIn) == 0 }

    mutating func bool() -> Bool { mode == .populated ? true : rng.next() & 1 == 1 }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T {
        let edges: [T] = [0, 1, T.max, T.min, T.max / 2, 127, 128, 16_383, 16_384]
        if mode == .populated { return T(truncatingIfNeeded: rng.next() % 1_000_000 + 1) }
        return chance(3) ? edges[choice(edges.count)] : T(truncatingIfNeeded: rng.next())
    }

    mutating func int32() -> Int32 { integer(Int32.self) }
    mutating func uint32() -> UInt32 { integer(UInt32.self) }
    mutating func int64() -> Int64 { integer(Int64.self) }
    mutating func uint64() -> UInt64 { integer(UInt64.self) }

    mutating func double() -> Double {
        let edges: [Double] = [1200, 0.1, 95.5, 100.0 / 3, 1e-300, 1e300, .greatestFiniteMagnitude,
                               .leastNonzeroMagnitude, -2.25, .infinity, -.infinity, 0]
        if mode == .populated {
            if chance(2) { return edges[choice(8)] }
            while true {
                let value = Double(bitPattern: rng.next())
                if value.isFinite && value != 0 { return value }
            }
        }
        if chance(2) { return edges[choice(edges.count)] }
        let value = Double(bitPattern: rng.next())
        return value.isNaN ? 1.5 : value
    }

    mutating func float() -> Float {
        if mode == .populated { return [1.5, 0.1, 3.4e38, 1e-20, 95.5][choice(5)] }
        let value = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
        return value.isNaN ? 2.5 : value
    }

    /// Indonesian names with apostrophes and diacritics, other scripts, emoji, long and empty strings.
    static let names = [
        "Yohanes Don Bosco Ndun", "Maria Goreti Lede", "Ni Luh Putu Ayu Wijayanti", "Fransiskus D'Costa",
        "Yosef Ola Ama'", "Theresia Ré Bria", "Dukcapil Kota Kupang", "Terlayaninya penerbitan KTP-el tepat waktu",
        "Kecamatan Kelapa Lima", "Ōtsuka Ñuñez", "Алексей", "العربية", "日本語テキスト", "👍🏽 pelayanan ramah",
        "Baris\nbaru\tdan \"kutipan\" \\ garis miring", "'", "\u{7f}\u{1}\u{1f}", "Sébastien Lōdō Kaé",
    ]

    mutating func string() -> String {
        switch (mode, choice(10)) {
        case (.random, 0): return ""
        case (_, 1): return String(repeating: "Ā", count: 1 + choice(4096))  // long, multi-byte
        case (_, 2):
            let scalars = (0..<choice(40) + 1).map { _ in Unicode.Scalar(UInt8(32 + choice(95))) }
            return String(String.UnicodeScalarView(scalars))
        default: return Self.names[choice(Self.names.count)]
        }
    }

    mutating func bytes() -> [UInt8] {
        let count = mode == .populated ? 1 + choice(48) : [0, 1, 32, choice(300)][choice(4)]
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    }

    mutating func enumeration<E: ProtoEnum>() -> E {
        if mode == .random && chance(12) { return E(rawValue: Int32(1000 + choice(100_000))) }
        let known = E.knownCases
        if mode == .populated {
            let nonZero = known.filter { $0.rawValue != 0 }
            if !nonZero.isEmpty { return nonZero[choice(nonZero.count)] }
        }
        return known[choice(known.count)]
    }

    mutating func nested<T>(_ make: (inout Gen) -> T) -> T {
        depth += 1
        defer { depth -= 1 }
        return make(&self)
    }

    mutating func optional<T>(_ make: (inout Gen) -> T) -> T? {
        switch mode {
        case .populated: if depth >= 3 { return nil }
        case .random: if depth >= 4 || chance(2) { return nil }
        }
        return nested(make)
    }

    mutating func array<T>(_ make: (inout Gen) -> T) -> [T] {
        let count: Int
        switch mode {
        case .populated: count = depth >= 3 ? 0 : 1 + choice(2)
        case .random:
            if depth >= 3 { count = 0 }
            else if depth == 0 && chance(25) { count = 300 }  // large repeated fields
            else { count = choice(4) }
        }
        return nested { g in (0..<count).map { _ in make(&g) } }
    }
}
