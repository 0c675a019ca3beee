public import KinerjaProto
import KinerjaASN

/// Why an evaluation rule refuses something: the one error type of the evaluation domain.
///
/// Thrown (typed) by every rule of this module; one case per rule. It is a ``DomainRuleError``:
/// its ``statusCode`` is the rule's category (INVALID_ARGUMENT for a malformed request,
/// FAILED_PRECONDITION for a state that does not allow the step, ALREADY_EXISTS for an
/// overlapping period), ``reason`` the stable UPPER_SNAKE code and ``message`` the explanation,
/// so the service boundary maps it once. Breaches and field violations travel as structured
/// details (`CurveBreachInfo`, `BadRequest`).
public enum EvaluationRuleError: DomainRuleError, Hashable, CustomStringConvertible {
    // MARK: Ratings

    /// A rating must be Di Atas, Sesuai or Di Bawah Ekspektasi.
    case ratingRequired(aspect: Evaluation.RatingAspect)
    /// A reason is required (`why` says when) and must have `range` characters; it has `count`.
    case reasonRequired(field: String, why: String, count: Int, range: ClosedRange<Int>)
    /// A text is outside its length range (`EvaluationLimits`).
    case textLengthInvalid(field: String, count: Int, range: ClosedRange<Int>)
    /// A Perilaku note names no BerAKHLAK value.
    case perilakuNoteValueRequired(index: Int)
    /// Two Perilaku notes name the same BerAKHLAK value.
    case perilakuNoteDuplicate(Common.BerakhlakValue)
    /// More Perilaku notes than BerAKHLAK values.
    case perilakuNotesTooMany(count: Int, limit: Int)
    /// Too few or too many rated descriptive targets in one request.
    case qualitativeRatingsCount(count: Int, limit: Int)
    /// A rated descriptive target names an IKI the SKP does not have.
    case qualitativeIkiUnknown(ikiID: String)
    /// A rated descriptive target names an IKI twice.
    case qualitativeIkiDuplicate(ikiID: String)
    /// A judgement of an ekspektasi khusus names no BerAKHLAK value (or an unknown one).
    case expectationValueRequired(index: Int)
    /// A judgement of an ekspektasi khusus is not Di Atas, Sesuai or Di Bawah Ekspektasi.
    case expectationJudgementRequired(index: Int)
    /// Two judgements name the same BerAKHLAK value.
    case expectationJudgementDuplicate(Common.BerakhlakValue)
    /// More judgements than BerAKHLAK values.
    case expectationJudgementsTooMany(count: Int, limit: Int)

    // MARK: Periods and the curve

    /// An organisation rating must be Istimewa, Baik, Butuh Perbaikan, Kurang or Sangat Kurang.
    case organisationRatingRequired
    /// A period or span is malformed.
    case periodInvalid(String)
    /// A period that has not begun cannot be opened.
    case periodInFuture(label: String, firstDay: Common.Date, today: Common.Date)
    /// A period and a span given together name different days.
    case periodSpanMismatch(period: String, span: String)
    /// A period of the same kind and span already covers some of the same employees.
    case periodOverlaps(label: String, unitID: String, existingUnitID: String)
    /// A population adjustment is malformed.
    case populationAdjustmentInvalid(field: String, detail: String)
    /// A distribution does not fit its population (more rated than evaluated, or a negative count).
    case distributionInvalid(String)
    /// The employee's SKPs overlap in the period, so their days cannot weigh the IKIs.
    case skpsOverlap(first: String, second: String)

    // MARK: The state machine

    /// Ratings and finalisation wait for the organisation rating (PERSIAPAN).
    case organisationRatingFirst(action: String)
    /// The period is FINALISED: nothing changes until it is reopened.
    case periodFinalised(action: String)
    /// Only a FINALISED period can be reopened.
    case periodNotFinalised(state: Evaluation.EvaluationPeriodState)
    /// The period's state is not one this build knows.
    case periodStateUnknown(Evaluation.EvaluationPeriodState)
    /// Finalisation needs every evaluation rated.
    case evaluationsUnrated(count: Int)
    /// Finalisation with curve breaches needs an override reason.
    case curveBreached([Common.CurveBreach])

    // MARK: Configuration

    /// A proposal rule's thresholds are out of range or inconsistent.
    case proposalRuleInvalid([Common.FieldViolation])
    /// A leniency threshold is out of range.
    case leniencyConfigurationInvalid(String)
    /// An angka kredit koefisien table is malformed.
    case koefisienTableInvalid(String)
    /// The koefisien table has no value for the jenjang.
    case koefisienMissing(Evaluation.JenjangFungsional)
    /// An angka kredit conversion's input is malformed (no predikat, months outside 1–12).
    case angkaKreditInputInvalid(String)
    /// Two conversions of one year cover the same months.
    case angkaKreditPeriodsOverlap(year: Int32, month: Int)
    /// A TPP factor table is malformed.
    case tppTableInvalid(String)
    /// A SIASN reference table is malformed; `field` names where (`codes[3].key`, `codes`, `source`).
    case siasnReferencesInvalid(field: String, detail: String)

