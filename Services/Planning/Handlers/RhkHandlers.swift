public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore
import Synchronization

extension PlanningHandlers {
    /// What an RHK's parent link needs to know about the owner, from identity.
    struct OwnerFacts: Sendable {
        var atasanNIP: String
        var isJPT: Bool
    }

    func ownerFacts(_ skp: Planning.Skp) async throws -> OwnerFacts {
        let employee = try await directory.employee(skp.nip)
        return OwnerFacts(atasanNIP: employee?.atasanNIP ?? skp.atasanNIP, isJPT: skp.jenisJabatan == .jpt)
    }

    /// Fills the parent snapshot of `rhk` and checks the link (the atasan's RHK of the same year).
    static func link(_ rhk: inout Planning.Rhk, skp: Planning.Skp, facts: OwnerFacts, in db: Database) throws {
        guard !rhk.parentRhkID.isEmpty else {
            rhk = CascadeLinkRules.linked(rhk, parentText: "")  // no link: no snapshot, cascade type or peran
            return
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT skp_id, owner_nip, year FROM rhk_link WHERE rhk_id = ?", arguments: [rhk.parentRhkID]) else {
            throw RPCError(.notFound, "no parent RHK \(rhk.parentRhkID)")
        }
        let owner: String = row["owner_nip"]
        let year: Int32 = row["year"]
        guard owner == facts.atasanNIP else {
            throw Invalid.field("rhk.parent_rhk_id", "RHK \(rhk.parentRhkID) belongs to \(owner), not to your atasan \(facts.atasanNIP.isEmpty ? "(none)" : facts.atasanNIP)",
                                reason: "PARENT_NOT_ATASAN")
        }
        guard year == skp.year else {
            throw Invalid.field("rhk.parent_rhk_id", "RHK \(rhk.parentRhkID) is in your atasan's SKP of \(year), not \(skp.year)", reason: "PARENT_OTHER_YEAR")
        }
        rhk.parentOwnerNIP = owner
        rhk = CascadeLinkRules.linked(rhk, parentText: try parentText(rhk.parentRhkID, in: db) ?? "")
    }

    /// The current text of RHK `rhkID` (in the latest version of its SKP); nil when it is gone.
    static func parentText(_ rhkID: String, in db: Database) throws -> String? {
        guard let skpID = try String.fetchOne(db, sql: "SELECT skp_id FROM rhk_link WHERE rhk_id = ?", arguments: [rhkID]),
              let skp = try SkpRecords.latest(skpID, in: db)?.skp else { return nil }
        return skp.rhks.first { $0.rhkID == rhkID }?.text
    }

    /// Makes the direct RHKs of `skp` carry their parents' current text (a parent that is gone
    /// leaves the RHK as it is; its review flag says so). Returns how many changed.
    @discardableResult
    static func followDirectParents(_ skp: inout Planning.Skp, in db: Database) throws -> Int {
        var changed = 0
        for index in skp.rhks.indices where skp.rhks[index].cascadeType == .direct && !skp.rhks[index].parentRhkID.isEmpty {
            guard let text = try parentText(skp.rhks[index].parentRhkID, in: db), text != skp.rhks[index].text else { continue }
            skp.rhks[index] = CascadeLinkRules.linked(skp.rhks[index], parentText: text)
            changed += 1
        }
        return changed
    }

    /// After the text of RHK `parentRhkID` changed: the direct RHKs linked to it in DRAFT latest
    /// versions take the new text at once (each SKP's revision goes up, with an audit entry on
    /// it); those in other versions follow at their next revision (``followDirectParents(_:in:)``).
    func propagateDirectText(from parentRhkID: String, text: String, context: ServerContext, actor: PlanningActor,
                             in db: Database) throws {
        let skpIDs = try String.fetchAll(db, sql: "SELECT DISTINCT skp_id FROM rhk_link WHERE parent_rhk_id = ?", arguments: [parentRhkID])
        for skpID in skpIDs {
            guard var skp = try SkpRecords.latest(skpID, in: db)?.skp, skp.state == .draft else { continue }
            var changed: [Int] = []
            for index in skp.rhks.indices where skp.rhks[index].parentRhkID == parentRhkID && skp.rhks[index].cascadeType == .direct {
                skp.rhks[index] = CascadeLinkRules.linked(skp.rhks[index], parentText: text)
                changed.append(Int(skp.rhks[index].position))
            }
            guard !changed.isEmpty else { continue }
            skp.revision += 1
            try SkpRecords.update(skp, in: db)
            try audit(db, context, actor, target: "skp/\(skpID)",
                      detail: "direct RHK \(changed.map(String.init).joined(separator: ", ")) follows the text of its parent \(parentRhkID)")
        }
    }

