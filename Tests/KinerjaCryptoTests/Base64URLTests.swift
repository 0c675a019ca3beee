import KinerjaCrypto
import Testing

@Suite("Base64URL: unpadded RFC 4648 §5, one accepted text per byte string")
struct Base64URLTests {
    @Test("RFC 4648 §10 vectors encode without padding", arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func vectors(plain: String, encoded: String) {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test("bytes that need '-' and '_' use the URL-safe alphabet")
    func urlAlphabet() {
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
    }

    @Test("every length from 0 to 64 round-trips")
    func roundTrip() {
        for length in 0...64 {
            let bytes = SecureRandom.bytes(length)
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test("padding, the standard alphabet, whitespace, bad lengths and other characters are refused", arguments: [
        "Zg==", "Zm8=", "Zg=", "+/+/", "ab+c", "ab/c", "Zm9v Yg", " Zm9v", "Zm9v\n", "Zm9v\t", "Z", "Zm9vY", "Zm.v", "Zm9v!", "Zé9v",
    ])
    func rejects(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("set bits after the last whole byte are refused (non-canonical)", arguments: ["Zh", "Zm9", "Zm-", "AB", "AAB"])
    func nonCanonicalTrailingBits(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("a substring decodes like the same text as a string")
    func substring() {
        let text = "xxZm9vYmFyxx"
        let inner = text.dropFirst(2).dropLast(2)
        #expect(Base64URL.decode(inner) == Array("foobar".utf8))
    }
}
