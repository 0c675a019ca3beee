public import KinerjaProto

/// Who may act as an employee's pejabat penilai on a day, from identity's answer
/// (`IdentityService.GetPejabatPenilai`; DOMAIN.md "Pejabat penilai"):
/// - the atasan langsung, a Plt or Plh acting for the atasan's position by decree during its
///   range, or the non-ASN Kepala Daerah (EXTERNAL) for the Sekretaris Daerah;
/// - nobody when identity answers NONE (no atasan, the atasan has left, no Plt/Plh): the SKP
///   waits; pengelola kinerja never decide in the penilai's place.
///
/// Planning asks identity for the day in question (today, for amendments and compliance) and
/// never keeps its own copy of the answer beyond the records it stamps (``reference(_:)``).
public enum PenilaiToday {
    /// True when `answer` names somebody who may rate (any kind but NONE and unspecified).
    public static func isValid(_ answer: Identity.PejabatPenilai) -> Bool {
        switch answer.kind {
        case .atasanLangsung, .plt, .plh, .external: answer.penilai.map { !$0.nip.isEmpty } ?? false
        default: false
        }
    }

    /// True when `caller` (a NIP, or a non-ASN official's identifier) is the valid penilai `answer` names.
    public static func isPenilai(_ caller: String, _ answer: Identity.PejabatPenilai) -> Bool {
        isValid(answer) && answer.penilai?.nip == caller
    }

    /// The answer as records keep it (`PenilaiRef`): who, which kind, ASN or not, golongan, decree.
    public static func reference(_ answer: Identity.PejabatPenilai) -> Common.PenilaiRef {
        Common.PenilaiRef(penilai: answer.penilai, kind: answer.kind, isAsn: answer.penilaiIsAsn,
                          golongan: answer.penilaiGolongan, decreeNumber: answer.decreeNumber)
    }
}
