public import KinerjaProto

/// The rules of an evidence upload that need no disk: the client's file name, the claimed hash
/// and size, the media type sniffed from the bytes, and the size caps of the policy.
///
/// The file name is metadata only — the stored name is the SHA-256 — but it is still shown to
/// people and written into downloads, so it may not look like a path or hide its extension:
/// at most 255 UTF-8 bytes; no `/` or `\`; no NUL or other control character; no
/// bidirectional-override characters (U+200E/F, U+202A–E, U+2066–9, which make `gpj.exe`
/// display as `exe.jpg`); not `.`; no `..` anywhere. It may be empty.
///
/// Size caps (ReportingPolicy): one file at most `max_evidence_file_bytes`; one employee's
/// uploads in a WITA calendar month at most `max_evidence_bytes_per_month` (RESOURCE_EXHAUSTED).
public enum EvidenceUploadRules {
    /// Refuses a client file name that breaks the rules above.
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_FILE_NAME_INVALID` (INVALID_ARGUMENT) saying which rule.
    public static func checkFileName(_ name: String, field: String = "header.file_name") throws(ReportingError) {
        func refuse(_ why: String) -> ReportingError {
            ReportingError(.evidenceFileNameInvalid, "the file name \(why); it is kept as a label only, never as a path", field: field)
        }
        if name.utf8.count > ReportingLimits.fileNameBytes {
            throw refuse("must be at most \(ReportingLimits.fileNameBytes) UTF-8 bytes, got \(name.utf8.count)")
        }
        for scalar in name.unicodeScalars {
            if scalar == "/" || scalar == "\\" { throw refuse("must not contain / or \\") }
            if scalar.value == 0 { throw refuse("must not contain NUL") }
            if scalar.properties.generalCategory == .control { throw refuse("must not contain control characters") }
            if bidiControls.contains(scalar.value) { throw refuse("must not contain bidirectional-override characters") }
        }
        if name == "." || name.contains("..") { throw refuse("must not be . or contain ..") }
    }

    /// Code points of the bidirectional formatting characters.
    static let bidiControls: Set<UInt32> = [0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    /// The claimed hash of an upload header.
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_HASH_INVALID` (INVALID_ARGUMENT) unless exactly 32 bytes.
    public static func claimedHash(_ header: Reporting.EvidenceUploadHeader) throws(ReportingError) -> EvidenceHash {
        guard let hash = EvidenceHash(bytes: header.sha256) else {
            throw ReportingError(.evidenceHashInvalid, "sha256 must be exactly 32 bytes, got \(header.sha256.count)", field: "header.sha256")
        }
        return hash
    }

    /// Every check of an upload header before any byte is stored: the hash, the file name, the
    /// client's media type length, and the claimed size against the caps (when given).
    ///
    /// - Returns: the claimed hash and the most bytes the store may accept for this upload
    ///   (``byteLimit(policy:usedThisMonth:)``).
    public static func checkHeader(_ header: Reporting.EvidenceUploadHeader, policy: EffectivePolicy, usedThisMonth: UInt64)
        throws(ReportingError) -> (hash: EvidenceHash, byteLimit: UInt64)
    {
        let hash = try claimedHash(header)
        try checkFileName(header.fileName)
        if header.mediaType.unicodeScalars.count > ReportingLimits.evidenceMediaTypeLength {
            throw ReportingError(.textTooLong, "media_type must be at most \(ReportingLimits.evidenceMediaTypeLength) characters",
                                 field: "header.media_type")
        }
        if header.sizeBytes > 0 { try checkSize(header.sizeBytes, policy: policy, usedThisMonth: usedThisMonth) }
        return (hash, byteLimit(policy: policy, usedThisMonth: usedThisMonth))
    }

    /// The most bytes one more upload may have: the file cap, or what is left of the month.
    public static func byteLimit(policy: EffectivePolicy, usedThisMonth: UInt64) -> UInt64 {
        let left = policy.maxEvidenceBytesPerMonth > usedThisMonth ? policy.maxEvidenceBytesPerMonth - usedThisMonth : 0
        return min(policy.maxEvidenceFileBytes, left)
    }

    /// Refuses a file of `size` bytes over the file cap or the month's remainder.
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_FILE_TOO_LARGE` or `EVIDENCE_MONTHLY_QUOTA_REACHED`
    ///   (RESOURCE_EXHAUSTED).
    public static func checkSize(_ size: UInt64, policy: EffectivePolicy, usedThisMonth: UInt64) throws(ReportingError) {
        if size > policy.maxEvidenceFileBytes {
            throw ReportingError(.evidenceFileTooLarge, "an evidence file may have at most \(policy.maxEvidenceFileBytes) bytes, this one has \(size)")
        }
        let (total, overflow) = usedThisMonth.addingReportingOverflow(size)
        if overflow || total > policy.maxEvidenceBytesPerMonth {
            throw ReportingError(.evidenceMonthlyQuotaReached,
                                 "this month's evidence uploads may total \(policy.maxEvidenceBytesPerMonth) bytes; \(usedThisMonth) are used and this file has \(size)")
        }
    }

    /// Refuses an upload or download chunk outside 1 byte–1 MiB (`reporting.proto` UploadEvidenceRequest.chunk).
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_CHUNK_INVALID` (INVALID_ARGUMENT).
    public static func checkChunk(_ chunk: [UInt8]) throws(ReportingError) {
        guard !chunk.isEmpty, chunk.count <= ReportingLimits.chunkBytes else {
            throw ReportingError(.evidenceChunkInvalid, "a chunk carries 1 byte to \(ReportingLimits.chunkBytes) bytes, got \(chunk.count)", field: "chunk")
        }
    }

    /// The media type of content starting with `prefix`.
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_MEDIA_TYPE_NOT_ALLOWED` (INVALID_ARGUMENT) when the
    ///   bytes are not JPEG, PNG, WebP, HEIC or PDF, whatever the client said.
    public static func mediaType(of prefix: some Collection<UInt8>) throws(ReportingError) -> EvidenceMediaType {
        guard let type = EvidenceMediaType.sniff(prefix) else {
            throw ReportingError(.evidenceMediaTypeNotAllowed,
                                 "evidence must be a JPEG, PNG, WebP or HEIC image or a PDF document (recognised from its content, not its name or declared type)")
        }
        return type
    }
}
