import KinerjaProtoC
import Testing
@testable import KinerjaProto

/// Every decode frees what protobuf-c allocated: counted by the decode allocator in every run, and
/// checked under LeakSanitizer by `make leakcheck` (docs/CODEC.md).
@Suite("LeakCheck")
struct LeakCheckTests {
    @Test("decoding and freeing 100 000 messages, failed decodes included, leaves no protobuf-c block allocated")
    func decodeAndFree() throws {
        var g = Gen(seed: 100_000, mode: .populated)
        let samples: [(any ArbitraryMessage.Type, [UInt8])] = try arbitraryMessageTypes.prefix(50).map { type in
            (type, try type.sampleBytes(&g))
        }
        // The loop is synchronous, so it runs on one thread and the allocator's per-thread count is exact.
        let liveBefore = kinerja_live_allocations()
        var decoded = 0, rejected = 0
        for i in 0..<100_000 {
            let (type, bytes) = samples[i % samples.count]
            // Every 10th input is cut short so protobuf-c's failure path frees its partial work too.
            let input = i % 10 == 9 ? Array(bytes.dropLast(max(1, bytes.count / 3))) : bytes
            if (try? type.decodeAny(input)) != nil { decoded += 1 } else { rejected += 1 }
        }
        let liveAfter = kinerja_live_allocations()
        print("leak check: \(decoded) decoded, \(rejected) rejected, protobuf-c blocks still live: \(liveAfter - liveBefore)")
        #expect(decoded + rejected == 100_000)
        #expect(decoded >= 90_000)
        #expect(liveAfter == liveBefore)
    }
}

extension ArbitraryMessage {
    static func sampleBytes(_ g: inout Gen) throws -> [UInt8] {
        try arbitrary(&g).serializedBytes()
    }
}
