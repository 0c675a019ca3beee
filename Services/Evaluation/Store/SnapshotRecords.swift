import Foundation
import GRDB
import KinerjaCrypto
import KinerjaProto

/// What a finalised evaluation rests on, kept as it was: the evaluation as finalised (its proposal
/// with the targets and verified realisations per IKI, the 360° means and ekspektasi khusus per
/// BerAKHLAK value, the ratings and every reason) in its deterministic encoding, and the SHA-256
/// of those bytes. Snapshots are never changed; reopening marks them superseded.
enum SnapshotRecords {
    /// The bytes a snapshot keeps for `evaluation`: the message with the fields that are not part
    /// of what was decided cleared (its own digest and the employee's later acknowledgement).
    static func snapshotBytes(_ evaluation: Evaluation.EmployeeEvaluation) throws -> [UInt8] {
        var copy = evaluation
        copy.snapshotSha256 = []
        copy.acknowledgement = nil
        return try copy.serializedBytes()
    }

    /// A prepared insert for many snapshots in one transaction.
    static func inserter(_ db: Database, periodID: String, number: UInt32) throws -> (Evaluation.EmployeeEvaluation, [UInt8], [UInt8]) throws -> Void {
        let statement = try db.makeStatement(sql: """
            INSERT INTO finalisation_snapshot (period_id, number, evaluation_id, nip, unit_id, sha256, superseded, body)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?)
            """)
        return { evaluation, bytes, digest in
            try statement.execute(arguments: [periodID, number, evaluation.evaluationID, evaluation.employee?.nip ?? "",
                                              evaluation.employee?.unitID ?? "", Data(digest), Data(bytes)])
        }
    }

    static func supersede(periodID: String, number: UInt32, in db: Database) throws {
        try db.execute(sql: "UPDATE finalisation_snapshot SET superseded = 1 WHERE period_id = ? AND number = ?", arguments: [periodID, number])
    }

    /// One stored snapshot.
    struct Snapshot: Sendable {
        var evaluation: Evaluation.EmployeeEvaluation
        var sha256: [UInt8]
        var superseded: Bool
        /// True when the stored bytes still hash to the stored digest.
        var intact: Bool
    }

    /// The snapshots of finalisation `number` of a period in NIP order, optionally after a NIP and
    /// within units.
    static func snapshots(periodID: String, number: UInt32, afterNIP: String = "", units: Set<String>? = nil,
                          in db: Database) throws -> [Snapshot] {
        try Row.fetchAll(db, sql: """
            SELECT unit_id, sha256, superseded, body FROM finalisation_snapshot WHERE period_id = ? AND number = ? AND nip > ? ORDER BY nip
            """, arguments: [periodID, number, afterNIP]).compactMap { row -> Snapshot? in
            if let units, !units.contains(row["unit_id"] as String) { return nil }
            let bytes = Array(row["body"] as Data)
            let digest = Array(row["sha256"] as Data)
            return Snapshot(evaluation: try Evaluation.EmployeeEvaluation(serializedBytes: bytes), sha256: digest,
                            superseded: row["superseded"], intact: SHA256.hash(bytes) == digest)
        }
    }

    /// How many snapshots finalisation `number` of a period has.
    static func count(periodID: String, number: UInt32, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM finalisation_snapshot WHERE period_id = ? AND number = ?",
                         arguments: [periodID, number]) ?? 0
    }
}
