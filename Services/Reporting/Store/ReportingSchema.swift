import GRDB
import KinerjaASN
public import KinerjaStore

/// The reporting store's tables, one migration per change, applied in order.
///
/// A daily report is stored whole (the serialized `Reporting.DailyReport`: the contract is the
/// record) beside the columns queries filter and aggregate on — the author, the WITA day as a
/// day number, the IKI, the state, the value and when it was last set — so that progress for a
/// unit reads columns only and never decodes a body. `report_evidence` indexes the uploaded
/// files each report refers to: the reference set of the evidence store's orphan collection and
/// of downloads. The other tables hold what the rules read besides reports: the calendar's
/// non-working days, policies per unit, absences, period locks (with their NIPs in a table of
/// their own, so a check reads only the locks of the employees concerned), the qualitative
/// realisations, and the evidence uploads (per employee and WITA month, for the monthly volume).
public enum ReportingSchema {
    /// Every migration of the reporting store.
    public static let migrations: [Migration] = [
        Migration("reporting.v1.reports") { db in
            try db.execute(sql: """
                CREATE TABLE daily_report (
                    report_id TEXT NOT NULL UNIQUE,
                    nip TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    report_day INTEGER NOT NULL,
                    skp_id TEXT NOT NULL,
                    rhk_id TEXT NOT NULL,
                    iki_id TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    verifier_nip TEXT NOT NULL,
                    value REAL NOT NULL,
                    minutes INTEGER NOT NULL,
                    submitted_day INTEGER NOT NULL,
                    changed_s INTEGER NOT NULL,
                    changed_ns INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX daily_report_author ON daily_report(nip, report_day);
                CREATE INDEX daily_report_verifier ON daily_report(verifier_nip, state, report_day);
                CREATE INDEX daily_report_pending ON daily_report(state, submitted_day);
                CREATE INDEX daily_report_unit ON daily_report(unit_id, report_day);
                CREATE TABLE report_evidence (
                    report_id TEXT NOT NULL REFERENCES daily_report(report_id) ON DELETE CASCADE,
                    sha256 BLOB NOT NULL,
                    PRIMARY KEY (report_id, sha256)
                ) WITHOUT ROWID;
                CREATE INDEX report_evidence_file ON report_evidence(sha256);
                """)
        },
        Migration("reporting.v1.calendar") { db in
            try db.execute(sql: """
                CREATE TABLE non_working_day (
                    day INTEGER NOT NULL,
                    unit_id TEXT NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (day, unit_id)
                ) WITHOUT ROWID;
                CREATE TABLE reporting_policy (
                    unit_id TEXT NOT NULL PRIMARY KEY,
                    revision INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE TABLE absence (
                    absence_id TEXT NOT NULL PRIMARY KEY,
                    nip TEXT NOT NULL,
                    start_day INTEGER NOT NULL,
                    end_day INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX absence_nip ON absence(nip, start_day);
                CREATE INDEX absence_days ON absence(start_day, end_day);
                CREATE TABLE period_lock (
                    lock_id TEXT NOT NULL PRIMARY KEY,
                    start_day INTEGER NOT NULL,
                    end_day INTEGER NOT NULL,
                    year INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE TABLE period_lock_nip (
                    lock_id TEXT NOT NULL REFERENCES period_lock(lock_id) ON DELETE CASCADE,
                    nip TEXT NOT NULL,
                    PRIMARY KEY (nip, lock_id)
                ) WITHOUT ROWID;
                CREATE INDEX period_lock_nip_lock ON period_lock_nip(lock_id);
                CREATE TABLE qualitative_realisation (
                    nip TEXT NOT NULL,
                    iki_id TEXT NOT NULL,
                    period_key TEXT NOT NULL,
                    start_day INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (nip, iki_id, period_key)
                ) WITHOUT ROWID;
                CREATE TABLE evidence_upload (
                    nip TEXT NOT NULL,
                    sha256 BLOB NOT NULL,
                    month INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    media_type TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    uploaded_at INTEGER NOT NULL,
                    PRIMARY KEY (nip, sha256, month)
                ) WITHOUT ROWID;
                CREATE INDEX evidence_upload_file ON evidence_upload(sha256);
                """)
        },
        // A new installation starts with the year's national holidays and cuti bersama
        // (NonWorkingDayList.indonesia2026, to be confirmed against the SKB): the operator adds
        // Kupang's libur daerah and later years, and may remove any entry.
        Migration("reporting.v1.holidays-2026") { db in
            for day in NonWorkingDayList.indonesia2026 {
                try CalendarRecords.upsert(day, in: db)
            }
        },
    ]
}
