import KinerjaCrypto
import KinerjaProto
import KinerjaReporting
import Testing

/// Leading bytes of real files of each kind.
enum Samples {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0] + Array(repeating: 0x42, count: 200)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + Array(repeating: 7, count: 40)
    static let pdf: [UInt8] = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
    static let webp: [UInt8] = Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8) + Array(repeating: 1, count: 30)
    /// An iPhone photo: an ftyp box of 24 bytes, major brand heic, compatible mif1 and heic.
    static let heic: [UInt8] = [0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8) + Array(repeating: 9, count: 40)
    /// A HEIF whose major brand is mif1 and whose HEVC brand is only among the compatible ones.
    static let heifMif1: [UInt8] = [0, 0, 0, 0x1C] + Array("ftypmif1".utf8) + [0, 0, 0, 0] + Array("mif1miafheix".utf8) + Array(repeating: 9, count: 40)
    /// An AVIF image: a HEIF container but not HEVC; not on the allowlist.
    static let avif: [UInt8] = [0, 0, 0, 0x1C] + Array("ftypavif".utf8) + [0, 0, 0, 0] + Array("avifmif1miaf".utf8) + Array(repeating: 9, count: 40)
    static let exe: [UInt8] = Array("MZ".utf8) + Array(repeating: 0x90, count: 100)
    static let gif: [UInt8] = Array("GIF89a".utf8) + Array(repeating: 0, count: 20)
    static let html: [UInt8] = Array("<html><script>alert(1)</script>".utf8)
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 20)
}

@Suite("Evidence rules")
struct EvidenceRulesTests {
    @Test("the media type is sniffed from the bytes: JPEG, PNG, PDF, WebP and HEIC (the phone camera) are allowed")
    func allowed() {
        #expect(EvidenceMediaType.sniff(Samples.jpeg) == .jpeg)
        #expect(EvidenceMediaType.sniff(Samples.png) == .png)
        #expect(EvidenceMediaType.sniff(Samples.pdf) == .pdf)
        #expect(EvidenceMediaType.sniff(Samples.webp) == .webp)
        #expect(EvidenceMediaType.sniff(Samples.heic) == .heic)
        #expect(EvidenceMediaType.sniff(Samples.heifMif1) == .heic)
        #expect(EvidenceMediaType.heic.rawValue == "image/heic")
    }

    @Test("anything else is refused whatever the client calls it: an executable, GIF, HTML, ZIP, AVIF, empty or a truncated magic")
    func refused() {
        for (name, bytes) in [("exe", Samples.exe), ("gif", Samples.gif), ("html", Samples.html), ("zip", Samples.zip), ("avif", Samples.avif),
                              ("empty", []), ("half a PNG magic", Array(Samples.png.prefix(4))), ("RIFF without WEBP", Array("RIFF\0\0\0\0AVI ".utf8))] {
            #expect(EvidenceMediaType.sniff(bytes) == nil, "\(name)")
            let error = Fixtures.error { try EvidenceUploadRules.mediaType(of: bytes) }
            #expect(error?.code == .evidenceMediaTypeNotAllowed, "\(name)")
        }
        #expect(EvidenceMediaType.sniff(Array(" %PDF-1.7".utf8)) == nil, "%PDF- must be at offset 0")
    }

    @Test("file names are labels: no / or \\, no NUL or control characters, no bidi overrides, not . and no .., at most 255 UTF-8 bytes")
    func fileNames() {
        for good in ["", "rekap KTP-el maret.pdf", "Foto loket (1).jpg", "IMG_0042.HEIC", "laporan.v2.pdf", String(repeating: "é", count: 127)] {
            #expect(Fixtures.error { try EvidenceUploadRules.checkFileName(good) } == nil, "\(good)")
        }
        for bad in ["../etc/passwd", "a/b.pdf", "a\\b.pdf", "..", ".", "rekap..pdf", "nul\u{0}byte.pdf", "line\nbreak.pdf", "tab\t.pdf",
                    "gpj\u{202E}exe.pdf", "x\u{2066}y.jpg", String(repeating: "é", count: 128), String(repeating: "a", count: 256)] {
            let error = Fixtures.error { try EvidenceUploadRules.checkFileName(bad) }
            #expect(error?.code == .evidenceFileNameInvalid, "\(bad.debugDescription)")
            #expect(error?.statusCode == .invalidArgument)
        }
    }

