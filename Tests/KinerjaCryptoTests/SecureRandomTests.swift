import KinerjaCrypto
import Testing

@Suite("SecureRandom")
struct SecureRandomTests {
    @Test("returns exactly the requested number of bytes, and nothing for zero")
    func counts() {
        #expect(SecureRandom.bytes(0).isEmpty)
        #expect(SecureRandom.bytes(1).count == 1)
        #expect(SecureRandom.bytes(1000).count == 1000)
    }

    @Test("two 32-byte draws differ")
    func distinct() {
        #expect(SecureRandom.bytes(32) != SecureRandom.bytes(32))
    }
}
