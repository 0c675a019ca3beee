import GRDB
public import KinerjaStore

/// The evaluation store's tables, one migration per change, applied in order.
///
/// Records are stored whole as their contract messages (`body`), as planning and feedback do, with
/// the columns queries filter on beside them:
/// - `evaluation_period`: the period (its organisation rating, recommendations and curve override
///   inside the body); `population_adjustment`, `organisation_rating` (every decision, the current
///   one marked) and `finalisation` (every finalisation, superseded ones kept) beside it;
/// - `employee_evaluation`: one row per employee and period with the proposal, the ratings and
///   their reasons in the body; `rating_override` every departure from a proposal or earlier decision;
/// - `finalisation_snapshot`: what each evaluation rested on when its period was finalised (the
///   evaluation as finalised, deterministic encoding) and its SHA-256; never changed, only marked
///   superseded when the period is reopened;
/// - `proposal_rule`: every version of every rule;
/// - `tpp_rule`: every version of the TPP rule (section 11.2);
/// - `siasn_reference`: every version of the SIASN reference table (docs/SIASN.md);
/// - `peer_notification`: what reporting and planning must be told (locks, unlocks) until they
///   acknowledge it, written in the same transaction as the finalisation or reopening.
public enum EvaluationSchema {
    /// Every migration of the evaluation store.
    public static let migrations: [Migration] = [
        Migration("evaluation.v1.periods") { db in
            try db.execute(sql: """
                CREATE TABLE evaluation_period (
                    period_id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL,
                    include_subunits INTEGER NOT NULL,
                    year INTEGER NOT NULL,
                    kind INTEGER NOT NULL,
                    number INTEGER NOT NULL,
                    span_key TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    opened_at INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX period_unit ON evaluation_period(unit_id, year);
                CREATE INDEX period_span ON evaluation_period(year, kind, number);
                CREATE TABLE population_adjustment (
                    adjustment_id TEXT PRIMARY KEY,
                    period_id TEXT NOT NULL REFERENCES evaluation_period(period_id),
                    nip TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX adjustment_period ON population_adjustment(period_id, recorded_at);
                CREATE TABLE organisation_rating (
                    rating_id TEXT PRIMARY KEY,
                    period_id TEXT NOT NULL REFERENCES evaluation_period(period_id),
                    unit_id TEXT NOT NULL,
                    span_key TEXT NOT NULL,
                    decided_at INTEGER NOT NULL,
                    current INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX organisation_rating_unit ON organisation_rating(unit_id, span_key, decided_at);
                CREATE TABLE proposal_rule (
                    rule_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    unit_id TEXT NOT NULL,
                    current INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (rule_id, version)
                );
                CREATE UNIQUE INDEX proposal_rule_current ON proposal_rule(unit_id) WHERE current = 1;
                """)
        },
        Migration("evaluation.v1.evaluations") { db in
            try db.execute(sql: """
                CREATE TABLE employee_evaluation (
                    evaluation_id TEXT PRIMARY KEY,
                    period_id TEXT NOT NULL REFERENCES evaluation_period(period_id),
                    nip TEXT NOT NULL,
                    name TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    evaluator_nip TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    span_key TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    predikat INTEGER NOT NULL,
                    excluded INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    UNIQUE (period_id, nip)
                );
                CREATE INDEX evaluation_nip ON employee_evaluation(nip, year);
                CREATE INDEX evaluation_span_unit ON employee_evaluation(span_key, unit_id, name);
                CREATE INDEX evaluation_evaluator ON employee_evaluation(evaluator_nip, span_key);
                CREATE TABLE rating_override (
                    override_id TEXT PRIMARY KEY,
                    evaluation_id TEXT NOT NULL REFERENCES employee_evaluation(evaluation_id),
                    period_id TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    decided_by TEXT NOT NULL,
                    aspect INTEGER NOT NULL,
                    decided_at INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX override_period ON rating_override(period_id, decided_at);
                CREATE INDEX override_evaluation ON rating_override(evaluation_id, decided_at);
                CREATE INDEX override_unit ON rating_override(unit_id, decided_at);
                """)
        },
        Migration("evaluation.v1.finalisation") { db in
            try db.execute(sql: """
                CREATE TABLE finalisation (
                    period_id TEXT NOT NULL REFERENCES evaluation_period(period_id),
                    number INTEGER NOT NULL,
                    finalised_at INTEGER NOT NULL,
                    superseded INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (period_id, number)
                );
                CREATE TABLE finalisation_snapshot (
                    period_id TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    evaluation_id TEXT NOT NULL,
                    nip TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    sha256 BLOB NOT NULL,
                    superseded INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (period_id, number, evaluation_id),
                    FOREIGN KEY (period_id, number) REFERENCES finalisation(period_id, number)
                );
                CREATE INDEX snapshot_nip ON finalisation_snapshot(period_id, number, nip);
                CREATE TABLE peer_notification (
                    notification_id INTEGER PRIMARY KEY AUTOINCREMENT,
                    peer TEXT NOT NULL,
                    action TEXT NOT NULL,
                    period_id TEXT NOT NULL,
                    request BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    attempts INTEGER NOT NULL,
                    last_error TEXT NOT NULL,
                    delivered_at INTEGER
                );
                CREATE INDEX notification_pending ON peer_notification(peer, notification_id) WHERE delivered_at IS NULL;
                CREATE INDEX notification_period ON peer_notification(period_id, notification_id);
                """)
        },
        // The curve is read on every rating (its breaches are in the response): a covering index
        // lets SQLite count a period's predikat per unit from the index alone, without reading each
        // evaluation's row and body (a 20 000-employee period read ~60 MB per rating without it).
        Migration("evaluation.v2.curve_index") { db in
            try db.execute(sql: "CREATE INDEX evaluation_curve ON employee_evaluation(period_id, excluded, unit_id, predikat)")
        },
        // The TPP rule (Kupang's Perwali) as versioned data: every version kept, the one in force
        // for a month found by its effective month (year × 100 + month).
        Migration("evaluation.v3.tpp_rules") { db in
            try db.execute(sql: """
                CREATE TABLE tpp_rule (
                    version INTEGER PRIMARY KEY,
                    effective_key INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                """)
        },
        // The HR portal's query (ListEvaluations by unit, predikat, state, evaluator, in name order,
        // with totals per predikat): one index in the listing's order holding every filtered column,
        // so a page reads only its own rows and the totals are counted from the index alone (before,
        // the totals read every matching row and body: ~60 MB a call for a 20 000-employee span).
        // It replaces evaluation_span_unit, its prefix.
        Migration("evaluation.v4.list_index") { db in
            try db.execute(sql: """
                CREATE INDEX evaluation_list ON employee_evaluation(span_key, unit_id, name, nip, evaluation_id, predikat, state, evaluator_nip);
                DROP INDEX evaluation_span_unit;
                """)
        },
        // SIASN's reference codes as an operator loads them: every version kept, the latest used.
        Migration("evaluation.v5.siasn_references") { db in
            try db.execute(sql: """
                CREATE TABLE siasn_reference (
                    version INTEGER PRIMARY KEY,
                    body BLOB NOT NULL
                );
                """)
        },
        // Competence development (PP 17/2020's 20 JP a year): each activity with the year of its
        // end date, found by employee and year; a withdrawn record is kept with its time.
        Migration("evaluation.v6.competence_development") { db in
            try db.execute(sql: """
                CREATE TABLE competence_development (
                    record_id TEXT PRIMARY KEY,
                    nip TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    jp INTEGER NOT NULL,
                    withdrawn_at INTEGER,
                    body BLOB NOT NULL
                );
                CREATE INDEX competence_development_year ON competence_development(year, nip) WHERE withdrawn_at IS NULL;
                CREATE INDEX competence_development_nip ON competence_development(nip, year);
                """)
        },
    ]

    /// The tables a refused call must leave unchanged (tests fingerprint them), audit log excluded.
    public static let dataTables = ["evaluation_period", "population_adjustment", "organisation_rating", "proposal_rule",
                                    "employee_evaluation", "rating_override", "finalisation", "finalisation_snapshot",
                                    "peer_notification", "idempotency", "tpp_rule", "siasn_reference", "competence_development"]
}
