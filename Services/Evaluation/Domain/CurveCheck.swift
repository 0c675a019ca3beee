public import KinerjaProto

/// A unit's current distribution against the quotas its organisation rating sets: the breaches,
/// what is still needed while rating goes on, and the `CurveStatus` the service returns.
///
/// Rules (`evaluation.proto` CurveStatus):
/// - an **upper bound** is breached as soon as the rated employees holding the predikat exceed
///   the maximum;
/// - a **lower bound** is breached only once every employee is rated; before that it is "still
///   needed" (or "cannot be met any more" when fewer employees are unrated than still needed),
///   which the note says;
/// - the check is **compliant** when everyone is rated and nothing is breached.
public struct CurveCheck: Sendable, Hashable {
    /// How one quota stands.
    public enum Standing: Sendable, Hashable {
        /// Within both bounds (or a lower bound already met).
        case met
        /// More than the maximum: a breach.
        case overMaximum(by: Int)
        /// Everyone is rated and fewer than the minimum: a breach.
        case underMinimum(by: Int)
        /// Not everyone is rated; `needed` more are required and can still come from the unrated.
        case stillNeeded(Int)
        /// Not everyone is rated, but even all the unrated could not reach the minimum.
        case unreachable(needed: Int, unrated: Int)

        /// True for a breach.
        public var isBreach: Bool {
            switch self {
            case .overMaximum, .underMinimum: true
            case .met, .stillNeeded, .unreachable: false
            }
        }
    }

    /// One quota and its current count.
    public struct Progress: Sendable, Hashable {
        /// The quota.
        public var quota: CurveQuota
        /// Rated employees holding the quota's predikat.
        public var count: Int
        /// Where it stands.
        public var standing: Standing
    }

    /// The organisation rating that sets the curve.
    public let organisationRating: Common.OrganisationRating
    /// The curve's denominator N (after population adjustments).
    public let population: Int
    /// The predikat given so far.
    public let distribution: PredikatDistribution
    /// The quotas for N; empty while the organisation rating is undecided.
    public let quotas: [CurveQuota]
    /// Each quota with its count and standing.
    public let progress: [Progress]

    /// Checks `distribution` against the curve `organisationRating` sets for `population`.
    ///
    /// - Throws: ``EvaluationRuleError/distributionInvalid(_:)`` when more employees are rated than
    ///   the population holds, or the population is negative.
    public init(organisationRating: Common.OrganisationRating, population: Int,
                distribution: PredikatDistribution) throws(EvaluationRuleError) {
        guard population >= 0 else { throw .distributionInvalid("the population must not be negative, got \(population)") }
        guard distribution.rated <= population else {
            throw .distributionInvalid("\(distribution.rated) employees are rated but the curve's population is \(population)")
        }
        self.organisationRating = organisationRating
        self.population = population
        self.distribution = distribution
        let quotas = DistributionCurve.quotas(for: organisationRating, population: population)
        self.quotas = quotas
        let unrated = population - distribution.rated
        progress = quotas.map { quota in
            let count = distribution.count(of: quota.rule.predikats)
            let standing: Standing
            if count > quota.maxCount {
                standing = .overMaximum(by: count - quota.maxCount)
            } else if count >= quota.minCount {
                standing = .met
            } else if unrated == 0 {
                standing = .underMinimum(by: quota.minCount - count)
            } else if quota.minCount - count > unrated {
                standing = .unreachable(needed: quota.minCount - count, unrated: unrated)
            } else {
                standing = .stillNeeded(quota.minCount - count)
            }
            return Progress(quota: quota, count: count, standing: standing)
        }
    }

    /// Employees not rated yet.
    public var unrated: Int { population - distribution.rated }

    /// True once the organisation rating is decided, everyone is rated and nothing is breached.
    public var isCompliant: Bool {
        !quotas.isEmpty && unrated == 0 && !progress.contains { $0.standing.isBreach }
    }

