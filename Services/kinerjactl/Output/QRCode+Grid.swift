extension QRCode {
    /// The modules while a symbol is built: which are dark, and which belong to function patterns
    /// (finders, timing, alignment, format and version areas) and so take no data and no mask.
    struct Grid: Sendable {
        let version: Int
        let size: Int
        var dark: [[Bool]]
        var function: [[Bool]]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: Array(repeating: false, count: size), count: size)
            function = dark
        }

        mutating func set(_ row: Int, _ column: Int, _ value: Bool) {
            dark[row][column] = value
            function[row][column] = true
        }

        /// Finders with separators, timing, alignment, the dark module, and the format and version
        /// areas (reserved now, written later).
        mutating func drawFunctionPatterns() {
            for index in 0..<size {
                set(6, index, index % 2 == 0)
                set(index, 6, index % 2 == 0)
            }
            for (row, column) in [(3, 3), (3, size - 4), (size - 4, 3)] {
                for dy in -4...4 {
                    for dx in -4...4 {
                        let r = row + dy, c = column + dx
                        guard (0..<size).contains(r), (0..<size).contains(c) else { continue }
                        let distance = max(abs(dx), abs(dy))
                        set(r, c, distance != 2 && distance != 4)
                    }
                }
            }
            let centres = QRCode.alignment[version] ?? []
            for row in centres {
                for column in centres {
                    // Not over the finders.
                    if (row == 6 && column == 6) || (row == 6 && column == centres.last) || (row == centres.last && column == 6) { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { set(row + dy, column + dx, max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
            drawFormat(mask: 0)
            drawVersion()
        }

        /// The 15 format bits (level M, `mask`) in both copies, and the dark module.
        mutating func drawFormat(mask: Int) {
            let data = (0b00 << 3) | mask  // level M is 00
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = ((data << 10) | remainder) ^ 0x5412
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
            for index in 0...5 { set(index, 8, bit(index)) }
            set(7, 8, bit(6))
            set(8, 8, bit(7))
            set(8, 7, bit(8))
            for index in 9..<15 { set(8, 14 - index, bit(index)) }
            for index in 0..<8 { set(8, size - 1 - index, bit(index)) }
            for index in 8..<15 { set(size - 15 + index, 8, bit(index)) }
            set(size - 8, 8, true)
        }

        /// The 18 version bits (versions 7 and up) in both copies.
        mutating func drawVersion() {
            guard version >= 7 else { return }
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = (version << 12) | remainder
            for index in 0..<18 {
                let value = (bits >> index) & 1 == 1
                let a = size - 11 + index % 3, b = index / 3
                set(b, a, value)
                set(a, b, value)
            }
        }

        /// The codewords' bits in the zig-zag order: column pairs from the right, upwards then
        /// downwards, skipping the vertical timing column and every function module.
        mutating func place(_ codewords: [UInt8]) {
            var index = 0
            let total = codewords.count * 8
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for step in 0..<size {
                    for column in [right, right - 1] {
                        let upward = ((right + 1) & 2) == 0
                        let row = upward ? size - 1 - step : step
                        guard !function[row][column] else { continue }
                        if index < total {
                            dark[row][column] = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                            index += 1
                        }
                    }
                }
                right -= 2
            }
        }

        /// Inverts the data modules where mask `mask` says so.
        mutating func apply(mask: Int) {
            for row in 0..<size {
                for column in 0..<size where !function[row][column] {
                    let (i, j) = (row, column)
                    let invert = switch mask {
                    case 0: (i + j) % 2 == 0
                    case 1: i % 2 == 0
                    case 2: j % 3 == 0
                    case 3: (i + j) % 3 == 0
                    case 4: (i / 2 + j / 3) % 2 == 0
                    case 5: (i * j) % 2 + (i * j) % 3 == 0
                    case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
                    default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
                    }
                    if invert { dark[row][column].toggle() }
                }
            }
        }

        /// The penalty of the symbol (ISO/IEC 18004 7.8.3): N1 runs of five or more, N2 2×2 blocks,
        /// N3 finder-like 1:1:3:1:1 patterns with four light modules on one side, N4 the dark share.
        func penalty() -> Int {
            var score = 0
            let lines = (0..<size).map { dark[$0] } + (0..<size).map { column in (0..<size).map { dark[$0][column] } }
            let pattern: [Bool] = [true, false, true, true, true, false, true]
            for line in lines {
                var run = 1
                for index in 1..<size {
                    if line[index] == line[index - 1] {
                        run += 1
                    } else {
                        if run >= 5 { score += run - 2 }
                        run = 1
                    }
                }
                if run >= 5 { score += run - 2 }
                // Outside the symbol counts as light (the quiet zone).
                let padded = [Bool](repeating: false, count: 4) + line + [Bool](repeating: false, count: 4)
                for start in 4...(padded.count - 11) {
                    guard Array(padded[start..<start + 7]) == pattern else { continue }
                    let before = padded[start - 4..<start].allSatisfy { !$0 }
                    let after = padded[start + 7..<start + 11].allSatisfy { !$0 }
                    if before || after { score += 40 }
                }
            }
            for row in 0..<size - 1 {
                for column in 0..<size - 1 {
                    let value = dark[row][column]
                    if dark[row][column + 1] == value && dark[row + 1][column] == value && dark[row + 1][column + 1] == value { score += 3 }
                }
            }
            let darkCount = dark.reduce(0) { $0 + $1.filter { $0 }.count }
            let total = size * size
            // The smallest k with a dark share within (45 − 5k … 55 + 5k)%.
            let k = (abs(darkCount * 20 - total * 10) + total - 1) / total - 1
            score += max(0, k) * 10
            return score
        }
    }
}
