import GRDB
public import KinerjaStore

/// The feedback store's tables, one migration per change, applied in order.
///
/// Every record is stored whole as its contract message (`body`, the serialized
/// `Feedback.ContinuousFeedback`, `DialogRecord`, …: the contract is the record), with the columns
/// queries filter on beside it. Two things are deliberately shaped by anonymity:
/// - `behaviour_assessment.body` carries the rater's **pseudonym** in its `submitted` stamp, never
///   the NIP; only `assessment_assignment.rater_nip` names the rater, and nothing a subject can
///   read joins the two;
/// - `citizen_rating` keeps nothing about the citizen: the ticket, the client it came through and
///   the time.
/// A ticket and its rating change in one transaction (`service_ticket.state` RATED if and only if
/// a `citizen_rating` row names it).
public enum FeedbackSchema {
    /// Every migration of the feedback store.
    public static let migrations: [Migration] = [
        Migration("feedback.v1.continuous") { db in
            try db.execute(sql: """
                CREATE TABLE feedback_item (
                    feedback_id TEXT PRIMARY KEY,
                    giver_nip TEXT NOT NULL,
                    recipient_nip TEXT NOT NULL,
                    recipient_unit_id TEXT NOT NULL,
                    subject_kind INTEGER NOT NULL,
                    subject_id TEXT NOT NULL,
                    given_at INTEGER NOT NULL,
                    acknowledged INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX feedback_recipient ON feedback_item(recipient_nip, given_at);
                CREATE INDEX feedback_giver ON feedback_item(giver_nip, given_at);
                CREATE INDEX feedback_unit ON feedback_item(recipient_unit_id, given_at);
                CREATE TABLE solicitation (
                    solicitation_id TEXT PRIMARY KEY,
                    requester_nip TEXT NOT NULL,
                    addressee_nip TEXT NOT NULL,
                    requester_unit_id TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    state INTEGER NOT NULL,
                    asked_at INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX solicitation_requester ON solicitation(requester_nip, asked_at);
                CREATE INDEX solicitation_addressee ON solicitation(addressee_nip, state);
                """)
        },
        Migration("feedback.v1.dialog") { db in
            try db.execute(sql: """
                CREATE TABLE dialog (
                    dialog_id TEXT PRIMARY KEY,
                    employee_nip TEXT NOT NULL,
                    atasan_nip TEXT NOT NULL,
                    employee_unit_id TEXT NOT NULL,
                    held_on TEXT NOT NULL,
                    stage INTEGER NOT NULL,
                    state INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX dialog_employee ON dialog(employee_nip, held_on);
                CREATE INDEX dialog_atasan ON dialog(atasan_nip, held_on);
                CREATE INDEX dialog_unit ON dialog(employee_unit_id, held_on);
                CREATE TABLE coaching (
                    coaching_id TEXT PRIMARY KEY,
                    coach_nip TEXT NOT NULL,
                    coachee_nip TEXT NOT NULL,
                    coachee_unit_id TEXT NOT NULL,
                    held_on TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX coaching_coachee ON coaching(coachee_nip, held_on);
                CREATE INDEX coaching_coach ON coaching(coach_nip, held_on);
                CREATE TABLE coach_appointment (
                    appointment_id TEXT PRIMARY KEY,
                    coach_nip TEXT NOT NULL,
                    coachee_nip TEXT NOT NULL,
                    until TEXT,
                    body BLOB NOT NULL
                );
                CREATE INDEX coach_appointment_pair ON coach_appointment(coachee_nip, coach_nip);
                """)
        },
        Migration("feedback.v1.assessment") { db in
            try db.execute(sql: """
                CREATE TABLE assessment_round (
                    round_id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL,
                    period_key TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    deadline_seconds INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    UNIQUE (unit_id, period_key)
                );
                CREATE INDEX round_period ON assessment_round(period_key);
                CREATE TABLE assessment_assignment (
                    assignment_id TEXT PRIMARY KEY,
                    round_id TEXT NOT NULL REFERENCES assessment_round(round_id),
                    rater_nip TEXT NOT NULL,
                    subject_nip TEXT NOT NULL,
                    relation INTEGER NOT NULL,
                    state INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX assignment_rater ON assessment_assignment(rater_nip, state);
                CREATE INDEX assignment_subject ON assessment_assignment(round_id, subject_nip);
                CREATE INDEX assignment_subject_any ON assessment_assignment(subject_nip);
                CREATE TABLE behaviour_assessment (
                    assessment_id TEXT PRIMARY KEY,
                    assignment_id TEXT NOT NULL UNIQUE REFERENCES assessment_assignment(assignment_id),
                    round_id TEXT NOT NULL,
                    subject_nip TEXT NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX assessment_subject ON behaviour_assessment(round_id, subject_nip);
                """)
        },
        Migration("feedback.v1.citizen") { db in
            try db.execute(sql: """
                CREATE TABLE service_ticket (
                    code TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL,
                    served_by_nip TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    issued_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    issuer TEXT NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX ticket_unit ON service_ticket(unit_id, issued_at);
                CREATE INDEX ticket_employee ON service_ticket(served_by_nip, issued_at);
                CREATE INDEX ticket_open ON service_ticket(expires_at) WHERE state = 1;
                CREATE TABLE citizen_rating (
                    rating_id TEXT PRIMARY KEY,
                    ticket_code TEXT NOT NULL UNIQUE REFERENCES service_ticket(code),
                    unit_id TEXT NOT NULL,
                    employee_nip TEXT NOT NULL,
                    submitted_at INTEGER NOT NULL,
                    submitted_via TEXT NOT NULL,
                    comment_key TEXT,
                    outlier_reason INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX rating_unit ON citizen_rating(unit_id, submitted_at);
                CREATE INDEX rating_employee ON citizen_rating(employee_nip, submitted_at);
                CREATE INDEX rating_burst ON citizen_rating(employee_nip, submitted_via, submitted_at);
                CREATE INDEX rating_comment ON citizen_rating(unit_id, comment_key, submitted_at) WHERE comment_key IS NOT NULL;
                """)
        },
        Migration("feedback.v1.policy") { db in
            try db.execute(sql: """
                CREATE TABLE feedback_policy (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    revision INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                """)
        },
    ]

    /// The tables a refused call must leave unchanged (tests fingerprint them), audit log excluded.
    public static let dataTables = ["feedback_item", "solicitation", "dialog", "coaching", "coach_appointment", "assessment_round",
                                    "assessment_assignment", "behaviour_assessment", "service_ticket", "citizen_rating",
                                    "feedback_policy", "idempotency"]
}
