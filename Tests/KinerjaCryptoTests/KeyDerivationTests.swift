import KinerjaCrypto
import Testing

@Suite("Raw key derivation against RFC 7914 vectors")
struct KeyDerivationTests {
    @Test("PBKDF2-HMAC-SHA256(\"passwd\", \"salt\", c = 1, 64 bytes) matches RFC 7914 §11")
    func pbkdf2One() throws {
        let output = try KeyDerivation.pbkdf2SHA256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, length: 64)
        #expect(output == Hex.bytes("""
            55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc
            49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783
            """))
    }

    @Test("PBKDF2-HMAC-SHA256(\"Password\", \"NaCl\", c = 80000, 64 bytes) matches RFC 7914 §11")
    func pbkdf2Many() throws {
        let output = try KeyDerivation.pbkdf2SHA256(password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80_000, length: 64)
        #expect(output == Hex.bytes("""
            4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56
            a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d
            """))
    }

    @Test("scrypt(\"\", \"\", N = 16, r = 1, p = 1, 64 bytes) matches RFC 7914 §12")
    func scryptEmpty() throws {
        let output = try KeyDerivation.scrypt(password: [UInt8](), salt: [UInt8](), logN: 4, r: 1, p: 1, length: 64)
        #expect(output == Hex.bytes("""
            77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442
            fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906
            """))
    }

    @Test("scrypt(\"password\", \"NaCl\", N = 1024, r = 8, p = 16, 64 bytes) matches RFC 7914 §12")
    func scryptNaCl() throws {
        let output = try KeyDerivation.scrypt(password: Array("password".utf8), salt: Array("NaCl".utf8), logN: 10, r: 8, p: 16, length: 64)
        #expect(output == Hex.bytes("""
            fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162
            2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640
            """))
    }

    @Test("scrypt(\"pleaseletmein\", \"SodiumChloride\", N = 16384, r = 8, p = 1, 64 bytes) matches RFC 7914 §12")
    func scryptSodiumChloride() throws {
        let output = try KeyDerivation.scrypt(password: Array("pleaseletmein".utf8), salt: Array("SodiumChloride".utf8),
                                              logN: 14, r: 8, p: 1, length: 64)
        #expect(output == Hex.bytes("""
            7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2
            d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887
            """))
    }

    @Test("scrypt needing more than 1 GiB, zero cost factors and bad lengths are refused before any work")
    func refusesOutOfRange() {
        #expect(throws: CryptoError.self) { try KeyDerivation.scrypt(password: [1], salt: [1], logN: 20, r: 8, p: 1, length: 32) }
        #expect(throws: CryptoError.self) { try KeyDerivation.scrypt(password: [1], salt: [1], logN: 4, r: 0, p: 1, length: 32) }
        #expect(throws: CryptoError.self) { try KeyDerivation.scrypt(password: [1], salt: [1], logN: 4, r: 1, p: 1, length: 0) }
        #expect(throws: CryptoError.self) { try KeyDerivation.pbkdf2SHA256(password: [1], salt: [1], iterations: 0, length: 32) }
        #expect(throws: CryptoError.self) { try KeyDerivation.pbkdf2SHA256(password: [1], salt: [1], iterations: 1, length: 1025) }
    }
}
