import KinerjaIdentityClient
import KinerjaProto

/// What reporting asks identity beyond single look-ups: unit paths (for the calendar's closures
/// and the policies), and an atasan's bawahan, direct or all levels (inboxes and teams), asked of
/// identity by atasan rather than by unit because an atasan's bawahan may work outside the
/// atasan's own unit (the Sekretaris Daerah's are the heads of every OPD).
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
    /// Identity answers who they are (ListBawahan, cached per atasan); their records come from
    /// the directory's per-NIP cache.
    func bawahan(of atasan: String, indirect: Bool) async throws -> [Identity.Employee] {
        let nips = try await directory.bawahan(of: atasan, indirect: indirect)
        guard !nips.isEmpty else { return [] }
        let found = try await directory.employees(nips)
        return nips.compactMap { found[$0] }.sorted { ($0.fullName, $0.nip) < ($1.fullName, $1.nip) }
    }

    /// True when `nip` is someone's atasan langsung.
    func hasBawahan(_ nip: String) async throws -> Bool {
        try await !directory.bawahan(of: nip, indirect: false).isEmpty
    }
}
