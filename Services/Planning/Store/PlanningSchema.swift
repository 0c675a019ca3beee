import Foundation
import GRDB
import KinerjaProto
public import KinerjaStore

/// The planning store's tables, one migration per change, applied in order.
///
/// Each SKP version is stored whole (the serialized `Planning.Skp`: the contract is the
/// record), with the columns queries need beside it. `rhk_link` indexes the RHKs of every SKP's
/// latest version for cascades, parent candidates and review flags; `review_flag` holds the
/// flags, which are metadata about a link and so never change a stored version.
///
/// Issue 11 (`planning.v2.periods-amendments`): `owner_name` beside each version (ListSkps is
/// sorted by it); `rhk_seen`, every RHK id any version of an SKP ever held (GetRhk of an RHK only
/// an older version holds); `skp_submitted`, the SKPs ever submitted (a withdrawn draft is not
/// deletable); `skp_deleted`, the tombstones of deleted drafts; `expectation_amendment`, the
/// amendments of approved versions (never in a version's body); `skp_closure`, the closures by
/// transfer (the previous last day, the successor, and when a deleted successor reopened it).
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
        Migration("planning.v2.periods-amendments") { db in
            try db.execute(sql: """
                ALTER TABLE skp_version ADD COLUMN owner_name TEXT NOT NULL DEFAULT '';
                CREATE INDEX skp_owner_name ON skp_version(owner_name, nip, year) WHERE latest = 1;
                CREATE TABLE rhk_seen (
                    rhk_id TEXT PRIMARY KEY,
                    skp_id TEXT NOT NULL
                );
                CREATE INDEX rhk_seen_skp ON rhk_seen(skp_id);
                CREATE TABLE skp_submitted (
                    skp_id TEXT PRIMARY KEY
                );
                CREATE TABLE skp_deleted (
                    skp_id TEXT PRIMARY KEY,
                    nip TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    deleted_by TEXT NOT NULL,
                    deleted_at INTEGER NOT NULL,
                    reason TEXT NOT NULL
                );
                CREATE TABLE expectation_amendment (
                    amendment_id TEXT PRIMARY KEY,
                    skp_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    amended_at INTEGER NOT NULL,
                    seen_by_owner INTEGER,
                    body BLOB NOT NULL
                );
                CREATE INDEX expectation_amendment_skp ON expectation_amendment(skp_id, version, amendment_id);
                CREATE TABLE skp_closure (
                    closure_id INTEGER PRIMARY KEY,
                    skp_id TEXT NOT NULL,
                    previous_end TEXT NOT NULL,
                    new_end TEXT NOT NULL,
                    successor_skp_id TEXT NOT NULL,
                    closed_by TEXT NOT NULL,
                    closed_at INTEGER NOT NULL,
                    reopened_at INTEGER
                );
                CREATE INDEX skp_closure_successor ON skp_closure(successor_skp_id);
                CREATE INDEX skp_closure_skp ON skp_closure(skp_id);
                """)
            // What the existing versions already say: their owners' names, the RHKs they hold,
            // and which SKPs were ever submitted (a later state, a second version, or a
            // submission in the audit log).
            let rows = try Row.fetchAll(db, sql: "SELECT body FROM skp_version")
            for row in rows {
                let skp = try Planning.Skp(serializedBytes: Array(row["body"] as Data))
                try db.execute(sql: "UPDATE skp_version SET owner_name = ? WHERE skp_id = ? AND version = ?",
                               arguments: [skp.employee?.displayName ?? "", skp.skpID, Int64(skp.version)])
                for rhk in skp.rhks {
                    try db.execute(sql: "INSERT OR IGNORE INTO rhk_seen (rhk_id, skp_id) VALUES (?, ?)", arguments: [rhk.rhkID, skp.skpID])
                }
                if skp.version > 1 || skp.state != .draft || skp.submitted != nil {
                    try db.execute(sql: "INSERT OR IGNORE INTO skp_submitted (skp_id) VALUES (?)", arguments: [skp.skpID])
                }
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO skp_submitted (skp_id)
                SELECT substr(target, 5) FROM audit_log WHERE action LIKE '%/SubmitSkp' AND outcome = ? AND target LIKE 'skp/%'
                """, arguments: [Common.AuditOutcome.success.rawValue])
        },
        // Evaluation's annual finalisations: the SKPs of these employees and year are no longer
        // revised (LockSkpRevisions); one row per NIP, so ReviseSkp reads only its owner's.
        Migration("planning.v3.revision_lock") { db in
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
