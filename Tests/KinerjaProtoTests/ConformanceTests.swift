import Foundation
import Testing
@testable import KinerjaProto

/// Our bytes are checked against an independent encoder: libprotoc's own
/// implementation behind `protoc-c --encode/--decode`.
@Suite("Conformance with protoc --encode/--decode")
struct ConformanceTests {
    static let seed: UInt64 = 20_221_006  // PermenPANRB 6/2022

    struct Outcome {
        var encodeMatches = 0
        var decodeMatches = 0
        var readsReference = 0
    }

    private func check<M: ArbitraryMessage>(_ type: M.Type, seed: UInt64) throws -> Outcome {
        var g = Gen(seed: seed, mode: .populated)
        let value = M.arbitrary(&g)
        let ours = try value.serializedBytes()
        let text = value.textFormat
        let includes = ["-I", "proto"] + protoFiles
        var outcome = Outcome()

        let encoded = try run(["protoc-c", "--encode=\(M.protoName)"] + includes, input: Array(text.utf8), in: repositoryRoot)
        #expect(encoded.status == 0, "protoc --encode=\(M.protoName) failed: \(encoded.stderr)\n\(text)")
        if encoded.stdout == ours { outcome.encodeMatches += 1 } else {
            Issue.record("\(M.protoName): our bytes \(hex(ours)) differ from protoc's \(hex(encoded.stdout))\n\(text)")
        }

        let decoded = try run(["protoc-c", "--decode=\(M.protoName)"] + includes, input: ours, in: repositoryRoot)
        #expect(decoded.status == 0, "protoc --decode=\(M.protoName) failed: \(decoded.stderr)")
        if String(decoding: decoded.stdout, as: UTF8.self) == text { outcome.decodeMatches += 1 } else {
            Issue.record("\(M.protoName): protoc decodes our bytes to\n\(String(decoding: decoded.stdout, as: UTF8.self))\nexpected\n\(text)")
        }

        let fromReference = try M(serializedBytes: encoded.stdout)
        if fromReference == value { outcome.readsReference += 1 } else {
            Issue.record("\(M.protoName): we decode protoc's bytes to a different value")
        }
        return outcome
    }

    @Test("for every message type: our encoding equals protoc's, protoc reads ours back to the same text, we read protoc's")
    func everyMessageType() throws {
        var total = Outcome()
        for (offset, type) in arbitraryMessageTypes.enumerated() {
            let outcome = try check(type, seed: Self.seed &+ UInt64(offset))
            total.encodeMatches += outcome.encodeMatches
            total.decodeMatches += outcome.decodeMatches
            total.readsReference += outcome.readsReference
        }
        let n = arbitraryMessageTypes.count
        print("conformance: \(n) message types; bytes equal \(total.encodeMatches), text equal \(total.decodeMatches), reference decoded \(total.readsReference)")
        #expect(total.encodeMatches == n && total.decodeMatches == n && total.readsReference == n)
    }
}
