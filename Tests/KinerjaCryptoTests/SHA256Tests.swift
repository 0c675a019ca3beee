import KinerjaCrypto
import Testing

@Suite("SHA-256 (FIPS 180-4 / NIST example vectors)")
struct SHA256Tests {
    @Test("the digest of \"abc\" is ba7816bf…f20015ad")
    func abc() {
        #expect(SHA256.hash("abc".utf8) == Hex.bytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
    }

    @Test("the digest of the empty string is e3b0c442…7852b855")
    func empty() {
        #expect(SHA256.hash([UInt8]()) == Hex.bytes("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }

    @Test("one million 'a' fed in uneven pieces digests to cdc76e5c…c7112cd0")
    func millionA() {
        var hasher = SHA256Hasher()
        var fed = 0
        var piece = 1
        while fed < 1_000_000 {
            let count = min(piece, 1_000_000 - fed)
            hasher.update(repeatElement(UInt8(ascii: "a"), count: count))
            fed += count
            piece = piece * 3 % 10_007 + 1
        }
        #expect(hasher.finalize() == Hex.bytes("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"))
    }

    @Test("a copied hasher continues independently of the original")
    func copyForks() {
        var original = SHA256Hasher()
        original.update("a".utf8)
        var fork = original
        fork.update("bc".utf8)
        original.update("b".utf8)
        #expect(fork.finalize() == SHA256.hash("abc".utf8))
        #expect(original.finalize() == SHA256.hash("ab".utf8))
    }

    @Test("finalize starts the hasher over, empty")
    func finalizeResets() {
        var hasher = SHA256Hasher()
        hasher.update("xyz".utf8)
        _ = hasher.finalize()
        hasher.update("abc".utf8)
        #expect(hasher.finalize() == SHA256.hash("abc".utf8))
    }

    @Test("a non-contiguous sequence hashes like the same bytes in an array")
    func lazySequence() {
        let bytes = (0..<10_000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(SHA256.hash(bytes) == SHA256.hash(Array(bytes)))
    }
}
