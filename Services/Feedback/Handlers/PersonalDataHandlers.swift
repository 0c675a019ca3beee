public import KinerjaProto
import KinerjaService
import Foundation
import GRDB

extension FeedbackHandlers {
    /// ExportPersonalData: what feedback holds about the person, then feedback's trail.
    /// - continuous feedback received (the giver named when an atasan gave it, replaced when a
    ///   rekan kerja did) and given (the recipient replaced: it is their record too);
    /// - solicitations the person made or received (the other party replaced unless named);
    /// - dialogs and coaching about the person (the atasan and the coach are named);
    /// - 360° input only as the person's behaviour summary per round, as GetBehaviourSummary
    ///   gives it (aggregates, withheld below the anonymity threshold; never a rater or an answer);
    /// - citizen ratings of the person without the ticket code (nothing else identifies a citizen).
    public func exportPersonalData(_ request: Feedback.ExportPersonalDataRequest,
                                   responses: RPCWriter<Feedback.ExportPersonalDataResponse>, context: ServerContext) async throws {
        let nip = request.nip
        try await beginPersonalDataExport(nip: nip, reason: request.reason, context: context) {
            try await directory.employee(nip) != nil
        }
        let held = try await store.read { db in
            (received: try Self.bodies(db, nip, "SELECT body FROM feedback_item WHERE recipient_nip = ? ORDER BY given_at, feedback_id",
                                  as: Feedback.ContinuousFeedback.self),
             given: try Self.bodies(db, nip, "SELECT body FROM feedback_item WHERE giver_nip = ? ORDER BY given_at, feedback_id",
                               as: Feedback.ContinuousFeedback.self),
             asked: try Self.bodies(db, nip, "SELECT body FROM solicitation WHERE requester_nip = ?1 OR addressee_nip = ?1 ORDER BY asked_at",
                               as: Feedback.FeedbackSolicitation.self),
             dialogs: try Self.bodies(db, nip, "SELECT body FROM dialog WHERE employee_nip = ? ORDER BY held_on, dialog_id", as: Feedback.DialogRecord.self),
             coaching: try Self.bodies(db, nip, "SELECT body FROM coaching WHERE coachee_nip = ? ORDER BY held_on, coaching_id",
                                  as: Feedback.CoachingRecord.self),
             rounds: try Self.bodies(db, nip, """
                SELECT body FROM assessment_round WHERE round_id IN (SELECT round_id FROM assessment_assignment WHERE subject_nip = ?)
                ORDER BY period_key
                """, as: Feedback.AssessmentRound.self),
             ratings: try Self.bodies(db, nip, "SELECT body FROM citizen_rating WHERE employee_nip = ? ORDER BY submitted_at, rating_id",
                                 as: Feedback.CitizenRating.self))
        }
        var summaries: [Feedback.BehaviourSummary] = []
        if !held.rounds.isEmpty, let employee = try await directory.employee(nip) {
            let tree = try await directory.unitTree()
            for round in held.rounds {
                summaries += try await behaviourSummaries(of: [employee], period: round.period ?? Common.Period(), tree: tree)
                    .filter { $0.roundID == round.roundID }
            }
        }
        var records = PersonalDataRecords(nip: nip)
        records.named.formUnion(held.received.filter { !$0.fromRekanKerja }.map(\.giverNIP))
        records.named.formUnion(held.dialogs.map(\.atasanNIP))
        records.named.formUnion(held.coaching.map(\.coachNIP))
        records.named.remove("")
        for var item in held.received {
            item.giverNIP = records.redacted(item.giverNIP)
            item.given = records.redacted(item.given)
            item.acknowledged = records.redacted(item.acknowledged)
            try records.append("feedback-received", item)
        }
        for var item in held.given {
            item.recipientNIP = records.redacted(item.recipientNIP)
            item.acknowledged = records.redacted(item.acknowledged)
            try records.append("feedback-given", item)
        }
        for var solicitation in held.asked {
            solicitation.requesterNIP = records.redacted(solicitation.requesterNIP)
            solicitation.addresseeNIP = records.redacted(solicitation.addresseeNIP)
            solicitation.asked = records.redacted(solicitation.asked)
            solicitation.closed = records.redacted(solicitation.closed)
            try records.append("feedback-solicitation", solicitation)
        }
        for var dialog in held.dialogs {
            dialog.recorded = records.redacted(dialog.recorded)
            dialog.updated = records.redacted(dialog.updated)
            dialog.confirmed = records.redacted(dialog.confirmed)
            for index in dialog.actionItems.indices { dialog.actionItems[index] = redacted(dialog.actionItems[index], records) }
            try records.append("dialog", dialog)
        }
        for var session in held.coaching {
            session.recorded = records.redacted(session.recorded)
            for index in session.actionItems.indices { session.actionItems[index] = redacted(session.actionItems[index], records) }
            try records.append("coaching", session)
        }
        for summary in summaries { try records.append("behaviour-summary", summary) }
        for var rating in held.ratings {
            rating.ticketCode = ""
            rating.moderated = records.redacted(rating.moderated)
            try records.append("citizen-rating", rating)
        }
        try await personalDataTrail(&records)
        for batch in records.batches { try await responses.write(Feedback.ExportPersonalDataResponse(records: batch)) }
    }

    /// The records of `sql` (one `?`, the NIP) decoded from their `body`.
    private static func bodies<Message: ProtoMessage>(_ db: Database, _ nip: String, _ sql: String, as type: Message.Type) throws -> [Message] {
        try Row.fetchAll(db, sql: sql, arguments: [nip]).map { try Message(serializedBytes: Array($0["body"] as Data)) }
    }

    private func redacted(_ item: Feedback.ActionItem, _ records: PersonalDataRecords) -> Feedback.ActionItem {
        var item = item
        item.ownerNIP = records.redacted(item.ownerNIP)
        item.closed = records.redacted(item.closed)
        return item
    }
}