    /// Every breached bound with the rule, the count and the limit, explained in English and Indonesian.
    ///
    /// - Parameters: `unitID`, `period`: copied into each breach (the period may be nil for a semester).
    public func breaches(unitID: String = "", period: Common.Period? = nil) -> [Common.CurveBreach] {
        let rated = distribution.rated
        return progress.compactMap { item -> Common.CurveBreach? in
            guard item.standing.isBreach else { return nil }
            var breach = Common.CurveBreach()
            breach.unitID = unitID
            breach.period = period
            breach.organisationRating = organisationRating
            breach.bound = item.quota.bound
            breach.actualCount = UInt32(clamping: item.count)
            breach.actualPercent = rated > 0 ? Double(item.count) * 100 / Double(rated) : 0
            breach.population = UInt32(clamping: rated)
            let (english, indonesian) = Self.explain(item, rated: rated)
            breach.explanation = english.truncated(to: EvaluationLimits.breachExplanationMaximum)
            breach.explanationID = indonesian.truncated(to: EvaluationLimits.breachExplanationMaximum)
            return breach
        }
    }

    /// "8 of 10 rated (80%) are Sangat Baik; at most 7 of 10 allowed (…)" and its Indonesian.
    static func explain(_ item: Progress, rated: Int) -> (String, String) {
        let quota = item.quota
        let share = Figures.percent(rated > 0 ? Double(item.count) * 100 / Double(rated) : 0)
        let n = quota.population
        let names = quota.rule.predikatNames
        let namesID = quota.rule.predikatNamesID
        let verb = item.count == 1 ? "is" : "are"
        switch item.standing {
        case .overMaximum:
            let limit = quota.maxCount == 0 ? "none allowed" : "at most \(quota.maxCount) of \(n) allowed"
            let limitID = quota.maxCount == 0 ? "tidak boleh ada" : "paling banyak \(quota.maxCount) dari \(n)"
            return ("\(item.count) of \(rated) rated (\(share)) \(verb) \(names); \(limit) (\(quota.rule.text))",
                    "\(item.count) dari \(rated) pegawai yang dinilai (\(share)) \(namesID); \(limitID) (\(quota.rule.textID))")
        default:
            return ("\(item.count) of \(rated) rated (\(share)) \(verb) \(names); at least \(quota.minCount) of \(n) required (\(quota.rule.text))",
                    "\(item.count) dari \(rated) pegawai yang dinilai (\(share)) \(namesID); paling sedikit \(quota.minCount) dari \(n) (\(quota.rule.textID))")
        }
    }

    /// Remarks while rating: how many are unrated, what is still needed or can no longer be met,
    /// and which bounds were adjusted for a small unit.
    public var note: String {
        guard !quotas.isEmpty else {
            return "organisation rating not decided: no quotas yet"
        }
        var parts: [String] = []
        if unrated > 0 { parts.append("\(unrated) employee\(unrated == 1 ? "" : "s") unrated") }
        for item in progress {
            switch item.standing {
            case .stillNeeded(let needed):
                parts.append("at least \(needed) more \(item.quota.rule.predikatNames) still needed")
            case .unreachable(let needed, let unrated):
                parts.append("\(item.quota.rule.text) cannot be met any more: \(needed) more needed, \(unrated) unrated")
            case .met, .overMaximum, .underMinimum:
                break
            }
            if let adjustment = item.quota.adjustment { parts.append("\(item.quota.rule.predikatNames): \(adjustment)") }
        }
        if parts.isEmpty { parts.append(isCompliant ? "all rated; the curve holds" : "the curve holds so far") }
        return parts.joined(separator: "; ").truncated(to: EvaluationLimits.curveNoteMaximum)
    }

    /// The curve as `GetCurve` returns it: quotas, distribution, breaches, compliance and note.
    ///
    /// Available before any rating (then the distribution is all unrated). The caller fills
    /// `period_id`, `excluded_count` and `span`.
    public func status(unitID: String = "", period: Common.Period? = nil) -> Evaluation.CurveStatus {
        var status = Evaluation.CurveStatus()
        status.unitID = unitID
        status.period = period
        status.organisationRating = organisationRating
        status.population = UInt32(clamping: population)
        status.ratedCount = UInt32(clamping: distribution.rated)
        status.quotas = quotas.map(\.bound)
        status.distribution = distribution.predikatCounts(population: population)
        status.breaches = breaches(unitID: unitID, period: period)
        status.compliant = isCompliant
        status.note = note
        return status
    }
}
