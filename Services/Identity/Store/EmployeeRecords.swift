import GRDB
import KinerjaProto

/// Reading and writing employees and their supervisor relations.
enum EmployeeRecords {
    /// The columns `employee(_:from:)` reads, in its order: the stored columns, then `unit_head`
    /// (1 when the employee heads their unit). Explicit, so that a row is read by position: GRDB's
    /// by-name lookup compares every column name, and was 15 % of identity's CPU on a list.
    static let columns = """
        e.nip, e.full_name, e.gelar_depan, e.gelar_belakang, e.asn_type, e.jenis_jabatan, e.jabatan_name, e.golongan,
        e.unit_id, e.atasan_nip, e.birth_date, e.sex, e.tmt, e.status, e.email, e.phone,
        e.created_by, e.created_kind, e.created_at, e.updated_by, e.updated_kind, e.updated_at, e.revision, e.tmt_jabatan,
        (SELECT 1 FROM unit h WHERE h.unit_id = e.unit_id AND h.head_nip = e.nip) AS unit_head
        """
    /// How many columns `columns` names.
    static let columnCount = 25

    /// The employee in `row`'s columns `start ..< start + columnCount` (`columns`' order).
    static func employee(_ row: Row, from start: Int = 0) -> Identity.Employee {
        var e = Identity.Employee()
        e.nip = row[start]
        e.fullName = row[start + 1]
        e.gelarDepan = row[start + 2]
        e.gelarBelakang = row[start + 3]
        e.asnType = Common.AsnType(rawValue: row[start + 4])
        e.jenisJabatan = Common.JenisJabatan(rawValue: row[start + 5])
        e.jabatanName = row[start + 6]
        e.golongan = row[start + 7]
        e.unitID = row[start + 8]
        e.atasanNIP = row[start + 9] ?? ""
        e.birthDate = RowCoding.date(row[start + 10])
        e.sex = Identity.Sex(rawValue: row[start + 11])
        e.tmt = RowCoding.date(row[start + 12])
        e.status = Identity.EmploymentStatus(rawValue: row[start + 13])
        e.email = row[start + 14]
        e.phone = row[start + 15]
        e.created = RowCoding.stamp(row, at: start + 16)
        e.updated = RowCoding.stamp(row, at: start + 19)
        e.revision = UInt64(row[start + 22] as Int64)
        e.tmtJabatan = RowCoding.date(row[start + 23]) ?? e.tmt
        e.unitHead = (row[start + 24] as Int64?) == 1
        return e
    }

    /// The columns of an employee with `unit_head` computed.
    static let select = "SELECT \(columns) FROM employee e"

    static func find(_ nip: String, in db: Database) throws -> Identity.Employee? {
        try Row.fetchOne(db.cachedStatement(sql: "\(select) WHERE e.nip = ?"), arguments: [nip]).map { employee($0) }
    }

    /// An employee with their unit's reference and their atasan's, in one statement (GetEmployee).
    static func findWithReferences(_ nip: String, in db: Database) throws
        -> (employee: Identity.Employee, unit: Common.UnitRef?, atasan: Common.EmployeeRef?)? {
        let statement = try db.cachedStatement(sql: """
            SELECT \(columns), u.unit_id, u.name, a.nip, a.full_name, a.gelar_depan, a.gelar_belakang, a.jabatan_name, a.unit_id
            FROM employee e LEFT JOIN unit u ON u.unit_id = e.unit_id LEFT JOIN employee a ON a.nip = e.atasan_nip
            WHERE e.nip = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [nip]) else { return nil }
        let employee = employee(row)
        let at = columnCount
        let unit = (row[at] as String?).map { Common.UnitRef(unitID: $0, name: row[at + 1]) }
        let atasan = (row[at + 2] as String?).map { atasanNIP -> Common.EmployeeRef in
            var a = Identity.Employee()
            a.nip = atasanNIP
            a.fullName = row[at + 3]
            a.gelarDepan = row[at + 4]
            a.gelarBelakang = row[at + 5]
            a.jabatanName = row[at + 6]
            a.unitID = row[at + 7]
            return a.reference
        }
        return (employee, unit, atasan)
    }

    static func find(_ nips: [String], in db: Database) throws -> [String: Identity.Employee] {
        guard !nips.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: nips.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: "\(select) WHERE e.nip IN (\(marks))", arguments: StatementArguments(nips))
        return Dictionary(rows.map { employee($0) }.map { ($0.nip, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func insert(_ e: Identity.Employee, atasan: String?, actor: Actor, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO employee (nip, full_name, gelar_depan, gelar_belakang, asn_type, jenis_jabatan, jabatan_name, golongan,
                                  unit_id, atasan_nip, birth_date, sex, tmt, status, email, phone,
                                  created_by, created_kind, created_at, updated_by, updated_kind, updated_at, revision, tmt_jabatan)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
            """)
        var arguments = values(e)
        arguments.insert(atasan, at: 9)
        arguments += actor.arguments as [(any DatabaseValueConvertible)?]
        arguments += actor.arguments as [(any DatabaseValueConvertible)?]
        arguments.append(RowCoding.text(e.tmtJabatan ?? e.tmt))
        try statement.execute(arguments: StatementArguments(arguments))
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
            SELECT b.level, \(columns) FROM below b JOIN employee e ON e.nip = b.nip
            ORDER BY b.level, e.full_name, e.nip
            """, arguments: [atasan, indirect])
        return rows.map { (employee($0, from: 1), Int($0[0] as Int64)) }
    }

    /// True when making `atasan` the atasan of `nip` would close a loop.
    static func wouldCreateCycle(nip: String, atasan: String, in db: Database) throws -> Bool {
        if atasan == nip { return true }
        return try level(of: nip, above: atasan, in: db) != nil
    }
}
