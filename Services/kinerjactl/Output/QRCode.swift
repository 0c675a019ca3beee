/// A QR code (ISO/IEC 18004) for the rating link printed with a citizen ticket: byte mode, error
/// correction level M, the smallest version 1–10 that holds the text, Reed–Solomon over GF(256),
/// and the one of the eight data masks with the lowest penalty (rules N1–N4).
///
/// Written here because no QR package is available to the build; it encodes what a kiosk prints
/// (a link of about 55 bytes: version 4) and is checked module for module against an independent
/// encoder (`kinerjactlTests/FeedbackQRCodeTests`).
struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, 4 more per version).
    let size: Int
    /// The version, 1–10.
    let version: Int
    /// The data mask applied, 0–7.
    let mask: Int
    /// Dark modules, row by row.
    let modules: [[Bool]]

    /// Why a text cannot be encoded.
    struct TooLong: Error, CustomStringConvertible {
        let bytes: Int
        var description: String { "\(bytes) bytes do not fit a QR code of version 10 at level M (at most 213)" }
    }

    /// The QR code of `text` (UTF-8, byte mode, level M); `mask` forces a data mask (tests).
    init(_ text: String, version forced: Int? = nil, mask forcedMask: Int? = nil) throws {
        let data = Array(text.utf8)
        guard let version = forced ?? (1...10).first(where: { Self.capacity(version: $0) >= data.count }),
              Self.capacity(version: version) >= data.count else { throw TooLong(bytes: data.count) }
        let codewords = Self.codewords(data, version: version)
        var grid = Grid(version: version)
        grid.drawFunctionPatterns()
        grid.place(codewords)
        let masks = forcedMask.map { [$0] } ?? Array(0..<8)
        var best: (penalty: Int, grid: Grid, mask: Int)?
        for mask in masks {
            var candidate = grid
            candidate.apply(mask: mask)
            candidate.drawFormat(mask: mask)
            let penalty = candidate.penalty()
            if let current = best, current.penalty <= penalty { continue }
            best = (penalty, candidate, mask)
        }
        guard let best else { throw TooLong(bytes: data.count) }
        self.size = grid.size
        self.version = version
        self.mask = best.mask
        self.modules = best.grid.dark
    }

    // MARK: Level M tables, versions 1–10

    /// Error-correction codewords per block, and the blocks' data codewords, level M.
    static let blocks: [Int: (ec: Int, data: [Int])] = [
        1: (10, [16]), 2: (16, [28]), 3: (26, [44]), 4: (18, [32, 32]), 5: (24, [43, 43]),
        6: (16, [27, 27, 27, 27]), 7: (18, [31, 31, 31, 31]), 8: (22, [38, 38, 39, 39]),
        9: (22, [36, 36, 36, 37, 37]), 10: (26, [43, 43, 43, 43, 44]),
    ]

    /// Centres of the alignment patterns per version.
    static let alignment: [Int: [Int]] = [
        1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34], 7: [6, 22, 38], 8: [6, 24, 42], 9: [6, 26, 46], 10: [6, 28, 50],
    ]

    /// Bytes a version holds in byte mode at level M.
    static func capacity(version: Int) -> Int {
        guard let table = blocks[version] else { return 0 }
        let bits = table.data.reduce(0, +) * 8 - 4 - (version < 10 ? 8 : 16)
        return bits / 8
    }

    /// The final codeword sequence: the data bits padded, split in blocks, each with its
    /// Reed–Solomon codewords, interleaved.
    static func codewords(_ data: [UInt8], version: Int) -> [UInt8] {
        guard let table = blocks[version] else { return [] }
        let capacityBits = table.data.reduce(0, +) * 8
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)
        append(data.count, version < 10 ? 8 : 16)
        for byte in data { append(Int(byte), 8) }
        append(0, min(4, capacityBits - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var bytes = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while bytes.count < capacityBits / 8 {
            bytes.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for length in table.data {
            dataBlocks.append(Array(bytes[start..<start + length]))
            start += length
        }
        let generator = ReedSolomon.generator(degree: table.ec)
        let ecBlocks = dataBlocks.map { ReedSolomon.remainder($0, generator: generator) }
        var out: [UInt8] = []
        for index in 0..<(table.data.max() ?? 0) {
            for block in dataBlocks where index < block.count { out.append(block[index]) }
        }
        for index in 0..<table.ec {
            for block in ecBlocks { out.append(block[index]) }
        }
        return out
    }
}

/// Reed–Solomon error correction over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    /// `a · b` in GF(256).
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = UInt16(a), b = b, product: UInt16 = 0
        while b != 0 {
            if b & 1 != 0 { product ^= a }
            b >>= 1
            a <<= 1
            if a & 0x100 != 0 { a ^= 0x11D }
        }
        return UInt8(product)
    }

    /// The generator polynomial ∏ (x − αⁱ), i = 0…degree−1, highest coefficient first (the leading 1 left out).
    static func generator(degree: Int) -> [UInt8] {
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                coefficients[index] = multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = multiply(root, 2)
        }
        return coefficients
    }

    /// The remainder of `data` · x^degree divided by the generator: the error-correction codewords.
    static func remainder(_ data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in result.indices { result[index] ^= multiply(generator[index], factor) }
        }
        return result
    }
}
