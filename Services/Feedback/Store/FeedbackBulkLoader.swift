public import KinerjaProto
public import KinerjaStore
import GRDB

/// Writes records straight into a feedback store, in one transaction, without the handlers (the
/// benchmark's setup; demo data goes through ``FeedbackDemoSeeder``). No audit entries.
public enum FeedbackBulkLoader {
    /// Inserts rounds with their assignments and answers, and tickets (with their canonical codes).
    public static func insert(rounds: [Feedback.AssessmentRound] = [], assignments: [Feedback.AssessmentAssignment] = [],
                              assessments: [Feedback.BehaviourAssessment] = [], tickets: [(Feedback.ServiceTicket, code: String)] = [],
                              into store: Store) async throws {
        let roundOf = Dictionary(assignments.map { ($0.assignmentID, $0.roundID) }, uniquingKeysWith: { first, _ in first })
        try await store.write { db in
            for round in rounds { try AssessmentRecords.insert(round, in: db) }
            for assignment in assignments { try AssessmentRecords.insert(assignment, in: db) }
            for answer in assessments {
                let round = roundOf[answer.assignmentID] ?? rounds.first?.roundID ?? ""
                try AssessmentRecords.insert(answer, roundID: round, in: db)
            }
            for (ticket, code) in tickets { try CitizenRecords.insert(ticket, canonical: code, in: db) }
        }
    }
}
