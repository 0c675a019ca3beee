import KinerjaCrypto

extension EvidenceStore {
    /// Opens the file named `hash` for a streamed, verified read.
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_NOT_FOUND` when no such file is stored;
    ///   `EVIDENCE_STORE_IO` when it cannot be opened.
    public func openReader(_ hash: EvidenceHash) throws(ReportingError) -> EvidenceReader {
        let path = path(of: hash)
        guard let fd = try PosixFiles.openForReading(path) else {
            throw ReportingError(.evidenceNotFound, "no evidence file with SHA-256 \(hash.hex) is stored")
        }
        do {
            let status = try PosixFiles.status(fd, path: path)
            return EvidenceReader(descriptor: fd, path: path, hash: hash, size: status.size, chunkBytes: configuration.readChunkBytes)
        } catch {
            PosixFiles.closeQuietly(fd)
            throw error
        }
    }

    /// Reads the whole file named `hash`, verified (for small files and checks).
    public func read(_ hash: EvidenceHash) throws(ReportingError) -> [UInt8] {
        var reader = try openReader(hash)
        var out: [UInt8] = []
        while let chunk = try reader.next() { out += chunk }
        return out
    }

    /// Reads the file named `hash` through and checks it still hashes to its name (a scrub).
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_CORRUPTED` (DATA_LOSS) when it does not.
    public func verify(_ hash: EvidenceHash) throws(ReportingError) {
        var reader = try openReader(hash)
        while try reader.next() != nil {}
    }
}

/// A streamed read of one stored file that verifies its SHA-256 as the bytes go by.
///
/// ``next()`` returns the chunks, then nil once the whole file was read **and** hashed to its
/// name. A file altered on disk — other bytes, or another length than when it was opened —
/// makes the last ``next()`` throw `EVIDENCE_CORRUPTED` (DATA_LOSS) instead; a server that
/// already sent the chunks ends the stream with that status, so the client discards them.
public struct EvidenceReader: ~Copyable, Sendable {
    private let descriptor: Int32
    private let path: String
    private let chunkBytes: Int
    private var hasher = SHA256Hasher()
    private var done = false
    /// The file's hash (its name).
    public let hash: EvidenceHash
    /// The file's size when opened.
    public let size: UInt64
    /// Bytes returned so far.
    public private(set) var bytesRead: UInt64 = 0

    init(descriptor: Int32, path: String, hash: EvidenceHash, size: UInt64, chunkBytes: Int) {
        self.descriptor = descriptor
        self.path = path
        self.hash = hash
        self.size = size
        self.chunkBytes = chunkBytes
    }

    deinit {
        PosixFiles.closeQuietly(descriptor)
    }

    /// The next chunk; nil at the verified end.
    ///
    /// - Throws: ``ReportingError`` `EVIDENCE_CORRUPTED` (DATA_LOSS) at the end when the bytes do
    ///   not hash to the file's name or its length changed; `EVIDENCE_STORE_IO` on a read failure.
    public mutating func next() throws(ReportingError) -> [UInt8]? {
        guard !done else { return nil }
        let chunk = try PosixFiles.read(descriptor, count: chunkBytes, path: path)
        if !chunk.isEmpty {
            hasher.update(chunk)
            bytesRead += UInt64(chunk.count)
            return chunk
        }
        done = true
        guard bytesRead == size, EvidenceHash(bytes: hasher.finalize()) == hash else {
            throw ReportingError(.evidenceCorrupted,
                                 "the stored evidence file \(hash.hex) no longer matches its SHA-256; it was altered on disk and must be restored from a backup",
                                 cause: "\(path): \(bytesRead) bytes read, \(size) at open")
        }
        return nil
    }
}
