public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension PlanningHandlers {
    /// Deletes a mistaken draft that was never submitted (``SkpDeletion``): the owner, or
    /// pengelola kinerja in scope; audited; a repeated call answers the same. A draft a transfer
    /// opened gives the SKP the transfer closed its days back (``SkpCoverage``).
    public func deleteSkp(_ request: Planning.DeleteSkpRequest, context: ServerContext) async throws -> Planning.DeleteSkpResponse {
        try Invalid.requireID(request.skpID, "skp_id")
        try SkpDeletion.checkReason(request.reason)
        let (current, tombstone) = try await store.read { db in
            (try SkpRecords.latest(request.skpID, in: db)?.skp, try SkpDeletionRecords.deleted(request.skpID, in: db))
        }
        guard let owner = current?.nip ?? tombstone?.nip else { throw RPCError(.notFound, "no SKP \(request.skpID)") }
        let access = try Access.required()
        if try await !access.holds(.skpOwner, holds: { access.isSelf(owner) }) {
            try await access.require(.employee(nip: owner))  // pengelola kinerja in scope
        }
        if tombstone != nil { return Planning.DeleteSkpResponse() }  // already deleted: nothing changes
        return try await write(context, request) { [self] db, actor in
            let versions = try SkpRecords.versions(request.skpID, in: db)
            guard let latest = versions.last else { return Planning.DeleteSkpResponse() }  // deleted meanwhile
            try SkpDeletion.checkDeletable(versions, everSubmitted: try SkpDeletionRecords.everSubmitted(request.skpID, in: db))
            let flagged = try SkpDeletionRecords.delete(latest, by: actor.principal, reason: request.reason, now: actor.now, in: db)
            try audit(db, context, actor, target: "skp/\(request.skpID)",
                      detail: "deleted the draft of \(latest.nip), \(latest.year) (never submitted): \(request.reason)"
                          + (flagged > 0 ? "; \(flagged) dependent RHK(s) flagged" : ""))
            // A mistaken transfer: the SKP it closed takes its days back.
            if let reopened = try SkpClosureRecords.reopen(successor: request.skpID, now: actor.now, in: db) {
                try audit(db, context, actor, target: "skp/\(reopened.skpID)",
                          detail: "reopened: the transfer to SKP \(request.skpID) was deleted; period_end \(reopened.from.isoString) → \(reopened.to.isoString)")
            }
            return Planning.DeleteSkpResponse()
        }
    }
}
