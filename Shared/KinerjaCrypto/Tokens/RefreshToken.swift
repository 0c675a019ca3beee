/// Opaque refresh tokens: 256 random bits as 43 base64url characters; only the hash is stored.
public enum RefreshToken {
    /// Length of a refresh token in characters.
    public static let length = 43

    /// A new token and the SHA-256 of its UTF-8 text, which is what the store keeps.
    public static func generate() -> (token: String, hash: [UInt8]) {
        let token = Base64URL.encode(SecureRandom.bytes(32))
        return (token, SHA256.hash(token.utf8))
    }

    /// The stored hash of `token`, or nil when it is not exactly 43 canonical base64url
    /// characters (so junk is refused before it reaches the store).
    public static func hash(_ token: String) -> [UInt8]? {
        guard token.utf8.count == length, Base64URL.decode(token) != nil else { return nil }
        return SHA256.hash(token.utf8)
    }
}
