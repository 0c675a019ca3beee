public import KinerjaProto
public import KinerjaService

/// What the other services need to know from identity: who a NIP is, who supervises whom, who
/// works in a unit, and the unit tree. The live implementation asks identity over the protocol
/// (batched, cached briefly, never stale); ``InMemoryDirectory`` answers handler tests.
///
/// Every method throws UNAVAILABLE when identity cannot answer and nothing fresh is cached:
/// authority is never decided on stale data.
public protocol IdentityDirectory: RelationshipResolver {
    /// The employees with these NIPs; unknown NIPs are absent.
    func employees(_ nips: [String]) async throws -> [String: Identity.Employee]
    /// How `atasan` stands to `nip`: levels between them (0 = not above) and whether direct.
    func relation(atasan: String, of nip: String) async throws -> Identity.SupervisionRelation
    /// Every active employee of a unit, and of its sub-units when asked.
    func members(of unitID: String, includeSubunits: Bool) async throws -> [Identity.Employee]
    /// The NIPs of `atasan`'s active bawahan: direct, or every level below when `indirect`
    /// (direct first, then by name); `[]` for an unknown atasan. One question to identity
    /// (ListBawahan) instead of reading the whole organisation.
    func bawahan(of atasan: String, indirect: Bool) async throws -> [String]
    /// The whole unit tree.
    func unitTree() async throws -> UnitTreeSnapshot
    /// The pejabat penilai of each NIP on `date`: atasan langsung, Plt/Plh, the non-ASN Kepala
    /// Daerah, or nobody (kind NONE, with why). Unknown NIPs answer NONE.
    func penilai(of nips: [String], on date: Common.Date) async throws -> [String: Identity.PejabatPenilai]
    /// Everyone `penilai` (a NIP or a non-ASN identifier) rates on `date`.
    func dinilai(by penilai: String, on date: Common.Date) async throws -> [Identity.PejabatPenilai]
}

extension IdentityDirectory {
    /// The employee with `nip`, or nil when identity does not know it.
    public func employee(_ nip: String) async throws -> Identity.Employee? {
        try await employees([nip])[nip]
    }

    /// The pejabat penilai of one employee on `date`.
    public func penilai(of nip: String, on date: Common.Date) async throws -> Identity.PejabatPenilai {
        try await penilai(of: [nip], on: date)[nip]
            ?? Identity.PejabatPenilai(nip: nip, onDate: date, kind: .none, reason: "identity does not know \(nip)")
    }

    /// Ids of the unit's ancestors (parent first), or nil for an unknown unit.
    public func ancestors(of unitID: String) async throws -> [String]? {
        try await unitTree().ancestors(of: unitID)
    }

    /// The root unit's id (Pemerintah Daerah).
    public func rootUnitID() async throws -> String? {
        try await unitTree().rootID
    }

    // MARK: RelationshipResolver

    public func unitOf(nip: String) async throws -> String? {
        try await employee(nip)?.unitID
    }

    public func isAtasan(_ atasanNIP: String, of nip: String) async throws -> Bool {
        try await relation(atasan: atasanNIP, of: nip).level > 0
    }

    public func unit(_ unitID: String, isWithin scope: [String], includeSubunits: Bool) async throws -> Bool {
        if scope.contains(unitID) { return true }
        guard includeSubunits, let ids = try await ancestors(of: unitID) else { return false }
        return ids.contains { scope.contains($0) }
    }
}