    /// Stable machine-readable reason, UPPER_SNAKE.
    public var reason: String {
        switch self {
        case .ratingRequired: "RATING_REQUIRED"
        case .reasonRequired: "REASON_REQUIRED"
        case .textLengthInvalid: "TEXT_LENGTH_INVALID"
        case .perilakuNoteValueRequired: "PERILAKU_NOTE_VALUE_REQUIRED"
        case .perilakuNoteDuplicate: "PERILAKU_NOTE_DUPLICATE"
        case .perilakuNotesTooMany: "PERILAKU_NOTES_TOO_MANY"
        case .qualitativeRatingsCount: "QUALITATIVE_RATINGS_COUNT"
        case .qualitativeIkiUnknown: "QUALITATIVE_IKI_UNKNOWN"
        case .qualitativeIkiDuplicate: "QUALITATIVE_IKI_DUPLICATE"
        case .expectationValueRequired: "EXPECTATION_VALUE_REQUIRED"
        case .expectationJudgementRequired: "EXPECTATION_JUDGEMENT_REQUIRED"
        case .expectationJudgementDuplicate: "EXPECTATION_JUDGEMENT_DUPLICATE"
        case .expectationJudgementsTooMany: "EXPECTATION_JUDGEMENTS_TOO_MANY"
        case .organisationRatingRequired: "ORGANISATION_RATING_REQUIRED"
        case .periodInvalid: "PERIOD_INVALID"
        case .periodInFuture: "PERIOD_IN_FUTURE"
        case .periodSpanMismatch: "PERIOD_SPAN_MISMATCH"
        case .periodOverlaps: "PERIOD_OVERLAPS"
        case .populationAdjustmentInvalid: "POPULATION_ADJUSTMENT_INVALID"
        case .distributionInvalid: "DISTRIBUTION_INVALID"
        case .skpsOverlap: "SKPS_OVERLAP"
        case .organisationRatingFirst: "ORGANISATION_RATING_FIRST"
        case .periodFinalised: "PERIOD_FINALISED"
        case .periodNotFinalised: "PERIOD_NOT_FINALISED"
        case .periodStateUnknown: "PERIOD_STATE_UNKNOWN"
        case .evaluationsUnrated: "EVALUATIONS_UNRATED"
        case .curveBreached: "CURVE_BREACHED"
        case .proposalRuleInvalid: "PROPOSAL_RULE_INVALID"
        case .leniencyConfigurationInvalid: "LENIENCY_THRESHOLD_INVALID"
        case .koefisienTableInvalid: "KOEFISIEN_TABLE_INVALID"
        case .koefisienMissing: "KOEFISIEN_MISSING"
        case .angkaKreditInputInvalid: "ANGKA_KREDIT_INPUT_INVALID"
        case .angkaKreditPeriodsOverlap: "ANGKA_KREDIT_PERIODS_OVERLAP"
        case .tppTableInvalid: "TPP_TABLE_INVALID"
        case .siasnReferencesInvalid: "SIASN_REFERENCES_INVALID"
        }
    }

    /// The status the rule's category maps to.
    public var statusCode: RPCError.Code {
        switch self {
        case .ratingRequired, .reasonRequired, .textLengthInvalid, .perilakuNoteValueRequired, .perilakuNoteDuplicate,
             .perilakuNotesTooMany, .qualitativeRatingsCount, .qualitativeIkiUnknown, .qualitativeIkiDuplicate,
             .expectationValueRequired, .expectationJudgementRequired, .expectationJudgementDuplicate, .expectationJudgementsTooMany,
             .organisationRatingRequired, .periodInvalid, .periodInFuture, .periodSpanMismatch,
             .populationAdjustmentInvalid, .distributionInvalid, .proposalRuleInvalid, .leniencyConfigurationInvalid,
             .koefisienTableInvalid, .angkaKreditInputInvalid, .tppTableInvalid, .siasnReferencesInvalid:
            .invalidArgument
        case .periodOverlaps:
            .alreadyExists
        case .skpsOverlap, .organisationRatingFirst, .periodFinalised, .periodNotFinalised, .periodStateUnknown,
             .evaluationsUnrated, .curveBreached, .koefisienMissing, .angkaKreditPeriodsOverlap:
            .failedPrecondition
        }
    }

