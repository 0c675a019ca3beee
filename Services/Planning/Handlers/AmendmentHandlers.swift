public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension PlanningHandlers {
    /// True when `caller` is `nip`'s pejabat penilai today per identity (atasan langsung, a Plt or
    /// Plh in their range, or the non-ASN Kepala Daerah). Asks identity (briefly cached);
    /// UNAVAILABLE when it cannot answer.
    func isPenilaiToday(_ caller: String, of skp: Planning.Skp) async throws -> Bool {
        PenilaiToday.isPenilai(caller, try await penilai(of: skp))
    }

    /// Amends the ekspektasi khusus of the approved version in force (``ExpectationAmendmentRules``):
    /// the owner's pejabat penilai today; the version stays, the amendment is its own record.
    public func amendBehaviourExpectations(_ request: Planning.AmendBehaviourExpectationsRequest,
                                           context: ServerContext) async throws -> Planning.AmendBehaviourExpectationsResponse {
        let current = try await latest(request.skpID)
        let access = try Access.required()
        try await access.require(.skpPenilai, target: current.nip,
                                 message: "only \(current.nip)'s pejabat penilai today amends the ekspektasi khusus") { [self] in
            guard let caller = access.caller.user?.nip else { return false }
            return try await isPenilaiToday(caller, of: current)
        }
        let amendmentID = ULID.make(now: clock())
        return try await write(context, request) { [self] db, actor in
            let versions = try SkpRecords.versions(request.skpID, in: db)
            guard let latest = versions.last else { throw RPCError(.notFound, "no SKP \(request.skpID)") }
            let inForce = SkpVersioning.versionInForce(versions)
            try ExpectationAmendmentRules.checkAmendable(
                inForce: inForce, latestState: latest.state,
                existing: try inForce.map { try AmendmentRecords.count(skpID: $0.skpID, version: $0.version, in: db) } ?? 0)
            guard let version = inForce else { throw RPCError(.internal, "no approved version after the check") }
            let rhkIDs = Set(version.rhks.map(\.rhkID))
            if let (index, unknown) = request.expectations.enumerated().first(where: { !$0.element.rhkID.isEmpty && !rhkIDs.contains($0.element.rhkID) }) {
                throw RPCError(.notFound, "expectations[\(index)].rhk_id: RHK \(unknown.rhkID) is not in the approved version \(version.version)")
            }
            let violations = ExpectationAmendmentRules.violations(request.expectations, reason: request.reason, rhkIDs: rhkIDs)
            if !violations.isEmpty { throw Invalid.fields(violations) }
            let amendment = Planning.ExpectationAmendment(
                amendmentID: amendmentID, version: version.version,
                expectations: request.expectations.map { var e = $0; e.setBy = stamp(actor); return e },
                reason: request.reason, amended: stamp(actor))
            try AmendmentRecords.insert(amendment, skpID: version.skpID, in: db)
            try audit(db, context, actor, target: "skp/\(version.skpID)",
                      detail: "amended the ekspektasi khusus of v\(version.version) (\(amendment.expectations.count)): \(request.reason)")
            return Planning.AmendBehaviourExpectationsResponse(amendment: amendment)
        }
    }
}
