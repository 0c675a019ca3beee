import KinerjaCrypto
import Testing

@Suite("ConstantTime.equals")
struct ConstantTimeTests {
    @Test("equal bytes are equal, including two empty inputs")
    func equal() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
        #expect(ConstantTime.equals([UInt8](1...3), (1...3).map { UInt8($0) }[...]))
    }

    @Test("a difference in the first, a middle or the last byte makes them unequal")
    func differentContents() {
        let base = [UInt8](repeating: 7, count: 32)
        for index in [0, 16, 31] {
            var other = base
            other[index] ^= 0x01
            #expect(!ConstantTime.equals(base, other))
        }
    }

    @Test("inputs of different lengths are unequal, even when one is a prefix of the other")
    func differentLengths() {
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([UInt8](), [0]))
    }
}