    @Test("a link is https with a host, or the URN of an uploaded file with the same SHA-256; http, other schemes and credentials are refused")
    func links() throws {
        let hash = try #require(EvidenceHash(bytes: Array(repeating: 0xAB, count: 32)))
        #expect(EvidenceLinkRules.violations([Fixtures.link(1)]).isEmpty)
        #expect(EvidenceLinkRules.violations([Common.EvidenceLink(uri: hash.urn, sha256: hash.bytes)]).isEmpty)
        func reason(_ uri: String, sha: [UInt8] = hash.bytes) -> String? {
            EvidenceLinkRules.violations([Common.EvidenceLink(uri: uri, sha256: sha)]).first?.reason
        }
        #expect(reason("http://arsip.kupangkota.go.id/a.pdf") == "EVIDENCE_URI_NOT_HTTPS")
        #expect(reason("ftp://arsip/a.pdf") == "EVIDENCE_URI_NOT_HTTPS")
        #expect(reason("javascript:alert(1)") == "EVIDENCE_URI_NOT_HTTPS")
        #expect(reason("file:///etc/passwd") == "EVIDENCE_URI_NOT_HTTPS")
        #expect(reason("https://") == "EVIDENCE_URI_INVALID")
        #expect(reason("https://user:secret@arsip.go.id/a.pdf") == "EVIDENCE_URI_INVALID")
        #expect(reason("https://arsip.go.id/a b.pdf") == "EVIDENCE_URI_INVALID")
        #expect(reason("") == "EVIDENCE_URI_INVALID")
        #expect(reason("https://a.go.id/" + String(repeating: "x", count: 2040)) == "EVIDENCE_URI_INVALID")
        #expect(reason("urn:isbn:9786020000000") == "EVIDENCE_URI_INVALID")
        #expect(reason(EvidenceHash.urnPrefix + hash.hex.uppercased()) == "EVIDENCE_URI_INVALID", "the URN is lowercase")
        #expect(reason(hash.urn, sha: Array(repeating: 0xCD, count: 32)) == "EVIDENCE_URN_MISMATCH")
        #expect(reason("https://a.go.id/x.pdf", sha: [1, 2, 3]) == "EVIDENCE_HASH_INVALID")
        #expect(EvidenceLinkRules.storedFiles([Fixtures.link(1), Common.EvidenceLink(uri: hash.urn, sha256: hash.bytes)]) == [hash])
    }

    @Test("at most 10 links per report, no SHA-256 twice, titles at most 200 and media types at most 100 characters")
    func linkLists() {
        #expect(EvidenceLinkRules.violations((0..<10).map { Fixtures.link(UInt8($0)) }).isEmpty)
        #expect(EvidenceLinkRules.violations((0..<11).map { Fixtures.link(UInt8($0)) }).first?.reason == "EVIDENCE_TOO_MANY")
        #expect(EvidenceLinkRules.violations([Fixtures.link(1), Fixtures.link(1)]).map(\.field) == ["report.evidence[1].sha256"])
        var long = Fixtures.link(1)
        long.title = String(repeating: "t", count: 201)
        long.mediaType = String(repeating: "m", count: 101)
        #expect(EvidenceLinkRules.violations([long]).map(\.field) == ["report.evidence[0].title", "report.evidence[0].media_type"])
    }

