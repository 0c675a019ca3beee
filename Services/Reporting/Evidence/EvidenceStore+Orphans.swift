public import Foundation

extension EvidenceStore {
    /// One stored file as a listing shows it.
    public struct Entry: Sendable, Hashable {
        /// Its hash (name).
        public var hash: EvidenceHash
        /// Its size in bytes.
        public var size: UInt64
        /// Its last modification (the end of its upload), seconds since 1970.
        public var modified: Int64
    }

    /// Every stored file, by hash. Names that are not hash names (a stray file an operator
    /// left) are skipped, never touched.
    public func entries() throws(ReportingError) -> [Entry] {
        try Self.entries(in: configuration.folder)
    }

    /// Every file stored in `folder` (a store's folder), by hash, read without opening the store
    /// (a backup or a scrub beside a running service).
    public static func entries(in folder: String) throws(ReportingError) -> [Entry] {
        var out: [Entry] = []
        for shard in try PosixFiles.list(folder) where shard.utf8.count == 2 && EvidenceHash.isLowerHex(shard) {
            let shardPath = folder + "/" + shard
            guard try PosixFiles.status(path: shardPath)?.isFolder == true else { continue }
            for name in try PosixFiles.list(shardPath) {
                guard name.utf8.count == 62, EvidenceHash.isLowerHex(name), let hash = EvidenceHash(hex: shard + name),
                      let status = try PosixFiles.status(path: shardPath + "/" + name), status.isFile else { continue }
                out.append(Entry(hash: hash, size: status.size, modified: status.modified))
            }
        }
        return out.sorted { $0.hash < $1.hash }
    }

    /// The stored files no report refers to (not in `referenced`) that are at least `grace`
    /// old at `now`: an upload is stored before the report naming it is submitted, so a young
    /// unreferenced file is not an orphan yet.
    public func orphans(referenced: Set<EvidenceHash>, olderThan grace: TimeInterval, now: Date) throws(ReportingError) -> [Entry] {
        let cutoff = now.timeIntervalSince1970 - grace
        return try entries().filter { !referenced.contains($0.hash) && TimeInterval($0.modified) <= cutoff }
    }

    /// Removes the orphans (see ``orphans(referenced:olderThan:now:)``) and shard folders left
    /// empty; returns what was removed.
    ///
    /// The reference set must be read after the grace period's start: a report submitted with
    /// a file after the set was read, for a file older than the grace period, would lose it.
    @discardableResult
    public func collectOrphans(referenced: Set<EvidenceHash>, olderThan grace: TimeInterval, now: Date) throws(ReportingError) -> [Entry] {
        let orphans = try orphans(referenced: referenced, olderThan: grace, now: now)
        var shards = Set<String>()
        for orphan in orphans where try PosixFiles.remove(path(of: orphan.hash)) {
            shards.insert(orphan.hash.shard)
        }
        var removedShard = false
        for shard in shards.sorted() {
            let path = configuration.folder + "/" + shard
            if PosixFiles.removeFolderIfEmpty(path) { removedShard = true } else { try PosixFiles.syncFolder(path) }
        }
        if removedShard { try PosixFiles.syncFolder(configuration.folder) }
        return orphans
    }
}

extension EvidenceHash {
    /// True when `text` is only lowercase hex digits.
    static func isLowerHex(_ text: String) -> Bool {
        text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
