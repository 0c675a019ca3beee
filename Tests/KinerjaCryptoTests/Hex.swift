/// Hex notation for test vectors, as RFCs print them (whitespace ignored).
enum Hex {
    static func bytes(_ text: String) -> [UInt8] {
        let digits = text.filter { !$0.isWhitespace }.utf8.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: preconditionFailure("not a lowercase hex digit in a test vector")
            }
        }
        precondition(digits.count % 2 == 0, "odd number of hex digits in a test vector")
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }
}
