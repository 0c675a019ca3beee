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
        let year = try skpYear(request.year)
        let thisYear = today.year
        if year > thisYear + 1 { throw Invalid.field("year", "must be at most next year (\(thisYear + 1))", reason: "YEAR") }
        guard request.approach == .kuantitatif || request.approach == .kualitatif else {
            throw Invalid.field("approach", "is required (kuantitatif or kualitatif)", reason: "REQUIRED")
        }
        if let start = request.periodStart {
            guard start.isValid, start.year == year else { throw Invalid.field("period_start", "must be a real day of \(year)") }
        }
        let end = request.periodEnd ?? Common.Date(year: year, month: 12, day: 31)
        guard end.isValid, end.year == year else { throw Invalid.field("period_end", "must be a real day of \(year)") }
        if let start = request.periodStart, end < start { throw Invalid.field("period_end", "must not be before period_start") }
        if !request.copyFromSkpID.isEmpty { try Invalid.requireID(request.copyFromSkpID, "copy_from_skp_id") }
        try await Access.required().require(.employee(nip: request.nip))
        guard let employee = try await directory.employee(request.nip) else { throw RPCError(.notFound, "no employee with NIP \(request.nip)") }
        guard employee.status == .aktif else { throw RPCError(.failedPrecondition, "\(request.nip) is not AKTIF; only active employees plan an SKP") }
        // The first day: as given, else the TMT jabatan in the year (SkpCoverage).
        let start = try request.periodStart
            ?? SkpCoverage.defaultStart(year: year, tmtJabatan: employee.tmtJabatan, transfer: request.transfer)
        guard start <= end else {
            throw Invalid.field("period_end", "must not be before the first day \(start.isoString) (the TMT jabatan)", reason: "SKP_PERIOD_REVERSED")
        }
        let source: Planning.Skp? = request.copyFromSkpID.isEmpty ? nil : try await latest(request.copyFromSkpID)
        if let source { try await requireReader(of: source) }
        return try await write(context, request) { [self] db, actor in
            // Evaluation's annual finalisation of the year also closes it to a transfer's closure.
            let finalised = try Self.evaluationFinalised(nip: request.nip, year: year, in: db)
            let existing = try SkpRecords.latest(nip: request.nip, year: year, in: db).map(SkpCoverage.Existing.init)
            let closure = try SkpCoverage.plan(start: start, end: end, transfer: request.transfer, existing: existing,
                                               evaluationFinalised: finalised)
            var skp = Planning.Skp()
            skp.skpID = ULID.make(now: clock())
            skp.version = 1
            skp.nip = request.nip
            skp.employee = employee.reference
            skp.year = year
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
                skp.lampiran = source.lampiran
                skp.rhks = source.rhks.enumerated().map { index, old in
                    var rhk = old
                    rhk.parentRhkID = ""
                    rhk = CascadeLinkRules.linked(rhk, parentText: "")  // clears the parent snapshot, cascade type and peran
                    rhk.rhkID = ULID.make(now: clock())
                    rhk.skpID = skp.skpID
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
            if let closure {
                // The SKP before the transfer ends the day before; its body changes only in period_end.
                try SkpClosureRecords.close(closure, successor: skp.skpID, by: actor.principal, now: actor.now, in: db)
                try audit(db, context, actor, target: "skp/\(closure.skpID)",
                          detail: "closed by a transfer: period_end \(closure.previousEnd.isoString) → \(closure.newEnd.isoString); "
                              + "followed by SKP \(skp.skpID)")
            }
            try audit(db, context, actor, target: "skp/\(skp.skpID)",
                      detail: "created for \(request.nip), \(year), \(start.isoString)–\(end.isoString)"
                          + (closure.map { ", transfer after SKP \($0.skpID)" } ?? ""))
            return Planning.CreateSkpResponse(skp: skp)
        }
    }

    public func getSkp(_ request: Planning.GetSkpRequest, context: ServerContext) async throws -> Planning.GetSkpResponse {
        try Invalid.requireID(request.skpID, "skp_id")
        let found = try await store.read { db -> (Planning.Skp, UInt32)? in
            guard let stored = try SkpRecords.version(request.skpID, request.version, in: db) else { return nil }
            let approved = try Int64.fetchOne(db, sql: "SELECT version FROM skp_version WHERE skp_id = ? AND state = ? ORDER BY version DESC LIMIT 1",
                                              arguments: [request.skpID, Planning.SkpState.disetujui.rawValue]) ?? 0
            return (try SkpRecords.forReading(stored, in: db), UInt32(approved))
        }
        guard let found else { throw try await notFound(request.skpID, version: request.version) }
        var skp = found.0
        let approved = found.1
        try await requireReader(of: skp)
        // The owner's own read is their notification of amendments they had not read (and marks them read).
        var fresh: [Planning.ExpectationAmendment] = []
        if try Access.required().isSelf(skp.nip) {
            let skpID = skp.skpID
            let unread = try await store.read { db in
                try Bool.fetchOne(db, sql: "SELECT 1 FROM expectation_amendment WHERE skp_id = ? AND seen_by_owner IS NULL LIMIT 1",
                                  arguments: [skpID]) ?? false
            }
            if unread {
                let now = nowSeconds
                fresh = try await store.write { db in try AmendmentRecords.markRead(skpID: skpID, now: now, in: db) }
                let seen = Dictionary(fresh.map { ($0.amendmentID, $0.seenByOwner) }, uniquingKeysWith: { first, _ in first })
                for index in skp.amendments.indices where skp.amendments[index].seenByOwner == nil {
                    skp.amendments[index].seenByOwner = seen[skp.amendments[index].amendmentID] ?? nil
                }
            }
        }
        return Planning.GetSkpResponse(skp: skp, approvedVersion: approved, newAmendments: fresh)
    }

    /// NOT_FOUND for an SKP id (or version) the store does not hold, saying so when the SKP was deleted.
    func notFound(_ skpID: String, version: UInt32 = 0) async throws -> RPCError {
        let deleted = try await store.read { db in try SkpDeletionRecords.deleted(skpID, in: db) != nil }
        if deleted { return RPCError(.notFound, "SKP \(skpID) was deleted (a draft that was never submitted)") }
        return RPCError(.notFound, version == 0 ? "no SKP \(skpID)" : "SKP \(skpID) has no version \(version)")
    }

    public func getCurrentSkp(_ request: Planning.GetCurrentSkpRequest, context: ServerContext) async throws -> Planning.GetCurrentSkpResponse {
        try Invalid.requireNIP(request.nip)
        let today = self.today
        let year = try skpYear(request.year)
        if let day = request.onDate {
            guard day.isValid, day.year == year else { throw Invalid.field("on_date", "must be a real day of \(year)") }
        }
        try await Access.required().require(.employee(nip: request.nip))
        let onDate = request.onDate
        let skp = try await store.read { db -> Planning.Skp? in
            // Several SKPs in one year (a transfer): the one covering on_date (or today), else the last one.
            let skps = try SkpRecords.latest(nip: request.nip, year: year, in: db)
            guard let chosen = SkpCoverage.chosen(skps.map(SkpCoverage.Existing.init), on: onDate, today: today) else { return nil }
            let versions = try SkpRecords.versions(chosen.skpID, in: db)
            guard let latest = versions.last else { return nil }
            if let approved = SkpVersioning.versionInForce(versions) {
                return try SkpRecords.forReading(StoredSkp(skp: approved, latest: approved.version == latest.version), in: db)
            }
            if request.approvedOnly { return nil }
            return try SkpRecords.forReading(StoredSkp(skp: latest, latest: true), in: db)
        }
        guard let skp else {
            let covering = onDate.map { " covering \($0.isoString)" } ?? ""
            throw RPCError(.notFound, request.approvedOnly ? "\(request.nip) has no approved SKP for \(year)\(covering)"
                                                          : "\(request.nip) has no SKP for \(year)\(covering)")
        }
        return Planning.GetCurrentSkpResponse(skp: skp)
    }

    public func listSkps(_ request: Planning.ListSkpsRequest, context: ServerContext) async throws -> Planning.ListSkpsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let year = try skpYear(request.year)
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
        conditions.append("year = ?"); arguments += [year]
        if !request.states.isEmpty {
            conditions.append("state IN (\(request.states.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(request.states.map(\.rawValue))
        }
        if request.flaggedOnly {
            conditions.append("skp_id IN (SELECT l.skp_id FROM rhk_link l JOIN review_flag f ON f.rhk_id = l.rhk_id)")
        }
        let sql = "SELECT body, latest FROM skp_version WHERE \(conditions.joined(separator: " AND ")) ORDER BY owner_name, nip, year DESC, period_start, skp_id LIMIT ? OFFSET ?"
        let bound = arguments + [size + 1, offset]
        return try await store.read { db in
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
        let allowed: Set<String> = ["approach", "period_start", "period_end", "lampiran"]
        guard !paths.isEmpty else { throw Invalid.field("update_mask", "must name at least one field", reason: "REQUIRED") }
        if let bad = paths.subtracting(allowed).sorted().first {
            throw Invalid.field("update_mask", "\(bad) cannot be changed (allowed: approach, period_start, period_end, lampiran)")
        }
        if paths.contains("lampiran") {
            let violations = SkpLampiranRules.violations(request.lampiran ?? Planning.SkpLampiran())
            if !violations.isEmpty { throw Invalid.fields(violations) }
        }
        return try await editDraft(context, request, skpID: request.skpID, expectedRevision: request.expectedSkpRevision,
                                   detail: "changed \(paths.sorted().joined(separator: ","))") { skp, db, _ in
            if paths.contains("approach") {
                guard request.approach == .kuantitatif || request.approach == .kualitatif else { throw Invalid.field("approach", "must be kuantitatif or kualitatif") }
                skp.approach = request.approach
            }
            if paths.contains("period_start") { skp.periodStart = request.periodStart }
            if paths.contains("period_end") { skp.periodEnd = request.periodEnd }
            guard let s = skp.periodStart, let e = skp.periodEnd, s.isValid, e.isValid, s.year == skp.year, e.year == skp.year, s <= e else {
                throw Invalid.field("period_start", "the covered days must be real days of \(skp.year), start not after end")
            }
            if paths.contains("period_start") || paths.contains("period_end") {
                // The employee's SKPs of a year never overlap.
                let others = try SkpRecords.latest(nip: skp.nip, year: skp.year, in: db).filter { $0.skpID != skp.skpID }
                _ = try SkpCoverage.plan(start: s, end: e, transfer: false, existing: others.map(SkpCoverage.Existing.init))
            }
            if paths.contains("lampiran") {
                let lampiran = request.lampiran ?? Planning.SkpLampiran()
                skp.lampiran = lampiran == Planning.SkpLampiran() ? nil : lampiran
            }
        } respond: { Planning.UpdateSkpResponse(skp: $0) }
    }

    public func listSkpVersions(_ request: Planning.ListSkpVersionsRequest, context: ServerContext) async throws -> Planning.ListSkpVersionsResponse {
        let current = try await latest(request.skpID)
        try await requireReader(of: current)
        let versions = try await store.read { db in try SkpRecords.versions(request.skpID, in: db) }
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
