/// The fixed parts of the access-token format (proto `kinerja.identity.v1.SignedAccessToken`).
public enum AccessTokenFormat {
    /// Domain-separation label signed ahead of the claims, so a signature made for anything else
    /// with the same key can never pass as a token.
    public static let signatureContext = "kinerja-access-token-v1"
    /// Longest token string accepted, in characters; longer strings are refused before decoding.
    public static let maximumLength = 4096
    /// Key id rule from `SigningKey.key_id`: 1–64 characters of `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`.
    public static func isValidKeyID(_ keyID: String) -> Bool {
        let utf8 = keyID.utf8
        return (1...64).contains(utf8.count) && utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): true
            default: false
            }
        }
    }

    /// The bytes an access-token signature covers: the context label, one zero byte, the claims.
    public static func signedBytes(claims: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(signatureContext.utf8.count + 1 + claims.count)
        bytes.append(contentsOf: signatureContext.utf8)
        bytes.append(0)
        bytes.append(contentsOf: claims)
        return bytes
    }
}
