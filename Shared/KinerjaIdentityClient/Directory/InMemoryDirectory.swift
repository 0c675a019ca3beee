public import KinerjaProto
import KinerjaASN
import Synchronization

/// A directory held in memory, for handler tests: the employees and units given, with the
/// atasan chain from each employee's `atasan_nip`. Tests may change it while running.
public final class InMemoryDirectory: IdentityDirectory, Sendable {
    private struct State {
        var employees: [String: Identity.Employee]
        var units: [Identity.Unit]
        var acting: [Identity.ActingAssignment] = []
        var unavailable = false
    }
    private let state: Mutex<State>

    /// A directory of `employees` in `units`.
    public init(employees: [Identity.Employee], units: [Identity.Unit]) {
        state = Mutex(State(employees: Dictionary(employees.map { ($0.nip, $0) }, uniquingKeysWith: { first, _ in first }),
                            units: units))
    }

    /// Adds or replaces an employee.
    public func set(_ employee: Identity.Employee) {
        state.withLock { $0.employees[employee.nip] = employee }
    }

    /// Records an acting assignment (Plt/Plh) the directory answers penilai questions with.
    public func add(_ acting: Identity.ActingAssignment) {
        state.withLock { $0.acting.append(acting) }
    }

    /// Makes every call fail with UNAVAILABLE (identity down) or answer again.
    public func setUnavailable(_ unavailable: Bool) {
        state.withLock { $0.unavailable = unavailable }
    }

    private func read<T>(_ body: (State) -> T) throws -> T {
        try state.withLock { state in
            if state.unavailable { throw RPCError(.unavailable, "identity is unreachable: retry later", reason: "IDENTITY_UNAVAILABLE") }
            return body(state)
        }
    }

    public func employees(_ nips: [String]) async throws -> [String: Identity.Employee] {
        try read { state in
            var found: [String: Identity.Employee] = [:]
            for nip in nips { if let employee = state.employees[nip] { found[nip] = employee } }
            return found
        }
    }

    public func relation(atasan: String, of nip: String) async throws -> Identity.SupervisionRelation {
        try read { state in
            var level: UInt32 = 0
            var current = state.employees[nip]?.atasanNIP ?? ""
            while !current.isEmpty && level < 32 {
                level += 1
                if current == atasan { return Identity.SupervisionRelation(nip: nip, direct: level == 1, level: level) }
                current = state.employees[current]?.atasanNIP ?? ""
            }
            return Identity.SupervisionRelation(nip: nip)
        }
    }

    public func members(of unitID: String, includeSubunits: Bool) async throws -> [Identity.Employee] {
        try read { state in
            let units = includeSubunits ? Set(UnitTreeSnapshot(units: state.units).subtree(of: unitID)) : [unitID]
            return state.employees.values.filter { units.contains($0.unitID) && $0.status == .aktif }.sorted { $0.nip < $1.nip }
        }
    }

    public func bawahan(of atasan: String, indirect: Bool) async throws -> [String] {
        try read { state in
            var byAtasan: [String: [Identity.Employee]] = [:]
            for employee in state.employees.values where !employee.atasanNIP.isEmpty {
                byAtasan[employee.atasanNIP, default: []].append(employee)
            }
            var levels: [(nip: String, name: String, level: Int)] = []
            var seen: Set<String> = [atasan]
            var frontier = [atasan]
            var level = 0
            while !frontier.isEmpty && level < 64 {
                level += 1
                var next: [String] = []
                for nip in frontier {
                    for member in byAtasan[nip] ?? [] where seen.insert(member.nip).inserted {
                        if member.status == .aktif { levels.append((member.nip, member.fullName, level)) }
                        next.append(member.nip)
                    }
                }
                frontier = indirect ? next : []
            }
            return levels.sorted { ($0.level, $0.name, $0.nip) < ($1.level, $1.name, $1.nip) }.map(\.nip)
        }
    }

    public func unitTree() async throws -> UnitTreeSnapshot {
        try read { UnitTreeSnapshot(units: $0.units) }
    }

    public func penilai(of nips: [String], on date: Common.Date) async throws -> [String: Identity.PejabatPenilai] {
        try read { state in
            var answers: [String: Identity.PejabatPenilai] = [:]
            for nip in nips { answers[nip] = Self.penilai(of: nip, on: date, in: state) }
            return answers
        }
    }

    public func dinilai(by penilai: String, on date: Common.Date) async throws -> [Identity.PejabatPenilai] {
        try read { state in
            state.employees.keys.sorted().map { Self.penilai(of: $0, on: date, in: state) }.filter { $0.penilai?.nip == penilai }
        }
    }

    /// Identity's rule (``PejabatPenilaiRule``, docs/PENILAI.md) over the held data; statuses
    /// always apply (the held data has no history).
    private static func penilai(of nip: String, on date: Common.Date, in state: State) -> Identity.PejabatPenilai {
        guard let employee = state.employees[nip] else {
            var unknown = Identity.PejabatPenilai(nip: nip, onDate: date, kind: .none)
            unknown.reason = "unknown NIP"
            return unknown
        }
        let inForce = state.acting.filter { ($0.validFrom.map { $0 <= date } ?? false) && ($0.validUntil.map { date <= $0 } ?? false) }
        let facts = PejabatPenilaiRule.Facts(
            employee: employee, atasan: state.employees[employee.atasanNIP],
            units: Dictionary(state.units.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first }),
            acting: Dictionary(inForce.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first }),
            people: state.employees, statusApplies: true)
        return PejabatPenilaiRule.decide(facts, on: date)
    }
}
