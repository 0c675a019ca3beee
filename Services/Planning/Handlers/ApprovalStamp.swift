import KinerjaASN
import KinerjaCrypto
public import KinerjaProto
import Foundation
import GRDB
import KinerjaService

/// The approval stamp (`Skp.approval`): who approved as which kind of pejabat penilai, when,
/// which version, and the SHA-256 of the signed body (``SkpDocumentHash``), written with the
/// approval in the same transaction. ApproveSkp calls it with the penilai
/// ``requireDecider(of:)`` confirmed.
extension PlanningHandlers {
    /// `skp` (the version just approved) with its approval stamp, stored.
    static func stampApproval(_ skp: Planning.Skp, penilai: Common.PenilaiRef, actor: PlanningActor, in db: Database) throws -> Planning.Skp {
        var stamped = skp
        stamped.approval = try SkpDocumentHash.approval(of: skp, penilai: penilai, at: actor.stamp.at ?? Common.Timestamp(seconds: actor.now, nanos: 0))
        try SkpRecords.update(stamped, in: db)
        return stamped
    }
}