    /// Gives new ids and owners to the IKIs of a new RHK.
    func prepareNew(_ ikis: [Planning.Iki], rhkID: String) -> [Planning.Iki] {
        ikis.enumerated().map { index, given in
            var iki = given
            iki.ikiID = ULID.make(now: clock())
            iki.rhkID = rhkID
            iki.position = UInt32(index + 1)
            return iki
        }
    }

    public func addRhk(_ request: Planning.AddRhkRequest, context: ServerContext) async throws -> Planning.AddRhkResponse {
        guard let given = request.rhk else { throw Invalid.field("rhk", "is required", reason: "REQUIRED") }
        guard given.ikis.count <= PlanningRules.maximumIkisPerRhk else {
            throw Invalid.field("rhk.ikis", "an RHK has at most \(PlanningRules.maximumIkisPerRhk) IKIs", reason: "TOO_MANY_IKIS")
        }
        let skp = try await latest(request.skpID)
        try await requireOwner(of: skp)
        let facts = try await ownerFacts(skp)
        let rhkID = ULID.make(now: clock())
        let ikis = prepareNew(given.ikis, rhkID: rhkID)
        return try await editDraft(context, request, skpID: request.skpID, expectedRevision: request.expectedSkpRevision,
                                   detail: "added RHK \(rhkID)") { [self] skp, db, actor in
            guard skp.rhks.count < PlanningRules.maximumRhks else {
                throw RPCError(.failedPrecondition, "an SKP has at most \(PlanningRules.maximumRhks) RHKs")
            }
            var rhk = given
            rhk.rhkID = rhkID
            rhk.skpID = skp.skpID
            rhk.ikis = ikis
            rhk.position = UInt32(skp.rhks.count + 1)
            rhk.reviewFlag = nil
            rhk.created = stamp(actor)
            rhk.updated = nil
            // Linked first: a direct RHK takes its parent's text (so it may come without one).
            let cascadeViolations = CascadeLinkRules.violations(rhk)
            if !cascadeViolations.isEmpty { throw Invalid.fields(cascadeViolations) }
            try Self.link(&rhk, skp: skp, facts: facts, in: db)
            let violations = PlanningRules.rhkViolations(rhk, skp: skp, hasAtasan: !facts.atasanNIP.isEmpty, isJPT: facts.isJPT)
                + rhk.ikis.enumerated().flatMap { PlanningRules.ikiViolations($1, skp: skp, field: "rhk.ikis[\($0)]") }
            if !violations.isEmpty { throw Invalid.fields(violations) }
            skp.rhks.append(rhk)
        } respond: { skp in
            Planning.AddRhkResponse(rhk: skp.rhks.first { $0.rhkID == rhkID }, skpRevision: skp.revision)
        }
    }

