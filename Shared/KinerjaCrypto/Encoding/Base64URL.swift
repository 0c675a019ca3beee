/// Unpadded base64url (RFC 4648 §5), the encoding of access tokens, refresh tokens and the salts
/// and hashes in stored passwords.
///
/// Decoding is strict so that every byte string has exactly one accepted text form: a token
/// altered in a way that decodes to the same bytes would otherwise pass as the same token.
public enum Base64URL {
    /// The unpadded base64url text of `bytes`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        withContiguousBytes(bytes) { encode(buffer: $0) }
    }

    /// The bytes of unpadded base64url `text`, or nil unless it is the canonical encoding.
    ///
    /// Refused: `=` padding, the standard alphabet's `+` and `/`, whitespace or any other
    /// character, a length of 4n+1, and set bits after the last full byte (non-canonical).
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        // Work on the UTF-8 bytes in place: walking a generic StringProtocol character by
        // character costs an order of magnitude more, and tokens are decoded on every request.
        if let decoded = text.utf8.withContiguousStorageIfAvailable({ decode(buffer: $0) }) {
            return decoded
        }
        return Array(text.utf8).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// The character for a sextet (0...63).
    @inline(__always)
    private static func character(_ sextet: UInt32) -> UInt8 {
        let value = UInt8(truncatingIfNeeded: sextet & 0x3F)
        switch value {
        case 0...25: return value + UInt8(ascii: "A")
        case 26...51: return value - 26 + UInt8(ascii: "a")
        case 52...61: return value - 52 + UInt8(ascii: "0")
        case 62: return UInt8(ascii: "-")
        default: return UInt8(ascii: "_")
        }
    }

    /// The sextet of an alphabet character, or nil for anything else.
    @inline(__always)
    private static func sextet(_ character: UInt8) -> UInt32? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(character - UInt8(ascii: "a") + 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(character - UInt8(ascii: "0") + 52)
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }

    private static func encode(buffer: UnsafeBufferPointer<UInt8>) -> String {
        let length = (buffer.count * 4 + 2) / 3
        return String(unsafeUninitializedCapacity: length) { output in
            var index = 0, written = 0
            while index + 3 <= buffer.count {
                let group = UInt32(buffer[index]) << 16 | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2])
                output[written] = character(group >> 18)
                output[written + 1] = character(group >> 12)
                output[written + 2] = character(group >> 6)
                output[written + 3] = character(group)
                index += 3
                written += 4
            }
            switch buffer.count - index {
            case 1:
                let group = UInt32(buffer[index]) << 16
                output[written] = character(group >> 18)
                output[written + 1] = character(group >> 12)
                written += 2
            case 2:
                let group = UInt32(buffer[index]) << 16 | UInt32(buffer[index + 1]) << 8
                output[written] = character(group >> 18)
                output[written + 1] = character(group >> 12)
                output[written + 2] = character(group >> 6)
                written += 3
            default:
                break
            }
            return written
        }
    }

    private static func decode(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard buffer.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(buffer.count * 3 / 4)
        var accumulator: UInt32 = 0
        var sextets = 0
        for character in buffer {
            guard let value = sextet(character) else { return nil }
            accumulator = accumulator << 6 | value
            sextets += 1
            if sextets == 4 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                sextets = 0
            }
        }
        switch sextets {
        case 2:
            // 12 bits carry one byte; the low 4 must be zero.
            guard accumulator & 0x0F == 0 else { return nil }
            output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        case 3:
            // 18 bits carry two bytes; the low 2 must be zero.
            guard accumulator & 0x03 == 0 else { return nil }
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        default:
            break
        }
        return output
    }
}
