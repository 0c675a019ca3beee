public import KinerjaProto
import KinerjaASN

/// Rules for opening evaluation periods (`evaluation.proto` OpenPeriod).
///
/// - A period is a month, a triwulan, a semester or the year (DOMAIN.md: Pemda pay TPP monthly;
///   triwulan evaluations are periodic; the year is the annual evaluation). A `common.Period`
///   names the first three; a semester needs an ``Evaluation/EvaluationSpan``. Both may be given
///   when they name the same days.
/// - It can be opened once it has begun: its first WITA day is not after today (our reading of
///   "not in the future": a period is evaluated during or after it, never before).
/// - **Two periods of the same kind must not overlap for the same employees**: a new period
///   conflicts with an existing one (open or final) of the same kind whose days overlap (for
///   spans of one kind: the same span) and whose population overlaps — the same unit, or one of
///   the two includes its sub-units and the other unit lies in that subtree. Periods of different
///   kinds (a triwulan and the year) coexist.
public enum EvaluationPeriodRules {
    /// A unit population: the unit, whether it includes sub-units, and its ancestors (root first).
    public struct Population: Sendable, Hashable {
        /// Unit id.
        public var unitID: String
        /// True when every sub-unit is included.
        public var includeSubunits: Bool
        /// Ids of the unit's ancestors, from the root down (without the unit itself).
        public var ancestors: [String]

        /// A population.
        public init(unitID: String, includeSubunits: Bool, ancestors: [String] = []) {
            self.unitID = unitID
            self.includeSubunits = includeSubunits
            self.ancestors = ancestors
        }

        /// True when some employee belongs to both populations.
        public func overlaps(_ other: Population) -> Bool {
            unitID == other.unitID
                || (includeSubunits && other.ancestors.contains(unitID))
                || (other.includeSubunits && ancestors.contains(other.unitID))
        }
    }

    /// A period already opened (any state).
    public struct Existing: Sendable, Hashable {
        /// Its population.
        public var population: Population
        /// Its span.
        public var span: Evaluation.EvaluationSpan

        /// An existing period.
        public init(population: Population, span: Evaluation.EvaluationSpan) {
            self.population = population
            self.span = span
        }
    }

    /// The span an OpenPeriod request names by `period`, `span` or both.
    ///
    /// - Throws: ``EvaluationRuleError/periodInvalid(_:)`` when neither is given or one is
    ///   malformed, ``EvaluationRuleError/periodSpanMismatch(period:span:)`` when they differ.
    public static func resolve(period: Common.Period?, span: Evaluation.EvaluationSpan?) throws(EvaluationRuleError) -> Evaluation.EvaluationSpan {
        var fromPeriod: Evaluation.EvaluationSpan?
        if let period {
            guard let converted = Evaluation.EvaluationSpan(period) else {
                throw .periodInvalid("period must be a month (1-12), a triwulan (I-IV) or the year of 2000-2100, with the other fields unset")
            }
            fromPeriod = converted
        }
        var fromSpan: Evaluation.EvaluationSpan?
        if let span {
            let cleaned = Evaluation.EvaluationSpan(year: span.year, kind: span.kind, number: span.number).withDays()
            _ = try cleaned.checkedDays()
            fromSpan = cleaned
        }
        switch (fromPeriod, fromSpan) {
        case (let p?, let s?):
            guard p.kind == s.kind, p.number == s.number, p.year == s.year else {
                throw .periodSpanMismatch(period: p.label, span: s.label)
            }
            return s
        case (let p?, nil): return p
        case (nil, let s?): return s
        case (nil, nil): throw .periodInvalid("a period or a span is required")
        }
    }

    /// Refuses a period that has not begun on `today` (WITA).
    ///
    /// - Throws: ``EvaluationRuleError/periodInFuture(label:firstDay:today:)``.
    public static func checkBegun(_ span: Evaluation.EvaluationSpan, today: Common.Date) throws(EvaluationRuleError) {
        _ = try span.checkedDays()
        guard let first = span.firstDay, !(today < first) else {
            throw .periodInFuture(label: span.label, firstDay: span.firstDay ?? today, today: today)
        }
    }

    /// Refuses a new period of `population` over `span` that overlaps an existing period of the
    /// same kind for some of the same employees.
    ///
    /// - Throws: ``EvaluationRuleError/periodOverlaps(label:unitID:existingUnitID:)`` (ALREADY_EXISTS).
    public static func checkNoOverlap(_ span: Evaluation.EvaluationSpan, population: Population, existing: [Existing]) throws(EvaluationRuleError) {
        for other in existing where other.span.kind == span.kind && other.span.overlaps(span) && other.population.overlaps(population) {
            throw .periodOverlaps(label: span.label, unitID: population.unitID, existingUnitID: other.population.unitID)
        }
    }
}
