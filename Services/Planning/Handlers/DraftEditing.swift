import Foundation
import GRDB
import KinerjaProto
import KinerjaService
import KinerjaStore

extension PlanningHandlers {
    /// The latest version of an SKP, or NOT_FOUND.
    func latest(_ skpID: String) async throws -> Planning.Skp {
        try Invalid.requireID(skpID, "skp_id")
        let found = try await store.read { db in try SkpRecords.latest(skpID, in: db)?.skp }
        guard let found else { throw try await notFound(skpID) }
        return found
    }

    /// The SKP whose latest version holds `rhkID`, or NOT_FOUND.
    func skp(holdingRhk rhkID: String) async throws -> Planning.Skp {
        try Invalid.requireID(rhkID, "rhk_id")
        let skpID = try await store.read { db in try String.fetchOne(db, sql: "SELECT skp_id FROM rhk_link WHERE rhk_id = ?", arguments: [rhkID]) }
        guard let skpID else { throw RPCError(.notFound, "no RHK \(rhkID)") }
        return try await latest(skpID)
    }

    /// The SKP whose latest version holds IKI `ikiID`, or NOT_FOUND.
    func skp(holdingIki ikiID: String) async throws -> Planning.Skp {
        try Invalid.requireID(ikiID, "iki_id")
        let skpID = try await store.read { db in try String.fetchOne(db, sql: "SELECT skp_id FROM iki_link WHERE iki_id = ?", arguments: [ikiID]) }
        guard let skpID else { throw RPCError(.notFound, "no IKI \(ikiID)") }
        return try await latest(skpID)
    }

    /// Fails with PERMISSION_DENIED (audited) unless the caller owns `skp`.
    func requireOwner(of skp: Planning.Skp) async throws {
        let access = try Access.required()
        try await access.require(.skpOwner, target: skp.nip, message: "only the owner edits an SKP (\(skp.skpID) belongs to \(skp.nip))") {
            access.isSelf(skp.nip)
        }
    }

    /// Applies `change` to the latest version of `skpID`, which must be a DRAFT owned by the
    /// caller, in one transaction with its audit entry; bumps the revision.
    func editDraft<Request: ProtoMessage, Response: ProtoMessage>(
        _ context: ServerContext, _ request: Request, skpID: String, expectedRevision: UInt64, detail: String,
        _ change: @escaping @Sendable (inout Planning.Skp, Database, PlanningActor) throws -> Void,
        respond: @escaping @Sendable (Planning.Skp) -> Response
    ) async throws -> Response {
        let current = try await latest(skpID)
        try await requireOwner(of: current)
        return try await write(context, request) { [self] db, actor in
            guard var skp = try SkpRecords.latest(skpID, in: db)?.skp else { throw RPCError(.notFound, "no SKP \(skpID)") }
            try PlanningRules.requireEditable(skp)
            if expectedRevision != 0 && expectedRevision != skp.revision {
                throw RPCError(.aborted, "the SKP changed since you read it (revision \(skp.revision), expected \(expectedRevision)); read it again")
            }
            try change(&skp, db, actor)
            skp.revision += 1
            try SkpRecords.update(skp, in: db)
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: detail)
            return respond(try SkpRecords.withFlags(skp, in: db))
        }
    }

    /// The index of `rhkID` in `skp`, or NOT_FOUND.
    static func rhkIndex(_ rhkID: String, in skp: Planning.Skp) throws -> Int {
        guard let index = skp.rhks.firstIndex(where: { $0.rhkID == rhkID }) else { throw RPCError(.notFound, "no RHK \(rhkID) in SKP \(skp.skpID)") }
        return index
    }

    /// The position of IKI `ikiID` in `skp`, or NOT_FOUND.
    static func ikiIndex(_ ikiID: String, in skp: Planning.Skp) throws -> (rhk: Int, iki: Int) {
        for (r, rhk) in skp.rhks.enumerated() {
            if let i = rhk.ikis.firstIndex(where: { $0.ikiID == ikiID }) { return (r, i) }
        }
        throw RPCError(.notFound, "no IKI \(ikiID) in SKP \(skp.skpID)")
    }
}
