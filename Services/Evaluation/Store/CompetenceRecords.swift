import GRDB
import KinerjaProto

/// Competence development records (``CompetenceDevelopmentRules``): filed by employee and the
/// year of their end date; a withdrawn record stays, marked with its time.
enum CompetenceRecords {
    static func insert(_ record: Evaluation.CompetenceDevelopment, in db: Database) throws {
        try db.execute(sql: "INSERT INTO competence_development (record_id, nip, year, jp, body) VALUES (?, ?, ?, ?, ?)",
                       arguments: [record.recordID, record.employee?.nip ?? "", record.endDate?.year ?? 0, record.jp,
                                   try StoredBody.encode(record)])
    }

    /// A record not withdrawn, or nil.
    static func fetch(_ recordID: String, in db: Database) throws -> Evaluation.CompetenceDevelopment? {
        try Row.fetchOne(db, sql: "SELECT body FROM competence_development WHERE record_id = ? AND withdrawn_at IS NULL",
                         arguments: [recordID]).map { try StoredBody.decode(Evaluation.CompetenceDevelopment.self, $0) }
    }

    static func withdraw(_ recordID: String, at seconds: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE competence_development SET withdrawn_at = ? WHERE record_id = ?", arguments: [seconds, recordID])
    }

    /// An employee's records of `year` (0: every year, withdrawn ones too), by end date.
    static func of(_ nip: String, year: Int32, in db: Database) throws -> [Evaluation.CompetenceDevelopment] {
        let rows = year == 0
            ? try Row.fetchAll(db, sql: "SELECT body FROM competence_development WHERE nip = ?", arguments: [nip])
            : try Row.fetchAll(db, sql: "SELECT body FROM competence_development WHERE nip = ? AND year = ? AND withdrawn_at IS NULL",
                               arguments: [nip, year])
        return try rows.map { try StoredBody.decode(Evaluation.CompetenceDevelopment.self, $0) }.sorted(by: CompetenceDevelopmentRules.chronological)
    }

    /// JP per employee in `year`, over the records not withdrawn.
    static func totals(year: Int32, in db: Database) throws -> [String: UInt32] {
        var totals: [String: UInt32] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT nip, sum(jp) AS jp FROM competence_development WHERE year = ? AND withdrawn_at IS NULL GROUP BY nip",
                                    arguments: [year]) {
            totals[row["nip"]] = UInt32(clamping: row["jp"] as Int64)
        }
        return totals
    }
}
