/// Every text length limit of the evaluation rules, in one place.
///
/// Each value is the one `evaluation.proto` states in the comment of the field it limits (a test
/// reads the proto and checks they agree). Lengths count Unicode scalars of the text with
/// leading and trailing whitespace trimmed, so a reason of spaces is empty.
public enum EvaluationLimits {
    /// A rating's reason when it is required (`RatingDecision.reason`, `SetHasilKerjaRatingRequest.reason`).
    public static let ratingReason = 10...2000
    /// The reason accepting curve breaches at finalisation (`FinalisePeriodRequest.override_reason`, `CurveOverride.reason`).
    public static let curveOverrideReason = 20...2000
    /// The reason for reopening a finalised period (`ReopenPeriodRequest.reason`).
    public static let reopenReason = 20...2000
    /// The basis of an organisation rating (`SetOrganisationRatingRequest.reason`).
    public static let organisationRatingReason = 1...2000
    /// Longest reference document of an organisation rating (`OrganisationRatingRecord.reference`).
    public static let organisationRatingReferenceMaximum = 200
    /// The atasan's note on one BerAKHLAK value (`PerilakuValueNote.note`).
    public static let perilakuNote = 1...1000
    /// Most notes per evaluation, one per BerAKHLAK value (`EmployeeEvaluation.perilaku_notes`).
    public static let perilakuNotesMaximum = 7
    /// Longest note on a judgement of an ekspektasi khusus (`ExpectationJudgement.note`; optional).
    public static let expectationNoteMaximum = 1000
    /// Most judgements per evaluation, one per BerAKHLAK value (`SetExpectationJudgementsRequest.judgements`).
    public static let expectationJudgementsMaximum = 7
    /// The note on a rated descriptive target (`QualitativeIkiRating.note`).
    public static let qualitativeNote = 1...1000
    /// Most rated descriptive targets per request (`RateQualitativeIkisRequest.ratings`).
    public static let qualitativeRatingsMaximum = 100
    /// The basis of a population adjustment (`PopulationAdjustment.note`).
    public static let populationNote = 1...500
    /// Longest explanation of a population adjustment (`PopulationAdjustment.explanation`).
    public static let populationExplanationMaximum = 500
    /// Longest proposal explanation (`HasilKerjaProposal.explanation`, `PerilakuProposal.explanation`).
    public static let proposalExplanationMaximum = 1000
    /// Longest per-IKI or per-value reason (`IkiAssessment.reason`, `PerilakuValueAssessment.reason`).
    public static let assessmentReasonMaximum = 500
    /// Longest breach explanation, in each language (`CurveBreach.explanation`, `CurveBreach.explanation_id`).
    public static let breachExplanationMaximum = 500
    /// Longest rule text and adjustment note of a bound (`CurveBound.rule_text`, `CurveBound.adjustment`).
    public static let ruleTextMaximum = 300
    /// Longest curve note (`CurveStatus.note`).
    public static let curveNoteMaximum = 1000
    /// Longest description of a proposal rule (`ProposalRule.description`).
    public static let proposalRuleDescriptionMaximum = 1000
    /// Longest SIASN id in the reference table (`SiasnReferenceCode.code`).
    public static let siasnCodeMaximum = 64
    /// Most codes in one SIASN reference table (`SiasnReferenceTable.codes`; a version travels whole in one message).
    public static let siasnCodesMaximum = 20_000
    /// Longest note of where SIASN's codes were read (`SiasnReferenceTable.source`).
    public static let siasnSourceMaximum = 200
}
