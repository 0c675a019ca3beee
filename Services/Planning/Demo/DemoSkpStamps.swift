public import KinerjaProto
import KinerjaASN

/// What the demo loader adds once identity's data is in a demo SKP (issue 11): the pejabat
/// penilai recorded at submission and the approval stamp with the SHA-256 of the signed body
/// (``SkpDocumentHash``), computed over the body as stored — identity's unit ids and names
/// included, so the demo's stamps verify like real ones.
public enum DemoSkpStamps {
    /// `skp` with `penilai` recorded on a submitted version and, on an approved one, the stamp by that penilai at the decision.
    public static func stamped(_ skp: Planning.Skp, penilai: Common.PenilaiRef?) -> Planning.Skp {
        var result = skp
        guard skp.state != .draft, let penilai else { return result }
        result.penilai = penilai
        if skp.state == .disetujui || skp.state == .diganti, let at = skp.decided?.at {
            result.approval = try? SkpDocumentHash.approval(of: result, penilai: penilai, at: at)
        }
        return result
    }

    /// The penilai reference of an atasan langsung as identity knows them.
    public static func atasan(_ employee: Identity.Employee) -> Common.PenilaiRef {
        Common.PenilaiRef(penilai: employee.reference, kind: .atasanLangsung, isAsn: employee.asnType != .nonAsn,
                          golongan: employee.asnType == .nonAsn ? "" : employee.golongan)
    }

    /// A top SKP (the Sekretaris Daerah's, with no atasan in Kinerja) submitted to and approved by
    /// the penilai identity names (`answer`: the non-ASN Kepala Daerah), on the days after its creation.
    public static func approvedByPenilai(_ skp: Planning.Skp, answer: Identity.PejabatPenilai, latest: Common.Timestamp) -> Planning.Skp {
        guard PenilaiToday.isValid(answer), let official = answer.penilai, let created = skp.created?.at else { return skp }
        var result = skp
        let submittedAt = min(created.seconds + 86_400, latest.seconds)
        let decidedAt = min(created.seconds + 3 * 86_400, latest.seconds)
        result.state = .diajukan
        result.atasanNIP = official.nip
        result.submitted = Common.AuditStamp(principal: skp.nip, principalKind: .user, at: Common.Timestamp(seconds: submittedAt, nanos: 0))
        result.state = .disetujui
        result.decisionNote = "Disetujui"
        result.decided = Common.AuditStamp(principal: official.nip, principalKind: .user, at: Common.Timestamp(seconds: decidedAt, nanos: 0))
        result.revision += 2
        return stamped(result, penilai: PenilaiToday.reference(answer))
    }
}
