public import KinerjaProto

/// The finalisation workflow of one evaluation period as a value: a state machine whose
/// `mutating` steps return what happened or throw the broken rule (`evaluation.proto`
/// EvaluationPeriodState, SetOrganisationRating, FinalisePeriod, ReopenPeriod).
///
/// - PERSIAPAN → PENILAIAN when the organisation rating is decided (it may change during
///   PENILAIAN; the quotas and the unit leader's proposal follow);
/// - ratings are entered only in PENILAIAN: before the organisation rating they are refused
///   (its quotas must be visible first), after finalisation too;
/// - PENILAIAN → FINALISED when every evaluation is rated and the curve holds, or its breaches
///   are accepted with an override reason (20–2000 characters, audited); a breach without an
///   override is refused, with the breaches;
/// - FINALISED → PENILAIAN by reopening with a reason (20–2000 characters): the finalisation's
///   records are marked superseded; the next finalisation adds a new record.
/// - proposals, population adjustments, recommendations and ratings of descriptive targets change
///   an open period (PERSIAPAN or PENILAIAN) only; a FINALISED period is refused until reopened.
///
/// Arguments are checked first (INVALID_ARGUMENT), then the state (FAILED_PRECONDITION).
public struct PeriodLifecycle: Sendable, Hashable {
    /// One finalisation and, once reopened, why.
    public struct Finalisation: Sendable, Hashable {
        /// 1 for the first, then 2, 3, … after each reopening.
        public var number: UInt32
        /// Breaches accepted by the override; empty when the curve held.
        public var acceptedBreaches: [Common.CurveBreach]
        /// The override reason; empty when the curve held.
        public var overrideReason: String
        /// True once the period was reopened after it.
        public var superseded: Bool
        /// Why it was reopened; empty while current.
        public var reopenReason: String
    }

    /// Something that happens to the period.
    public enum Event: Sendable, Hashable {
        /// The pimpinan decides (or changes) the organisation rating, with the basis (1–2000
        /// characters) and a reference document (at most 200 characters).
        case setOrganisationRating(Common.OrganisationRating, reason: String, reference: String = "")
        /// An atasan enters or changes a rating of an evaluation in the period.
        case enterRating
        /// The pimpinan above the unit finalises: `unrated` evaluations still lack a rating; `breaches` are
        /// the curve's current breaches; `overrideReason` accepts them (empty = none).
        case finalise(unrated: Int, breaches: [Common.CurveBreach], overrideReason: String = "")
        /// Reopen a finalised period for corrections (reason 20–2000 characters).
        case reopen(reason: String)
        /// Anything else that changes an open period's evaluations or population — proposals, a
        /// population adjustment, a recommendation, a rated descriptive target — named by `action`
        /// for the refusal ("adjusting the population"): allowed while PERSIAPAN or PENILAIAN.
        case change(action: String)
    }

    /// What a step did, for the caller to persist and audit.
    public enum Action: Sendable, Hashable {
        /// The organisation rating changed from `from` to `to`; `ratingOpened` when the period
        /// moved PERSIAPAN → PENILAIAN. The caller recomputes the quotas and the unit leader's proposal.
        case organisationRatingSet(from: Common.OrganisationRating, to: Common.OrganisationRating, ratingOpened: Bool)
        /// The rating may be stored.
        case ratingAccepted
        /// The period is FINALISED as finalisation `number`; `acceptedBreaches` were overridden.
        case finalised(number: UInt32, acceptedBreaches: [Common.CurveBreach])
        /// The period is back in PENILAIAN; finalisation `superseded` and its records are superseded.
        case reopened(superseded: UInt32)
        /// The change may be stored.
        case changeAccepted
    }

    /// Current state.
    public private(set) var state: Evaluation.EvaluationPeriodState
    /// Current organisation rating; UNSPECIFIED while PERSIAPAN.
    public private(set) var organisationRating: Common.OrganisationRating
    /// Every finalisation, oldest first.
    public private(set) var finalisations: [Finalisation]

    /// A newly opened period: PERSIAPAN, no organisation rating.
    public init() {
        state = .persiapan
        organisationRating = .unspecified
        finalisations = []
    }

