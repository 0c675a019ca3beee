import KinerjaProto

/// Finds units by code and lists them all, for options that name units by code and tables that show codes.
enum UnitLookup {
    /// The id of the unit whose code is exactly `code` (case-insensitive).
    static func unitID(code: String, _ caller: SignedInCaller) async throws -> String {
        let units = try await all(caller, query: code)
        guard let unit = units.first(where: { $0.code.uppercased() == code.uppercased() }) else {
            throw CLIError(.failure, "no unit has code \(code.debugDescription)", status: .notFound)
        }
        return unit.unitID
    }

    /// Every unit matching `query` (all pages).
    static func all(_ caller: SignedInCaller, query: String = "", includeInactive: Bool = false) async throws -> [Identity.Unit] {
        var units: [Identity.Unit] = []
        var cursor = ""
        repeat {
            let request = Identity.ListUnitsRequest(query: query, includeInactive: includeInactive,
                                                    page: Common.PageRequest(pageSize: 500, cursor: cursor))
            let response = try await caller.call { try await $0.listUnits(request, options: $1) }
            units += response.units
            cursor = response.page?.nextCursor ?? ""
        } while !cursor.isEmpty && units.count < 100_000
        return units
    }

    /// Codes by unit id, or an empty map when the units cannot be listed (tables then show ids).
    static func codes(_ caller: SignedInCaller) async -> [String: String] {
        guard let units = try? await all(caller, includeInactive: true) else { return [:] }
        return Dictionary(units.map { ($0.unitID, $0.code) }, uniquingKeysWith: { first, _ in first })
    }
}
