import Foundation
import Testing
@testable import KinerjaProto

/// `jsonString` prints valid JSON for any value of every message type of the contract.
@Suite("Proto3 JSON of every message type")
struct JSONFormatTests {
    /// A fixed sample (the same seeds every run), sized for `make test`'s time budget: the codec's
    /// coverage-guided fuzzer (Fuzz/, target `codec`) explores beyond it, and its corpus is replayed
    /// by KinerjaFuzzReplayTests.
    static let casesPerType = 10
    static let seed: UInt64 = 0x4A53_4F4E  // "JSON"

    private func check<M: ArbitraryMessage>(_ type: M.Type, seed: UInt64, mode: Gen.Mode) {
        var g = Gen(seed: seed, mode: mode)
        for index in 0..<Self.casesPerType {
            let value = M.arbitrary(&g)
            let pretty = value.jsonString()
            let compact = value.jsonString(pretty: false)
            #expect(!compact.contains("\n"), "\(M.protoName) case \(index): compact output has a line break")
            do {
                let a = try JSONSerialization.jsonObject(with: Data(pretty.utf8))
                let b = try JSONSerialization.jsonObject(with: Data(compact.utf8))
                // Compared re-serialized with sorted keys (NSDictionary.isEqual is unreliable on Linux).
                let sa = String(decoding: try JSONSerialization.data(withJSONObject: a, options: [.sortedKeys]), as: UTF8.self)
                let sb = String(decoding: try JSONSerialization.data(withJSONObject: b, options: [.sortedKeys]), as: UTF8.self)
                #expect(sa == sb, "\(M.protoName) case \(index): pretty and compact output differ")
            } catch {
                Issue.record("\(M.protoName) case \(index) (seed \(seed)) is not valid JSON: \(error)\n\(compact)")
                return
            }
        }
    }

    @Test("random and fully populated values of every message type print as parseable JSON")
    func everyTypeParses() {
        for (offset, type) in arbitraryMessageTypes.enumerated() {
            check(type, seed: Self.seed &+ UInt64(offset), mode: .random)
            check(type, seed: Self.seed &+ 1_000 &+ UInt64(offset), mode: .populated)
        }
    }
}
