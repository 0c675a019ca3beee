public import KinerjaProto

/// The Hasil Kerja of an employee who leads the evaluated unit follows the unit's organisation rating.
///
/// SE MenPANRB 3/2023: when the person evaluated leads the organisation, the organisation's
/// achievement is set as that person's Hasil Kerja rating. The mapping from the five
/// organisation ratings to the three-step scale is **our inference** (DOMAIN.md, moderate
/// confidence): Istimewa → Di Atas; Baik → Sesuai; Butuh Perbaikan, Kurang and Sangat Kurang →
/// Di Bawah. The atasan may still decide otherwise, as an override with a reason.
public enum UnitLeaderRating {
    /// The leader's Hasil Kerja for `organisation`; RATING_UNSPECIFIED while it is undecided.
    public static func hasilKerja(for organisation: Common.OrganisationRating) -> Common.Rating {
        switch organisation {
        case .istimewa: .diAtasEkspektasi
        case .baik: .sesuaiEkspektasi
        case .butuhPerbaikan, .kurang, .sangatKurang: .diBawahEkspektasi
        case .unspecified, .unrecognized: .unspecified
        }
    }

    /// The leader's Hasil Kerja proposal: the mapping, marked as coming from the organisation rating.
    ///
    /// The caller fills `rule_id`, `rule_version`, `computed_at` and `skp_version`.
    public static func proposal(for organisation: Common.OrganisationRating) -> Evaluation.HasilKerjaProposal {
        let rating = hasilKerja(for: organisation)
        var proposal = Evaluation.HasilKerjaProposal()
        proposal.rating = rating
        proposal.fromOrganisationRating = true
        proposal.explanation = rating.isRated
            ? "leads the unit: Hasil Kerja follows the organisation rating \(organisation.label) → \(rating.label) (SE MenPANRB 3/2023; mapping is an inference)"
            : "leads the unit: Hasil Kerja follows the organisation rating, which is not decided yet"
        return proposal
    }
}
