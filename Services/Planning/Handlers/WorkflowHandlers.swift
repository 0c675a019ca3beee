public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension PlanningHandlers {
    /// Fails with PERMISSION_DENIED (audited) unless the caller may decide on `skp`: the
    /// pejabat penilai recorded at submission while identity still confirms them as the
    /// owner's direct atasan, or pengelola kinerja in scope when that atasan has left. Asks
    /// identity (briefly cached); UNAVAILABLE when identity cannot answer.
    func requireDecider(of skp: Planning.Skp) async throws {
        let access = try Access.required()
        guard let user = access.caller.user else { throw RPCError(.unauthenticated, "sign in first") }
        if user.nip == skp.atasanNIP {
            let relation = try await directory.relation(atasan: user.nip, of: skp.nip)
            if relation.direct { return }
            throw await access.denial(target: skp.nip, "you are no longer \(skp.nip)'s atasan langsung (per identity); ask pengelola kinerja")
        }
        // Pengelola kinerja decide only in their scope, never on their own SKP, and only when the atasan has left.
        if !access.isSelf(skp.nip), try await access.holds(.roleInScope(.pengelolaKinerja), for: .employee(nip: skp.nip)) {
            let atasan = try await directory.employee(skp.atasanNIP)
            let direct = try await directory.relation(atasan: skp.atasanNIP, of: skp.nip).direct
            if atasan?.status != .aktif || !direct { return }
        }
        throw await access.denial(target: skp.nip, "only \(skp.nip)'s atasan langsung (\(skp.atasanNIP)) approves or returns this SKP")
    }

    public func setBehaviourExpectations(_ request: Planning.SetBehaviourExpectationsRequest,
                                         context: ServerContext) async throws -> Planning.SetBehaviourExpectationsResponse {
        let skp = try await latest(request.skpID)
        let access = try Access.required()
        guard let user = access.caller.user else { throw RPCError(.unauthenticated, "sign in first") }
        let atasan = skp.atasanNIP.isEmpty ? try await directory.employee(skp.nip)?.atasanNIP ?? "" : skp.atasanNIP
        guard user.nip == atasan, try await directory.relation(atasan: user.nip, of: skp.nip).direct else {
            throw await access.denial(target: skp.nip, "only \(skp.nip)'s atasan sets the ekspektasi khusus")
        }
        let violations = PlanningRules.expectationViolations(request.expectations, skp: skp)
        if !violations.isEmpty { throw Invalid.fields(violations) }
        return try await write(context, request) { [self] db, actor in
            guard var skp = try SkpRecords.latest(request.skpID, in: db)?.skp else { throw RPCError(.notFound, "no SKP \(request.skpID)") }
            guard skp.state == .draft || skp.state == .diajukan else {
                throw RPCError(.failedPrecondition, "ekspektasi khusus are set on a DRAFT or DIAJUKAN version; this one is \(PlanningRules.name(skp.state))")
            }
            if request.expectedSkpRevision != 0 && request.expectedSkpRevision != skp.revision {
                throw RPCError(.aborted, "the SKP changed since you read it (revision \(skp.revision)); read it again")
            }
            skp.behaviourExpectations = request.expectations.map { var e = $0; e.setBy = stamp(actor); return e }
            skp.revision += 1
            try SkpRecords.update(skp, in: db)
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: "\(request.expectations.count) ekspektasi khusus")
            return Planning.SetBehaviourExpectationsResponse(skp: try SkpRecords.withFlags(skp, in: db))
        }
    }

    public func submitSkp(_ request: Planning.SubmitSkpRequest, context: ServerContext) async throws -> Planning.SubmitSkpResponse {
        try Invalid.requireText(request.note, "note", max: 2000, optional: true)
        let current = try await latest(request.skpID)
        try await requireOwner(of: current)
        // The pejabat penilai is whoever identity says is the atasan now.
        guard let owner = try await directory.employee(current.nip) else { throw RPCError(.notFound, "identity does not know \(current.nip)") }
        let atasan = owner.atasanNIP
        return try await write(context, request) { [self] db, actor in
            guard var skp = try SkpRecords.latest(request.skpID, in: db)?.skp else { throw RPCError(.notFound, "no SKP \(request.skpID)") }
            if request.expectedSkpRevision != 0 && request.expectedSkpRevision != skp.revision {
                throw RPCError(.aborted, "the SKP changed since you read it (revision \(skp.revision)); read it again")
            }
            try PlanningRules.transition(&skp, to: .diajukan)
            let flagged = try SkpRecords.flags(skp.rhks.map(\.rhkID), in: db).count
            let problems = PlanningRules.submissionProblems(skp, atasanNIP: atasan, flaggedRhks: flagged)
            if !problems.isEmpty {
                throw RPCError(.failedPrecondition, "the SKP is not ready to submit: " + problems.joined(separator: "; "))
            }
            skp.atasanNIP = atasan
            skp.submitted = stamp(actor)
            skp.revision += 1
            try SkpRecords.update(skp, in: db)
            // The submission note has no field in the SKP; it is kept in the audit log.
            try audit(db, context, actor, target: "skp/\(skp.skpID)",
                      detail: "submitted v\(skp.version) to \(atasan)" + (request.note.isEmpty ? "" : ": \(request.note)"))
            return Planning.SubmitSkpResponse(skp: skp)
        }
    }

    public func withdrawSkp(_ request: Planning.WithdrawSkpRequest, context: ServerContext) async throws -> Planning.WithdrawSkpResponse {
        try Invalid.requireText(request.reason, "reason", max: 500, optional: true)
        let current = try await latest(request.skpID)
        try await requireOwner(of: current)
        return try await write(context, request) { [self] db, actor in
            guard var skp = try SkpRecords.latest(request.skpID, in: db)?.skp else { throw RPCError(.notFound, "no SKP \(request.skpID)") }
            try PlanningRules.transition(&skp, to: .draft)
            skp.submitted = nil
            skp.revision += 1
            try SkpRecords.update(skp, in: db)
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: "withdrawn: \(request.reason)")
            return Planning.WithdrawSkpResponse(skp: skp)
        }
    }

    /// The version a decision is about: the latest, which must be the one named (0 = latest).
    static func decisionTarget(_ skpID: String, version: UInt32, in db: Database) throws -> Planning.Skp {
        guard let skp = try SkpRecords.latest(skpID, in: db)?.skp else { throw RPCError(.notFound, "no SKP \(skpID)") }
        if version != 0 && version != skp.version {
            guard try SkpRecords.version(skpID, version, in: db) != nil else { throw RPCError(.notFound, "SKP \(skpID) has no version \(version)") }
            throw RPCError(.failedPrecondition, "version \(version) is not the latest (\(skp.version)); only the latest version is decided")
        }
        return skp
    }

    public func approveSkp(_ request: Planning.ApproveSkpRequest, context: ServerContext) async throws -> Planning.ApproveSkpResponse {
        try Invalid.requireText(request.note, "note", max: 2000, optional: true)
        let current = try await latest(request.skpID)
        try await requireDecider(of: current)
        return try await write(context, request) { [self] db, actor in
            var skp = try Self.decisionTarget(request.skpID, version: request.version, in: db)
            try PlanningRules.transition(&skp, to: .disetujui)
            var superseded: UInt32 = 0
            for var old in try SkpRecords.versions(request.skpID, in: db) where old.state == .disetujui && old.version != skp.version {
                old.state = .diganti
                try SkpRecords.update(old, in: db)
                superseded = old.version
            }
            skp.decisionNote = request.note
            skp.decided = stamp(actor)
            skp.revision += 1
            try SkpRecords.update(skp, in: db)
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: "approved v\(skp.version)" + (superseded > 0 ? ", v\(superseded) superseded" : ""))
            return Planning.ApproveSkpResponse(skp: skp, supersededVersion: superseded)
        }
    }

    public func returnSkp(_ request: Planning.ReturnSkpRequest, context: ServerContext) async throws -> Planning.ReturnSkpResponse {
        try Invalid.requireText(request.note, "note", max: 2000)
        guard request.comments.count <= 100 else { throw Invalid.field("comments", "at most 100 comments", reason: "TOO_MANY") }
        let current = try await latest(request.skpID)
        let ids = Set(current.rhks.map(\.rhkID))
        let ikis = Set(current.rhks.flatMap { $0.ikis.map(\.ikiID) })
        for (index, comment) in request.comments.enumerated() {
            guard ids.contains(comment.rhkID) else { throw Invalid.field("comments[\(index)].rhk_id", "is not an RHK of this SKP", reason: "UNKNOWN_RHK") }
            if !comment.ikiID.isEmpty && !ikis.contains(comment.ikiID) { throw Invalid.field("comments[\(index)].iki_id", "is not an IKI of this SKP", reason: "UNKNOWN_IKI") }
            try Invalid.requireText(comment.note, "comments[\(index)].note", max: 1000)
        }
        try await requireDecider(of: current)
        return try await write(context, request) { [self] db, actor in
            var skp = try Self.decisionTarget(request.skpID, version: request.version, in: db)
            try PlanningRules.transition(&skp, to: .dikembalikan)
            // Comments on single RHKs travel in the decision note, numbered as the SKP shows them.
            let lines = request.comments.map { comment -> String in
                let position = skp.rhks.first { $0.rhkID == comment.rhkID }?.position ?? 0
                return "RHK \(position)\(comment.ikiID.isEmpty ? "" : " (IKI)"): \(comment.note)"
            }
            skp.decisionNote = ([request.note] + lines).joined(separator: "\n")
            skp.decided = stamp(actor)
            skp.revision += 1
            try SkpRecords.update(skp, in: db)
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: "returned v\(skp.version)")
            return Planning.ReturnSkpResponse(skp: skp)
        }
    }

    public func reviseSkp(_ request: Planning.ReviseSkpRequest, context: ServerContext) async throws -> Planning.ReviseSkpResponse {
        try Invalid.requireText(request.reason, "reason", max: 2000)
        let current = try await latest(request.skpID)
        let access = try Access.required()
        if !access.isSelf(current.nip) {
            // Pengelola kinerja in scope may revise an approved SKP (e.g. after a transfer).
            guard access.hasRole(.pengelolaKinerja), current.state == .disetujui else {
                throw await access.denial(target: current.nip, "only the owner revises an SKP (pengelola kinerja in scope: approved ones)")
            }
            try await access.require(.employee(nip: current.nip))
        }
        return try await write(context, request) { [self] db, actor in
            guard let latest = try SkpRecords.latest(request.skpID, in: db)?.skp else { throw RPCError(.notFound, "no SKP \(request.skpID)") }
            let next = try PlanningRules.revise(latest, reason: request.reason, created: stamp(actor))
            try SkpRecords.insert(next, in: db)
            try audit(db, context, actor, target: "skp/\(next.skpID)", detail: "revised into v\(next.version): \(request.reason)")
            return Planning.ReviseSkpResponse(skp: next)
        }
    }
}
