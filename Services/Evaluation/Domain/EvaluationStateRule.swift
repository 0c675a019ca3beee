public import KinerjaProto

/// One employee's evaluation state follows from what it holds (`evaluation.proto` EvaluationState):
/// PENDING (nothing yet) → PROPOSED (a proposal) → PARTIALLY_RATED (one rating) → RATED (both;
/// the predikat is derived) → FINALISED (with the period). Reopening the period takes a finalised
/// evaluation back to RATED.
public enum EvaluationStateRule {
    /// The state of an evaluation holding these facts.
    public static func state(hasProposal: Bool, hasilKerja: Common.Rating, perilaku: Common.Rating, finalised: Bool) -> Evaluation.EvaluationState {
        if finalised, hasilKerja.isRated, perilaku.isRated { return .finalised }
        switch (hasilKerja.isRated, perilaku.isRated) {
        case (true, true): return .rated
        case (true, false), (false, true): return .partiallyRated
        case (false, false): return hasProposal ? .proposed : .pending
        }
    }
}
