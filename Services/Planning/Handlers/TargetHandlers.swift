public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension PlanningHandlers {
    /// Checks a requested period: a year, and a month or triwulan when the kind asks for one.
    static func checkPeriod(_ period: Common.Period?, field: String = "period") throws -> Common.Period {
        guard let period else { throw Invalid.field(field, "is required", reason: "REQUIRED") }
        try Invalid.requireYear(period.year, "\(field).year")
        switch period.kind {
        case .annual: break
        case .quarterly:
            guard [Common.Triwulan.i, .ii, .iii, .iv].contains(period.triwulan) else { throw Invalid.field("\(field).triwulan", "must be I–IV") }
        case .monthly:
            guard (1...12).contains(period.month) else { throw Invalid.field("\(field).month", "must be 1–12") }
        default:
            throw Invalid.field("\(field).kind", "must be monthly, quarterly or annual")
        }
        return period
    }

    /// The targets one employee has for `period`, from the SKPs of that year: of the SKP that
    /// covers most of the period (several after a transfer, ``SkpCoverage/answering(_:among:)``).
    static func targets(of employee: Common.EmployeeRef, skps all: [Planning.Skp], period: Common.Period, allowProvisional: Bool) -> Planning.EmployeeTargets {
        let chosenID = SkpCoverage.answering(period, among: all)
        return targets(of: employee, skp: all.filter { $0.skpID == chosenID }, period: period, allowProvisional: allowProvisional)
            ?? Planning.EmployeeTargets(employee: employee, period: period, availability: .noSkp)
    }

    /// The targets one employee has for `period` per SKP (`StreamTargetsRequest.per_skp`): one entry
    /// for each SKP covering days of the period, in period order (``SkpCoverage/touching(_:among:)``),
    /// leaving out an SKP with nothing to answer; one NO_SKP entry when none is left — and the
    /// single answer of ``targets(of:skps:period:allowProvisional:)`` when no SKP touches the period.
    static func targetsPerSkp(of employee: Common.EmployeeRef, skps all: [Planning.Skp], period: Common.Period,
                              allowProvisional: Bool) -> [Planning.EmployeeTargets] {
        let touching = SkpCoverage.touching(period, among: all)
        guard !touching.isEmpty else { return [targets(of: employee, skps: all, period: period, allowProvisional: allowProvisional)] }
        let rows = touching.compactMap { id in
            targets(of: employee, skp: all.filter { $0.skpID == id }, period: period, allowProvisional: allowProvisional)
        }
        return rows.isEmpty ? [Planning.EmployeeTargets(employee: employee, period: period, availability: .noSkp)] : rows
    }

    /// The targets of one SKP (`versions`: its versions) for `period`: its approved version, else
    /// (with `allowProvisional`) its latest; nil when neither answers.
    static func targets(of employee: Common.EmployeeRef, skp versions: [Planning.Skp], period: Common.Period,
                        allowProvisional: Bool) -> Planning.EmployeeTargets? {
        let approved = versions.filter { $0.state == .disetujui }.max { $0.version < $1.version }
        guard let skp = approved ?? (allowProvisional ? versions.max { $0.version < $1.version } : nil) else { return nil }
        // The covered days are the latest version's: a transfer closes an SKP in its latest version.
        let covered = SkpPeriod(versions.max { $0.version < $1.version } ?? skp)
        var result = Planning.EmployeeTargets(employee: employee, period: period, availability: approved != nil ? .approved : .provisional)
        result.skpID = skp.skpID
        result.skpVersion = skp.version
        result.skpState = skp.state
        result.atasanNIP = skp.atasanNIP
        result.approach = skp.approach
        result.behaviourExpectations = skp.behaviourExpectations
        result.periodStart = covered.start
        result.periodEnd = covered.end
        for rhk in skp.rhks {
            for iki in rhk.ikis {
                let (target, derived) = PlanningRules.periodTarget(iki, period: period, skp: skp)
                result.targets.append(Planning.IkiTarget(rhkID: rhk.rhkID, rhkText: rhk.text, rhkKind: rhk.kind, ikiID: iki.ikiID,
                                                         aspek: iki.aspek, indicator: iki.indicator, periodTarget: target,
                                                         periodTargetDerived: derived, annualTarget: iki.annualTarget,
                                                         parentRhkID: rhk.parentRhkID, aggregation: iki.aggregation))
            }
        }
        return result
    }

    /// Every version of every SKP of `nips` for `year` (approved and latest), grouped by NIP.
    static func skps(of nips: [String], year: Int32, in db: Database) throws -> [String: [Planning.Skp]] {
        var result: [String: [Planning.Skp]] = [:]
        var start = 0
        while start < nips.count {
            let batch = Array(nips[start..<min(start + 500, nips.count)])
            start += 500
            let rows = try Row.fetchAll(db, sql: """
                SELECT nip, body, latest FROM skp_version WHERE year = ? AND (latest = 1 OR state = ?) AND nip IN (\(batch.map { _ in "?" }.joined(separator: ",")))
                """, arguments: [year, Planning.SkpState.disetujui.rawValue] + StatementArguments(batch))
            for row in rows { result[row["nip"], default: []].append(try SkpRecords.decode(row).skp) }
        }
        return result
    }

    public func getTargets(_ request: Planning.GetTargetsRequest, context: ServerContext) async throws -> Planning.GetTargetsResponse {
        try Invalid.requireNIP(request.nip)
        let period = try Self.checkPeriod(request.period)
        try await Access.required().require(.employee(nip: request.nip))
        guard let employee = try await directory.employee(request.nip) else { throw RPCError(.notFound, "no employee with NIP \(request.nip)") }
        let skps = try await store.read { db in try Self.skps(of: [request.nip], year: period.year, in: db)[request.nip] ?? [] }
        return Planning.GetTargetsResponse(targets: Self.targets(of: employee.reference, skps: skps, period: period,
                                                                 allowProvisional: request.allowProvisional))
    }

    public func streamTargets(_ request: Planning.StreamTargetsRequest, responses: RPCWriter<Planning.StreamTargetsResponse>,
                              context: ServerContext) async throws {
        let period = try Self.checkPeriod(request.period)
        let access = try Access.required()
        let people: [Common.EmployeeRef]
        switch request.population {
        case .unit(let scope):
            try Invalid.requireID(scope.unitID, "unit.unit_id")
            guard try await directory.ancestors(of: scope.unitID) != nil else { throw RPCError(.notFound, "no unit \(scope.unitID)") }
            try await access.require(.unit(id: scope.unitID))
            people = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits).map(\.reference)
        case .nips(let list):
            guard !list.nips.isEmpty, list.nips.count <= 1000 else { throw Invalid.field("nips", "must name 1–1000 NIPs") }
            for (index, nip) in list.nips.enumerated() { try Invalid.requirePersonID(nip, "nips.nips[\(index)]") }
            for nip in Set(list.nips) where !access.grantedByIdentity { try await access.require(.employee(nip: nip)) }
            let found = try await directory.employees(list.nips)
            people = list.nips.map { nip in found[nip].map(\.reference) ?? Common.EmployeeRef(nip: nip) }
        case nil:
            throw Invalid.field("population", "give a unit or a list of NIPs", reason: "REQUIRED")
        }
        // One read for the whole population, then one message per employee.
        let skps = try await store.read { db in try Self.skps(of: people.map(\.nip), year: period.year, in: db) }
        for person in people {
            let own = skps[person.nip] ?? []
            let rows = request.perSkp
                ? Self.targetsPerSkp(of: person, skps: own, period: period, allowProvisional: request.allowProvisional)
                : [Self.targets(of: person, skps: own, period: period, allowProvisional: request.allowProvisional)]
            for row in rows { try await responses.write(Planning.StreamTargetsResponse(targets: row)) }
        }
    }
}
