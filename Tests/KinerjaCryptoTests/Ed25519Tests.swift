import KinerjaCrypto
import Testing

@Suite("Ed25519 (RFC 8032 §7.1)")
struct Ed25519Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var seed: String
        var publicKey: String
        var message: String
        var signature: String
        var testDescription: String { name }
    }

    static let vectors = [
        Vector(name: "TEST 1 (empty message)",
               seed: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
               publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
               message: "",
               signature: """
               e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155
               5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b
               """),
        Vector(name: "TEST 2 (one byte 0x72)",
               seed: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
               publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
               message: "72",
               signature: """
               92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da
               085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00
               """),
    ]

    @Test("the seed yields the RFC public key and the exact RFC signature, which verifies", arguments: vectors)
    func rfcVector(vector: Vector) throws {
        let key = try Ed25519PrivateKey(rawRepresentation: Hex.bytes(vector.seed))
        #expect(key.rawRepresentation == Hex.bytes(vector.seed))
        #expect(key.publicKey.rawRepresentation == Hex.bytes(vector.publicKey))
        let signature = try key.signature(for: Hex.bytes(vector.message))
        #expect(signature == Hex.bytes(vector.signature))
        let publicKey = try Ed25519PublicKey(rawRepresentation: Hex.bytes(vector.publicKey))
        #expect(publicKey == key.publicKey)
        #expect(publicKey.isValidSignature(signature, for: Hex.bytes(vector.message)))
    }

    @Test("a signature does not verify under another key")
    func wrongKey() throws {
        let signer = Ed25519PrivateKey()
        let other = Ed25519PrivateKey()
        let signature = try signer.signature(for: Array("message".utf8))
        #expect(!other.publicKey.isValidSignature(signature, for: Array("message".utf8)))
    }

    @Test("flipping any one bit of the signature or the message makes verification fail")
    func flippedBytes() throws {
        let key = Ed25519PrivateKey()
        let message = Array("kinerja".utf8)
        let signature = try key.signature(for: message)
        for index in [0, 31, 32, 63] {
            var altered = signature
            altered[index] ^= 0x01
            #expect(!key.publicKey.isValidSignature(altered, for: message))
        }
        for index in message.indices {
            var altered = message
            altered[index] ^= 0x80
            #expect(!key.publicKey.isValidSignature(signature, for: altered))
        }
    }

    @Test("signatures of the wrong length are invalid, not errors")
    func wrongSignatureLength() throws {
        let key = Ed25519PrivateKey()
        let signature = try key.signature(for: [1, 2, 3])
        #expect(!key.publicKey.isValidSignature(signature.dropLast(), for: [1, 2, 3]))
        #expect(!key.publicKey.isValidSignature(signature + [0], for: [1, 2, 3]))
        #expect(!key.publicKey.isValidSignature([UInt8](), for: [1, 2, 3]))
    }

    @Test("keys of the wrong length are refused with invalidKey")
    func wrongKeyLength() {
        for length in [0, 31, 33, 64] {
            #expect(throws: CryptoError.self) { try Ed25519PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: length)) }
            #expect(throws: CryptoError.self) { try Ed25519PublicKey(rawRepresentation: [UInt8](repeating: 1, count: length)) }
        }
        do {
            _ = try Ed25519PublicKey(rawRepresentation: [1, 2, 3])
        } catch let error as CryptoError {
            #expect(error.code == .invalidKey)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("generated keys differ, and round-trip through their seed")
    func generation() throws {
        let first = Ed25519PrivateKey()
        let second = Ed25519PrivateKey()
        #expect(first.rawRepresentation != second.rawRepresentation)
        let restored = try Ed25519PrivateKey(rawRepresentation: first.rawRepresentation)
        #expect(restored.publicKey == first.publicKey)
    }

    @Test("one public key verifies from many threads at once")
    func concurrentVerification() async throws {
        let key = Ed25519PrivateKey()
        let message = Array("shared".utf8)
        let signature = try key.signature(for: message)
        let publicKey = key.publicKey
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { _ in publicKey.isValidSignature(signature, for: message) }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
