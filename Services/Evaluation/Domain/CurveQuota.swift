public import KinerjaProto

/// One curve rule as head counts for a unit of `population` employees: the rounding rule.
///
/// The SE gives percents; a unit has whole employees. Our rule (the SE is silent; DOMAIN.md asks
/// for it to be written down), checked against its wording for every N:
///
/// 1. **"maksimal p%" rounds down**: `max = ⌊p·N/100⌋`. A share above p% breaks "maksimal" however
///    small the unit (1 Sangat Baik of 9 is 11% > 10%).
/// 2. **Except the majority's cap never rounds below one**: the 70% caps of Istimewa (Sangat Baik)
///    and Baik (Baik) describe the predikat held by "sebagian besar" (most) of the unit, so at
///    least one employee may hold it. This changes only N = 1, where ⌊0.7⌋ = 0 would forbid a
///    one-person Istimewa unit's Sangat Baik and a one-person Baik unit's Baik.
/// 3. **"minimal p%" rounds up**: `min = ⌈p·N/100⌉` (1 of 2 is 50% < 60%).
/// 4. **"harus ada" is one employee** for N ≥ 1.
/// 5. **Small units: the majority comes first.** A differentiation bound (Baik's "harus ada"
///    Butuh Perbaikan/Kurang, Kurang's "minimal 10%" Butuh Perbaikan, Sangat Kurang's "harus ada
///    minimal 10%" Kurang/Butuh Perbaikan) is lowered to the employees left once the majority's
///    own seats are counted (`⌈60%⌉` for the 60% rules, one for the 70% caps). It is lowered only
///    when N is too small for both: a Baik unit of 1, and Kurang and Sangat Kurang units of 1 and
///    2 (⌈0.6·2⌉ = 2 leaves no one). The SE's sentence ("most …, there must be …, the others …")
///    presupposes room for both; forcing the only employee of a Baik unit below Baik would
///    punish a person for the unit's size. The lowered bound is shown with its reason
///    (`CurveBound.adjustment`), never dropped silently.
/// 6. **"tidak ada"** is `max = 0`. With no upper bound `max = N`; with no lower bound `min = 0`.
///
/// All arithmetic is on integers, so 60% of 5 is exactly 3. With these rules every quota set is
/// satisfiable for every N ≥ 0 (tested for N = 0…200).
public struct CurveQuota: Sendable, Hashable {
    /// The rule.
    public var rule: CurveRule
    /// The unit's curve denominator N.
    public var population: Int
    /// Fewest employees allowed with the rule's predikat.
    public var minCount: Int
    /// Most employees allowed with the rule's predikat.
    public var maxCount: Int
    /// Why the counts differ from plain rounding (rules 2 and 5), in English; nil when they do not.
    public var adjustment: String?
    /// The same in Indonesian.
    public var adjustmentID: String?

    init(rule: CurveRule, population n: Int, reservedForMajority reserved: Int) {
        self.rule = rule
        self.population = n
        switch rule.bound {
        case .atMostPercent(let p):
            let plain = Self.floorPercent(p, of: n)
            minCount = 0
            maxCount = plain
            if rule.role == .majority, plain == 0, n >= 1 {
                maxCount = 1
                adjustment = "raised from 0 to 1: \(p)% of \(n) rounds down to 0, but the predikat \"sebagian besar\" (most) of the unit hold is open to at least one employee"
                adjustmentID = "dinaikkan dari 0 menjadi 1: \(p)% dari \(n) dibulatkan ke bawah menjadi 0, padahal predikat \"sebagian besar\" pegawai boleh dimiliki paling sedikit satu pegawai"
            }
        case .atLeastPercent(let p):
            maxCount = n
            minCount = Self.ceilPercent(p, of: n)
        case .atLeastOne:
            maxCount = n
            minCount = n >= 1 ? 1 : 0
        case .noneAllowed:
            minCount = 0
            maxCount = 0
        }
        if rule.role == .differentiation {
            let room = max(0, n - reserved)
            if minCount > room {
                let plain = minCount
                minCount = room
                adjustment = "lowered from \(plain) to \(room): a unit of \(n) has \(room) employee(s) left once the organisation's own predikat has its \(reserved)"
                adjustmentID = "diturunkan dari \(plain) menjadi \(room): unit berisi \(n) pegawai hanya menyisakan \(room) pegawai setelah predikat organisasi sendiri mendapat \(reserved)"
            }
        }
    }

    /// Seats a majority rule reserves for the organisation's own predikat (rule 5).
    static func reservedSeats(_ rule: CurveRule, population n: Int) -> Int {
        switch rule.bound {
        case .atLeastPercent(let p): ceilPercent(p, of: n)
        case .atMostPercent: min(1, n)
        case .atLeastOne: min(1, n)
        case .noneAllowed: 0
        }
    }

    /// ⌊p·n/100⌋ on integers.
    static func floorPercent(_ p: Int, of n: Int) -> Int { p * n / 100 }
    /// ⌈p·n/100⌉ on integers.
    static func ceilPercent(_ p: Int, of n: Int) -> Int { (p * n + 99) / 100 }

    /// True when `count` employees with the rule's predikat respect both bounds.
    public func allows(_ count: Int) -> Bool { count >= minCount && count <= maxCount }

    /// True when the rule has a lower bound for this population.
    public var hasLowerBound: Bool { minCount > 0 }

    /// The quota as the contract carries it (`CurveStatus.quotas`).
    public var bound: Common.CurveBound {
        var bound = Common.CurveBound()
        bound.predikat = rule.predikats.first ?? .unspecified
        bound.alsoPredikat = rule.predikats.count > 1 ? rule.predikats[1] : .unspecified
        switch rule.bound {
        case .atMostPercent(let p):
            bound.minPercent = 0
            bound.maxPercent = Double(p)
        case .atLeastPercent(let p):
            bound.minPercent = Double(p)
            bound.maxPercent = 100
        case .atLeastOne:
            bound.minPercent = 0
            bound.maxPercent = 100
        case .noneAllowed:
            bound.minPercent = 0
            bound.maxPercent = 0
        }
        bound.minCount = UInt32(clamping: minCount)
        bound.maxCount = UInt32(clamping: maxCount)
        bound.ruleText = rule.text.truncated(to: EvaluationLimits.ruleTextMaximum)
        bound.ruleTextID = rule.textID.truncated(to: EvaluationLimits.ruleTextMaximum)
        bound.adjustment = (adjustment ?? "").truncated(to: EvaluationLimits.ruleTextMaximum)
        return bound
    }
}
