public import KinerjaProto

/// Which curve each employee of a period counts in when units inside its scope have their own
/// organisation rating ("nested units each get their own curve").
///
/// *[Inference]* — SE MenPANRB 3/2023 applies the pattern to "the organisation's" employees and
/// says nothing of nesting. The rule (docs/EVALUATION.md 8.6): **each employee counts in exactly
/// one curve, that of the nearest unit enclosing their own (their unit itself first) that has an
/// organisation rating for the span; failing one, the period's own unit.** A Bidang rated within
/// its Dinas therefore has a curve of the Bidang's employees (its Seksi included unless a Seksi is
/// rated too), and the Dinas's curve keeps the employees of no rated sub-unit. Why one curve each:
/// two curves over one person would set two patterns on one predikat (a Bidang rated Butuh
/// Perbaikan needs 60% Butuh Perbaikan while its Istimewa Dinas allows 70% Sangat Baik), and the
/// organisation whose achievement the employee's work is part of is the nearest one rated.
public struct NestedCurves: Sendable, Hashable {
    /// Employees as the grouping needs them: `count` of them in one unit with one predikat (the
    /// store counts them with GROUP BY, so a rating reads a few rows, not the whole period).
    public struct Member: Sendable, Hashable {
        /// The employees' unit (where the period found them).
        public var unitID: String
        /// Their predikat; UNSPECIFIED while unrated.
        public var predikat: Common.Predikat
        /// How many employees of `unitID` hold `predikat`.
        public var count: Int

        /// `count` members (one by default) in `unitID` holding `predikat`.
        public init(unitID: String, predikat: Common.Predikat, count: Int = 1) {
            self.unitID = unitID
            self.predikat = predikat
            self.count = count
        }
    }

    /// One curve: the unit whose organisation rating sets it and the predikat of its members.
    public struct Curve: Sendable, Hashable {
        /// The unit whose curve it is.
        public var unitID: String
        /// Its organisation rating (UNSPECIFIED for the period's own unit while undecided).
        public var organisationRating: Common.OrganisationRating
        /// How many employees counted in it hold each predikat (unrated as UNSPECIFIED).
        public var counts: [Common.Predikat: Int]

        /// The employees counted in it.
        public var population: Int { counts.values.reduce(0, +) }

        /// The predikat of the employees counted in it, one per employee (unrated as UNSPECIFIED).
        public var predikats: [Common.Predikat] {
            counts.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { repeatElement($0, count: counts[$0] ?? 0) }
        }

        /// The check of this curve (``CurveCheck``).
        public func check() throws(EvaluationRuleError) -> CurveCheck {
            try CurveCheck(organisationRating: organisationRating, population: population, distribution: PredikatDistribution(counts: counts))
        }
    }

    /// The period's own unit.
    public let periodUnitID: String
    /// The curves: the period's own first, then each rated unit's, by unit id.
    public let curves: [Curve]

    /// Groups `members` (the counted employees) into curves.
    ///
    /// - Parameters:
    ///   - periodUnitID: the period's unit; its curve has `periodRating` and keeps everyone no rated unit claims.
    ///   - ratings: organisation ratings of units inside the scope other than the period's own.
    ///   - ancestors: a unit's ancestors, parent first (nil for a unit unknown to the tree, whose
    ///     employees then count in the period's own curve).
    public init(periodUnitID: String, periodRating: Common.OrganisationRating, ratings: [String: Common.OrganisationRating],
                members: [Member], ancestors: (String) -> [String]?) {
        self.periodUnitID = periodUnitID
        let rated = ratings.filter { $0.key != periodUnitID && $0.value.isDecided }
        var owner: [String: String] = [:]
        let ratedUnits = Set(rated.keys)
        var grouped: [String: [Common.Predikat: Int]] = [periodUnitID: [:]]
        for unitID in rated.keys { grouped[unitID] = [:] }
        for member in members where member.count > 0 {
            let unit = owner[member.unitID] ?? Self.curveUnit(of: member.unitID, periodUnitID: periodUnitID, rated: ratedUnits, ancestors: ancestors)
            owner[member.unitID] = unit
            grouped[unit, default: [:]][member.predikat, default: 0] += member.count
        }
        curves = [Curve(unitID: periodUnitID, organisationRating: periodRating, counts: grouped[periodUnitID] ?? [:])]
            + rated.keys.sorted().map { Curve(unitID: $0, organisationRating: rated[$0] ?? .unspecified, counts: grouped[$0] ?? [:]) }
    }

    /// The unit whose curve `unitID`'s employees count in: `unitID` itself or its nearest ancestor
    /// below the period's unit that is in `rated`; otherwise the period's unit.
    public static func curveUnit(of unitID: String, periodUnitID: String, rated: Set<String>, ancestors: (String) -> [String]?) -> String {
        for candidate in [unitID] + (ancestors(unitID) ?? []) {
            if candidate == periodUnitID { break }
            if rated.contains(candidate) { return candidate }
        }
        return periodUnitID
    }

    /// True when some unit inside the scope has a curve of its own.
    public var isNested: Bool { curves.count > 1 }

    /// The curve set by `unitID`'s own rating (the period's unit included); nil when it has none.
    public func curve(of unitID: String) -> Curve? {
        curves.first { $0.unitID == unitID }
    }

    /// Every breach of every curve, each naming its unit; with several curves each explanation
    /// starts with the unit's name from `unitName` ("Bidang Pelayanan (KPG.X.Y): 3 of 4 rated …").
    public func breaches(period: Common.Period?, unitName: (String) -> String) throws(EvaluationRuleError) -> [Common.CurveBreach] {
        var out: [Common.CurveBreach] = []
        for curve in curves {
            var breaches = try curve.check().breaches(unitID: curve.unitID, period: period)
            if isNested {
                let name = unitName(curve.unitID)
                for index in breaches.indices {
                    breaches[index].explanation = "\(name): \(breaches[index].explanation)".truncated(to: EvaluationLimits.breachExplanationMaximum)
                    breaches[index].explanationID = "\(name): \(breaches[index].explanationID)".truncated(to: EvaluationLimits.breachExplanationMaximum)
                }
            }
            out += breaches
        }
        return out
    }
}
