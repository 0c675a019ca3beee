import Foundation
import GRDB
import KinerjaProto

/// Service tickets and citizen ratings.
enum CitizenRecords {
    // MARK: Tickets

    static func insert(_ ticket: Feedback.ServiceTicket, canonical: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO service_ticket (code, unit_id, served_by_nip, state, issued_at, expires_at, issuer, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [canonical, ticket.unitID, ticket.servedByNIP, ticket.state.rawValue, ticket.issuedAt?.seconds ?? 0,
                             ticket.expiresAt?.seconds ?? 0, ticket.issued?.principal ?? "", try StoredBody.encode(ticket)])
    }

    static func update(_ ticket: Feedback.ServiceTicket, canonical: String, in db: Database) throws {
        try db.execute(sql: "UPDATE service_ticket SET state = ?, body = ? WHERE code = ?",
                       arguments: [ticket.state.rawValue, try StoredBody.encode(ticket), canonical])
    }

    static func ticket(_ canonical: String, in db: Database) throws -> Feedback.ServiceTicket? {
        try Row.fetchOne(db, sql: "SELECT body FROM service_ticket WHERE code = ?", arguments: [canonical])
            .map { try StoredBody.decode(Feedback.ServiceTicket.self, $0) }
    }

    static func exists(_ canonical: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM service_ticket WHERE code = ?)", arguments: [canonical]) ?? false
    }

    /// Tickets issued between two instants (seconds, inclusive) per employee, for one unit set (or
    /// for some employees).
    static func issuedCounts(units: [String]? = nil, employees: [String]? = nil, from: Int64, through: Int64,
                             in db: Database) throws -> [String: Int] {
        var out: [String: Int] = [:]
        let (column, keys) = units.map { ("unit_id", $0) } ?? ("served_by_nip", employees ?? [])
        for batch in keys.chunked(500) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT served_by_nip, count(*) AS n FROM service_ticket WHERE \(column) IN (\(StoredBody.placeholders(batch.count)))
                AND issued_at BETWEEN ? AND ? GROUP BY served_by_nip
                """, arguments: StatementArguments(batch) + [from, through])
            for row in rows { out[row["served_by_nip"], default: 0] += row["n"] }
        }
        return out
    }

    /// ISSUED tickets whose expiry has passed (the expiry job).
    static func expiredIssued(before seconds: Int64, limit: Int, in db: Database) throws -> [(String, Feedback.ServiceTicket)] {
        try Row.fetchAll(db, sql: "SELECT code, body FROM service_ticket WHERE state = ? AND expires_at <= ? LIMIT ?",
                         arguments: [Feedback.TicketState.issued.rawValue, seconds, limit])
            .map { ($0["code"], try StoredBody.decode(Feedback.ServiceTicket.self, $0)) }
    }

    // MARK: Ratings

    static func insert(_ rating: Feedback.CitizenRating, canonicalCode: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO citizen_rating (rating_id, ticket_code, unit_id, employee_nip, submitted_at, submitted_via, comment_key, outlier_reason, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [rating.ratingID, canonicalCode, rating.unitID, rating.employeeNIP, rating.submittedAt?.seconds ?? 0,
                             rating.submittedVia, CitizenOutliers.identicalCommentKey(rating.comment), rating.outlierReason.rawValue,
                             try StoredBody.encode(rating)])
    }

    static func update(_ rating: Feedback.CitizenRating, in db: Database) throws {
        try db.execute(sql: "UPDATE citizen_rating SET outlier_reason = ?, body = ? WHERE rating_id = ?",
                       arguments: [rating.outlierReason.rawValue, try StoredBody.encode(rating), rating.ratingID])
    }

    static func rating(_ id: String, in db: Database) throws -> Feedback.CitizenRating? {
        try Row.fetchOne(db, sql: "SELECT body FROM citizen_rating WHERE rating_id = ?", arguments: [id])
            .map { try StoredBody.decode(Feedback.CitizenRating.self, $0) }
    }

    static func ratings(where conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int,
                        in db: Database) throws -> [Feedback.CitizenRating] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT body FROM citizen_rating \(filter) ORDER BY submitted_at DESC, rating_id DESC LIMIT ? OFFSET ?",
                                arguments: arguments + [limit, offset])
            .map { try StoredBody.decode(Feedback.CitizenRating.self, $0) }
    }

    /// Ratings submitted between two instants (inclusive) at `units` or for `employees`.
    static func submitted(units: [String]? = nil, employees: [String]? = nil, from: Int64, through: Int64,
                          in db: Database) throws -> [Feedback.CitizenRating] {
        var out: [Feedback.CitizenRating] = []
        let (column, keys) = units.map { ("unit_id", $0) } ?? ("employee_nip", employees ?? [])
        for batch in keys.chunked(500) {
            out += try Row.fetchAll(db, sql: """
                SELECT body FROM citizen_rating WHERE \(column) IN (\(StoredBody.placeholders(batch.count))) AND submitted_at BETWEEN ? AND ?
                """, arguments: StatementArguments(batch) + [from, through]).map { try StoredBody.decode(Feedback.CitizenRating.self, $0) }
        }
        return out
    }

    /// The ratings whose outlier reasons a rating of `rating`'s employee, client, unit and comment
    /// submitted at its time can change or depend on: the same employee through the same client
    /// within twice the burst window, and the same unit with the same long comment within the ticket
    /// validity; each with its ticket's issue time.
    static func neighbours(of rating: Feedback.CitizenRating, burstWindow: Int64, validity: Int64,
                           in db: Database) throws -> [CitizenOutliers.Facts] {
        let at = rating.submittedAt?.seconds ?? 0
        var rows = try Row.fetchAll(db, sql: """
            SELECT r.body, t.issued_at FROM citizen_rating r JOIN service_ticket t ON t.code = r.ticket_code
            WHERE r.employee_nip = ? AND r.submitted_via = ? AND r.submitted_at BETWEEN ? AND ?
            """, arguments: [rating.employeeNIP, rating.submittedVia, at - 2 * burstWindow, at + 2 * burstWindow])
        if let key = CitizenOutliers.identicalCommentKey(rating.comment) {
            rows += try Row.fetchAll(db, sql: """
                SELECT r.body, t.issued_at FROM citizen_rating r JOIN service_ticket t ON t.code = r.ticket_code
                WHERE r.unit_id = ? AND r.comment_key = ? AND r.submitted_at BETWEEN ? AND ?
                """, arguments: [rating.unitID, key, at - validity, at + validity])
        }
        var seen = Set<String>()
        var out: [CitizenOutliers.Facts] = []
        for row in rows {
            let stored = try StoredBody.decode(Feedback.CitizenRating.self, row)
            guard seen.insert(stored.ratingID).inserted else { continue }
            out.append(CitizenOutliers.Facts(rating: stored, ticketIssuedAt: Common.Timestamp(seconds: row["issued_at"], nanos: 0)))
        }
        return out
    }
}