    @Test("size caps from the policy: a file at most max_evidence_file_bytes, a month's uploads at most max_evidence_bytes_per_month")
    func caps() {
        let policy = EffectivePolicy()
        #expect(Fixtures.error { try EvidenceUploadRules.checkSize(10 << 20, policy: policy, usedThisMonth: 0) } == nil)
        let big = Fixtures.error { try EvidenceUploadRules.checkSize((10 << 20) + 1, policy: policy, usedThisMonth: 0) }
        #expect(big?.code == .evidenceFileTooLarge)
        #expect(big?.statusCode == .resourceExhausted)
        let month = Fixtures.error { try EvidenceUploadRules.checkSize(2 << 20, policy: policy, usedThisMonth: 499 << 20) }
        #expect(month?.code == .evidenceMonthlyQuotaReached)
        #expect(EvidenceUploadRules.byteLimit(policy: policy, usedThisMonth: 0) == 10 << 20)
        #expect(EvidenceUploadRules.byteLimit(policy: policy, usedThisMonth: 495 << 20) == 5 << 20, "what is left of the month")
        #expect(EvidenceUploadRules.byteLimit(policy: policy, usedThisMonth: 600 << 20) == 0)
    }

    @Test("an upload header: a 32-byte claimed hash, a valid file name, a claimed size within the caps")
    func header() throws {
        let hash = SHA256.hash(Samples.pdf)
        let checked = try EvidenceUploadRules.checkHeader(
            Reporting.EvidenceUploadHeader(sha256: hash, sizeBytes: UInt64(Samples.pdf.count), fileName: "rekap.pdf", mediaType: "text/plain"),
            policy: EffectivePolicy(), usedThisMonth: 0)
        #expect(checked.hash.bytes == hash)
        #expect(checked.byteLimit == 10 << 20)
        #expect(Fixtures.error { try EvidenceUploadRules.checkHeader(Reporting.EvidenceUploadHeader(sha256: [1]), policy: EffectivePolicy(), usedThisMonth: 0) }?
            .code == .evidenceHashInvalid)
        #expect(Fixtures.error {
            try EvidenceUploadRules.checkHeader(Reporting.EvidenceUploadHeader(sha256: hash, fileName: "../x"), policy: EffectivePolicy(), usedThisMonth: 0)
        }?.code == .evidenceFileNameInvalid)
        #expect(Fixtures.error {
            try EvidenceUploadRules.checkHeader(Reporting.EvidenceUploadHeader(sha256: hash, sizeBytes: 1 << 30), policy: EffectivePolicy(), usedThisMonth: 0)
        }?.code == .evidenceFileTooLarge)
    }

    @Test("an upload chunk carries 1 byte to 1 MiB")
    func chunks() {
        #expect(Fixtures.error { try EvidenceUploadRules.checkChunk([1]) } == nil)
        #expect(Fixtures.error { try EvidenceUploadRules.checkChunk(Array(repeating: 0, count: 1 << 20)) } == nil)
        #expect(Fixtures.error { try EvidenceUploadRules.checkChunk([]) }?.code == .evidenceChunkInvalid)
        #expect(Fixtures.error { try EvidenceUploadRules.checkChunk(Array(repeating: 0, count: (1 << 20) + 1)) }?.code == .evidenceChunkInvalid)
    }

    @Test("a hash is 32 bytes, named by 64 lowercase hex digits in a two-digit shard folder, and referenced by its URN")
    func hashes() throws {
        let hash = try #require(EvidenceHash(bytes: SHA256.hash(Array("abc".utf8))))
        #expect(hash.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hash.shard == "ba")
        #expect(hash.fileName == "7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hash.urn == "urn:kinerja:evidence:sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(EvidenceHash(urn: hash.urn) == hash)
        #expect(EvidenceHash(hex: hash.hex.uppercased()) == hash)
        #expect(EvidenceHash(hex: "zz" + hash.hex.dropFirst(2)) == nil)
        #expect(EvidenceHash(bytes: [1, 2]) == nil)
    }
}
