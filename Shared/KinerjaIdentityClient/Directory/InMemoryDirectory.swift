public import KinerjaProto
import Synchronization

/// A directory held in memory, for handler tests: the employees and units given, with the
/// atasan chain from each employee's `atasan_nip`. Tests may change it while running.
public final class InMemoryDirectory: IdentityDirectory, Sendable {
    private struct State {
        var employees: [String: Identity.Employee]
        var units: [Identity.Unit]
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
}