    /// A period as stored.
    public init(state: Evaluation.EvaluationPeriodState, organisationRating: Common.OrganisationRating, finalisations: [Finalisation] = []) {
        self.state = state
        self.organisationRating = organisationRating
        self.finalisations = finalisations
    }

    /// Times the period was reopened.
    public var reopenCount: Int { finalisations.filter(\.superseded).count }

    /// Applies `event`.
    ///
    /// - Throws: ``EvaluationRuleError`` naming the broken rule; nothing changes then.
    @discardableResult
    public mutating func apply(_ event: Event) throws(EvaluationRuleError) -> Action {
        switch event {
        case .setOrganisationRating(let rating, let reason, let reference):
            guard rating.isDecided else { throw .organisationRatingRequired }
            try Self.check(reason, field: "reason", range: EvaluationLimits.organisationRatingReason, why: "as the basis of an organisation rating")
            try Self.check(reference, field: "reference", range: 0...EvaluationLimits.organisationRatingReferenceMaximum, why: "")
            switch state {
            case .persiapan, .penilaian:
                let opened = state == .persiapan
                let from = organisationRating
                organisationRating = rating
                state = .penilaian
                return .organisationRatingSet(from: from, to: rating, ratingOpened: opened)
            case .finalised: throw .periodFinalised(action: "changing the organisation rating")
            case .unspecified, .unrecognized: throw .periodStateUnknown(state)
            }

        case .enterRating:
            switch state {
            case .penilaian: return .ratingAccepted
            case .persiapan: throw .organisationRatingFirst(action: "entering ratings")
            case .finalised: throw .periodFinalised(action: "entering or changing a rating")
            case .unspecified, .unrecognized: throw .periodStateUnknown(state)
            }

        case .finalise(let unrated, let breaches, let overrideReason):
            let override = overrideReason.trimmed
            if !override.isEmpty { try Self.check(override, field: "override_reason", range: EvaluationLimits.curveOverrideReason, why: "to accept curve breaches") }
            switch state {
            case .penilaian: break
            case .persiapan: throw .organisationRatingFirst(action: "finalising")
            case .finalised: throw .periodFinalised(action: "finalising again")
            case .unspecified, .unrecognized: throw .periodStateUnknown(state)
            }
            guard unrated <= 0 else { throw .evaluationsUnrated(count: unrated) }
            guard breaches.isEmpty || !override.isEmpty else { throw .curveBreached(breaches) }
            let number = UInt32(finalisations.count + 1)
            finalisations.append(Finalisation(number: number, acceptedBreaches: breaches,
                                              overrideReason: breaches.isEmpty ? "" : override, superseded: false, reopenReason: ""))
            state = .finalised
            return .finalised(number: number, acceptedBreaches: breaches)

        case .reopen(let reason):
            try Self.check(reason, field: "reason", range: EvaluationLimits.reopenReason, why: "to reopen a finalised period")
            switch state {
            case .finalised: break
            case .persiapan, .penilaian: throw .periodNotFinalised(state: state)
            case .unspecified, .unrecognized: throw .periodStateUnknown(state)
            }
            guard let last = finalisations.indices.last else { throw .periodNotFinalised(state: state) }
            finalisations[last].superseded = true
            finalisations[last].reopenReason = reason.trimmed
            state = .penilaian
            return .reopened(superseded: finalisations[last].number)

        case .change(let action):
            switch state {
            case .persiapan, .penilaian: return .changeAccepted
            case .finalised: throw .periodFinalised(action: action)
            case .unspecified, .unrecognized: throw .periodStateUnknown(state)
            }
        }
    }

    /// Refuses `text` outside `range` (trimmed, in Unicode scalars).
    static func check(_ text: String, field: String, range: ClosedRange<Int>, why: String) throws(EvaluationRuleError) {
        let length = text.trimmedLength
        guard range.contains(length) else {
            if range.lowerBound > 0, length < range.lowerBound {
                throw .reasonRequired(field: field, why: why, count: length, range: range)
            }
            throw .textLengthInvalid(field: field, count: length, range: range)
        }
    }
}
