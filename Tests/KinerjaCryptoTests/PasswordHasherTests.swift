import Foundation
import KinerjaCrypto
import Testing

/// Cheap parameters at the validation floor, so the suite runs in well under a second per hash.
let fastScrypt = PasswordHashParameters(algorithm: .scrypt, scryptLogN: 10, scryptR: 8, scryptP: 1)
let fastPBKDF2 = PasswordHashParameters(algorithm: .pbkdf2SHA256, pbkdf2Iterations: 1_000)

@Suite("Password hashing: PHC strings, scrypt and PBKDF2-SHA256")
struct PasswordHasherTests {
    @Test("an scrypt hash has the documented shape and verifies the same password only")
    func scryptRoundTrip() throws {
        let encoded = try PasswordHasher(parameters: fastScrypt).hash("rahasia-Kupang-2025")
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        #expect(fields.count == 5)
        #expect(encoded.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        #expect(Base64URL.decode(fields[3])?.count == 16)
        #expect(Base64URL.decode(fields[4])?.count == 32)
        #expect(PasswordHasher.verify("rahasia-Kupang-2025", against: encoded))
        #expect(!PasswordHasher.verify("rahasia-kupang-2025", against: encoded))
        #expect(!PasswordHasher.verify("", against: encoded))
    }

    @Test("a PBKDF2-SHA256 hash has the documented shape and verifies the same password only")
    func pbkdf2RoundTrip() throws {
        let encoded = try PasswordHasher(parameters: fastPBKDF2).hash("sandi yang panjang")
        #expect(encoded.hasPrefix("$pbkdf2-sha256$i=1000$"))
        #expect(PasswordHasher.verify("sandi yang panjang", against: encoded))
        #expect(!PasswordHasher.verify("sandi yang panjang ", against: encoded))
    }

    @Test("stored strings computed independently (Python hashlib) verify: PBKDF2-SHA256 and scrypt")
    func independentlyComputedHashes() {
        // hashlib.pbkdf2_hmac("sha256", b"passwd", b"kinerja-salt-16b", 1000, 32) and
        // hashlib.scrypt(b"passwd", salt=b"kinerja-salt-16b", n=1024, r=8, p=1, dklen=32).
        let pbkdf2 = "$pbkdf2-sha256$i=1000$a2luZXJqYS1zYWx0LTE2Yg$4Oe3jp3qXSC2Qem21D_T8uAbFrDDtBTqVhBno_M1AjI"
        let scrypt = "$scrypt$ln=10,r=8,p=1$a2luZXJqYS1zYWx0LTE2Yg$vuN5GNl0h1QZMxQDHdb7mUoga5T_wPfqDNIOO-EsDjo"
        #expect(PasswordHasher.verify("passwd", against: pbkdf2))
        #expect(PasswordHasher.verify("passwd", against: scrypt))
        #expect(!PasswordHasher.verify("passwd!", against: pbkdf2))
        #expect(!PasswordHasher.verify("passwd!", against: scrypt))
    }

    @Test("a correct hash whose cost is below the floor is refused (999 iterations, computed by hashlib)")
    func belowFloorRefused() {
        let weak = "$pbkdf2-sha256$i=999$a2luZXJqYS1zYWx0LTE2Yg$zHpi8ZYdS4HT1gSHnGfpjgWNGoqcQ1QMR36_Jvh1mas"
        #expect(!PasswordHasher.verify("passwd", against: weak))
    }

    @Test("hashing the same password twice gives different strings (fresh salt)")
    func freshSalt() throws {
        let hasher = PasswordHasher(parameters: fastScrypt)
        #expect(try hasher.hash("sama") != hasher.hash("sama"))
    }

    @Test("the same password typed composed or decomposed matches (NFKC)")
    func unicodeNormalisation() throws {
        let encoded = try PasswordHasher(parameters: fastPBKDF2).hash("caf\u{E9}")
        #expect(PasswordHasher.verify("cafe\u{301}", against: encoded))
    }

    @Test("the recommended scrypt parameters (N = 2^17, r = 8, p = 1) hash and verify")
    func recommendedScrypt() throws {
        let encoded = try PasswordHasher(parameters: .recommended).hash("kata sandi kuat")
        #expect(encoded.hasPrefix("$scrypt$ln=17,r=8,p=1$"))
        #expect(PasswordHasher.verify("kata sandi kuat", against: encoded))
    }

