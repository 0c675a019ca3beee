public import KinerjaProto

/// The distribution curve (kurva distribusi) of SE MenPANRB 3/2023 as data: the rules an
/// organisation rating sets on its employees' predikat.
///
/// The SE's patterns (pola distribusi), as it words them:
///
/// | organisation rating | rules |
/// |---|---|
/// | Istimewa | "sebagian besar (maksimal 70%)" Sangat Baik; the rest any |
/// | Baik | "sebagian besar (maksimal 70%)" Baik; "harus ada" Butuh Perbaikan and/or Kurang; the rest Sangat Baik or Sangat Kurang |
/// | Butuh Perbaikan | "minimal 60%" Butuh Perbaikan; Sangat Baik "maksimal 10%"; the rest any |
/// | Kurang | "minimal 60%" Kurang; "minimal 10%" Butuh Perbaikan; Sangat Baik "maksimal 10%" |
/// | Sangat Kurang | "minimal 60%" Sangat Kurang; "harus ada minimal 10%" Kurang and/or Butuh Perbaikan; "tidak ada" Sangat Baik |
///
/// "Sebagian besar" (most) is read as the pattern's intent, not as a lower bound: only the 70% cap
/// is enforced (our inference; DOMAIN.md states the same). How the percents become head counts
/// for a unit of N employees is ``CurveQuota``'s rule.
public enum DistributionCurve {
    /// The rules `rating` sets, the organisation's own predikat first; empty when undecided.
    public static func rules(for rating: Common.OrganisationRating) -> [CurveRule] {
        switch rating {
        case .istimewa:
            [CurveRule([.sangatBaik], .atMostPercent(70), .majority, wording: "sebagian besar (maksimal 70%) pegawai Sangat Baik")]
        case .baik:
            [CurveRule([.baik], .atMostPercent(70), .majority, wording: "sebagian besar (maksimal 70%) pegawai Baik"),
             CurveRule([.butuhPerbaikan, .kurang], .atLeastOne, .differentiation,
                       wording: "harus ada pegawai Butuh Perbaikan dan/atau Kurang/misconduct")]
        case .butuhPerbaikan:
            [CurveRule([.butuhPerbaikan], .atLeastPercent(60), .majority, wording: "minimal 60% pegawai Butuh Perbaikan"),
             CurveRule([.sangatBaik], .atMostPercent(10), .cap, wording: "Sangat Baik (maksimal 10%)")]
        case .kurang:
            [CurveRule([.kurang], .atLeastPercent(60), .majority, wording: "minimal 60% pegawai Kurang/misconduct"),
             CurveRule([.butuhPerbaikan], .atLeastPercent(10), .differentiation, wording: "minimal 10% pegawai Butuh Perbaikan"),
             CurveRule([.sangatBaik], .atMostPercent(10), .cap, wording: "Sangat Baik (maksimal 10%)")]
        case .sangatKurang:
            [CurveRule([.sangatKurang], .atLeastPercent(60), .majority, wording: "minimal 60% pegawai Sangat Kurang"),
             CurveRule([.kurang, .butuhPerbaikan], .atLeastPercent(10), .differentiation,
                       wording: "harus ada minimal 10% pegawai Kurang/misconduct dan/atau Butuh Perbaikan"),
             CurveRule([.sangatBaik], .noneAllowed, .cap, wording: "tidak ada pegawai Sangat Baik")]
        case .unspecified, .unrecognized:
            []
        }
    }

    /// The quotas (head counts) `rating` sets for a unit of `population` employees; empty when undecided.
    ///
    /// Shown before any employee is rated (`CurveStatus.quotas`).
    public static func quotas(for rating: Common.OrganisationRating, population: Int) -> [CurveQuota] {
        let rules = rules(for: rating)
        let n = max(0, population)
        // The organisation's own predikat is served first: the head count its rule reserves.
        let reserved = rules.filter { $0.role == .majority }.reduce(0) { $0 + CurveQuota.reservedSeats($1, population: n) }
        return rules.map { CurveQuota(rule: $0, population: n, reservedForMajority: reserved) }
    }
}

/// One rule of the curve: a bound on one predikat, or on two counted together.
public struct CurveRule: Sendable, Hashable {
    /// The kind of bound, in the SE's terms.
    public enum Bound: Sendable, Hashable {
        /// "maksimal p%".
        case atMostPercent(Int)
        /// "minimal p%".
        case atLeastPercent(Int)
        /// "harus ada": at least one employee.
        case atLeastOne
        /// "tidak ada": no employee.
        case noneAllowed
    }

    /// What the rule does in the pattern; decides how it yields in a small unit.
    public enum Role: Sendable, Hashable {
        /// The organisation's own predikat ("sebagian besar …", "minimal 60% …"); served first.
        case majority
        /// A lower bound on other predikat that forces differentiation; yields to the majority.
        case differentiation
        /// A cap on Sangat Baik in a weak unit; never relaxed.
        case cap
    }

    /// The predikat counted (one, or two counted together, e.g. Butuh Perbaikan and/or Kurang).
    public var predikats: [Common.Predikat]
    /// The bound.
    public var bound: Bound
    /// Its role in the pattern.
    public var role: Role
    /// The SE's wording (Indonesian).
    public var wording: String

    /// A rule.
    public init(_ predikats: [Common.Predikat], _ bound: Bound, _ role: Role, wording: String) {
        self.predikats = predikats
        self.bound = bound
        self.role = role
        self.wording = wording
    }

    /// The predikat counted, joined: "Butuh Perbaikan or Kurang".
    var predikatNames: String { predikats.map(\.label).joined(separator: " or ") }
    /// The predikat counted, joined in Indonesian: "Butuh Perbaikan dan/atau Kurang".
    var predikatNamesID: String { predikats.map(\.label).joined(separator: " dan/atau ") }

    /// The rule in English, e.g. "at most 70% Sangat Baik (SE MenPANRB 3/2023)".
    public var text: String {
        let body = switch bound {
        case .atMostPercent(let p): "at most \(p)% \(predikatNames)"
        case .atLeastPercent(let p): "at least \(p)% \(predikatNames)"
        case .atLeastOne: "at least one \(predikatNames)"
        case .noneAllowed: "no \(predikatNames)"
        }
        return body + " (SE MenPANRB 3/2023)"
    }

    /// The rule in Indonesian, e.g. "Sangat Baik paling banyak 70% (SE MenPANRB 3/2023)".
    public var textID: String {
        let body = switch bound {
        case .atMostPercent(let p): "\(predikatNamesID) paling banyak \(p)%"
        case .atLeastPercent(let p): "\(predikatNamesID) paling sedikit \(p)%"
        case .atLeastOne: "harus ada \(predikatNamesID)"
        case .noneAllowed: "tidak ada \(predikatNamesID)"
        }
        return body + " (SE MenPANRB 3/2023)"
    }
}
