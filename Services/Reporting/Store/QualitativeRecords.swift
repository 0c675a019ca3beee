import Foundation
import GRDB
import KinerjaASN
import KinerjaProto

/// The qualitative realisations of Kualitatif IKIs, per employee, IKI and period.
enum QualitativeRecords {
    /// The key of a period: `2026-M03`, `2026-Q1`, `2026-Y`.
    static func key(_ period: Common.Period) -> String {
        switch period.kind {
        case .monthly: String(format: "%04d-M%02d", period.year, period.month)
        case .quarterly: "\(period.year)-Q\(period.triwulan.rawValue)"
        default: "\(period.year)-Y"
        }
    }

    static func fetch(nip: String, ikiID: String, period: Common.Period, in db: Database) throws -> Reporting.QualitativeRealisation? {
        try Data.fetchOne(db, sql: "SELECT body FROM qualitative_realisation WHERE nip = ? AND iki_id = ? AND period_key = ?",
                          arguments: [nip, ikiID, key(period)]).map { try Reporting.QualitativeRealisation(serializedBytes: Array($0)) }
    }

    static func upsert(_ realisation: Reporting.QualitativeRealisation, in db: Database) throws {
        guard let period = realisation.period else { return }
        try db.execute(sql: """
            INSERT OR REPLACE INTO qualitative_realisation (nip, iki_id, period_key, start_day, revision, body) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [realisation.nip, realisation.ikiID, key(period), WitaDayRange(period: period)?.lowerDay ?? 0,
                             Int64(realisation.revision), Data(try realisation.serializedBytes())])
    }

    /// The realisations of `nips` for exactly `period`, by NIP.
    static func forPeriod(nips: [String], period: Common.Period, in db: Database) throws -> [String: [Reporting.QualitativeRealisation]] {
        var out: [String: [Reporting.QualitativeRealisation]] = [:]
        for batch in nips.chunked(500) {
            for data in try Data.fetchAll(db, sql: """
                SELECT body FROM qualitative_realisation WHERE nip IN (\(ReportRecords.placeholders(batch.count))) AND period_key = ?
                """, arguments: StatementArguments(batch) + [key(period)]) {
                let realisation = try Reporting.QualitativeRealisation(serializedBytes: Array(data))
                out[realisation.nip, default: []].append(realisation)
            }
        }
        return out
    }
}
