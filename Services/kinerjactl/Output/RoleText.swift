import KinerjaProto

/// How a role grant reads in one line.
enum RoleText {
    /// `Pengelola Kinerja in 01HV… (+ sub-units)`.
    static func summary(_ grant: Identity.RoleGrant) -> String {
        Display.name(grant.role) + (grant.scopeUnitIDs.isEmpty ? "" : " in " + scope(grant))
    }

    /// The scope: unit ids, "+ sub-units", or "all units".
    static func scope(_ grant: Identity.RoleGrant) -> String {
        guard !grant.scopeUnitIDs.isEmpty else { return "all units" }
        return grant.scopeUnitIDs.joined(separator: ", ") + (grant.includeSubunits ? " (+ sub-units)" : "")
    }
}
