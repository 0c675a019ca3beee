/// The SHA-256 of an evidence file: its identity, its stored name and its URN.
///
/// A stored file is named by its hash alone (the client's name is metadata), in a folder named
/// by the first two hex digits: `ab/cdef…` (62 digits). A report points at it with the URN
/// `urn:kinerja:evidence:sha256:<64 lowercase hex>`.
public struct EvidenceHash: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Length of a SHA-256 in bytes.
    public static let byteCount = 32
    /// The URN prefix of a stored file.
    public static let urnPrefix = "urn:kinerja:evidence:sha256:"

    /// The 32 bytes.
    public let bytes: [UInt8]

    /// A hash of exactly 32 bytes; nil for any other length.
    public init?(bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        guard array.count == Self.byteCount else { return nil }
        self.bytes = array
    }

    /// A hash from 64 hex digits (either case); nil otherwise.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == Self.byteCount * 2 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(Self.byteCount)
        for index in stride(from: 0, to: utf8.count, by: 2) {
            guard let high = Self.nibble(utf8[index]), let low = Self.nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
        }
        bytes = out
    }

    /// A hash from its URN `urn:kinerja:evidence:sha256:<64 hex>` (lowercase only); nil otherwise.
    public init?(urn: String) {
        guard urn.hasPrefix(Self.urnPrefix) else { return nil }
        let hex = urn.dropFirst(Self.urnPrefix.count)
        guard hex.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        self.init(hex: hex)
    }

    /// 64 lowercase hex digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(Self.byteCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The URN a report's evidence link carries for the stored file.
    public var urn: String { Self.urnPrefix + hex }

    /// The shard folder: the first two hex digits.
    public var shard: String { String(hex.prefix(2)) }

    /// The file name inside the shard folder: the other 62 hex digits.
    public var fileName: String { String(hex.dropFirst(2)) }

    /// The hex digits.
    public var description: String { hex }

    /// Byte order (the order of their hex names).
    public static func < (lhs: EvidenceHash, rhs: EvidenceHash) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 97...102: byte - 87
        case 65...70: byte - 55
        default: nil
        }
    }
}
