import KinerjaCrypto

/// Backups of the evidence store: every stored file copied into a backup folder of the same
/// layout, each checked against its name while it is copied. Files are named by their content,
/// so a backup is incremental by nature: a file already in the backup is the same file and is
/// not copied again, and nothing in the backup is ever overwritten or deleted (a file collected
/// as an orphan stays in the backup until the operator prunes it).
///
/// Runs beside a live service without the store's lock: it only reads stored files, which are
/// never changed in place (an upload renames a complete, fsynced file into place).
public enum EvidenceBackup {
    /// What a backup or a scrub did.
    public struct Report: Sendable, Hashable {
        /// Files copied now.
        public var copied = 0
        /// Files already in the backup (not copied again).
        public var present = 0
        /// Bytes copied now.
        public var bytes: UInt64 = 0
        /// Files whose bytes no longer match their name (not copied; restore them from an older backup).
        public var corrupted: [EvidenceHash] = []
        /// Files checked (a scrub).
        public var checked = 0
    }

    /// Copies every file of the store in `folder` that `destination` lacks into it.
    public static func copy(from folder: String, to destination: String) throws(ReportingError) -> Report {
        var report = Report()
        try PosixFiles.makeFolder(destination)
        var newShard = false
        for entry in try EvidenceStore.entries(in: folder) {
            let shard = destination + "/" + entry.hash.shard
            let target = shard + "/" + entry.hash.fileName
            if let existing = try PosixFiles.status(path: target), existing.isFile, existing.size == entry.size {
                report.present += 1
                continue
            }
            if try PosixFiles.makeFolder(shard) { newShard = true }
            let temporary = shard + "/." + entry.hash.fileName + ".tmp"
            _ = try PosixFiles.remove(temporary)
            let input = try PosixFiles.openForReading(folder + "/" + entry.hash.shard + "/" + entry.hash.fileName)
            guard let input else { continue }  // collected meanwhile
            defer { PosixFiles.closeQuietly(input) }
            let output = try PosixFiles.createExclusive(temporary)
            var hasher = SHA256Hasher()
            var size: UInt64 = 0
            do throws(ReportingError) {
                while true {
                    let chunk = try PosixFiles.read(input, count: 1 << 20, path: folder)
                    if chunk.isEmpty { break }
                    hasher.update(chunk)
                    size += UInt64(chunk.count)
                    let failure: ReportingError? = chunk.withUnsafeBytes { raw in
                        do throws(ReportingError) {
                            try PosixFiles.writeAll(output, raw, path: temporary)
                            return nil
                        } catch {
                            return error
                        }
                    }
                    if let failure { throw failure }
                }
                guard EvidenceHash(bytes: hasher.finalize()) == entry.hash else {
                    PosixFiles.closeQuietly(output)
                    _ = try PosixFiles.remove(temporary)
                    report.corrupted.append(entry.hash)
                    continue
                }
                try PosixFiles.sync(output, path: temporary)
                try PosixFiles.closeChecked(output, path: temporary)
                try PosixFiles.rename(temporary, to: target)
                try PosixFiles.syncFolder(shard)
            } catch {
                PosixFiles.closeQuietly(output)
                _ = try? PosixFiles.remove(temporary)
                throw error
            }
            report.copied += 1
            report.bytes += size
        }
        if newShard { try PosixFiles.syncFolder(destination) }
        return report
    }

    /// Reads every file of the store in `folder` and checks it against its name (a scrub).
    public static func verify(folder: String) throws(ReportingError) -> Report {
        var report = Report()
        for entry in try EvidenceStore.entries(in: folder) {
            guard let input = try PosixFiles.openForReading(folder + "/" + entry.hash.shard + "/" + entry.hash.fileName) else { continue }
            defer { PosixFiles.closeQuietly(input) }
            var hasher = SHA256Hasher()
            while true {
                let chunk = try PosixFiles.read(input, count: 1 << 20, path: folder)
                if chunk.isEmpty { break }
                hasher.update(chunk)
            }
            report.checked += 1
            if EvidenceHash(bytes: hasher.finalize()) != entry.hash { report.corrupted.append(entry.hash) }
        }
        return report
    }
}