    /// What is wrong and what is required, in English.
    public var message: String {
        switch self {
        case .ratingRequired(let aspect):
            "the \(aspect.label) rating must be Di Atas, Sesuai or Di Bawah Ekspektasi"
        case .reasonRequired(let field, let why, let count, let range):
            "\(field) is required \(why) and must be \(range.lowerBound)-\(range.upperBound) characters, got \(count)"
        case .textLengthInvalid(let field, let count, let range):
            "\(field) must be \(range.lowerBound)-\(range.upperBound) characters, got \(count)"
        case .perilakuNoteValueRequired(let index):
            "perilaku_notes[\(index)] must name a BerAKHLAK value"
        case .perilakuNoteDuplicate(let value):
            "\(value.label) has more than one note; give each BerAKHLAK value at most one"
        case .perilakuNotesTooMany(let count, let limit):
            "at most \(limit) Perilaku notes (one per BerAKHLAK value), got \(count)"
        case .qualitativeRatingsCount(let count, let limit):
            "give 1-\(limit) ratings of descriptive targets, got \(count)"
        case .qualitativeIkiUnknown(let id):
            "IKI \(id) is not an IKI of the evaluated SKP"
        case .qualitativeIkiDuplicate(let id):
            "IKI \(id) is rated more than once"
        case .expectationValueRequired(let index):
            "judgements[\(index)] must name one of the seven BerAKHLAK values"
        case .expectationJudgementRequired(let index):
            "judgements[\(index)].judgement must be Di Atas, Sesuai or Di Bawah Ekspektasi"
        case .expectationJudgementDuplicate(let value):
            "\(value.label) is judged more than once; judge each BerAKHLAK value at most once"
        case .expectationJudgementsTooMany(let count, let limit):
            "at most \(limit) judgements (one per BerAKHLAK value), got \(count)"
        case .organisationRatingRequired:
            "the organisation rating must be Istimewa, Baik, Butuh Perbaikan, Kurang or Sangat Kurang"
        case .periodInvalid(let detail):
            detail
        case .periodInFuture(let label, let first, let today):
            "\(label) begins on \(first.isoString), after today (\(today.isoString) WITA); open it once it has begun"
        case .periodSpanMismatch(let period, let span):
            "period (\(period)) and span (\(span)) name different days; give one, or both for the same days"
        case .periodOverlaps(let label, let unit, let existing):
            "\(label) is already open or final for unit \(existing), whose employees overlap unit \(unit)'s; two periods of one kind must not overlap"
        case .populationAdjustmentInvalid(let field, let detail):
            "\(field): \(detail)"
        case .distributionInvalid(let detail):
            detail
        case .skpsOverlap(let first, let second):
            "SKPs \(first) and \(second) cover some of the same days; an employee's SKPs must not overlap"
        case .organisationRatingFirst(let action):
            "the unit's organisation rating must be decided before \(action) (the period is PERSIAPAN)"
        case .periodFinalised(let action):
            "the period is FINALISED; reopen it with a reason before \(action)"
        case .periodNotFinalised(let state):
            "only a FINALISED period can be reopened; this period is \(state.label)"
        case .periodStateUnknown(let state):
            "the period's state \(state.label) is not known to this build"
        case .evaluationsUnrated(let count):
            "\(count) evaluation(s) lack a Hasil Kerja or Perilaku rating; every evaluation must be rated before finalisation"
        case .curveBreached(let breaches):
            "the distribution curve is breached (\(breaches.map(\.explanation).joined(separator: "; "))); fix the ratings or finalise with an override reason (\(EvaluationLimits.curveOverrideReason.lowerBound)-\(EvaluationLimits.curveOverrideReason.upperBound) characters)"
        case .proposalRuleInvalid(let violations):
            "the proposal rule is invalid: " + violations.map { "\($0.field): \($0.description)" }.joined(separator: "; ")
        case .leniencyConfigurationInvalid(let detail):
            detail
        case .koefisienTableInvalid(let detail):
            detail
        case .koefisienMissing(let jenjang):
            "the koefisien table has no annual koefisien for \(jenjang.label)"
        case .angkaKreditInputInvalid(let detail):
            detail
        case .angkaKreditPeriodsOverlap(let year, let month):
            "two conversions of \(year) both cover month \(month); convert one periodic kind per year (an annual conversion replaces them)"
        case .tppTableInvalid(let detail):
            detail
        case .siasnReferencesInvalid(let field, let detail):
            "\(field): \(detail)"
        }
    }

    /// The rule's status with its reason, plus the breaches (`CurveBreachInfo`) or the field
    /// violations (`BadRequest`) as structured details where the case carries them.
    public var rpcStatus: RPCError? {
        var extra: [RPC.StatusDetail] = []
        switch self {
        case .curveBreached(let breaches):
            var detail = RPC.StatusDetail()
            detail.detail = .curveBreach(RPC.CurveBreachInfo(breaches: breaches))
            extra.append(detail)
        case .proposalRuleInvalid(let violations):
            var detail = RPC.StatusDetail()
            detail.detail = .badRequest(RPC.BadRequest(fieldViolations: violations))
            extra.append(detail)
        default:
            break
        }
        return RPCError(statusCode, message, reason: reason, details: extra)
    }

    /// Reason and message (for logs and test output).
    public var description: String { "\(reason): \(message)" }
}
