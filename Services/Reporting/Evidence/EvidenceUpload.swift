import KinerjaCrypto

extension EvidenceStore {
    /// Starts an upload whose bytes the client says hash to `claimed`.
    ///
    /// - Parameters:
    ///   - byteLimit: the most bytes the upload may have (``EvidenceUploadRules/byteLimit(policy:usedThisMonth:)``);
    ///     enforced as chunks arrive.
    ///   - claimedSize: the size the client announced, if any; commit fails on any other size.
    /// - Throws: ``ReportingError`` `EVIDENCE_FILE_TOO_LARGE` when `claimedSize` is already above
    ///   the limit; `EVIDENCE_STORE_IO` when the temporary file cannot be created.
    public func beginUpload(claimed: EvidenceHash, byteLimit: UInt64, claimedSize: UInt64? = nil) throws(ReportingError) -> EvidenceUpload {
        if let claimedSize, claimedSize > byteLimit { throw EvidenceUpload.tooLarge(limit: byteLimit) }
        let path = temporaryPath()
        let fd = try PosixFiles.createExclusive(path)
        return EvidenceUpload(store: self, descriptor: fd, temporaryPath: path, claimed: claimed, byteLimit: byteLimit, claimedSize: claimedSize)
    }
}

/// One upload in progress: a temporary file being written and hashed.
///
/// Not copyable, so exactly one owner appends and then commits or drops it. Dropping it
/// unfinished — the client went away, a chunk failed, the handler threw — removes the
/// temporary file; a failed append or commit removes it at once. Nothing of a failed upload
/// remains in the store.
public struct EvidenceUpload: ~Copyable, Sendable {
    private let store: EvidenceStore
    private let descriptor: Int32
    private let temporaryPath: String
    private let claimed: EvidenceHash
    private let byteLimit: UInt64
    private let claimedSize: UInt64?
    private var hasher = SHA256Hasher()
    private var head: [UInt8] = []
    private var finished = false

    /// Bytes received so far.
    public private(set) var byteCount: UInt64 = 0

    init(store: EvidenceStore, descriptor: Int32, temporaryPath: String, claimed: EvidenceHash, byteLimit: UInt64, claimedSize: UInt64?) {
        self.store = store
        self.descriptor = descriptor
        self.temporaryPath = temporaryPath
        self.claimed = claimed
        self.byteLimit = byteLimit
        self.claimedSize = claimedSize
    }

    deinit {
        if !finished {
            PosixFiles.closeQuietly(descriptor)
            _ = try? PosixFiles.remove(temporaryPath)
        }
    }

    /// Appends the next bytes.
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_FILE_TOO_LARGE` (RESOURCE_EXHAUSTED) as soon as the
    ///   bytes would pass the limit, `EVIDENCE_SIZE_MISMATCH` past the claimed size,
    ///   `EVIDENCE_STORE_FULL` (file system full) or `EVIDENCE_STORE_IO` on a write failure; the upload is then over and its file removed.
    public mutating func append(_ chunk: [UInt8]) throws(ReportingError) {
        guard !finished else { throw Self.over() }
        let (total, overflow) = byteCount.addingReportingOverflow(UInt64(chunk.count))
        if overflow || total > byteLimit { throw fail(Self.tooLarge(limit: byteLimit)) }
        if let claimedSize, total > claimedSize { throw fail(Self.sizeMismatch(claimed: claimedSize, received: total)) }
        let failure: ReportingError? = chunk.withUnsafeBytes { raw in
            do throws(ReportingError) {
                try PosixFiles.writeAll(descriptor, raw, path: temporaryPath)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw fail(failure) }
        hasher.update(chunk)
        if head.count < EvidenceMediaType.sniffLength { head += chunk.prefix(EvidenceMediaType.sniffLength - head.count) }
        byteCount = total
    }

    /// Checks the upload and moves it into place under its hash.
    ///
    /// In order: the size against the claimed size; the media type sniffed from the first bytes;
    /// the SHA-256 against the claim; then fsync, rename to `ab/cdef…` (replacing identical
    /// content stored before) and fsync of the folder.
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_SIZE_MISMATCH`, `EVIDENCE_MEDIA_TYPE_NOT_ALLOWED`,
    ///   `EVIDENCE_HASH_MISMATCH` (INVALID_ARGUMENT) or `EVIDENCE_STORE_IO`; the temporary file is
    ///   removed and nothing is stored.
    public consuming func commit() throws(ReportingError) -> StoredEvidence {
        guard !finished else { throw Self.over() }
        if let claimedSize, byteCount != claimedSize { throw fail(Self.sizeMismatch(claimed: claimedSize, received: byteCount)) }
        let mediaType: EvidenceMediaType
        do { mediaType = try EvidenceUploadRules.mediaType(of: head) } catch { throw fail(error) }
        guard let received = EvidenceHash(bytes: hasher.finalize()), received == claimed else {
            throw fail(ReportingError(.evidenceHashMismatch,
                                      "the bytes received do not hash to the SHA-256 the upload claimed (\(claimed.hex)); nothing was stored",
                                      field: "header.sha256"))
        }
        let target = store.path(of: claimed)
        let alreadyStored: Bool
        do {
            try PosixFiles.sync(descriptor, path: temporaryPath)
            finished = true
            try PosixFiles.closeChecked(descriptor, path: temporaryPath)
            let shard = store.shardPath(of: claimed)
            let newShard = try PosixFiles.makeFolder(shard)
            if newShard { try PosixFiles.syncFolder(store.configuration.folder) }
            alreadyStored = try PosixFiles.status(path: target)?.isFile ?? false
            try PosixFiles.rename(temporaryPath, to: target)
            try PosixFiles.syncFolder(shard)
        } catch {
            if !finished { PosixFiles.closeQuietly(descriptor) }
            finished = true
            _ = try? PosixFiles.remove(temporaryPath)
            throw error
        }
        return StoredEvidence(hash: claimed, size: byteCount, mediaType: mediaType, alreadyStored: alreadyStored)
    }

    /// Abandons the upload, removing its temporary file.
    public consuming func cancel() {
        finished = true
        PosixFiles.closeQuietly(descriptor)
        _ = try? PosixFiles.remove(temporaryPath)
    }

    /// Ends the upload after `error`: closes and removes the temporary file.
    private mutating func fail(_ error: ReportingError) -> ReportingError {
        if !finished {
            finished = true
            PosixFiles.closeQuietly(descriptor)
            _ = try? PosixFiles.remove(temporaryPath)
        }
        return error
    }

    static func tooLarge(limit: UInt64) -> ReportingError {
        ReportingError(.evidenceFileTooLarge, "the upload passes its limit of \(limit) bytes (the file cap, or what is left of this month's volume); nothing was stored")
    }

    static func sizeMismatch(claimed: UInt64, received: UInt64) -> ReportingError {
        ReportingError(.evidenceSizeMismatch, "the upload announced \(claimed) bytes but \(received) arrived; nothing was stored", field: "header.size_bytes")
    }

    static func over() -> ReportingError {
        ReportingError(.evidenceStoreIO, "the upload is already over", cause: "append or commit after the upload ended")
    }
}
