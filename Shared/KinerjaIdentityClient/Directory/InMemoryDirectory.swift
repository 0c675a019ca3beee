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

    /// The same rule identity applies (docs/PLANNING.md, "Who rates whom"), over the held data:
    /// a Plt/Plh for the atasan's head position (or for the employee's unit while it has no
    /// head) first, then an AKTIF atasan (EXTERNAL when non-ASN), else nobody.
    private static func penilai(of nip: String, on date: Common.Date, in state: State) -> Identity.PejabatPenilai {
        var answer = Identity.PejabatPenilai(nip: nip, onDate: date, kind: .none)
        guard let employee = state.employees[nip] else {
            answer.reason = "unknown NIP"
            return answer
        }
        answer.atasanNIP = employee.atasanNIP
        let atasan = state.employees[employee.atasanNIP]
        // The same rule as identity's PejabatPenilaiRule: the head position of the employee's own
        // unit (its parent's when they head it); a Plt/Plh acting in it rates them when the
        // position has no AKTIF head, or their atasan is its head, or they have no atasan.
        let ownUnit = state.units.first { $0.unitID == employee.unitID }
        let position = ownUnit.flatMap { $0.headNIP == nip ? ($0.parentUnitID.isEmpty ? nil : $0.parentUnitID) : $0.unitID }
        if let position, let acting = state.acting.first(where: {
            $0.unitID == position && $0.actingNIP != nip && ($0.validFrom.map { $0 <= date } ?? false) && ($0.validUntil.map { date <= $0 } ?? false)
        }), let official = state.employees[acting.actingNIP] {
            let headNIP = state.units.first { $0.unitID == position }?.headNIP ?? ""
            let head = state.employees[headNIP]
            if head?.status != .aktif || atasan == nil || atasan?.nip == headNIP {
                answer.kind = acting.kind
                answer.penilai = official.reference
                answer.penilaiIsAsn = true
                answer.penilaiGolongan = official.golongan
                answer.actingAssignmentID = acting.assignmentID
                answer.decreeNumber = acting.decreeNumber
                return answer
            }
        }
        guard let atasan else {
            answer.reason = "no atasan and no Plt/Plh for the position"
            return answer
        }
        guard atasan.status == .aktif else {
            answer.reason = "the atasan \(atasan.nip) is not AKTIF and no Plt/Plh acts for the position"
            return answer
        }
        answer.kind = atasan.asnType == .nonAsn ? .external : .atasanLangsung
        answer.penilai = atasan.reference
        answer.penilaiIsAsn = atasan.asnType != .nonAsn
        answer.penilaiGolongan = atasan.asnType == .nonAsn ? "" : atasan.golongan
        return answer
    }
}
