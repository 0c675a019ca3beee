public import KinerjaProto
import Foundation
import GRDB
import KinerjaService

/// The approval stamp (`Skp.approval`): who approved as which kind of pejabat penilai, when,
/// which version, and the SHA-256 of the signed body (``SkpDocumentHash``), written with the
/// approval in the same transaction. ApproveSkp calls these two helpers; the decision itself
/// (who may approve) is ``requireDecider(of:)``'s.
extension PlanningHandlers {
    /// The approving caller as the stamp records them: identity's pejabat penilai of the owner
    /// today (atasan langsung, Plt/Plh with the decree, or the non-ASN Kepala Daerah) when that is
    /// the caller; otherwise the caller as identity knows them, with kind UNSPECIFIED.
    func approvingPenilai(of skp: Planning.Skp) async throws -> Common.PenilaiRef {
        let access = try Access.required()
        let caller = access.caller.user?.nip ?? access.caller.principal
        let answer = try await directory.penilai(of: skp.nip, on: today)
        if PenilaiToday.isPenilai(caller, answer) { return PenilaiToday.reference(answer) }
        let employee = try await directory.employee(caller)
        return Common.PenilaiRef(penilai: employee?.reference ?? Common.EmployeeRef(nip: caller), kind: .unspecified,
                                 isAsn: employee.map { $0.asnType != .nonAsn } ?? false,
                                 golongan: employee.map { $0.asnType == .nonAsn ? "" : $0.golongan } ?? "")
    }

    /// `skp` (the version just approved) with its approval stamp, stored.
    static func stampApproval(_ skp: Planning.Skp, penilai: Common.PenilaiRef, actor: PlanningActor, in db: Database) throws -> Planning.Skp {
        var stamped = skp
        stamped.approval = try SkpDocumentHash.approval(of: skp, penilai: penilai, at: actor.stamp.at ?? Common.Timestamp(seconds: actor.now, nanos: 0))
        try SkpRecords.update(stamped, in: db)
        return stamped
    }
}
