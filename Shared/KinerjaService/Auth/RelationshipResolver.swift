/// What a relationship grant is checked against.
public enum AccessTarget: Sendable, Hashable {
    /// An employee, by NIP.
    case employee(nip: String)
    /// A unit, by id.
    case unit(id: String)
}

/// Answers the questions relationship grants ask. Identity answers from its own store; the
/// other services ask identity over the protocol (with a short cache).
public protocol RelationshipResolver: Sendable {
    /// The unit of an employee; nil when the NIP is unknown.
    func unitOf(nip: String) async throws -> String?
    /// True when `atasanNIP` is the atasan of `nip`, directly or higher up the chain.
    func isAtasan(_ atasanNIP: String, of nip: String) async throws -> Bool
    /// True when `unitID` is one of `scope`, or below one of them when `includeSubunits`.
    func unit(_ unitID: String, isWithin scope: [String], includeSubunits: Bool) async throws -> Bool
}
