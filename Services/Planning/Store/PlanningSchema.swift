import GRDB
public import KinerjaStore

/// The planning store's tables, one migration per change, applied in order.
///
/// Each SKP version is stored whole (the serialized `Planning.Skp`: the contract is the
/// record), with the columns queries need beside it. `rhk_link` indexes the RHKs of every SKP's
/// latest version for cascades, parent candidates and review flags; `review_flag` holds the
/// flags, which are metadata about a link and so never change a stored version.
public enum PlanningSchema {
    /// Every migration of the planning store.
    public static let migrations: [Migration] = [
        Migration("planning.v1.skp") { db in
            try db.execute(sql: """
                CREATE TABLE skp_version (
                    skp_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    nip TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    unit_id TEXT NOT NULL,
                    atasan_nip TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    latest INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (skp_id, version)
                );
                CREATE INDEX skp_owner ON skp_version(nip, year, latest);
                CREATE INDEX skp_unit ON skp_version(unit_id, year) WHERE latest = 1;
                CREATE INDEX skp_atasan ON skp_version(atasan_nip, state) WHERE latest = 1;
                CREATE TABLE rhk_link (
                    rhk_id TEXT PRIMARY KEY,
                    skp_id TEXT NOT NULL,
                    owner_nip TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    unit_id TEXT NOT NULL,
                    parent_rhk_id TEXT,
                    position INTEGER NOT NULL
                );
                CREATE INDEX rhk_link_parent ON rhk_link(parent_rhk_id);
                CREATE INDEX rhk_link_owner ON rhk_link(owner_nip, year);
                CREATE INDEX rhk_link_skp ON rhk_link(skp_id);
                CREATE TABLE iki_link (
                    iki_id TEXT PRIMARY KEY,
                    rhk_id TEXT NOT NULL,
                    skp_id TEXT NOT NULL
                );
                CREATE INDEX iki_link_skp ON iki_link(skp_id);
                CREATE TABLE review_flag (
                    rhk_id TEXT PRIMARY KEY,
                    parent_rhk_id TEXT NOT NULL,
                    parent_revision_seen INTEGER NOT NULL,
                    parent_revision_current INTEGER NOT NULL,
                    change_summary TEXT NOT NULL,
                    flagged_at INTEGER NOT NULL,
                    parent_removed INTEGER NOT NULL
                );
                """)
        },
        // Evaluation's annual finalisations: the SKPs of these employees and year are no longer
        // revised (LockSkpRevisions); one row per NIP, so ReviseSkp reads only its owner's.
        Migration("planning.v2.revision_lock") { db in
            try db.execute(sql: """
                CREATE TABLE skp_revision_lock (
                    lock_id TEXT PRIMARY KEY,
                    year INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE TABLE skp_revision_lock_nip (
                    lock_id TEXT NOT NULL REFERENCES skp_revision_lock(lock_id) ON DELETE CASCADE,
                    nip TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    PRIMARY KEY (lock_id, nip)
                );
                CREATE INDEX skp_revision_lock_owner ON skp_revision_lock_nip(nip, year);
                """)
        },
    ]
}
