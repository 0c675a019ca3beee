import Foundation
import KinerjaProto
import NIOCore
import Testing
@testable import KinerjaRPC

/// The test vectors of docs/PROTOCOL.md, section 8, both ways.
@Suite("Protocol test vectors")
struct ProtocolVectorTests {
    static let vectors: [(name: String, type: FrameType, flags: FrameFlags, callID: UInt32, hex: String)] = [
        ("HEADERS", FrameType(rawValue: 0x01), FrameFlags(rawValue: 0x00), 1, "0000003a0100000000010a232f6b696e65726a612e7270632e76312e4865616c7468536572766963652f436865636b10e8071a100a0a726571756573742d696412027231"),
        ("MESSAGE (END_STREAM)", FrameType(rawValue: 0x02), FrameFlags(rawValue: 0x01), 1, "000000250201000000010a236b696e65726a612e6964656e746974792e76312e4964656e7469747953657276696365"),
        ("MESSAGE", FrameType(rawValue: 0x02), FrameFlags(rawValue: 0x00), 1, "000000020200000000010802"),
        ("STATUS (OK)", FrameType(rawValue: 0x03), FrameFlags(rawValue: 0x00), 1, "00000000030000000001"),
        ("STATUS (NOT_FOUND)", FrameType(rawValue: 0x03), FrameFlags(rawValue: 0x00), 3, "0000001b030000000003080512177065676177616920746964616b20646974656d756b616e"),
        ("CANCEL", FrameType(rawValue: 0x04), FrameFlags(rawValue: 0x00), 3, "000000090400000000030a0774696d656f7574"),
        ("WINDOW_UPDATE", FrameType(rawValue: 0x05), FrameFlags(rawValue: 0x00), 3, "0000000405000000000300000010"),
        ("PING", FrameType(rawValue: 0x06), FrameFlags(rawValue: 0x00), 0, "000000080600000000000102030405060708"),
        ("PONG", FrameType(rawValue: 0x07), FrameFlags(rawValue: 0x00), 0, "000000080700000000000102030405060708"),
        ("GOAWAY", FrameType(rawValue: 0x08), FrameFlags(rawValue: 0x00), 0, "0000000908000000000008071a05647261696e"),
        ("SETTINGS", FrameType(rawValue: 0x09), FrameFlags(rawValue: 0x00), 0, "000000080900000000000880808002108002"),
        ("END_STREAM", FrameType(rawValue: 0x0a), FrameFlags(rawValue: 0x00), 5, "000000000a0000000005"),
    ]

    static func bytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    @Test("every vector decodes to its frame and the frame encodes back to the same bytes")
    func roundTrip() throws {
        for vector in Self.vectors {
            var buffer = ByteBuffer(bytes: Self.bytes(vector.hex))
            let frame = try #require(try FrameDecoder.next(from: &buffer, maxFrameSize: RPCLimits.defaultMaxFrameSize), "\(vector.name)")
            #expect(buffer.readableBytes == 0, "\(vector.name)")
            #expect(frame.type == vector.type && frame.flags == vector.flags && frame.callID == vector.callID, "\(vector.name)")
            var encoded = ByteBuffer()
            encoded.writeFrame(frame)
            #expect(Array(encoded.readableBytesView) == Self.bytes(vector.hex), "\(vector.name)")
        }
    }

    @Test("the payloads are the messages PROTOCOL.md says they are")
    func payloads() throws {
        func payload(_ index: Int) -> [UInt8] { Array(Self.bytes(Self.vectors[index].hex).dropFirst(Frame.headerSize)) }
        let header = try RPC.CallHeader(serializedBytes: payload(0))
        #expect(header.method == "/kinerja.rpc.v1.HealthService/Check" && header.timeoutMs == 1000)
        #expect(header.metadata == [RPC.MetadataEntry(key: "request-id", value: "r1")])
        #expect(try RPC.CheckRequest(serializedBytes: payload(1)).service == "kinerja.identity.v1.IdentityService")
        #expect(try RPC.CheckResponse(serializedBytes: payload(2)).status == .serving)
        #expect(try RPC.Status(serializedBytes: payload(3)).code == 0)
        let notFound = try RPC.Status(serializedBytes: payload(4))
        #expect(notFound.code == 5 && notFound.message == "pegawai tidak ditemukan")
        #expect(try RPC.GoAway(serializedBytes: payload(9)) == RPC.GoAway(lastCallID: 7, reason: "drain"))
        #expect(try RPC.Settings(serializedBytes: payload(10)).maxConcurrentCalls == 256)
    }

    @Test("PROTOCOL.md lists every vector the tests check")
    func documented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/PROTOCOL.md"), encoding: .utf8)
        for vector in Self.vectors {
            let header = String(vector.hex.prefix(20)), payload = String(vector.hex.dropFirst(20))
            #expect(document.contains("`\(header)` `\(payload.isEmpty ? "(none)" : payload)`"), "\(vector.name) is missing from PROTOCOL.md")
        }
    }

    @Test("an oversize frame is refused as soon as its header arrives, before its payload is buffered")
    func oversizeRefusedEarly() {
        // Only the header of a 4 GiB frame: the decoder must refuse, not wait for 4 GiB.
        var buffer = ByteBuffer(bytes: [0xff, 0xff, 0xff, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01])
        #expect(throws: RPCProtocolError.self) { try FrameDecoder.next(from: &buffer, maxFrameSize: RPCLimits.defaultMaxFrameSize) }
        var justOver = ByteBuffer(bytes: [0x00, 0x40, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01])
        #expect(throws: RPCProtocolError.self) { try FrameDecoder.next(from: &justOver, maxFrameSize: RPCLimits.defaultMaxFrameSize) }
        var atLimit = ByteBuffer(bytes: [0x00, 0x40, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01])
        #expect((try? FrameDecoder.next(from: &atLimit, maxFrameSize: RPCLimits.defaultMaxFrameSize)) == .some(nil))
    }

    @Test("a partial frame waits for more bytes")
    func partialFrame() throws {
        let whole = Self.bytes(Self.vectors[0].hex)
        for cut in [0, 5, 9, 10, whole.count - 1] {
            var buffer = ByteBuffer(bytes: whole.prefix(cut))
            #expect(try FrameDecoder.next(from: &buffer, maxFrameSize: 1 << 20) == nil)
            #expect(buffer.readableBytes == cut)
        }
    }
}
