import Foundation
import KinerjaProto
import KinerjaRPC
import NIOCore
import Testing

/// Whatever the network sends, the server neither crashes, hangs nor grows without bound.
@Suite("Hostile frames against a live server", .serialized)
struct HostileFrameTests {
    /// Frames of every type, valid and mutated: right and wrong call ids, flags, lengths, payloads.
    static func mutatedFrames(_ count: Int, rng: inout SplitMix) -> [UInt8] {
        var out = ByteBuffer()
        var nextCall: UInt32 = 1
        let header = try! RPC.CallHeader(method: "/kinerja.test.v1.TestService/Echo").serializedBytes()
        let message = try! RPC.MetadataEntry(key: "k", value: "v").serializedBytes()
        for _ in 0..<count {
            let type = FrameType(rawValue: UInt8(rng.below(12)))
            var callID = type.rawValue == 1 ? nextCall : UInt32(rng.below(4) == 0 ? 0 : max(0, Int(nextCall) - rng.below(3)))
            var payload: [UInt8]
            switch type {
            case .headers: payload = header; nextCall += 1
            case .message: payload = message
            case .windowUpdate: payload = [0, 0, 0, UInt8(rng.below(256))]
            case .ping, .pong: payload = [UInt8](repeating: 7, count: 8)
            default: payload = (0..<rng.below(24)).map { _ in UInt8(rng.below(256)) }
            }
            switch rng.below(10) {
            case 0: payload = (0..<rng.below(40)).map { _ in UInt8(rng.below(256)) }  // random payload
            case 1 where !payload.isEmpty: payload[rng.below(payload.count)] ^= 0xff  // corrupt a byte
            case 2: callID = UInt32(truncatingIfNeeded: rng.next())  // random call id
            default: break
            }
            out.writeFrame(type, flags: FrameFlags(rawValue: UInt8(rng.below(4))), callID: callID, bytes: payload)
        }
        return Array(out.readableBytesView)
    }

    @Test("100 000 mutated frames over 100 connections: every connection ends, the server still answers, no connection leaks")
    func mutatedFrameFlood() async throws {
        let fixture = try await RPCFixture.start()
        var rng = SplitMix(seed: 0xBAD_F4A3E)
        let rssBefore = residentMegabytes()
        var sent = 0
        for _ in 0..<100 {
            let connection = try await RawConnection.open(port: fixture.port)
            let bytes = Self.mutatedFrames(1000, rng: &rng)
            try? await connection.send(raw: bytes)
            sent += 1000
            // The server either closes the connection (protocol error) or keeps serving it; we close ours.
            try? await Task.sleep(for: .milliseconds(5))
            await connection.close()
        }
        print("hostile: \(sent) mutated frames sent over 100 connections")
        let client = try fixture.client()
        let echo: Message = try await client.unary(TestService.echo, Message(value: "still here"), options: .defaults)
        #expect(echo.value == "still here")
        await client.close()
        for _ in 0..<200 where fixture.server.connectionCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(fixture.server.connectionCount == 0)
        let growth = residentMegabytes() - rssBefore
        #expect(growth < 256, "resident memory grew by \(growth) MiB")
        #expect(sent >= 100_000)
        await fixture.server.shutdown()
    }

    @Test("a 4 GiB length prefix is refused with GOAWAY FRAME_TOO_LARGE without allocating it")
    func hugeLengthPrefix() async throws {
        let fixture = try await RPCFixture.start()
        let connection = try await RawConnection.open(port: fixture.port)
        try await connection.send(raw: [0xff, 0xff, 0xff, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01])
        let goAway = await connection.closedByServer()
        #expect(goAway?.code == GoAwayCode.frameTooLarge.rawValue)
        await fixture.server.shutdown()
    }

    @Test("a peer that sends half a frame and stalls is closed at the idle timeout")
    func halfFrameStall() async throws {
        var limits = RPCLimits()
        limits.idleTimeout = .milliseconds(300)
        let fixture = try await RPCFixture.start(limits: limits)
        let connection = try await RawConnection.open(port: fixture.port)
        try await connection.send(raw: [0x00, 0x00, 0x00, 0x20, 0x02])
        let goAway = await connection.closedByServer()
        #expect(goAway?.code == GoAwayCode.idleTimeout.rawValue)
        await fixture.server.shutdown()
    }

    @Test("a ping flood gets GOAWAY ENHANCE_YOUR_CALM")
    func pingFlood() async throws {
        let fixture = try await RPCFixture.start()
        let connection = try await RawConnection.open(port: fixture.port)
        var flood = ByteBuffer()
        for i in 0..<50 { flood.writeFrame(.ping, callID: 0, bytes: [UInt8](repeating: UInt8(i), count: 8)) }
        try await connection.send(raw: Array(flood.readableBytesView))
        let goAway = await connection.closedByServer()
        #expect(goAway?.code == GoAwayCode.enhanceYourCalm.rawValue)
        await fixture.server.shutdown()
    }

    @Test("reusing a call id is a protocol error")
    func callIDReuse() async throws {
        let fixture = try await RPCFixture.start()
        let connection = try await RawConnection.open(port: fixture.port)
        for _ in 0..<2 {
            try await connection.send(.headers, flags: .endStream, callID: 9, message: RPC.CallHeader(method: TestService.echo.path))
        }
        let goAway = await connection.closedByServer()
        #expect(goAway?.code == GoAwayCode.protocolError.rawValue)
        #expect(goAway?.lastCallID == 9)
        await fixture.server.shutdown()
    }

    @Test("random bytes instead of frames close the connection; the server goes on")
    func garbage() async throws {
        let fixture = try await RPCFixture.start()
        var rng = SplitMix(seed: 7)
        for _ in 0..<20 {
            let connection = try await RawConnection.open(port: fixture.port)
            try? await connection.send(raw: (0..<4096).map { _ in UInt8(rng.below(256)) })
            _ = await connection.closedByServer()
        }
        let client = try fixture.client()
        let health = RPC.HealthService.Client(transport: client)
        #expect(try await health.check(RPC.CheckRequest()).status == .serving)
        await client.close()
        await fixture.server.shutdown()
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Resident memory of this process in MiB (from /proc).
func residentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}
