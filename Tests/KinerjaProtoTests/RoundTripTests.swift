import Testing
import CProtobufC
@testable import KinerjaProto

/// Encoding then decoding any value gives the value back, for every message type of the contract.
@Suite("Round trip of every message type")
struct RoundTripTests {
    /// A fixed sample (the same seeds every run), sized for `make test`'s time budget: the codec's
    /// coverage-guided fuzzer (Fuzz/, target `codec`) explores beyond it, and its corpus is replayed
    /// by KinerjaFuzzReplayTests.
    static let casesPerType = 50
    static let seed: UInt64 = 0x4B49_4E45_524A_41  // "KINERJA"

    private func roundTrip<M: ArbitraryMessage>(_ type: M.Type, seed: UInt64, mode: Gen.Mode) -> Int {
        var g = Gen(seed: seed, mode: mode)
        for index in 0..<Self.casesPerType {
            let value = M.arbitrary(&g)
            do {
                let bytes = try value.serializedBytes()
                let decoded = try M(serializedBytes: bytes)
                #expect(decoded == value, "\(M.protoName) case \(index) (seed \(seed)) changed in a round trip")
                if decoded != value { return index }
            } catch {
                Issue.record("\(M.protoName) case \(index) (seed \(seed)): \(error)")
                return index
            }
        }
        return Self.casesPerType
    }

    @Test("every message type survives 200 random round trips through protobuf-c")
    func everyTypeRoundTrips() {
        var total = 0
        for (offset, type) in arbitraryMessageTypes.enumerated() {
            total += roundTrip(type, seed: Self.seed &+ UInt64(offset), mode: .random)
        }
        print("round trip: \(total) cases over \(arbitraryMessageTypes.count) message types")
        #expect(total == arbitraryMessageTypes.count * Self.casesPerType)
    }

    @Test("fully populated values of every message type round trip")
    func populatedRoundTrips() {
        for (offset, type) in arbitraryMessageTypes.enumerated() {
            _ = roundTrip(type, seed: Self.seed &+ 7 &+ UInt64(offset), mode: .populated)
        }
    }

    @Test("the generator addresses fields in protoc-c's descriptor order")
    func fieldOrderMatchesDescriptors() {
        #expect(generatedFieldOrder.count == KinerjaContract.messageTypes.count)
        for (type, names) in generatedFieldOrder {
            let layout = type._layout
            #expect(Int(layout.descriptor.pointee.n_fields) == names.count, "\(type.protoName)")
            for (index, name) in names.enumerated() where index < Int(layout.descriptor.pointee.n_fields) {
                #expect(layout.fieldName(index) == name, "\(type.protoName) field \(index)")
            }
        }
    }

    @Test("a default message encodes to zero bytes and decodes from them")
    func emptyMessages() throws {
        for type in arbitraryMessageTypes {
            try checkEmpty(type)
        }
    }

    private func checkEmpty<M: ArbitraryMessage>(_ type: M.Type) throws {
        #expect(try M().serializedBytes().isEmpty, "\(M.protoName)")
        #expect(try M(serializedBytes: [UInt8]()) == M(), "\(M.protoName)")
    }
}
