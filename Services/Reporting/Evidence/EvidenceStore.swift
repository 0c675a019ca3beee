import KinerjaCrypto

/// A content-addressed store of evidence files (bukti dukung) in one folder of the local disk.
///
/// Layout under the configured folder (0700, as every folder here; files 0600, whatever the
/// umask):
///
/// ```
/// <folder>/.lock              held with flock while a process has the store open
/// <folder>/incoming/<random>.part   uploads in progress
/// <folder>/ab/cdef…           a stored file: named by its SHA-256 (2 + 62 hex digits)
/// ```
///
/// - **Writing** (``beginUpload(claimed:byteLimit:claimedSize:)``): chunks are streamed into a
///   temporary file in `incoming/` while SHA-256 is computed and the size cap enforced as they
///   arrive; on commit the size, the sniffed media type and the hash (against the client's
///   claim) are checked, the file is fsynced, renamed to its hash name and the folder fsynced.
///   Any failure — or an upload dropped halfway — removes the temporary file: nothing remains.
/// - **Opening** removes the temporary files of uploads a crash cut off, and takes an
///   exclusive lock so no second process cleans up under a live one.
/// - **Reading** (``openReader(_:)``) streams chunks while hashing them; at the end a file whose
///   bytes no longer match its name (altered on disk) fails with DATA_LOSS.
/// - **Orphans** (``orphans(referenced:olderThan:now:)``): stored files no report refers to,
///   older than a grace period (an upload is stored before the report naming it is submitted).
///
/// No path on disk ever comes from a client: names are hex digits of a hash or of random bytes.
/// The calls block on disk I/O; a server runs them off its event loops.
public final class EvidenceStore: Sendable {
    /// Where the store lives and how it reads.
    public struct Configuration: Sendable, Hashable {
        /// The store's folder; created (0700) if missing, its parent must exist.
        public var folder: String
        /// Size of the chunks a reader returns, in bytes; default 64 KiB (at most 1 MiB, the
        /// contract's chunk limit).
        public var readChunkBytes: Int

        /// A configuration for `folder`.
        public init(folder: String, readChunkBytes: Int = 64 << 10) {
            self.folder = folder
            self.readChunkBytes = readChunkBytes
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// Temporary files of interrupted uploads removed when the store was opened.
    public let removedTemporaryFiles: Int
    private let lockDescriptor: Int32

    /// Opens (creating if needed) the store, cleaning up interrupted uploads.
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_STORE_LOCKED` (UNAVAILABLE) when another process
    ///   has the store open; `EVIDENCE_STORE_IO` (INTERNAL) when the folder cannot be prepared.
    public init(configuration: Configuration) throws(ReportingError) {
        var folder = configuration.folder
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        guard !folder.isEmpty else { throw ReportingError(.evidenceStoreIO, "the evidence store needs a folder", cause: "empty folder path") }
        var configuration = configuration
        configuration.folder = folder
        configuration.readChunkBytes = min(max(configuration.readChunkBytes, 1), 1 << 20)
        self.configuration = configuration

        try PosixFiles.makeFolder(folder)
        lockDescriptor = try PosixFiles.lockFolder(folder)
        do {
            let incoming = folder + "/" + Self.incomingFolder
            try PosixFiles.makeFolder(incoming)
            var removed = 0
            for name in try PosixFiles.list(incoming) {
                if try PosixFiles.remove(incoming + "/" + name) { removed += 1 }
            }
            if removed > 0 { try PosixFiles.syncFolder(incoming) }
            try PosixFiles.syncFolder(folder)
            removedTemporaryFiles = removed
        } catch {
            PosixFiles.closeQuietly(lockDescriptor)
            throw error
        }
    }

    deinit {
        PosixFiles.closeQuietly(lockDescriptor)
    }

    /// The folder of uploads in progress.
    static let incomingFolder = "incoming"

    /// The path of the stored file named `hash`.
    func path(of hash: EvidenceHash) -> String {
        "\(configuration.folder)/\(hash.shard)/\(hash.fileName)"
    }

    /// The path of `hash`'s shard folder.
    func shardPath(of hash: EvidenceHash) -> String {
        "\(configuration.folder)/\(hash.shard)"
    }

    /// A new temporary file's path in `incoming/`.
    func temporaryPath() -> String {
        let name = EvidenceHash(bytes: SecureRandom.bytes(EvidenceHash.byteCount))?.hex.prefix(32) ?? "upload"
        return "\(configuration.folder)/\(Self.incomingFolder)/\(name).part"
    }

    /// True when a file named `hash` is stored.
    public func contains(_ hash: EvidenceHash) throws(ReportingError) -> Bool {
        try PosixFiles.status(path: path(of: hash))?.isFile ?? false
    }

    /// Removes the file named `hash`; true when it was stored.
    @discardableResult
    public func remove(_ hash: EvidenceHash) throws(ReportingError) -> Bool {
        guard try PosixFiles.remove(path(of: hash)) else { return false }
        try PosixFiles.syncFolder(shardPath(of: hash))
        return true
    }
}

/// A file the store holds.
public struct StoredEvidence: Sendable, Hashable {
    /// Its SHA-256 (its name).
    public var hash: EvidenceHash
    /// Its size in bytes.
    public var size: UInt64
    /// Its media type, sniffed from its first bytes.
    public var mediaType: EvidenceMediaType
    /// True when the same content was already stored (the upload replaced it with identical bytes).
    public var alreadyStored: Bool

    /// A stored file.
    public init(hash: EvidenceHash, size: UInt64, mediaType: EvidenceMediaType, alreadyStored: Bool = false) {
        self.hash = hash
        self.size = size
        self.mediaType = mediaType
        self.alreadyStored = alreadyStored
    }
}
