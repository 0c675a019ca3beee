import GRDB

/// The tables every store has: the audit log and the idempotency records.
enum StoreTables {
    static let migrations: [Migration] = [
        Migration("kinerja.store.v1.audit_log") { db in
            try db.execute(sql: """
                CREATE TABLE audit_log (
                    sequence INTEGER PRIMARY KEY,
                    event_id TEXT NOT NULL UNIQUE,
                    at_seconds INTEGER NOT NULL,
                    at_nanos INTEGER NOT NULL,
                    principal TEXT NOT NULL,
                    principal_kind INTEGER NOT NULL,
                    action TEXT NOT NULL,
                    target TEXT NOT NULL,
                    outcome INTEGER NOT NULL,
                    status_code INTEGER NOT NULL,
                    detail TEXT NOT NULL,
                    request_id TEXT NOT NULL,
                    peer_address TEXT NOT NULL,
                    prev_hash BLOB NOT NULL,
                    hash BLOB NOT NULL
                );
                CREATE INDEX audit_log_principal ON audit_log(principal, sequence);
                CREATE INDEX audit_log_target ON audit_log(target, sequence);
                CREATE INDEX audit_log_at ON audit_log(at_seconds);
                -- Append-only: the service never updates or deletes a row. Someone with the file can
                -- drop these triggers; the hash chain is what detects that (AuditLog.verify).
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        },
        Migration("kinerja.store.v1.idempotency") { db in
            try db.execute(sql: """
                CREATE TABLE idempotency (
                    principal TEXT NOT NULL,
                    method TEXT NOT NULL,
                    key TEXT NOT NULL,
                    request_hash BLOB NOT NULL,
                    response BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (principal, method, key)
                ) WITHOUT ROWID;
                CREATE INDEX idempotency_created ON idempotency(created_at);
                """)
        },
    ]
}
