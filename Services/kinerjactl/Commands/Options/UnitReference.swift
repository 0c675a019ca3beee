import Foundation
import ArgumentParser
import KinerjaProto

/// A unit as the command line names it: by its id, a 26-character ULID such as
/// `01J9Z3K5W8T4M6N2P0Q7R1S3V5`, or by its code, such as `KPG.DUKCAPIL`. Codes are resolved
/// through identity, so a code never reaches a service that expects an id.
struct UnitReference: ExpressibleByArgument, Sendable, Hashable, CustomStringConvertible {
    /// An id or a code.
    enum Kind: Sendable, Hashable {
        case id(String)
        case code(String)
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// An id when the text is 26 characters of Crockford's base32 (a ULID), else a code.
    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        kind = Self.isULID(text) ? .id(text.uppercased()) : .code(text)
    }

    /// Whether `text` is a ULID: 26 characters of `0-9 A-Z` without I, L, O and U, in any case.
    static func isULID(_ text: String) -> Bool {
        text.utf8.count == 26 && text.uppercased().utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || ((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) && !"ILOU".utf8.contains(byte))
        }
    }

    var description: String {
        switch kind {
        case .id(let id): id
        case .code(let code): code
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// Finds units by code or id and lists them, for options that name units and tables that show codes.
enum UnitLookup {
    /// The id of the unit `reference` names: an id as it is (with `verify`, checked with GetUnit),
    /// a code looked up with ListUnits. "no unit with code X" (NOT_FOUND) when none has it.
    static func unitID(_ reference: UnitReference, _ caller: IdentityCaller, verify: Bool = false) async throws -> String {
        switch reference.kind {
        case .code(let code):
            return try await unitID(code: code, caller)
        case .id(let id):
            guard verify else { return id }
            do {
                _ = try await caller.call { try await $0.getUnit(.init(unitID: id), options: $1) }
            } catch let error as RPCError where error.code == .notFound {
                throw CLIError(.failure, "no unit with id \(id)", status: .notFound, cause: error)
            }
            return id
        }
    }

    /// The id of the unit whose code is exactly `code` (case-insensitive), active or not.
    static func unitID(code: String, _ caller: IdentityCaller) async throws -> String {
        let units = try await all(caller, query: code, includeInactive: true)
        guard let unit = units.first(where: { $0.code.uppercased() == code.uppercased() }) else {
            throw CLIError(.failure, "no unit with code \(code)", status: .notFound)
        }
        return unit.unitID
    }

    /// Every unit matching `query` (all pages).
    static func all(_ caller: IdentityCaller, query: String = "", includeInactive: Bool = false) async throws -> [Identity.Unit] {
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
    static func codes(_ caller: IdentityCaller) async -> [String: String] {
        guard let units = try? await all(caller, includeInactive: true) else { return [:] }
        return Dictionary(units.map { ($0.unitID, $0.code) }, uniquingKeysWith: { first, _ in first })
    }
}

/// `--unit UNIT` (an id or a code) and `--unit-code CODE`: a unit, given at most once.
struct UnitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Unit id or code, e.g. KPG.DUKCAPIL.", valueName: "unit"))
    var unit: UnitReference?
    @Option(help: ArgumentHelp("Unit code (the same as --unit CODE).", valueName: "code"))
    var unitCode: String?

    /// The unit as given, if any.
    var reference: UnitReference? {
        unitCode.map { UnitReference(.code($0)) } ?? unit
    }

    func validate() throws {
        if unit != nil, unitCode != nil { throw CLIError.invalidArguments("give --unit or --unit-code, not both") }
    }

    /// The unit's id, a code resolved through identity; nil when no unit was given.
    func unitID(_ caller: IdentityCaller) async throws -> String? {
        try await reference.asyncMap { try await UnitLookup.unitID($0, caller) }
    }
}
