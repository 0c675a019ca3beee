public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension PlanningHandlers {

    /// Checks the caller may read `skp` (owner, atasan chain, HR, pimpinan and auditors in scope, admin, services).
    func requireReader(of skp: Planning.Skp) async throws {
        try await Access.required().require(.employee(nip: skp.nip))
    }

    public func createSkp(_ request: Planning.CreateSkpRequest, context: ServerContext) async throws -> Planning.CreateSkpResponse {
        try Invalid.requireNIP(request.nip)
        try Invalid.requireYear(request.year)
        let thisYear = today.year
        if request.year > thisYear + 1 { throw Invalid.field("year", "must be at most next year (\(thisYear + 1))", reason: "YEAR") }
        guard request.approach == .kuantitatif || request.approach == .kualitatif else {
            throw Invalid.field("approach", "is required (kuantitatif or kualitatif)", reason: "REQUIRED")
        }
        let start = request.periodStart ?? Common.Date(year: request.year, month: 1, day: 1)
        let end = request.periodEnd ?? Common.Date(year: request.year, month: 12, day: 31)
        guard start.isValid, start.year == request.year else { throw Invalid.field("period_start", "must be a real day of \(request.year)") }
        guard end.isValid, end.year == request.year else { throw Invalid.field("period_end", "must be a real day of \(request.year)") }
        guard start <= end else { throw Invalid.field("period_end", "must not be before period_start") }
        if !request.copyFromSkpID.isEmpty { try Invalid.requireID(request.copyFromSkpID, "copy_from_skp_id") }
        try await Access.required().require(.employee(nip: request.nip))
        guard let employee = try await directory.employee(request.nip) else { throw RPCError(.notFound, "no employee with NIP \(request.nip)") }
        guard employee.status == .aktif else { throw RPCError(.failedPrecondition, "\(request.nip) is not AKTIF; only active employees plan an SKP") }
        let source: Planning.Skp? = request.copyFromSkpID.isEmpty ? nil : try await latest(request.copyFromSkpID)
        if let source { try await requireReader(of: source) }
        return try await write(context, request) { [self] db, actor in
            for existing in try SkpRecords.latest(nip: request.nip, year: request.year, in: db) {
                if let s = existing.periodStart, let e = existing.periodEnd, !(end < s || e < start) {
                    throw RPCError(.alreadyExists, "\(request.nip) already has SKP \(existing.skpID) covering part of \(s.isoString)–\(e.isoString)")
                }
            }
            var skp = Planning.Skp()
            skp.skpID = ULID.make(now: clock())
            skp.version = 1
            skp.nip = request.nip
            skp.employee = employee.reference
            skp.year = request.year
            skp.periodStart = start
            skp.periodEnd = end
            skp.approach = request.approach
            skp.jenisJabatan = employee.jenisJabatan
            skp.unitID = employee.unitID
            skp.atasanNIP = employee.atasanNIP
            skp.state = .draft
            skp.created = stamp(actor)
            skp.revision = 1
            if let source {
                // Last year's plan as a starting point: new ids, no links into the old year.
                skp.rhks = source.rhks.enumerated().map { index, old in
                    var rhk = old
                    rhk.rhkID = ULID.make(now: clock())
                    rhk.skpID = skp.skpID
                    rhk.parentRhkID = ""
                    rhk.parentOwnerNIP = ""
                    rhk.parentRhkText = ""
                    rhk.reviewFlag = nil
                    rhk.position = UInt32(index + 1)
                    rhk.created = stamp(actor)
                    rhk.updated = nil
                    rhk.ikis = old.ikis.map { oldIki in
                        var iki = oldIki
                        iki.ikiID = ULID.make(now: clock())
                        iki.rhkID = rhk.rhkID
                        iki.periodicTargets = []
                        return iki
                    }
                    return rhk
                }
            }
            try SkpRecords.insert(skp, in: db)
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: "created for \(request.nip), \(request.year)")
            return Planning.CreateSkpResponse(skp: skp)
        }
    }

    public func getSkp(_ request: Planning.GetSkpRequest, context: ServerContext) async throws -> Planning.GetSkpResponse {
        try Invalid.requireID(request.skpID, "skp_id")
        let found = try await store.pool.read { db -> (Planning.Skp, UInt32)? in
            guard let stored = try SkpRecords.version(request.skpID, request.version, in: db) else { return nil }
            let approved = try Int64.fetchOne(db, sql: "SELECT version FROM skp_version WHERE skp_id = ? AND state = ? ORDER BY version DESC LIMIT 1",
                                              arguments: [request.skpID, Planning.SkpState.disetujui.rawValue]) ?? 0
            return (stored.latest ? try SkpRecords.withFlags(stored.skp, in: db) : stored.skp, UInt32(approved))
        }
        guard let (skp, approved) = found else {
            throw RPCError(.notFound, request.version == 0 ? "no SKP \(request.skpID)" : "SKP \(request.skpID) has no version \(request.version)")
        }
        try await requireReader(of: skp)
        return Planning.GetSkpResponse(skp: skp, approvedVersion: approved)
    }

    public func getCurrentSkp(_ request: Planning.GetCurrentSkpRequest, context: ServerContext) async throws -> Planning.GetCurrentSkpResponse {
        try Invalid.requireNIP(request.nip)
        try Invalid.requireYear(request.year)
        if let day = request.onDate, !day.isValid { throw Invalid.field("on_date", "is not a real date") }
        try await Access.required().require(.employee(nip: request.nip))
        let onDate = request.onDate
        let skp = try await store.pool.read { db -> Planning.Skp? in
            // Several SKPs in one year (a transfer): the one covering on_date, else the last one.
            let covering = { (skp: Planning.Skp) -> Bool in
                guard let day = onDate, let start = skp.periodStart, let end = skp.periodEnd else { return true }
                return start <= day && day <= end
            }
            let versions = try Self.skps(of: [request.nip], year: request.year, in: db)[request.nip] ?? []
            let candidates = versions.filter(covering)
            if let approved = candidates.filter({ $0.state == .disetujui }).max(by: { $0.version < $1.version }) { return approved }
            if request.approvedOnly { return nil }
            let latest = try SkpRecords.latest(nip: request.nip, year: request.year, in: db).filter(covering)
            return try latest.last.map { try SkpRecords.withFlags($0, in: db) }
        }
        guard let skp else {
            throw RPCError(.notFound, request.approvedOnly ? "\(request.nip) has no approved SKP for \(request.year)" : "\(request.nip) has no SKP for \(request.year)")
        }
        return Planning.GetCurrentSkpResponse(skp: skp)
    }

    public func listSkps(_ request: Planning.ListSkpsRequest, context: ServerContext) async throws -> Planning.ListSkpsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        if request.year != 0 { try Invalid.requireYear(request.year) }
        if !request.nip.isEmpty { try Invalid.requireNIP(request.nip) }
        if !request.atasanNIP.isEmpty { try Invalid.requirePersonID(request.atasanNIP, "atasan_nip") }
        let access = try Access.required()
        var conditions = ["latest = 1"]
        var arguments: StatementArguments = []
        if !request.nip.isEmpty {
            try await access.require(.employee(nip: request.nip))
            conditions.append("nip = ?"); arguments += [request.nip]
        }
        if !request.atasanNIP.isEmpty {
            // The approval inbox: the atasan themselves, or who may read the atasan's SKPs.
            if !access.isSelf(request.atasanNIP) { try await access.require(.employee(nip: request.atasanNIP)) }
            // Recorded at submission, or rated by them today (a Plt/Plh, a new atasan).
            let rated = try await directory.dinilai(by: request.atasanNIP, on: today).map(\.nip)
            conditions.append("(atasan_nip = ?" + (rated.isEmpty ? "" : " OR nip IN (\(rated.map { _ in "?" }.joined(separator: ",")))") + ")")
            arguments += [request.atasanNIP]
            arguments += StatementArguments(rated)
        }
        if let scope = request.unit, !scope.unitID.isEmpty {
            guard try await directory.ancestors(of: scope.unitID) != nil else { throw RPCError(.notFound, "no unit \(scope.unitID)") }
            try await access.require(.unit(id: scope.unitID))
            let units = scope.includeSubunits ? try await subtree(of: scope.unitID) : [scope.unitID]
            conditions.append("unit_id IN (\(units.map { _ in "?" }.joined(separator: ",")))"); arguments += StatementArguments(units)
        }
        if request.nip.isEmpty && request.atasanNIP.isEmpty && (request.unit?.unitID ?? "").isEmpty {
            // Without a filter a user sees their own SKPs; services and admins see all.
            if let user = access.caller.user, !access.hasRole(.admin) {
                conditions.append("nip = ?"); arguments += [user.nip]
            }
        }
        if request.year != 0 { conditions.append("year = ?"); arguments += [request.year] }
        if !request.states.isEmpty {
            conditions.append("state IN (\(request.states.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(request.states.map(\.rawValue))
        }
        if request.flaggedOnly {
            conditions.append("skp_id IN (SELECT l.skp_id FROM rhk_link l JOIN review_flag f ON f.rhk_id = l.rhk_id)")
        }
        let sql = "SELECT body, latest FROM skp_version WHERE \(conditions.joined(separator: " AND ")) ORDER BY year DESC, nip LIMIT ? OFFSET ?"
        let bound = arguments + [size + 1, offset]
        return try await store.pool.read { db in
            let skps = try Row.fetchAll(db, sql: sql, arguments: bound).map { try SkpRecords.decode($0).skp }
            var summaries: [Planning.SkpSummary] = []
            for skp in skps.prefix(size) {
                let flagged = try SkpRecords.flags(skp.rhks.map(\.rhkID), in: db).count
                summaries.append(Self.summary(skp, flagged: flagged))
            }
            return Planning.ListSkpsResponse(skps: summaries, page: Paging.response(offset: offset, size: size, returned: summaries.count,
                                                                                 more: skps.count > size))
        }
    }

    /// Ids of `unitID` and every unit below it, from identity's tree.
    func subtree(of unitID: String) async throws -> [String] {
        let members = try await directory.members(of: unitID, includeSubunits: true)
        return Array(Set([unitID] + members.map(\.unitID)))
    }

    static func summary(_ skp: Planning.Skp, flagged: Int) -> Planning.SkpSummary {
        Planning.SkpSummary(skpID: skp.skpID, version: skp.version, employee: skp.employee, year: skp.year, state: skp.state,
                            approach: skp.approach, atasanNIP: skp.atasanNIP, rhkCount: UInt32(skp.rhks.count),
                            ikiCount: UInt32(skp.rhks.reduce(0) { $0 + $1.ikis.count }), reviewFlagCount: UInt32(flagged),
                            submitted: skp.submitted, decided: skp.decided, revision: skp.revision)
    }

    public func updateSkp(_ request: Planning.UpdateSkpRequest, context: ServerContext) async throws -> Planning.UpdateSkpResponse {
        let paths = Set(request.updateMask?.paths ?? [])
        let allowed: Set<String> = ["approach", "period_start", "period_end"]
        guard !paths.isEmpty else { throw Invalid.field("update_mask", "must name at least one field", reason: "REQUIRED") }
        if let bad = paths.subtracting(allowed).sorted().first { throw Invalid.field("update_mask", "\(bad) cannot be changed (allowed: approach, period_start, period_end)") }
        return try await editDraft(context, request, skpID: request.skpID, expectedRevision: request.expectedSkpRevision,
                                   detail: "changed \(paths.sorted().joined(separator: ","))") { skp, _, _ in
            if paths.contains("approach") {
                guard request.approach == .kuantitatif || request.approach == .kualitatif else { throw Invalid.field("approach", "must be kuantitatif or kualitatif") }
                skp.approach = request.approach
            }
            if paths.contains("period_start") { skp.periodStart = request.periodStart }
            if paths.contains("period_end") { skp.periodEnd = request.periodEnd }
            guard let s = skp.periodStart, let e = skp.periodEnd, s.isValid, e.isValid, s.year == skp.year, e.year == skp.year, s <= e else {
                throw Invalid.field("period_start", "the covered days must be real days of \(skp.year), start not after end")
            }
        } respond: { Planning.UpdateSkpResponse(skp: $0) }
    }

    public func listSkpVersions(_ request: Planning.ListSkpVersionsRequest, context: ServerContext) async throws -> Planning.ListSkpVersionsResponse {
        let current = try await latest(request.skpID)
        try await requireReader(of: current)
        let versions = try await store.pool.read { db in try SkpRecords.versions(request.skpID, in: db) }
        return Planning.ListSkpVersionsResponse(skpID: request.skpID, employee: current.employee, versions: versions.map {
            Planning.SkpVersionSummary(version: $0.version, state: $0.state, rhkCount: UInt32($0.rhks.count),
                                       ikiCount: UInt32($0.rhks.reduce(0) { $0 + $1.ikis.count }), revisionReason: $0.revisionReason,
                                       decisionNote: $0.decisionNote, created: $0.created, submitted: $0.submitted, decided: $0.decided)
        })
    }

    public func listAuditEvents(_ request: Planning.ListAuditEventsRequest, context: ServerContext) async throws -> Planning.ListAuditEventsResponse {
        let (events, page) = try await auditEvents(filter: request.filter, page: request.page)
        return Planning.ListAuditEventsResponse(events: events, page: page)
    }

    public func verifyAuditChain(_ request: Planning.VerifyAuditChainRequest, context: ServerContext) async throws -> Planning.VerifyAuditChainResponse {
        Planning.VerifyAuditChainResponse(verification: try await auditChain(from: request.fromSequence, to: request.toSequence))
    }
}