    @Test("malformed or out-of-range encodings never verify", arguments: [
        "",
        "plaintext",
        "$scrypt$",
        "$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA",
        "$bcrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$r=8,ln=10,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=010,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=+10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=9,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=0,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
        "$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$",
        "$pbkdf2-sha256$i=999$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=4294967296$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=1000,r=8$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=1000$AAAAAAAAAAAA AAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ])
    func malformed(encoded: String) {
        #expect(!PasswordHasher.verify("", against: encoded))
    }

    @Test("a truncated or altered real hash no longer verifies")
    func alteredHash() throws {
        let encoded = try PasswordHasher(parameters: fastPBKDF2).hash("benar")
        #expect(!PasswordHasher.verify("benar", against: String(encoded.dropLast())))
        #expect(!PasswordHasher.verify("benar", against: encoded.replacingFirst("i=1000", with: "i=1001")))
    }

    @Test("needsRehash is false for matching parameters and true when the algorithm or any cost differs")
    func needsRehash() throws {
        let scryptHash = try PasswordHasher(parameters: fastScrypt).hash("x")
        let pbkdf2Hash = try PasswordHasher(parameters: fastPBKDF2).hash("x")
        #expect(!PasswordHasher(parameters: fastScrypt).needsRehash(scryptHash))
        #expect(!PasswordHasher(parameters: fastPBKDF2).needsRehash(pbkdf2Hash))
        #expect(PasswordHasher(parameters: .recommended).needsRehash(scryptHash))
        #expect(PasswordHasher(parameters: .pbkdf2Recommended).needsRehash(pbkdf2Hash))
        #expect(PasswordHasher(parameters: fastScrypt).needsRehash(pbkdf2Hash))
        #expect(PasswordHasher(parameters: fastPBKDF2).needsRehash(scryptHash))
        var otherR = fastScrypt
        otherR.scryptR = 4
        #expect(PasswordHasher(parameters: otherR).needsRehash(scryptHash))
        var otherP = fastScrypt
        otherP.scryptP = 2
        #expect(PasswordHasher(parameters: otherP).needsRehash(scryptHash))
        #expect(PasswordHasher(parameters: fastScrypt).needsRehash("garbage"))
    }

    @Test("parameters below the floor or above the ceiling are refused when hashing")
    func validation() {
        let refused = [
            PasswordHashParameters(algorithm: .scrypt, scryptLogN: 9),
            PasswordHashParameters(algorithm: .scrypt, scryptLogN: 10, scryptR: 0),
            PasswordHashParameters(algorithm: .scrypt, scryptLogN: 10, scryptP: 0),
            PasswordHashParameters(algorithm: .scrypt, scryptLogN: 20, scryptR: 8),
            PasswordHashParameters(algorithm: .pbkdf2SHA256, pbkdf2Iterations: 999),
            PasswordHashParameters(algorithm: .pbkdf2SHA256, pbkdf2Iterations: 20_000_000),
        ]
        for parameters in refused {
            #expect(throws: CryptoError.self) { try parameters.validate() }
            #expect(throws: CryptoError.self) { try PasswordHasher(parameters: parameters).hash("x") }
        }
        #expect(throws: Never.self) { try PasswordHashParameters.recommended.validate() }
        #expect(throws: Never.self) { try PasswordHashParameters.pbkdf2Recommended.validate() }
    }

    @Test("only the recommended strengths count as production-grade")
    func productionStrength() {
        #expect(PasswordHashParameters.recommended.meetsRecommendedStrength)
        #expect(PasswordHashParameters.pbkdf2Recommended.meetsRecommendedStrength)
        #expect(!fastScrypt.meetsRecommendedStrength)
        #expect(!fastPBKDF2.meetsRecommendedStrength)
    }

    @Test("recommended parameters are scrypt 2^17/8/1 and PBKDF2 600 000, and survive a Codable round trip")
    func recommendedValues() throws {
        #expect(PasswordHashParameters.recommended.algorithm == .scrypt)
        #expect(PasswordHashParameters.recommended.scryptLogN == 17)
        #expect(PasswordHashParameters.recommended.scryptR == 8)
        #expect(PasswordHashParameters.recommended.scryptP == 1)
        #expect(PasswordHashParameters.pbkdf2Recommended.algorithm == .pbkdf2SHA256)
        #expect(PasswordHashParameters.pbkdf2Recommended.pbkdf2Iterations == 600_000)
        let json = try JSONEncoder().encode(PasswordHashParameters.pbkdf2Recommended)
        #expect(try JSONDecoder().decode(PasswordHashParameters.self, from: json) == .pbkdf2Recommended)
        #expect(String(decoding: json, as: UTF8.self).contains("\"pbkdf2-sha256\""))
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
