import KinerjaCrypto
import Testing

@Suite("Refresh tokens")
struct RefreshTokenTests {
    @Test("a new token is 43 base64url characters carrying 32 bytes, and its hash is SHA-256 of its text")
    func shape() {
        let (token, hash) = RefreshToken.generate()
        #expect(token.utf8.count == 43)
        #expect(Base64URL.decode(token)?.count == 32)
        #expect(hash == SHA256.hash(token.utf8))
        #expect(RefreshToken.hash(token) == hash)
    }

    @Test("a thousand new tokens are all different")
    func unique() {
        let tokens = Set((0..<1000).map { _ in RefreshToken.generate().token })
        #expect(tokens.count == 1000)
    }

    @Test("anything but 43 canonical base64url characters has no hash", arguments: [
        "", "abc", String(repeating: "A", count: 42), String(repeating: "A", count: 44),
        String(repeating: "A", count: 42) + "=", String(repeating: "A", count: 42) + "+",
        String(repeating: "A", count: 42) + "B",  // non-canonical: the last character carries set padding bits
    ])
    func refusesJunk(token: String) {
        #expect(RefreshToken.hash(token) == nil)
    }
}
