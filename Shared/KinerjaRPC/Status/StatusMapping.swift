public import KinerjaProto
import NIOCore

extension RPCError {
    /// The status for an error thrown by a handler — the one mapping from errors to statuses:
    /// RPC errors pass unchanged, errors that know their status (``RPCStatusConvertible``:
    /// domain rules, the store) answer with it, everything else becomes INTERNAL without its text
    /// (internals must not reach clients).
    public static func from(_ error: any Error, requestID: String) -> RPCError {
        switch error {
        case let error as RPCError: return error
        case let error as any RPCStatusConvertible:
            return error.rpcStatus ?? RPCError(.internal, "internal error (request \(requestID))")
        case let error as ProtoError: return RPCError(.invalidArgument, error.description)
        case is CancellationError: return RPCError(.cancelled, "the call was cancelled")
        default: return RPCError(.internal, "internal error (request \(requestID))")
        }
    }

    /// The encoded `kinerja.rpc.v1.Status` of this error. A message or detail that cannot be
    /// encoded (a NUL from user input) is dropped rather than letting the status turn into OK.
    var encodedStatus: [UInt8] {
        let status = RPC.Status(code: UInt32(code.rawValue), message: message, details: details)
        if let bytes = try? status.serializedBytes() { return bytes }
        let plain = RPC.Status(code: UInt32(code.rawValue), message: message.replacingNUL())
        return (try? plain.serializedBytes()) ?? (try? RPC.Status(code: UInt32(code.rawValue)).serializedBytes()) ?? []
    }

    /// The encoded OK status (the empty message).
    static let okStatus: [UInt8] = []
}

extension String {
    func replacingNUL() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }
}

extension ByteBuffer {
    /// Appends a frame whose payload is an encoded control message (GOAWAY, SETTINGS, CANCEL).
    mutating func writeFrame<M: ProtoMessage>(_ type: FrameType, flags: FrameFlags = [], callID: UInt32, message: M) {
        // Only free text (a reason with a NUL) can fail to encode; the defaults are sent instead.
        writeFrame(type, flags: flags, callID: callID, bytes: (try? message.serializedBytes()) ?? [])
    }
}
