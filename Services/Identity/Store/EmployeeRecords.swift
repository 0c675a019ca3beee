import GRDB
import KinerjaProto

/// Reading and writing employees and their supervisor relations.
enum EmployeeRecords {
    static func employee(_ row: Row) -> Identity.Employee {
        var e = Identity.Employee()
        e.nip = row["nip"]
        e.fullName = row["full_name"]
        e.gelarDepan = row["gelar_depan"]
        e.gelarBelakang = row["gelar_belakang"]
        e.asnType = Common.AsnType(rawValue: row["asn_type"])
        e.jenisJabatan = Common.JenisJabatan(rawValue: row["jenis_jabatan"])
        e.jabatanName = row["jabatan_name"]
        e.golongan = row["golongan"]
        e.unitID = row["unit_id"]
        e.atasanNIP = row["atasan_nip"] ?? ""
        e.unitHead = (row["unit_head"] as Int64?) == 1
        e.birthDate = RowCoding.date(row["birth_date"])
        e.sex = Identity.Sex(rawValue: row["sex"])
        e.tmt = RowCoding.date(row["tmt"])
        e.status = Identity.EmploymentStatus(rawValue: row["status"])
        e.email = row["email"]
        e.phone = row["phone"]
        e.created = RowCoding.stamp(row, "created")
        e.updated = RowCoding.stamp(row, "updated")
        e.revision = UInt64(row["revision"] as Int64)
        e.tmtJabatan = RowCoding.date(row["tmt_jabatan"]) ?? e.tmt
        return e
    }

    /// The columns of an employee with `unit_head` computed.
    static let select = """
        SELECT e.*, (SELECT 1 FROM unit u WHERE u.unit_id = e.unit_id AND u.head_nip = e.nip) AS unit_head FROM employee e
        """

    static func find(_ nip: String, in db: Database) throws -> Identity.Employee? {
        try Row.fetchOne(db.cachedStatement(sql: "\(select) WHERE e.nip = ?"), arguments: [nip]).map(employee)
    }

    static func find(_ nips: [String], in db: Database) throws -> [String: Identity.Employee] {
        guard !nips.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: nips.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: "\(select) WHERE e.nip IN (\(marks))", arguments: StatementArguments(nips))
        return Dictionary(rows.map(employee).map { ($0.nip, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func insert(_ e: Identity.Employee, atasan: String?, actor: Actor, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO employee (nip, full_name, gelar_depan, gelar_belakang, asn_type, jenis_jabatan, jabatan_name, golongan,
                                  unit_id, atasan_nip, birth_date, sex, tmt, status, email, phone,
                                  created_by, created_kind, created_at, updated_by, updated_kind, updated_at, revision, tmt_jabatan)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
            """).execute(arguments: StatementArguments(values(e) .prefix(9) + [atasan] + values(e).dropFirst(9))
                + StatementArguments(actor.arguments + actor.arguments) + [RowCoding.text(e.tmtJabatan ?? e.tmt)])
    }

    static func update(_ e: Identity.Employee, actor: Actor, in db: Database) throws {
        try db.execute(sql: """
            UPDATE employee SET full_name = ?, gelar_depan = ?, gelar_belakang = ?, asn_type = ?, jenis_jabatan = ?,
                                jabatan_name = ?, golongan = ?, unit_id = ?, birth_date = ?, sex = ?, tmt = ?, status = ?,
                                email = ?, phone = ?, updated_by = ?, updated_kind = ?, updated_at = ?, revision = revision + 1,
                                tmt_jabatan = ?
            WHERE nip = ?
            """, arguments: StatementArguments(values(e).dropFirst()) + StatementArguments(actor.arguments)
                + [RowCoding.text(e.tmtJabatan ?? e.tmt), e.nip])
    }

    /// The stored columns of an employee, in table order, without atasan and stamps.
    private static func values(_ e: Identity.Employee) -> [(any DatabaseValueConvertible)?] {
        [e.nip, e.fullName, e.gelarDepan, e.gelarBelakang, e.asnType.rawValue, e.jenisJabatan.rawValue, e.jabatanName,
         e.golongan, e.unitID, RowCoding.text(e.birthDate), e.sex.rawValue, RowCoding.text(e.tmt), e.status.rawValue,
         e.email, e.phone]
    }

    /// The levels from `atasan` down to `nip` (1 = direct); nil when `atasan` is not above `nip`.
    static func level(of atasan: String, above nip: String, in db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: """
            WITH RECURSIVE chain(nip, level) AS (
                SELECT atasan_nip, 1 FROM employee WHERE nip = ? AND atasan_nip IS NOT NULL
                UNION ALL
                SELECT e.atasan_nip, c.level + 1 FROM employee e JOIN chain c ON e.nip = c.nip
                WHERE e.atasan_nip IS NOT NULL AND c.level < 64
            )
            SELECT level FROM chain WHERE nip = ? ORDER BY level LIMIT 1
            """), arguments: [nip, atasan])
    }

    /// The atasan chain upward from `nip`: atasan first.
    static func chain(above nip: String, maxLevels: Int, in db: Database) throws -> [Identity.Employee] {
        let nips = try String.fetchAll(db, sql: """
            WITH RECURSIVE chain(nip, level) AS (
                SELECT atasan_nip, 1 FROM employee WHERE nip = ? AND atasan_nip IS NOT NULL
                UNION ALL
                SELECT e.atasan_nip, c.level + 1 FROM employee e JOIN chain c ON e.nip = c.nip
                WHERE e.atasan_nip IS NOT NULL AND c.level < ?
            )
            SELECT nip FROM chain ORDER BY level
            """, arguments: [nip, maxLevels])
        let found = try find(nips, in: db)
        return nips.compactMap { found[$0] }
    }

    /// Every bawahan below `atasan` with its level and direct atasan, direct first, then by name.
    static func bawahan(of atasan: String, indirect: Bool, in db: Database) throws -> [(employee: Identity.Employee, level: Int)] {
        let rows = try Row.fetchAll(db, sql: """
            WITH RECURSIVE below(nip, level) AS (
                SELECT nip, 1 FROM employee WHERE atasan_nip = ?
                UNION ALL
                SELECT e.nip, b.level + 1 FROM employee e JOIN below b ON e.atasan_nip = b.nip
                WHERE ? AND b.level < 64
            )
            SELECT b.level AS level, x.* FROM below b JOIN (\(select)) x ON x.nip = b.nip
            ORDER BY b.level, x.full_name, x.nip
            """, arguments: [atasan, indirect])
        return rows.map { (employee($0), Int($0["level"] as Int64)) }
    }

    /// True when making `atasan` the atasan of `nip` would close a loop.
    static func wouldCreateCycle(nip: String, atasan: String, in db: Database) throws -> Bool {
        if atasan == nip { return true }
        return try level(of: nip, above: atasan, in: db) != nil
    }
}
