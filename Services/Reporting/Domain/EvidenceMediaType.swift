/// The media types evidence files may have, recognised from their first bytes.
///
/// The client's `media_type` is never trusted: the type is *sniffed* from the content's magic
/// numbers, and anything else is refused. The allowlist is what a phone camera or a scanner
/// produces: JPEG, PNG, WebP, HEIC (iPhone photos) and PDF.
public enum EvidenceMediaType: String, Sendable, Hashable, CaseIterable {
    /// JPEG: starts FF D8 FF.
    case jpeg = "image/jpeg"
    /// PNG: starts 89 50 4E 47 0D 0A 1A 0A.
    case png = "image/png"
    /// WebP: `RIFF`, a 4-byte size, `WEBP`.
    case webp = "image/webp"
    /// HEIC: an ISO BMFF `ftyp` box whose major or a compatible brand is a HEIF/HEVC brand
    /// (`heic`, `heix`, `heim`, `heis`, `hevc`, `hevx`).
    case heic = "image/heic"
    /// PDF: starts `%PDF-` (at offset 0; readers tolerate leading junk, we do not).
    case pdf = "application/pdf"

    /// How many leading bytes ``sniff(_:)`` looks at (an `ftyp` box lists its brands there).
    public static let sniffLength = 64

    private static let heifBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx"]

    /// The type of content starting with `prefix` (at least its first ``sniffLength`` bytes, or
    /// the whole content when shorter); nil when it is not on the allowlist.
    public static func sniff(_ prefix: some Collection<UInt8>) -> EvidenceMediaType? {
        let bytes = Array(prefix.prefix(sniffLength))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<(offset + magic.count)]) == magic
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("ftyp".utf8), at: 4) {
            // An ftyp box: size (big endian), "ftyp", major brand, minor version, compatible brands.
            let size = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
            let end = min(max(size, 0), bytes.count)
            var brands: [String] = []
            if end >= 12 { brands.append(String(decoding: bytes[8..<12], as: UTF8.self)) }
            var offset = 16
            while offset + 4 <= end {
                brands.append(String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self))
                offset += 4
            }
            if brands.contains(where: heifBrands.contains) { return .heic }
        }
        return nil
    }

    /// The usual file extension, for downloads: `jpg`, `png`, `webp`, `heic`, `pdf`.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .heic: "heic"
        case .pdf: "pdf"
        }
    }
}
