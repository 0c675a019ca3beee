import KinerjaProto

/// The codec of every message type (libprotobuf-c under the generated Swift types).
///
/// Input: two bytes choosing the type among ``KinerjaContract/messageTypes``, then the bytes to
/// decode as that type. When they decode, the message must re-encode, decode again to an equal
/// message, and encode again to the same bytes (an accepted message is never refused later).
enum CodecFuzz {
    static let types = KinerjaContract.messageTypes

    static func run(_ data: [UInt8]) throws(FuzzFailure) {
        guard data.count >= 2 else { return }
        let index = (Int(data[0]) << 8 | Int(data[1])) % types.count
        try roundTrip(types[index], Array(data.dropFirst(2)))
    }

    static func roundTrip<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) throws(FuzzFailure) {
        guard let message = try? M(serializedBytes: bytes) else { return }
        let encoded: [UInt8]
        do {
            encoded = try message.serializedBytes()
        } catch {
            throw FuzzFailure("\(M.protoName) decoded but does not encode: \(error)")
        }
        let again: M
        do {
            again = try M(serializedBytes: encoded)
        } catch {
            throw FuzzFailure("\(M.protoName) re-encoded does not decode: \(error)")
        }
        try check(again == message, "\(M.protoName) differs after a round trip")
        let encodedAgain = try? again.serializedBytes()
        try check(encodedAgain == encoded, "\(M.protoName) encodes differently the second time")
    }
}
