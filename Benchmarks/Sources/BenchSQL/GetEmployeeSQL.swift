import GRDB

/// The SQLite work of one GetEmployee as a user (the atasan reads a bawahan), as identity runs
/// it: the session gate, the atasan relationship, then the employee with their unit's and
/// atasan's references in one joined statement. Shared by the diagnostic (`SQLCost`) and the
/// GetEmployee peer: RPCBenchServer `--sql-store`, an echo that does this read on every call.
public enum GetEmployeeSQL {
    public static let session = """
        SELECT s.revoked_at, a.must_change_password, a.state FROM session s JOIN account a ON a.nip = s.nip
        WHERE s.session_id = ? AND s.nip = ?
        """
    public static let atasan = """
        WITH RECURSIVE chain(nip, level) AS (
            SELECT atasan_nip, 1 FROM employee WHERE nip = ? AND atasan_nip IS NOT NULL
            UNION ALL
            SELECT e.atasan_nip, c.level + 1 FROM employee e JOIN chain c ON e.nip = c.nip
            WHERE e.atasan_nip IS NOT NULL AND c.level < 64
        )
        SELECT level FROM chain WHERE nip = ? ORDER BY level LIMIT 1
        """
    public static let employee = """
        SELECT e.nip, e.full_name, e.gelar_depan, e.gelar_belakang, e.asn_type, e.jenis_jabatan, e.jabatan_name, e.golongan,
               e.unit_id, e.atasan_nip, e.birth_date, e.sex, e.tmt, e.status, e.email, e.phone,
               e.created_by, e.created_kind, e.created_at, e.updated_by, e.updated_kind, e.updated_at, e.revision, e.tmt_jabatan,
               (SELECT 1 FROM unit h WHERE h.unit_id = e.unit_id AND h.head_nip = e.nip) AS unit_head,
               u.unit_id, u.name, a.nip, a.full_name, a.gelar_depan, a.gelar_belakang, a.jabatan_name, a.unit_id
        FROM employee e LEFT JOIN unit u ON u.unit_id = e.unit_id LEFT JOIN employee a ON a.nip = e.atasan_nip
        WHERE e.nip = ?
        """

    /// The non-null values of `row`, every column read by position (as the record decoders do).
    static func touch(_ row: Row?) -> Int {
        guard let row else { return 0 }
        var sum = 0
        for index in 0..<row.count where !(row[index] as DatabaseValue).isNull { sum &+= 1 }
        return sum
    }

    /// The session gate, as a separate step (identity's user gate).
    public static func gate(_ db: Database, sessionID: String, userNIP: String) throws -> Int {
        touch(try Row.fetchOne(db.cachedStatement(sql: session), arguments: [sessionID, userNIP]))
    }

    /// The relationship check: the level of `atasanNIP` above `target`.
    public static func level(_ db: Database, target: String, atasanNIP: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: atasan), arguments: [target, atasanNIP]) ?? 0
    }

    /// The handler's read: the employee, unit and atasan references.
    public static func employee(_ db: Database, target: String) throws -> Int {
        touch(try Row.fetchOne(db.cachedStatement(sql: employee), arguments: [target]))
    }

    /// All three in one read transaction; > 0 when everything was found.
    public static func all(_ db: Database, sessionID: String, userNIP: String, target: String) throws -> Int {
        let gate = try gate(db, sessionID: sessionID, userNIP: userNIP)
        let level = try level(db, target: target, atasanNIP: userNIP)
        let found = try employee(db, target: target)
        return gate > 0 && level == 1 && found > 0 ? gate + found : 0
    }
}
