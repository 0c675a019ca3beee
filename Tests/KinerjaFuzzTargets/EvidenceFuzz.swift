import KinerjaProto
import KinerjaReporting

/// The evidence upload's pure parts (reporting): what is checked before and while bytes are stored.
///
/// Input: one mode byte, then
/// - mode 0: file content. The sniffed media type must agree with `mediaType(of:)` and with the
///   magic numbers it claims; the content with more bytes after the first 64 sniffs alike.
/// - mode 1: a client file name. `checkFileName` must agree with an independent statement of the
///   documented rules.
/// - mode 2: an `EvidenceUploadHeader`. `checkHeader` (with a policy from the input) must accept
///   exactly when the hash, name, media type and size checks each accept, and its byte limit must
///   admit the claimed size it accepted.
/// - mode 3: hash text. A hash read from hex or a URN must print back to the same hash; a URN that
///   parses is the canonical one.
enum EvidenceFuzz {
    static func run(_ data: [UInt8]) throws(FuzzFailure) {
        guard let mode = data.first else { return }
        let rest = Array(data.dropFirst())
        switch mode % 4 {
        case 0: try sniff(rest)
        case 1: try fileName(String(decoding: rest, as: UTF8.self))
        case 2: try header(rest)
        default: try hash(String(decoding: rest, as: UTF8.self))
        }
    }

    static func sniff(_ bytes: [UInt8]) throws(FuzzFailure) {
        let type = EvidenceMediaType.sniff(bytes)
        let checked = try? EvidenceUploadRules.mediaType(of: bytes)
        try check(type == checked, "sniff says \(String(describing: type)), mediaType(of:) says \(String(describing: checked))")
        try check(EvidenceMediaType.sniff(bytes + [UInt8](repeating: 0xAA, count: 80)) == type || bytes.count < EvidenceMediaType.sniffLength,
                  "bytes after the first \(EvidenceMediaType.sniffLength) changed the type")
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<offset + magic.count]) == magic
        }
        switch type {
        case .jpeg?: try check(starts([0xFF, 0xD8, 0xFF]), "JPEG without its magic")
        case .png?: try check(starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "PNG without its magic")
        case .pdf?: try check(starts(Array("%PDF-".utf8)), "PDF without %PDF-")
        case .webp?: try check(starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8), "WebP without RIFF…WEBP")
        case .heic?: try check(starts(Array("ftyp".utf8), at: 4), "HEIC without an ftyp box")
        case nil: break
        }
    }

    /// The documented rules, stated again independently of `checkFileName`.
    static func fileNameAllowed(_ name: String) -> Bool {
        let bidi: Set<UInt32> = [0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        guard name.utf8.count <= 255, name != ".", !name.contains("..") else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value != 0x2F && value != 0x5C && value >= 0x20 && !(0x7F...0x9F).contains(value) && !bidi.contains(value)
        }
    }

    static func fileName(_ name: String) throws(FuzzFailure) {
        let accepted = (try? EvidenceUploadRules.checkFileName(name)) != nil
        try check(accepted == fileNameAllowed(name), "checkFileName \(accepted ? "accepts" : "refuses") \(name.debugDescription)")
    }

    static func header(_ bytes: [UInt8]) throws(FuzzFailure) {
        guard bytes.count >= 16 else { return }
        let policy = EffectivePolicy(Reporting.ReportingPolicy(
            maxEvidenceFileBytes: UInt64(bytes[0]) << 12, maxEvidenceBytesPerMonth: UInt64(bytes[1]) << 16))
        let used = bytes[2..<10].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } >> UInt64(bytes[10] % 64)
        guard let header = try? Reporting.EvidenceUploadHeader(serializedBytes: Array(bytes.dropFirst(16))) else { return }
        let result = try? EvidenceUploadRules.checkHeader(header, policy: policy, usedThisMonth: used)
        let hashOK = (try? EvidenceUploadRules.claimedHash(header)) != nil
        let nameOK = (try? EvidenceUploadRules.checkFileName(header.fileName)) != nil
        let typeOK = header.mediaType.unicodeScalars.count <= ReportingLimits.evidenceMediaTypeLength
        let sizeOK = header.sizeBytes == 0 || (try? EvidenceUploadRules.checkSize(header.sizeBytes, policy: policy, usedThisMonth: used)) != nil
        try check((result != nil) == (hashOK && nameOK && typeOK && sizeOK),
                  "checkHeader \(result != nil ? "accepts" : "refuses"); hash \(hashOK), name \(nameOK), type \(typeOK), size \(sizeOK)")
        let limit = EvidenceUploadRules.byteLimit(policy: policy, usedThisMonth: used)
        try check(limit <= policy.maxEvidenceFileBytes, "a byte limit over the file cap")
        if let result {
            try check(result.byteLimit == limit && result.hash.bytes == header.sha256, "checkHeader's hash or limit differs")
            try check(header.sizeBytes <= limit, "a claimed size of \(header.sizeBytes) accepted over the limit \(limit)")
        }
    }

    static func hash(_ text: String) throws(FuzzFailure) {
        if let hash = EvidenceHash(hex: text) {
            try check(hash.hex == text.lowercased() && EvidenceHash(hex: hash.hex) == hash, "hex \(text) does not print back")
            try check(EvidenceHash(urn: hash.urn) == hash && hash.shard + hash.fileName == hash.hex, "the URN or stored name of \(hash) does not read back")
        }
        if let hash = EvidenceHash(urn: text) {
            try check(hash.urn == text, "URN \(text.debugDescription) is not canonical")
        }
        let bytes = Array(text.utf8.prefix(32))
        if let hash = EvidenceHash(bytes: bytes) {
            try check(EvidenceHash(hex: hash.hex) == hash && hash.bytes == bytes, "32 bytes do not round-trip through hex")
        }
    }
}
