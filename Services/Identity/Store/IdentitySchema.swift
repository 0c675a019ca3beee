import GRDB
public import KinerjaStore

/// The identity store's tables, one migration per change, applied in order.
public enum IdentitySchema {
    /// Every migration of the identity store.
    public static let migrations: [Migration] = [
        Migration("identity.v1.units") { db in
            try db.execute(sql: """
                CREATE TABLE unit (
                    unit_id TEXT PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    short_name TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    parent_unit_id TEXT REFERENCES unit(unit_id),
                    head_nip TEXT,
                    public_service_point INTEGER NOT NULL,
                    active INTEGER NOT NULL,
                    depth INTEGER NOT NULL,
                    created_by TEXT NOT NULL, created_kind INTEGER NOT NULL, created_at INTEGER NOT NULL,
                    updated_by TEXT NOT NULL, updated_kind INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                    revision INTEGER NOT NULL
                );
                CREATE INDEX unit_parent ON unit(parent_unit_id, code);
                -- Exactly one root.
                CREATE UNIQUE INDEX unit_single_root ON unit((parent_unit_id IS NULL)) WHERE parent_unit_id IS NULL;
                CREATE TABLE tree_state (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
                INSERT INTO tree_state (id, revision) VALUES (1, 0);
                """)
        },
        Migration("identity.v1.employees") { db in
            try db.execute(sql: """
                CREATE TABLE employee (
                    nip TEXT PRIMARY KEY,
                    full_name TEXT NOT NULL,
                    gelar_depan TEXT NOT NULL,
                    gelar_belakang TEXT NOT NULL,
                    asn_type INTEGER NOT NULL,
                    jenis_jabatan INTEGER NOT NULL,
                    jabatan_name TEXT NOT NULL,
                    golongan TEXT NOT NULL,
                    unit_id TEXT NOT NULL REFERENCES unit(unit_id),
                    atasan_nip TEXT REFERENCES employee(nip) DEFERRABLE INITIALLY DEFERRED,
                    birth_date TEXT NOT NULL,
                    sex INTEGER NOT NULL,
                    tmt TEXT,
                    status INTEGER NOT NULL,
                    email TEXT NOT NULL,
                    phone TEXT NOT NULL,
                    created_by TEXT NOT NULL, created_kind INTEGER NOT NULL, created_at INTEGER NOT NULL,
                    updated_by TEXT NOT NULL, updated_kind INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    CHECK (atasan_nip IS NULL OR atasan_nip <> nip)
                );
                CREATE INDEX employee_unit ON employee(unit_id, full_name);
                CREATE INDEX employee_atasan ON employee(atasan_nip);
                CREATE TABLE supervisor_assignment (
                    id INTEGER PRIMARY KEY,
                    nip TEXT NOT NULL REFERENCES employee(nip),
                    atasan_nip TEXT NOT NULL REFERENCES employee(nip) DEFERRABLE INITIALLY DEFERRED,
                    effective_from TEXT NOT NULL,
                    effective_until TEXT,
                    acting INTEGER NOT NULL,
                    note TEXT NOT NULL,
                    assigned_by TEXT NOT NULL, assigned_kind INTEGER NOT NULL, assigned_at INTEGER NOT NULL
                );
                CREATE INDEX supervisor_assignment_nip ON supervisor_assignment(nip, effective_from);
                """)
        },
        Migration("identity.v1.access") { db in
            try db.execute(sql: """
                CREATE TABLE role_grant (
                    grant_id TEXT PRIMARY KEY,
                    nip TEXT NOT NULL REFERENCES employee(nip),
                    role INTEGER NOT NULL,
                    scope_unit_ids TEXT NOT NULL,
                    include_subunits INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    expires_at INTEGER,
                    granted_by TEXT NOT NULL, granted_kind INTEGER NOT NULL, granted_at INTEGER NOT NULL,
                    revoked_by TEXT, revoked_kind INTEGER, revoked_at INTEGER
                );
                CREATE INDEX role_grant_nip ON role_grant(nip);
                CREATE TABLE account (
                    nip TEXT PRIMARY KEY REFERENCES employee(nip),
                    state INTEGER NOT NULL,
                    password_hash TEXT,
                    must_change_password INTEGER NOT NULL,
                    password_expires_at INTEGER,
                    password_changed_at INTEGER,
                    last_login_at INTEGER,
                    failed_login_count INTEGER NOT NULL,
                    locked_until INTEGER,
                    disabled_reason TEXT NOT NULL,
                    updated_by TEXT NOT NULL, updated_kind INTEGER NOT NULL, updated_at INTEGER NOT NULL
                );
                CREATE TABLE session (
                    session_id TEXT PRIMARY KEY,
                    nip TEXT NOT NULL REFERENCES employee(nip),
                    created_at INTEGER NOT NULL,
                    last_refreshed_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    audience TEXT NOT NULL,
                    client_name TEXT NOT NULL,
                    peer_address TEXT NOT NULL,
                    revoked_at INTEGER,
                    revoked_reason TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX session_nip ON session(nip, created_at);
                -- Refresh tokens are stored as SHA-256 hashes only. A spent token stays, so that its
                -- reuse (a stolen token) can be recognised and the whole session revoked.
                CREATE TABLE refresh_token (
                    token_hash BLOB PRIMARY KEY,
                    session_id TEXT NOT NULL REFERENCES session(session_id),
                    issued_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    spent_at INTEGER
                ) WITHOUT ROWID;
                CREATE INDEX refresh_token_session ON refresh_token(session_id);
                CREATE TABLE signing_key (
                    key_id TEXT PRIMARY KEY,
                    private_key BLOB NOT NULL,
                    public_key BLOB NOT NULL,
                    state INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    not_before INTEGER NOT NULL,
                    not_after INTEGER NOT NULL
                );
                """)
        },
        // The revocation feed (ListRevocations): every session revoked before its tokens expired,
        // in order, written by the database itself so that no revocation path can forget it.
        Migration("identity.v2.revocation-feed") { db in
            try db.execute(sql: """
                CREATE TABLE revocation (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    session_id TEXT NOT NULL,
                    revoked_at INTEGER NOT NULL
                );
                CREATE INDEX revocation_revoked_at ON revocation(revoked_at);
                CREATE TRIGGER session_revoked AFTER UPDATE OF revoked_at ON session
                WHEN OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
                BEGIN
                    INSERT INTO revocation(session_id, revoked_at) VALUES (NEW.session_id, NEW.revoked_at);
                END;
                """)
        },
        // The pejabat penilai model (issue 11): acting officials (Plt/Plh) by decree for a unit's
        // head position, and the first day in the current position (TMT jabatan).
        Migration("identity.v3.penilai") { db in
            try db.execute(sql: """
                CREATE TABLE acting_assignment (
                    assignment_id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES unit(unit_id),
                    acting_nip TEXT NOT NULL REFERENCES employee(nip),
                    kind INTEGER NOT NULL,
                    valid_from TEXT NOT NULL,
                    valid_until TEXT NOT NULL,
                    decree_number TEXT NOT NULL,
                    decree_date TEXT NOT NULL,
                    replaced_nip TEXT NOT NULL,
                    note TEXT NOT NULL,
                    recorded_by TEXT NOT NULL, recorded_kind INTEGER NOT NULL, recorded_at INTEGER NOT NULL,
                    ended_by TEXT, ended_kind INTEGER, ended_at INTEGER,
                    CHECK (valid_from <= valid_until)
                );
                CREATE INDEX acting_assignment_unit ON acting_assignment(unit_id, valid_from);
                CREATE INDEX acting_assignment_nip ON acting_assignment(acting_nip, valid_from);
                ALTER TABLE employee ADD COLUMN tmt_jabatan TEXT;
                UPDATE employee SET tmt_jabatan = tmt;
                """)
        },
    ]
}
