public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension PlanningHandlers {
    /// The owner's pejabat penilai today, as identity answers it (atasan langsung, a Plt/Plh
    /// acting for the position, the non-ASN Kepala Daerah, or nobody).
    func penilai(of skp: Planning.Skp) async throws -> Identity.PejabatPenilai {
        try await directory.penilai(of: skp.nip, on: today)
    }

    /// Fails with PERMISSION_DENIED (audited) unless the caller is the owner's pejabat penilai
    /// today per identity — the atasan langsung, a Plt/Plh acting for the position, or the
    /// non-ASN Kepala Daerah. Pengelola kinerja never decide: when nobody may, the SKP waits
    /// (GetSkpCompliance lists it as without a valid penilai). Returns who decides.
    @discardableResult
    func requireDecider(of skp: Planning.Skp) async throws -> Common.PenilaiRef {
        let access = try Access.required()
        guard let user = access.caller.user else { throw RPCError(.unauthenticated, "sign in first") }
        let penilai = try await penilai(of: skp)
        let message = penilai.kind == .none
            ? "\(skp.nip) has no valid pejabat penilai now (\(penilai.reason)); the SKP waits for a new atasan or a Plt/Plh"
            : "only \(skp.nip)'s pejabat penilai (\(penilai.penilai?.nip ?? "")) approves or returns this SKP"
        try await access.require(.skpPenilai, target: skp.nip, message: message) { PenilaiToday.isPenilai(user.nip, penilai) }
        return PenilaiToday.reference(penilai)
    }

    public func setBehaviourExpectations(_ request: Planning.SetBehaviourExpectationsRequest,
                                         context: ServerContext) async throws -> Planning.SetBehaviourExpectationsResponse {
        let skp = try await latest(request.skpID)
        let access = try Access.required()
        guard let user = access.caller.user else { throw RPCError(.unauthenticated, "sign in first") }
        let penilai = try await penilai(of: skp)
        try await access.require(.skpPenilai, target: skp.nip, message: "only \(skp.nip)'s pejabat penilai sets the ekspektasi khusus") {
            PenilaiToday.isPenilai(user.nip, penilai)
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

    /// Applies a lifecycle event to the stored versions of `skpID` through the domain
    /// (``SkpVersioning/apply(_:to:stamp:evaluationFinalised:)``, which follows ``SkpLifecycle``)
    /// and stores every version it changed or made. `prepare` may check the latest version first.
    static func apply(_ event: SkpLifecycle.Event, skpID: String, stamp: Common.AuditStamp, expectedRevision: UInt64 = 0,
                      evaluationFinalised: Bool = false, in db: Database, prepare: (Planning.Skp) throws -> Void = { _ in })
        throws -> (latest: Planning.Skp, outcome: SkpLifecycle.Outcome) {
        let versions = try SkpRecords.versions(skpID, in: db)
        guard let current = versions.last else { throw RPCError(.notFound, "no SKP \(skpID)") }
        if expectedRevision != 0 && expectedRevision != current.revision {
            throw RPCError(.aborted, "the SKP changed since you read it (revision \(current.revision)); read it again")
        }
        try prepare(current)
        let (updated, outcome) = try SkpVersioning.apply(event, to: versions, stamp: stamp, evaluationFinalised: evaluationFinalised)
        let before = Dictionary(versions.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        for version in updated {
            guard let old = before[version.version] else {
                try SkpRecords.insert(version, in: db)
                continue
            }
            if old != version { try SkpRecords.update(version, in: db) }
        }
        guard let latest = updated.last else { throw RPCError(.internal, "an SKP lost its versions") }
        return (latest, outcome)
    }

    /// The version a decision names: 0 means the latest.
    static func decided(_ version: UInt32, latest: Planning.Skp) -> UInt32 { version == 0 ? latest.version : version }

    public func submitSkp(_ request: Planning.SubmitSkpRequest, context: ServerContext) async throws -> Planning.SubmitSkpResponse {
        let current = try await latest(request.skpID)
        try await requireOwner(of: current)
        // The pejabat penilai is whoever identity says rates the owner today; it is recorded.
        guard let owner = try await directory.employee(current.nip) else { throw RPCError(.notFound, "identity does not know \(current.nip)") }
        let penilai = try await penilai(of: current)
        let atasan = penilai.kind == .none ? "" : penilai.penilai?.nip ?? ""
        let recorded = PenilaiToday.reference(penilai)
        return try await write(context, request) { [self] db, actor in
            let (skp, _) = try Self.apply(.submit(note: request.note), skpID: request.skpID, stamp: stamp(actor),
                                          expectedRevision: request.expectedSkpRevision, in: db) { skp in
                guard skp.state == .draft else { return }  // the lifecycle names the state
                let flagged = try SkpRecords.flags(skp.rhks.map(\.rhkID), in: db).count
                let problems = PlanningRules.submissionProblems(skp, linkAtasanNIP: owner.atasanNIP, penilai: penilai, flaggedRhks: flagged)
                if !problems.isEmpty {
                    throw RPCError(.failedPrecondition, "the SKP is not ready to submit: " + problems.joined(separator: "; "))
                }
            }
            var submitted = skp
            submitted.atasanNIP = atasan
            submitted.penilai = recorded
            try SkpRecords.update(submitted, in: db)
            // The submission note has no field in the SKP; it is kept in the audit log.
            try audit(db, context, actor, target: "skp/\(skp.skpID)",
                      detail: "submitted v\(skp.version) to \(atasan)" + (request.note.isEmpty ? "" : ": \(request.note)"))
            return Planning.SubmitSkpResponse(skp: submitted)
        }
    }

    public func withdrawSkp(_ request: Planning.WithdrawSkpRequest, context: ServerContext) async throws -> Planning.WithdrawSkpResponse {
        let current = try await latest(request.skpID)
        try await requireOwner(of: current)
        return try await write(context, request) { [self] db, actor in
            let (skp, _) = try Self.apply(.withdraw(reason: request.reason), skpID: request.skpID, stamp: stamp(actor), in: db)
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: "withdrawn: \(request.reason)")
            return Planning.WithdrawSkpResponse(skp: skp)
        }
    }

    public func approveSkp(_ request: Planning.ApproveSkpRequest, context: ServerContext) async throws -> Planning.ApproveSkpResponse {
        let current = try await latest(request.skpID)
        let decider = try await requireDecider(of: current)
        return try await write(context, request) { [self] db, actor in
            let version = Self.decided(request.version, latest: current)
            var (skp, outcome) = try Self.apply(.approve(version: version, note: request.note), skpID: request.skpID, stamp: stamp(actor), in: db)
            // The penilai who decided is the one on record (a new atasan or a Plt/Plh may have taken over),
            // and the stamp names them with the SHA-256 of the body they signed.
            skp.penilai = decider
            skp.atasanNIP = decider.penilai?.nip ?? skp.atasanNIP
            skp = try Self.stampApproval(skp, penilai: decider, actor: actor, in: db)
            var superseded: UInt32 = 0
            if case .approved(_, let old?) = outcome { superseded = old }
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: "approved v\(skp.version)" + (superseded > 0 ? ", v\(superseded) superseded" : ""))
            return Planning.ApproveSkpResponse(skp: skp, supersededVersion: superseded)
        }
    }

    public func returnSkp(_ request: Planning.ReturnSkpRequest, context: ServerContext) async throws -> Planning.ReturnSkpResponse {
        guard request.comments.count <= PlanningRules.maximumReturnComments else {
            throw Invalid.field("comments", "at most \(PlanningRules.maximumReturnComments) comments", reason: "TOO_MANY")
        }
        let current = try await latest(request.skpID)
        let ids = Set(current.rhks.map(\.rhkID))
        let ikis = Set(current.rhks.flatMap { $0.ikis.map(\.ikiID) })
        for (index, comment) in request.comments.enumerated() {
            guard ids.contains(comment.rhkID) else { throw Invalid.field("comments[\(index)].rhk_id", "is not an RHK of this SKP", reason: "UNKNOWN_RHK") }
            if !comment.ikiID.isEmpty && !ikis.contains(comment.ikiID) { throw Invalid.field("comments[\(index)].iki_id", "is not an IKI of this SKP", reason: "UNKNOWN_IKI") }
            try Invalid.requireText(comment.note, "comments[\(index)].note", max: PlanningRules.maximumCommentLength)
        }
        try await requireDecider(of: current)
        return try await write(context, request) { [self] db, actor in
            let version = Self.decided(request.version, latest: current)
            let (decided, _) = try Self.apply(.return(version: version, note: request.note), skpID: request.skpID, stamp: stamp(actor), in: db)
            // Comments on single RHKs travel in the decision note, numbered as the SKP shows them.
            let lines = request.comments.map { comment -> String in
                let position = decided.rhks.first { $0.rhkID == comment.rhkID }?.position ?? 0
                return "RHK \(position)\(comment.ikiID.isEmpty ? "" : " (IKI)"): \(comment.note)"
            }
            var skp = decided
            if !lines.isEmpty {
                skp.decisionNote = ([request.note] + lines).joined(separator: "\n")
                try SkpRecords.update(skp, in: db)
            }
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: "returned v\(skp.version)")
            return Planning.ReturnSkpResponse(skp: skp)
        }
    }

    public func reviseSkp(_ request: Planning.ReviseSkpRequest, context: ServerContext) async throws -> Planning.ReviseSkpResponse {
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
            // Evaluation's annual finalisation of the owner's year closes revisions (LockSkpRevisions).
            let finalised = try Self.evaluationFinalised(nip: current.nip, year: current.year, in: db)
            let (revised, _) = try Self.apply(.revise(reason: request.reason), skpID: request.skpID, stamp: stamp(actor),
                                              evaluationFinalised: finalised, in: db)
            let next = try Self.prepareRevision(revised, in: db)
            try audit(db, context, actor, target: "skp/\(next.skpID)", detail: "revised into v\(next.version): \(request.reason)")
            return Planning.ReviseSkpResponse(skp: next)
        }
    }
}

extension PlanningHandlers {
    /// What a new version takes beyond the copy ``SkpVersioning`` makes: the ekspektasi khusus in
    /// force (the latest amendment of the approved version it was made from), the current text
    /// of its direct RHKs' parents, and no approval stamp or amendments of its own. Stored.
    static func prepareRevision(_ revised: Planning.Skp, in db: Database) throws -> Planning.Skp {
        var next = revised
        next.approval = nil
        next.amendments = []
        if let from = try SkpRecords.version(revised.skpID, revised.version - 1, in: db)?.skp, from.state == .disetujui {
            next.behaviourExpectations = ExpectationAmendmentRules.inForce(
                from, amendments: try AmendmentRecords.all(skpID: from.skpID, version: from.version, in: db))
        }
        try followDirectParents(&next, in: db)
        if next != revised { try SkpRecords.update(next, in: db) }
        return next
    }
}
