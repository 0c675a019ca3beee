import Foundation
import GRDB
import KinerjaASN
import KinerjaProto
import KinerjaTestSupport

extension WebFixture {
    /// A fingerprint of reporting's reports, evidence and uploads: equal before and after a refused request.
    func reportingRecords() async throws -> String {
        try await reporting.store.pool.read { db in
            try ["daily_report", "report_evidence", "evidence_upload"].map { table in
                "\(table):\(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1)"
            }.joined(separator: "|")
        }
    }

    /// The pegawai's reports as reporting holds them.
    func reportCount(nip: String, state: Int? = nil) async throws -> Int {
        try await reporting.store.pool.read { db in
            if let state {
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM daily_report WHERE nip = ? AND state = ?", arguments: [nip, state]) ?? -1
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM daily_report WHERE nip = ?", arguments: [nip]) ?? -1
        }
    }

    /// The rows of this week's grid the reporting policy accepts (default: at most 3 days back), by index.
    static func fillableRows() -> [(index: Int, date: Common.Date)] {
        let today = Wita.today(now: Date())
        let offset = (today.weekday?.rawValue ?? 1) - 1
        guard let monday = today.adding(days: -offset), let earliest = today.adding(days: -3) else { return [] }
        return (0..<5).compactMap { index in
            guard let day = monday.adding(days: index), day <= today, earliest <= day else { return nil }
            return (index, day)
        }
    }

    /// The form fields of a filled week: `rows` each with the first IKI of `options`.
    static func weekFields(rows: [(index: Int, date: Common.Date)], iki: String, description: String = "Pelayanan KTP-el di loket") -> [(String, String)] {
        var fields: [(String, String)] = [("mulai", ""), ("aksi", "ajukan")]
        for row in rows {
            fields += [("hari\(row.index)_tanggal", row.date.isoString), ("hari\(row.index)_iki", iki), ("hari\(row.index)_nilai", "6"),
                       ("hari\(row.index)_uraian", description), ("hari\(row.index)_menit", "120")]
        }
        return fields
    }

    /// The first IKI option of the week page's select.
    static func firstIKI(in html: String) -> String? {
        guard let select = html.range(of: "name=\"hari"), let option = html[select.upperBound...].range(of: "<option value=\"") else { return nil }
        let rest = html[option.upperBound...]
        guard let next = rest.range(of: "<option value=\"") else { return nil }
        let value = rest[next.upperBound...]
        guard let end = value.firstIndex(of: "\"") else { return nil }
        return String(value[..<end]).replacingOccurrences(of: "&#124;", with: "|")
    }
}