    public func updateRhk(_ request: Planning.UpdateRhkRequest, context: ServerContext) async throws -> Planning.UpdateRhkResponse {
        guard let changes = request.rhk else { throw Invalid.field("rhk", "is required", reason: "REQUIRED") }
        let paths = Set(request.updateMask?.paths ?? [])
        let allowed: Set<String> = ["kind", "text", "parent_rhk_id", "perspektif", "position", "penugasan", "cascade_type", "peran"]
        guard !paths.isEmpty else { throw Invalid.field("update_mask", "must name at least one field", reason: "REQUIRED") }
        if let bad = paths.subtracting(allowed).sorted().first {
            throw Invalid.field("update_mask", "\(bad) cannot be changed here (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        let skp = try await skp(holdingRhk: changes.rhkID)
        try await requireOwner(of: skp)
        let facts = try await ownerFacts(skp)
        let flagged = FlagCounter()
        return try await editDraft(context, request, skpID: skp.skpID, expectedRevision: request.expectedSkpRevision,
                                   detail: "changed RHK \(changes.rhkID): \(paths.sorted().joined(separator: ","))") { [self] skp, db, actor in
            let index = try Self.rhkIndex(changes.rhkID, in: skp)
            var rhk = skp.rhks[index]
            let before = rhk
            if paths.contains("kind") { rhk.kind = changes.kind }
            if paths.contains("parent_rhk_id") {
                rhk.parentRhkID = changes.parentRhkID
                // Clearing the link clears what describes it, unless the mask sets it again (and is refused).
                if changes.parentRhkID.isEmpty { rhk = CascadeLinkRules.linked(rhk, parentText: "") }
            }
            if paths.contains("cascade_type") { rhk.cascadeType = changes.cascadeType }
            if paths.contains("peran") { rhk.peran = changes.peran }
            var violations: [Common.FieldViolation] = []
            if paths.contains("text") {
                // A direct RHK's text is its parent's (a relink takes the new parent's text instead).
                if !paths.contains("parent_rhk_id") { violations += CascadeLinkRules.textEditViolations(rhk, newText: changes.text) }
                rhk.text = changes.text
            }
            if paths.contains("perspektif") { rhk.perspektif = changes.perspektif }
            if paths.contains("penugasan") { rhk.penugasan = changes.penugasan }
            violations += PlanningRules.rhkViolations(rhk, skp: skp, hasAtasan: !facts.atasanNIP.isEmpty, isJPT: facts.isJPT)
            if !violations.isEmpty { throw Invalid.fields(violations) }
            if paths.contains("parent_rhk_id") {
                try Self.link(&rhk, skp: skp, facts: facts, in: db)
                try db.execute(sql: "DELETE FROM review_flag WHERE rhk_id = ?", arguments: [rhk.rhkID])  // relinked
            } else if paths.contains("cascade_type"), !rhk.parentRhkID.isEmpty {
                // Made direct: it takes the parent's current text.
                rhk = CascadeLinkRules.linked(rhk, parentText: try Self.parentText(rhk.parentRhkID, in: db) ?? rhk.parentRhkText)
            }
            rhk.updated = stamp(actor)
            skp.rhks[index] = rhk
            if paths.contains("position") {
                let target = max(1, min(Int(changes.position), skp.rhks.count)) - 1
                let moved = skp.rhks.remove(at: index)
                skp.rhks.insert(moved, at: target)
                for i in skp.rhks.indices { skp.rhks[i].position = UInt32(i + 1) }
            }
            if before.text != rhk.text || before.kind != rhk.kind {
                let what = before.text != rhk.text ? "RHK text changed" : "RHK kind changed"
                flagged.add(try SkpRecords.flagDependents(of: rhk.rhkID, parentRevision: skp.revision + 1, summary: what, removed: false, now: actor.now, in: db))
            }
            if before.text != rhk.text { try propagateDirectText(from: rhk.rhkID, text: rhk.text, context: context, actor: actor, in: db) }
        } respond: { skp in
            Planning.UpdateRhkResponse(rhk: skp.rhks.first { $0.rhkID == changes.rhkID }, skpRevision: skp.revision, flaggedDependents: UInt32(flagged.value))
        }
    }

    public func removeRhk(_ request: Planning.RemoveRhkRequest, context: ServerContext) async throws -> Planning.RemoveRhkResponse {
        let skp = try await skp(holdingRhk: request.rhkID)
        let flagged = FlagCounter()
        return try await editDraft(context, request, skpID: skp.skpID, expectedRevision: request.expectedSkpRevision,
                                   detail: "removed RHK \(request.rhkID)") { skp, db, actor in
            let index = try Self.rhkIndex(request.rhkID, in: skp)
            skp.rhks.remove(at: index)
            for i in skp.rhks.indices { skp.rhks[i].position = UInt32(i + 1) }
            skp.behaviourExpectations.removeAll { $0.rhkID == request.rhkID }
            flagged.add(try SkpRecords.flagDependents(of: request.rhkID, parentRevision: skp.revision + 1, summary: "RHK removed", removed: true, now: actor.now, in: db))
        } respond: { skp in
            Planning.RemoveRhkResponse(skpID: skp.skpID, skpRevision: skp.revision, flaggedDependents: UInt32(flagged.value))
        }
    }

    public func getRhk(_ request: Planning.GetRhkRequest, context: ServerContext) async throws -> Planning.GetRhkResponse {
        try Invalid.requireID(request.rhkID, "rhk_id")
        // Also an RHK only an older version holds (removed from the latest, or the SKP revised since).
        let found = try await store.read { db -> (skp: Planning.Skp?, skpID: String)? in
            guard let skpID = try SkpRecords.skpID(everHolding: request.rhkID, in: db) else { return nil }
            if request.skpVersion != 0 {
                return (try SkpRecords.version(skpID, request.skpVersion, in: db).map { try SkpRecords.forReading($0, in: db) }, skpID)
            }
            let versions = try SkpRecords.versions(skpID, in: db)
            guard let holding = versions.last(where: { $0.rhks.contains { $0.rhkID == request.rhkID } }) else { return (nil, skpID) }
            return (try SkpRecords.forReading(StoredSkp(skp: holding, latest: holding.version == versions.last?.version), in: db), skpID)
        }
        guard let found else { throw RPCError(.notFound, "no RHK \(request.rhkID)") }
        guard let skp = found.skp else {
            throw RPCError(.notFound, "SKP \(found.skpID) has no version \(request.skpVersion)")
        }
        try await requireReader(of: skp)
        guard let rhk = skp.rhks.first(where: { $0.rhkID == request.rhkID }) else {
            throw RPCError(.notFound, "RHK \(request.rhkID) is not in version \(skp.version) of SKP \(skp.skpID)")
        }
        // The ekspektasi khusus in force: the latest amendment's, else the version's own.
        let expectations = ExpectationAmendmentRules.inForce(skp, amendments: skp.amendments)
        return Planning.GetRhkResponse(rhk: rhk, owner: skp.employee, skpVersion: skp.version, skpState: skp.state,
                                       behaviourExpectations: expectations.filter { $0.rhkID.isEmpty || $0.rhkID == rhk.rhkID })
    }

    public func addIki(_ request: Planning.AddIkiRequest, context: ServerContext) async throws -> Planning.AddIkiResponse {
        guard let given = request.iki else { throw Invalid.field("iki", "is required", reason: "REQUIRED") }
        let skp = try await skp(holdingRhk: request.rhkID)
        let ikiID = ULID.make(now: clock())
        return try await editDraft(context, request, skpID: skp.skpID, expectedRevision: request.expectedSkpRevision,
                                   detail: "added IKI \(ikiID) to RHK \(request.rhkID)") { [self] skp, db, actor in
            let index = try Self.rhkIndex(request.rhkID, in: skp)
            guard skp.rhks[index].ikis.count < PlanningRules.maximumIkisPerRhk else {
                throw RPCError(.failedPrecondition, "an RHK has at most \(PlanningRules.maximumIkisPerRhk) IKIs")
            }
            var iki = given
            iki.ikiID = ikiID
            iki.rhkID = request.rhkID
            iki.position = UInt32(skp.rhks[index].ikis.count + 1)
            let violations = PlanningRules.ikiViolations(iki, skp: skp, field: "iki")
            if !violations.isEmpty { throw Invalid.fields(violations) }
            skp.rhks[index].ikis.append(iki)
            skp.rhks[index].updated = stamp(actor)
            _ = try SkpRecords.flagDependents(of: request.rhkID, parentRevision: skp.revision + 1, summary: "IKI added",
                                              removed: false, now: actor.now, in: db)
        } respond: { skp in
            Planning.AddIkiResponse(iki: skp.rhks.lazy.flatMap(\.ikis).first { $0.ikiID == ikiID }, skpRevision: skp.revision)
        }
    }

    public func updateIki(_ request: Planning.UpdateIkiRequest, context: ServerContext) async throws -> Planning.UpdateIkiResponse {
        guard let changes = request.iki else { throw Invalid.field("iki", "is required", reason: "REQUIRED") }
        let paths = Set(request.updateMask?.paths ?? [])
        let allowed: Set<String> = ["aspek", "indicator", "annual_target", "periodic_targets", "position", "aggregation"]
        guard !paths.isEmpty else { throw Invalid.field("update_mask", "must name at least one field", reason: "REQUIRED") }
        if let bad = paths.subtracting(allowed).sorted().first {
            throw Invalid.field("update_mask", "\(bad) cannot be changed here (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        let skp = try await skp(holdingIki: changes.ikiID)
        return try await editDraft(context, request, skpID: skp.skpID, expectedRevision: request.expectedSkpRevision,
                                   detail: "changed IKI \(changes.ikiID): \(paths.sorted().joined(separator: ","))") { [self] skp, db, actor in
            let (r, i) = try Self.ikiIndex(changes.ikiID, in: skp)
            var iki = skp.rhks[r].ikis[i]
            let before = iki
            if paths.contains("aspek") { iki.aspek = changes.aspek }
            if paths.contains("indicator") { iki.indicator = changes.indicator }
            if paths.contains("annual_target") { iki.annualTarget = changes.annualTarget }
            if paths.contains("periodic_targets") { iki.periodicTargets = changes.periodicTargets }
            if paths.contains("aggregation") { iki.aggregation = changes.aggregation }
            let violations = PlanningRules.ikiViolations(iki, skp: skp, field: "iki")
            if !violations.isEmpty { throw Invalid.fields(violations) }
            skp.rhks[r].ikis[i] = iki
            if paths.contains("position") {
                let target = max(1, min(Int(changes.position), skp.rhks[r].ikis.count)) - 1
                let moved = skp.rhks[r].ikis.remove(at: i)
                skp.rhks[r].ikis.insert(moved, at: target)
                for k in skp.rhks[r].ikis.indices { skp.rhks[r].ikis[k].position = UInt32(k + 1) }
            }
            skp.rhks[r].updated = stamp(actor)
            if before.annualTarget != iki.annualTarget || before.indicator != iki.indicator || before.aspek != iki.aspek {
                _ = try SkpRecords.flagDependents(of: skp.rhks[r].rhkID, parentRevision: skp.revision + 1,
                                                  summary: before.annualTarget != iki.annualTarget ? "IKI target changed"
                                                      : before.aspek != iki.aspek ? "IKI aspek changed" : "IKI indicator changed",
                                                  removed: false, now: actor.now, in: db)
            }
        } respond: { skp in
            Planning.UpdateIkiResponse(iki: skp.rhks.lazy.flatMap(\.ikis).first { $0.ikiID == changes.ikiID }, skpRevision: skp.revision)
        }
    }

    public func removeIki(_ request: Planning.RemoveIkiRequest, context: ServerContext) async throws -> Planning.RemoveIkiResponse {
        let skp = try await skp(holdingIki: request.ikiID)
        let holder = try Self.ikiIndex(request.ikiID, in: skp)
        let rhkID = skp.rhks[holder.rhk].rhkID
        return try await editDraft(context, request, skpID: skp.skpID, expectedRevision: request.expectedSkpRevision,
                                   detail: "removed IKI \(request.ikiID)") { [self] skp, db, actor in
            let (r, i) = try Self.ikiIndex(request.ikiID, in: skp)
            skp.rhks[r].ikis.remove(at: i)
            for k in skp.rhks[r].ikis.indices { skp.rhks[r].ikis[k].position = UInt32(k + 1) }
            skp.rhks[r].updated = stamp(actor)
            _ = try SkpRecords.flagDependents(of: skp.rhks[r].rhkID, parentRevision: skp.revision + 1, summary: "IKI removed",
                                              removed: false, now: actor.now, in: db)
        } respond: { skp in
            Planning.RemoveIkiResponse(rhkID: rhkID, skpRevision: skp.revision)
        }
    }

    public func setPeriodicTargets(_ request: Planning.SetPeriodicTargetsRequest, context: ServerContext) async throws -> Planning.SetPeriodicTargetsResponse {
        let skp = try await skp(holdingIki: request.ikiID)
        return try await editDraft(context, request, skpID: skp.skpID, expectedRevision: request.expectedSkpRevision,
                                   detail: "set \(request.targets.count) periodic targets of IKI \(request.ikiID)") { skp, _, _ in
            let (r, i) = try Self.ikiIndex(request.ikiID, in: skp)
            var iki = skp.rhks[r].ikis[i]
            iki.periodicTargets = request.targets
            let violations = PlanningRules.ikiViolations(iki, skp: skp, field: "iki")
            if !violations.isEmpty { throw Invalid.fields(violations) }
            skp.rhks[r].ikis[i] = iki
        } respond: { skp in
            Planning.SetPeriodicTargetsResponse(iki: skp.rhks.lazy.flatMap(\.ikis).first { $0.ikiID == request.ikiID }, skpRevision: skp.revision)
        }
    }
}

/// Counts flagged dependents from inside a transaction closure.
final class FlagCounter: Sendable {
    private let count = Mutex(0)
    func add(_ n: Int) { count.withLock { $0 += n } }
    var value: Int { count.withLock { $0 } }
}
