import Foundation
import GRDB
import KinerjaASN
import KinerjaProto

/// Uploads of evidence files per employee and WITA month (the monthly volume) and who uploaded what.
enum EvidenceRecords {
    /// The month key of a WITA day: year × 100 + month.
    static func month(_ date: Common.Date) -> Int { Int(date.year) * 100 + Int(date.month) }

    /// Bytes `nip` uploaded in the WITA month `month`.
    static func usedThisMonth(nip: String, month: Int, in db: Database) throws -> UInt64 {
        UInt64(max(0, try Int64.fetchOne(db, sql: "SELECT coalesce(sum(size), 0) FROM evidence_upload WHERE nip = ? AND month = ?",
                                         arguments: [nip, month]) ?? 0))
    }

    /// Records an upload (the same file by the same employee in the same month counts once).
    static func record(nip: String, file: StoredEvidence, fileName: String, month: Int, at: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO evidence_upload (nip, sha256, month, size, media_type, file_name, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [nip, Data(file.hash.bytes), month, Int64(file.size), file.mediaType.rawValue, fileName, at])
    }

    /// What the uploads of a file say about it (the newest upload's name and type), if any.
    static func latest(_ hash: EvidenceHash, in db: Database) throws -> (mediaType: String, fileName: String, size: UInt64)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT media_type, file_name, size FROM evidence_upload WHERE sha256 = ? ORDER BY uploaded_at DESC LIMIT 1",
                                         arguments: [Data(hash.bytes)]) else { return nil }
        return (row["media_type"], row["file_name"], UInt64(max(0, row["size"] as Int64)))
    }

    /// True when `nip` uploaded the file.
    static func uploaded(_ hash: EvidenceHash, by nip: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM evidence_upload WHERE sha256 = ? AND nip = ? LIMIT 1", arguments: [Data(hash.bytes), nip]) ?? false
    }

    /// The authors of the reports that refer to the file.
    static func authors(referring hash: EvidenceHash, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT DISTINCT r.nip FROM report_evidence e JOIN daily_report r ON r.report_id = e.report_id WHERE e.sha256 = ? ORDER BY r.nip
            """, arguments: [Data(hash.bytes)])
    }

    /// True when a report refers to the file.
    static func referenced(_ hash: EvidenceHash, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM report_evidence WHERE sha256 = ? LIMIT 1", arguments: [Data(hash.bytes)]) ?? false
    }

    /// Every file a report refers to.
    static func referencedFiles(in db: Database) throws -> Set<EvidenceHash> {
        Set(try Data.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM report_evidence").compactMap { EvidenceHash(bytes: Array($0)) })
    }
}

extension EvidenceRecords {
    /// True when `nip` already uploaded the file in `month` (a repeat counts once).
    static func uploadedThisMonth(_ hash: EvidenceHash, by nip: String, month: Int, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM evidence_upload WHERE sha256 = ? AND nip = ? AND month = ?",
                          arguments: [Data(hash.bytes), nip, month]) ?? false
    }
}
