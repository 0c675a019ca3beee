public import GRDB
import Foundation

/// A service's SQLite store: one file, WAL, `synchronous=FULL`, one writer and a few readers,
/// foreign keys on, a busy timeout, migrations applied in order, an integrity check at open.
///
/// Every service owns exactly one store. The store also holds the service's audit log and its
/// idempotency records, so that a change, its audit entry and its idempotency record commit in
/// one transaction.
public final class Store: Sendable {
    /// The configuration the store was opened with.
    public let configuration: StoreConfiguration
    /// The GRDB pool (one writer, concurrent readers).
    public let pool: DatabasePool

    /// Opens (creating if needed) the store and applies `migrations` after the store's own.
    public init(configuration: StoreConfiguration, migrations: [Migration]) throws {
        self.configuration = configuration
        let url = URL(fileURLWithPath: configuration.path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError(.open, "cannot create the directory of \(configuration.path)", cause: error)
        }
        // Created 0600 before SQLite opens it, whatever the umask: SQLite gives the -wal and -shm
        // files it creates the mode of the database file.
        let descriptor = Foundation.open(configuration.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor >= 0 { Foundation.close(descriptor) }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.journalMode = .wal
        config.busyMode = .timeout(configuration.busyTimeoutSeconds)
        config.maximumReaderCount = max(1, configuration.maximumReaders)
        config.label = url.lastPathComponent
        config.prepareDatabase { db in
            // Anything acknowledged to a client must survive power loss.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: configuration.path, configuration: config)
        } catch {
            throw StoreError(.open, "cannot open \(configuration.path)", cause: error)
        }
        // Readable by the service user only, also when an earlier version left them wider.
        for suffix in ["", "-wal", "-shm"] { chmod(configuration.path + suffix, 0o600) }
        // GRDB sets synchronous=NORMAL on the writer when it enables WAL; acknowledged writes need FULL.
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw StoreError(.open, "cannot configure \(configuration.path)", cause: error)
        }
        if configuration.checkIntegrityAtOpen {
            let result: [String]
            do {
                result = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            } catch {
                throw StoreError(.integrity, "integrity_check of \(configuration.path) failed", cause: error)
            }
            guard result == ["ok"] else {
                throw StoreError(.integrity, "integrity_check of \(configuration.path) failed: \(result.prefix(5).joined(separator: "; "))")
            }
        }
        var migrator = DatabaseMigrator()
        for migration in StoreTables.migrations + migrations {
            migrator.registerMigration(migration.id, migrate: migration.apply)
        }
        do {
            try migrator.migrate(pool)
        } catch {
            throw StoreError(.migration, "migrating \(configuration.path) failed", cause: error)
        }
    }

    /// Frees the memory SQLite holds for speed: the writer's page cache is emptied and the reader
    /// connections are closed (the next read opens one again). For an idle service; the work
    /// waits for reads and the write in progress, on a thread of its own, not the caller's.
    public func releaseMemory() async {
        let pool = self.pool
        _ = try? await onWorker { pool.releaseMemory() }
    }

    /// `PRAGMA integrity_check` now: "ok" or the problems found.
    public func integrityCheck() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Checkpoints the WAL and closes every connection. Call once, after the last use.
    public func close() throws {
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try pool.close()
    }
}
