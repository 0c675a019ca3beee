import KinerjaIdentityClient
import KinerjaProto

/// What reporting asks identity beyond single look-ups: unit paths (for the calendar's closures
/// and the policies), and an atasan's bawahan, direct or all levels (inboxes and teams), found in
/// the whole organisation's member list (one batched, cached call) because an atasan's bawahan
/// may work outside the atasan's own unit (the Sekretaris Daerah's are the heads of every OPD).
struct Organisation: Sendable {
    let directory: any IdentityDirectory

    /// The unit's id followed by its ancestors' ids; `[]` for an empty id, `[unitID]` when
    /// identity does not know the unit.
    func path(of unitID: String) async throws -> [String] {
        guard !unitID.isEmpty else { return [] }
        return [unitID] + (try await directory.ancestors(of: unitID) ?? [])
    }

    /// Paths of several units at once (one tree read).
    func paths(of unitIDs: Set<String>) async throws -> [String: [String]] {
        let tree = try await directory.unitTree()
        var out: [String: [String]] = [:]
        for unit in unitIDs where !unit.isEmpty { out[unit] = [unit] + (tree.ancestors(of: unit) ?? []) }
        return out
    }

    /// Every active employee of the organisation.
    func everyone() async throws -> [Identity.Employee] {
        guard let root = try await directory.rootUnitID() else { return [] }
        return try await directory.members(of: root, includeSubunits: true)
    }

    /// The bawahan of `atasan`: direct, or every level below when `indirect`; sorted by name.
    func bawahan(of atasan: String, indirect: Bool) async throws -> [Identity.Employee] {
        let all = try await everyone()
        var byAtasan: [String: [Identity.Employee]] = [:]
        for employee in all where !employee.atasanNIP.isEmpty { byAtasan[employee.atasanNIP, default: []].append(employee) }
        var out: [Identity.Employee] = []
        var seen: Set<String> = [atasan]
        var queue = [atasan]
        while let next = queue.popLast() {
            for member in byAtasan[next] ?? [] where seen.insert(member.nip).inserted {
                out.append(member)
                if indirect { queue.append(member.nip) }
            }
        }
        return out.sorted { ($0.fullName, $0.nip) < ($1.fullName, $1.nip) }
    }

    /// True when `nip` is someone's atasan langsung.
    func hasBawahan(_ nip: String) async throws -> Bool {
        try await everyone().contains { $0.atasanNIP == nip }
    }
}
