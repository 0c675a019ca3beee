import Testing
@testable import KinerjaProto

/// Input from the network is hostile: every malformed encoding is refused with a
/// typed error or decodes to a valid value; nothing crashes.
@Suite("Hostile input")
struct HostileInputTests {
    /// Decodes and, on success, checks the value re-encodes to something that decodes to itself.
    @discardableResult
    private func survive<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8], limits: DecodingLimits = .default) -> Result<M, ProtoError> {
        do {
            let value = try M(serializedBytes: bytes, limits: limits)
            // Compared as bytes: a NaN decoded from the wire is valid but not equal to itself.
            let encoded = try value.serializedBytes()
            let again = try M(serializedBytes: encoded, limits: limits)
            #expect(try again.serializedBytes() == encoded, "\(M.protoName): a decoded value does not survive its own round trip")
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value, out: [UInt8] = []
        while value >= 0x80 { out.append(UInt8(value & 0x7f) | 0x80); value >>= 7 }
        out.append(UInt8(value))
        return out
    }

    private func mutate(_ input: [UInt8], _ g: inout Gen) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + g.choice(4)) {
            switch g.choice(7) {
            case 0 where !bytes.isEmpty:  // flip a bit
                let i = g.choice(bytes.count)
                bytes[i] ^= UInt8(1 << g.choice(8))
            case 1 where !bytes.isEmpty:  // truncate
                bytes.removeLast(1 + g.choice(bytes.count))
            case 2:  // insert random bytes
                let at = g.choice(bytes.count + 1)
                bytes.insert(contentsOf: (0..<(1 + g.choice(8))).map { _ in UInt8(truncatingIfNeeded: g.rng.next()) }, at: at)
            case 3 where bytes.count > 1:  // duplicate a slice
                let a = g.choice(bytes.count), b = min(bytes.count, a + 1 + g.choice(16))
                bytes.insert(contentsOf: bytes[a..<b], at: g.choice(bytes.count))
            case 4:  // a huge length prefix
                let at = g.choice(bytes.count + 1)
                bytes.insert(contentsOf: [0x0a] + Self.varint(UInt64(g.choice(1 << 30))), at: at)
            case 5 where !bytes.isEmpty:  // wrong wire type on a byte that may be a tag
                let i = g.choice(bytes.count)
                bytes[i] = (bytes[i] & ~7) | UInt8(g.choice(8))
            default:  // replace with random bytes
                bytes = (0..<g.choice(64)).map { _ in UInt8(truncatingIfNeeded: g.rng.next()) }
            }
        }
        return bytes
    }

    private func fuzz<M: ArbitraryMessage>(_ type: M.Type, inputs: Int, seed: UInt64) throws -> (rejected: Int, decoded: Int) {
        var g = Gen(seed: seed, mode: .random)
        var corpus: [[UInt8]] = []
        for _ in 0..<8 { corpus.append(try M.arbitrary(&g).serializedBytes()) }
        var rejected = 0, decoded = 0
        for _ in 0..<inputs {
            let input = mutate(corpus[g.choice(corpus.count)], &g)
            switch survive(M.self, input) {
            case .success: decoded += 1
            case .failure: rejected += 1
            }
        }
        return (rejected, decoded)
    }

    @Test("100 000 mutated inputs across all message types: each rejected with a typed error or decoded to a valid value")
    func mutatedInputs() throws {
        let types = arbitraryMessageTypes
        let perType = (100_000 + types.count - 1) / types.count
        var rejected = 0, decoded = 0
        for (offset, type) in types.enumerated() {
            let result = try fuzz(type, inputs: perType, seed: 0xF022 &+ UInt64(offset))
            rejected += result.rejected
            decoded += result.decoded
        }
        print("fuzz: \(rejected + decoded) mutated inputs, \(rejected) rejected with a typed error, \(decoded) decoded")
        #expect(rejected + decoded >= 100_000)
        #expect(rejected > 0 && decoded > 0)
    }

    @Test("every prefix of a valid encoding is refused or decodes, never crashes")
    func truncatedBuffers() throws {
        var g = Gen(seed: 42, mode: .populated)
        for type in arbitraryMessageTypes {
            try truncations(type, &g)
        }
    }

    private func truncations<M: ArbitraryMessage>(_ type: M.Type, _ g: inout Gen) throws {
        let bytes = try M.arbitrary(&g).serializedBytes()
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 64)) {
            survive(M.self, Array(bytes[0..<length]))
        }
    }

    @Test("a length prefix of 100 MB is refused without allocating it")
    func hugeLengthPrefix() {
        let bytes: [UInt8] = [0x0a] + Self.varint(100_000_000) + [1, 2, 3]
        guard case .failure(let error) = survive(RPC.CallHeader.self, bytes) else {
            Issue.record("a 100 MB length prefix was accepted")
            return
        }
        #expect(error.code == .malformed)
        #expect(error.message.contains("claims 100000000 bytes"))
    }

    @Test("input longer than the configured limit is refused before it is scanned")
    func oversizeInput() {
        let bytes = [UInt8](repeating: 0, count: 1025)
        guard case .failure(let error) = survive(RPC.CallHeader.self, bytes, limits: DecodingLimits(maxMessageBytes: 1024)) else {
            Issue.record("oversize input accepted")
            return
        }
        #expect(error.code == .messageTooLarge)
    }

    @Test("groups, invalid wire types, field number zero and overlong varints are malformed")
    func malformedShapes() {
        let cases: [[UInt8]] = [
            [0x0b, 0x0c],  // start group / end group
            [0x0e],  // wire type 6
            [0x00, 0x01],  // field number 0
            [0x08] + [UInt8](repeating: 0xff, count: 11),  // varint longer than 10 bytes
            [0x08, 0x80],  // truncated varint
            [0x09, 1, 2, 3],  // truncated fixed64
        ]
        for bytes in cases {
            guard case .failure(let error) = survive(RPC.CallHeader.self, bytes) else {
                Issue.record("accepted \(hex(bytes))")
                continue
            }
            #expect(error.code == .malformed, "\(hex(bytes)): \(error)")
        }
    }

    @Test("a string with U+0000 is refused both when encoding and when decoding")
    func nulInStrings() throws {
        var header = RPC.CallHeader()
        header.method = "/kinerja.rpc.v1.HealthService/Check\u{0}evil"
        #expect(throws: ProtoError.self) { try header.serializedBytes() }
        do {
            _ = try header.serializedBytes()
        } catch {
            #expect(error.code == .stringContainsNUL)
        }
        // field 1 (method) as a string "a\0b"
        let bytes: [UInt8] = [0x0a, 3, 0x61, 0x00, 0x62]
        guard case .failure(let error) = survive(RPC.CallHeader.self, bytes) else {
            Issue.record("NUL accepted"); return
        }
        #expect(error.code == .stringContainsNUL)
    }

    @Test("a string that is not UTF-8 is refused")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x0a, 2, 0xc3, 0x28]
        guard case .failure(let error) = survive(RPC.CallHeader.self, bytes) else {
            Issue.record("invalid UTF-8 accepted"); return
        }
        #expect(error.code == .invalidUTF8)
    }

    @Test("unknown fields are tolerated and dropped (forward compatibility)")
    func unknownFields() throws {
        var header = RPC.CallHeader()
        header.method = "/kinerja.rpc.v1.HealthService/Check"
        let bytes = try header.serializedBytes()
        // field 1000, varint 7; field 1001, length-delimited "xyz"
        let extended = bytes + Self.varint(1000 << 3) + [7] + Self.varint(1001 << 3 | 2) + [3, 0x78, 0x79, 0x7a]
        let decoded = try RPC.CallHeader(serializedBytes: extended)
        #expect(decoded == header)
        #expect(try decoded.serializedBytes() == bytes)
    }

    @Test("nesting deeper than the limit is refused before protobuf-c recurses")
    func deepNesting() throws {
        // Build 200 levels through whichever message types nest: for each type, the first
        // message-typed field gives one level; a chain of them is repeated to depth 200.
        guard let (type, fieldNumber) = selfNestingField() else {
            Issue.record("the contract has no message that nests itself through a repeated field")
            return
        }
        func nest(_ depth: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            for _ in 0..<depth {
                bytes = Self.varint(UInt64(fieldNumber) << 3 | 2) + Self.varint(UInt64(bytes.count)) + bytes
            }
            return bytes
        }
        #expect(throws: ProtoError.self) { try type.decodeAny(nest(200)) }
        do { try type.decodeAny(nest(200)) } catch let error as ProtoError { #expect(error.code == .nestingTooDeep) }
        try type.decodeAny(nest(63))  // 64 levels including the top: accepted
    }

    @Test("decoding that would allocate more than the memory cap is refused")
    func memoryCap() throws {
        guard let (type, fieldNumber) = repeatedMessageField() else {
            Issue.record("the contract has no repeated message field"); return
        }
        // 10 000 empty sub-messages: 20 kB of input, far more of C structures.
        let element = Self.varint(UInt64(fieldNumber) << 3 | 2) + [0]
        let bytes = Array([[UInt8]](repeating: element, count: 10_000).joined())
        do {
            try type.decodeAny(bytes, limits: DecodingLimits(maxDecodeMemory: 64 * 1024))
            Issue.record("the memory cap was not applied")
        } catch let error as ProtoError {
            #expect(error.code == .memoryLimitExceeded)
        }
        try type.decodeAny(bytes)  // the default cap allows it
    }
}

extension ProtoMessage {
    static func decodeAny(_ bytes: [UInt8], limits: DecodingLimits = .default) throws {
        _ = try Self(serializedBytes: bytes, limits: limits)
    }
}
