import GRDB
import Foundation

/// What an online backup wrote.
public struct BackupReport: Sendable, Hashable {
    /// Where the backup is.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int64
    /// The newest audit entry it contains (0 when the log is empty).
    public var auditHeadSequence: UInt64
}

extension Store {
    /// Writes a consistent copy of the store to `destination` while the service keeps running:
    /// `VACUUM INTO` a temporary file beside it from a separate read-only connection (a snapshot
    /// that does not block the writer), `integrity_check` the copy, fsync it, rename it into
    /// place and fsync the directory. An existing file at `destination` is replaced only by a
    /// verified copy.
    public static func backup(databaseAt source: String, to destination: String) throws -> BackupReport {
        let destinationURL = URL(fileURLWithPath: destination)
        let directory = destinationURL.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(destinationURL.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            var readOnly = Configuration()
            readOnly.readonly = true
            readOnly.busyMode = .timeout(10)
            let snapshot = try DatabaseQueue(path: source, configuration: readOnly)
            try snapshot.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [temporary]) }
            try snapshot.close()

            let copy = try DatabaseQueue(path: temporary, configuration: readOnly)
            let check = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            let head = try copy.read { db in try AuditLog.head(in: db).sequence }
            try copy.close()
            guard check == ["ok"] else {
                throw StoreError(.backup, "the backup copy failed integrity_check: \(check.prefix(3).joined(separator: "; "))")
            }
            // The copy holds every record of the service: private to its user, whatever the umask.
            guard chmod(temporary, 0o600) == 0 else {
                throw StoreError(.backup, "cannot make the backup private: \(String(cString: strerror(errno)))")
            }
            try fsync(path: temporary)
            guard rename(temporary, destination) == 0 else {
                throw StoreError(.backup, "cannot rename the backup into place: \(String(cString: strerror(errno)))")
            }
            try fsync(path: directory.path)
            let size = (try FileManager.default.attributesOfItem(atPath: destination)[.size] as? NSNumber)?.int64Value ?? 0
            return BackupReport(path: destination, bytes: size, auditHeadSequence: head)
        } catch let error as StoreError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw StoreError(.backup, "backup of \(source) failed", cause: error)
        }
    }

    private static func fsync(path: String) throws {
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { throw StoreError(.backup, "cannot open \(path) to fsync: \(String(cString: strerror(errno)))") }
        defer { Foundation.close(fd) }
        guard Foundation.fsync(fd) == 0 else { throw StoreError(.backup, "fsync \(path): \(String(cString: strerror(errno)))") }
    }
}
