public import KinerjaProto
import KinerjaASN
import KinerjaCrypto

/// What the demo loader adds once identity's data is in a demo SKP (issue 11): the pejabat
/// penilai as identity names them — the atasan langsung, the Plt of a vacant head position, the
/// non-ASN Wali Kota for the Sekretaris Daerah — recorded at submission, deciding in their own
/// name, and on an approved version the approval stamp with the SHA-256 of the signed body
/// (``SkpDocumentHash``), computed over the body as stored (identity's unit ids and names
/// included), so the demo's stamps verify like real ones.
public enum DemoSkpStamps {
    /// `skp` decided by `penilai`: on a submitted version the penilai and `atasan_nip` recorded,
    /// the ekspektasi khusus and the decision stamp in the penilai's name, and on an approved one the approval stamp at the
    /// decision. A draft, or no penilai, leaves it as it is.
    public static func decided(_ skp: Planning.Skp, by penilai: Common.PenilaiRef?) -> Planning.Skp {
        guard skp.state != .draft, let penilai, let official = penilai.penilai, !official.nip.isEmpty else { return skp }
        var result = skp
        result.penilai = penilai
        result.atasanNIP = official.nip
        if result.decided != nil { result.decided?.principal = official.nip }
        for index in result.behaviourExpectations.indices { result.behaviourExpectations[index].setBy?.principal = official.nip }
        if result.state == .disetujui || result.state == .diganti, let at = result.decided?.at {
            result.approval = try? SkpDocumentHash.approval(of: result, penilai: penilai, at: at)
        }
        return result
    }

    /// `amendment` made by `penilai` (the amendment and each expectation it sets in their name).
    public static func amendment(_ amendment: Planning.ExpectationAmendment, by penilai: Common.PenilaiRef?) -> Planning.ExpectationAmendment {
        guard let nip = penilai?.penilai?.nip, !nip.isEmpty else { return amendment }
        var result = amendment
        result.amended?.principal = nip
        for index in result.expectations.indices { result.expectations[index].setBy?.principal = nip }
        return result
    }

    /// The penilai reference of an atasan langsung as identity knows them (an SKP of a previous
    /// position, whose penilai identity no longer names today).
    public static func atasan(_ employee: Identity.Employee) -> Common.PenilaiRef {
        Common.PenilaiRef(penilai: employee.reference, kind: employee.asnType == .nonAsn ? .external : .atasanLangsung,
                          isAsn: employee.asnType != .nonAsn, golongan: employee.asnType == .nonAsn ? "" : employee.golongan)
    }
}
