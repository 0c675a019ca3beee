import Foundation
import GRDB
import KinerjaProto

/// 360° rounds, their assignments and the answers.
enum AssessmentRecords {
    // MARK: Rounds

    static func insert(_ round: Feedback.AssessmentRound, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO assessment_round (round_id, unit_id, period_key, state, deadline_seconds, body) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [round.roundID, round.unit?.unitID ?? "", StoreKeys.period(round.period ?? Common.Period()), round.state.rawValue,
                             round.deadline?.seconds ?? 0, try StoredBody.encode(round)])
    }

    static func update(_ round: Feedback.AssessmentRound, in db: Database) throws {
        try db.execute(sql: "UPDATE assessment_round SET state = ?, body = ? WHERE round_id = ?",
                       arguments: [round.state.rawValue, try StoredBody.encode(round), round.roundID])
    }

    static func round(_ id: String, in db: Database) throws -> Feedback.AssessmentRound? {
        try Row.fetchOne(db, sql: "SELECT body FROM assessment_round WHERE round_id = ?", arguments: [id])
            .map { try StoredBody.decode(Feedback.AssessmentRound.self, $0) }
    }

    static func round(unitID: String, period: Common.Period, in db: Database) throws -> Feedback.AssessmentRound? {
        try Row.fetchOne(db, sql: "SELECT body FROM assessment_round WHERE unit_id = ? AND period_key = ?",
                         arguments: [unitID, StoreKeys.period(period)])
            .map { try StoredBody.decode(Feedback.AssessmentRound.self, $0) }
    }

    /// Rounds of a period whose subjects include any of `nips` (through their assignments), newest first.
    static func rounds(period: Common.Period, subjects nips: [String], in db: Database) throws -> [Feedback.AssessmentRound] {
        var ids = Set<String>()
        for batch in nips.chunked(500) {
            ids.formUnion(try String.fetchAll(db, sql: """
                SELECT DISTINCT a.round_id FROM assessment_assignment a JOIN assessment_round r ON r.round_id = a.round_id
                WHERE r.period_key = ? AND a.subject_nip IN (\(StoredBody.placeholders(batch.count)))
                """, arguments: [StoreKeys.period(period)] + StatementArguments(batch)))
        }
        guard !ids.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: "SELECT body FROM assessment_round WHERE round_id IN (\(StoredBody.placeholders(ids.count))) ORDER BY round_id DESC",
                                arguments: StatementArguments(Array(ids)))
            .map { try StoredBody.decode(Feedback.AssessmentRound.self, $0) }
    }

    /// Rounds still ACTIVE whose deadline is at or before `seconds` (the closing job).
    static func pastDeadline(_ seconds: Int64, in db: Database) throws -> [Feedback.AssessmentRound] {
        try Row.fetchAll(db, sql: "SELECT body FROM assessment_round WHERE state = ? AND deadline_seconds <= ?",
                         arguments: [Feedback.AssessmentRoundState.active.rawValue, seconds])
            .map { try StoredBody.decode(Feedback.AssessmentRound.self, $0) }
    }

    // MARK: Assignments

    static func insert(_ assignment: Feedback.AssessmentAssignment, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO assessment_assignment (assignment_id, round_id, rater_nip, subject_nip, relation, state, body) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [assignment.assignmentID, assignment.roundID, assignment.raterNIP, assignment.subject?.nip ?? "",
                             assignment.relation.rawValue, assignment.state.rawValue, try StoredBody.encode(assignment)])
    }

    static func update(_ assignment: Feedback.AssessmentAssignment, in db: Database) throws {
        try db.execute(sql: "UPDATE assessment_assignment SET state = ?, body = ? WHERE assignment_id = ?",
                       arguments: [assignment.state.rawValue, try StoredBody.encode(assignment), assignment.assignmentID])
    }

    static func assignment(_ id: String, in db: Database) throws -> Feedback.AssessmentAssignment? {
        try Row.fetchOne(db, sql: "SELECT body FROM assessment_assignment WHERE assignment_id = ?", arguments: [id])
            .map { try StoredBody.decode(Feedback.AssessmentAssignment.self, $0) }
    }

    /// Every assignment of a round (optionally of some subjects only).
    static func assignments(round roundID: String, subjects: [String]? = nil, in db: Database) throws -> [Feedback.AssessmentAssignment] {
        guard let subjects else {
            return try Row.fetchAll(db, sql: "SELECT body FROM assessment_assignment WHERE round_id = ?", arguments: [roundID])
                .map { try StoredBody.decode(Feedback.AssessmentAssignment.self, $0) }
        }
        var out: [Feedback.AssessmentAssignment] = []
        for batch in subjects.chunked(500) {
            out += try Row.fetchAll(db, sql: """
                SELECT body FROM assessment_assignment WHERE round_id = ? AND subject_nip IN (\(StoredBody.placeholders(batch.count)))
                """, arguments: [roundID] + StatementArguments(batch)).map { try StoredBody.decode(Feedback.AssessmentAssignment.self, $0) }
        }
        return out
    }

    static func assignments(where conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int,
                            in db: Database) throws -> [Feedback.AssessmentAssignment] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: """
            SELECT a.body FROM assessment_assignment a JOIN assessment_round r ON r.round_id = a.round_id \(filter)
            ORDER BY r.deadline_seconds, a.assignment_id LIMIT ? OFFSET ?
            """, arguments: arguments + [limit, offset]).map { try StoredBody.decode(Feedback.AssessmentAssignment.self, $0) }
    }

    /// Counts of a round: subjects, assignments made, assignments submitted (cancelled ones left out).
    static func counts(round roundID: String, in db: Database) throws -> (subjects: Int, assignments: Int, submitted: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(DISTINCT subject_nip) AS subjects, count(*) AS assignments, sum(state = ?) AS submitted
            FROM assessment_assignment WHERE round_id = ? AND state != ?
            """, arguments: [Feedback.AssignmentState.submitted.rawValue, roundID, Feedback.AssignmentState.cancelled.rawValue])
        return (row?["subjects"] ?? 0, row?["assignments"] ?? 0, row?["submitted"] ?? 0)
    }

    // MARK: Answers

    static func insert(_ assessment: Feedback.BehaviourAssessment, roundID: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO behaviour_assessment (assessment_id, assignment_id, round_id, subject_nip, body) VALUES (?, ?, ?, ?, ?)
            """, arguments: [assessment.assessmentID, assessment.assignmentID, roundID, assessment.subjectNIP, try StoredBody.encode(assessment)])
    }

    /// The answers of a round (optionally for some subjects only).
    static func assessments(round roundID: String, subjects: [String]? = nil, in db: Database) throws -> [Feedback.BehaviourAssessment] {
        guard let subjects else {
            return try Row.fetchAll(db, sql: "SELECT body FROM behaviour_assessment WHERE round_id = ?", arguments: [roundID])
                .map { try StoredBody.decode(Feedback.BehaviourAssessment.self, $0) }
        }
        var out: [Feedback.BehaviourAssessment] = []
        for batch in subjects.chunked(500) {
            out += try Row.fetchAll(db, sql: """
                SELECT body FROM behaviour_assessment WHERE round_id = ? AND subject_nip IN (\(StoredBody.placeholders(batch.count)))
                """, arguments: [roundID] + StatementArguments(batch)).map { try StoredBody.decode(Feedback.BehaviourAssessment.self, $0) }
        }
        return out
    }
}
