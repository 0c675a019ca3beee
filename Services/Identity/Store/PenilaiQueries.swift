import GRDB
import KinerjaASN
import KinerjaProto

/// Loads what ``PejabatPenilaiRule`` needs from the store and applies it.
enum PenilaiQueries {
    /// The atasan langsung of each NIP on `day`: the supervisor assignment in force, or, where the
    /// history has none for the day, the employee's current atasan (employees loaded before the
    /// history was kept).
    static func atasan(of employees: [Identity.Employee], on day: Common.Date, in db: Database) throws -> [String: String] {
        guard !employees.isEmpty else { return [:] }
        let text = RowCoding.text(day)
        var result: [String: String] = [:]
        var withHistory = Set<String>()
        for chunk in stride(from: 0, to: employees.count, by: 500).map({ Array(employees[$0..<min($0 + 500, employees.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: """
                SELECT nip, atasan_nip, effective_from, effective_until FROM supervisor_assignment WHERE nip IN (\(marks))
                ORDER BY nip, effective_from
                """, arguments: StatementArguments(chunk.map(\.nip)))
            for row in rows {
                let nip: String = row["nip"]
                withHistory.insert(nip)
                let from: String = row["effective_from"]
                let until: String? = row["effective_until"]
                if let text, from <= text, until.map({ $0 >= text }) ?? true { result[nip] = row["atasan_nip"] }
            }
        }
        for employee in employees where !withHistory.contains(employee.nip) && !employee.atasanNIP.isEmpty {
            result[employee.nip] = employee.atasanNIP
        }
        return result
    }

    /// The pejabat penilai of every NIP on `day` (unknown NIPs answer NONE).
    static func penilai(of nips: [String], on day: Common.Date, today: Common.Date, in db: Database) throws -> [Identity.PejabatPenilai] {
        let employees = try EmployeeRecords.find(nips, in: db)
        let units = Dictionary(try UnitRecords.all(in: db).map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        let acting = try ActingRecords.inForce(on: day, in: db)
        let atasan = try Self.atasan(of: Array(employees.values), on: day, in: db)
        let needed = Set(atasan.values).union(acting.values.map(\.actingNIP)).union(units.values.map(\.headNIP).filter { !$0.isEmpty })
        var people = try EmployeeRecords.find(Array(needed), in: db)
        for (nip, employee) in employees { people[nip] = employee }
        return nips.map { nip in
            guard let employee = employees[nip] else {
                return Identity.PejabatPenilai(nip: nip, onDate: day, kind: .none, reason: "no employee with NIP \(nip)")
            }
            let facts = PejabatPenilaiRule.Facts(employee: employee, atasan: atasan[nip].flatMap { people[$0] }, units: units,
                                                 acting: acting, people: people, statusApplies: today <= day)
            return PejabatPenilaiRule.decide(facts, on: day)
        }
    }

    /// Everyone `penilai` rates on `day`: the candidates are their bawahan on that day and the
    /// bawahan of every position they act in; the rule decides.
    static func dinilai(by penilai: String, on day: Common.Date, today: Common.Date, in db: Database) throws -> [Identity.PejabatPenilai] {
        var candidates = Set(try String.fetchAll(db, sql: "SELECT nip FROM employee WHERE atasan_nip = ?", arguments: [penilai]))
        let text = RowCoding.text(day)
        candidates.formUnion(try String.fetchAll(db, sql: """
            SELECT nip FROM supervisor_assignment WHERE atasan_nip = ? AND effective_from <= ? AND (effective_until IS NULL OR effective_until >= ?)
            """, arguments: [penilai, text, text]))
        for acting in try ActingRecords.inForce(on: day, in: db).values where acting.actingNIP == penilai {
            // Those whose position above is the acted one: the unit's own staff and the heads of its sub-units.
            candidates.formUnion(try String.fetchAll(db, sql: """
                SELECT nip FROM employee WHERE unit_id = ? OR nip IN (SELECT head_nip FROM unit WHERE parent_unit_id = ?)
                """, arguments: [acting.unitID, acting.unitID]))
        }
        candidates.remove(penilai)
        return try Self.penilai(of: candidates.sorted(), on: day, today: today, in: db).filter { $0.penilai?.nip == penilai }
    }
}
