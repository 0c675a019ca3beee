public import KinerjaProto

/// What the Perilaku proposal knows per BerAKHLAK value: the 360° mean (feedback's behaviour
/// summary, only groups that are not withheld), the atasan's ekspektasi khusus (from the SKP) and
/// the atasan's judgement of it.
public struct BehaviourEvidence: Sendable, Hashable {
    /// One value's evidence.
    public struct Value: Sendable, Hashable {
        /// Mean 360° score 1–5; nil when there is none.
        public var meanScore: Double?
        /// Scores behind the mean.
        public var responseCount: Int
        /// The ekspektasi khusus for the value (several joined with "; "); empty when none.
        public var ekspektasiKhusus: String
        /// The atasan's judgement of the ekspektasi khusus; RATING_UNSPECIFIED when not given.
        public var judgement: Common.Rating
        /// The atasan's note on the judgement; empty when none.
        public var judgementNote: String

        /// A value's evidence.
        public init(meanScore: Double? = nil, responseCount: Int = 0, ekspektasiKhusus: String = "", judgement: Common.Rating = .unspecified,
                    judgementNote: String = "") {
            self.meanScore = meanScore
            self.responseCount = responseCount
            self.ekspektasiKhusus = ekspektasiKhusus
            self.judgement = judgement
            self.judgementNote = judgementNote
        }
    }

    /// Evidence per value; missing values have none.
    public var values: [Common.BerakhlakValue: Value]
    /// The 360° round the scores come from; empty without a summary.
    public var roundID: String
    /// True when a 360° summary exists for the period (even if every group is withheld).
    public var hasSummary: Bool
    /// True when a summary exists but all its groups are withheld (fewer raters than the anonymity threshold).
    public var allWithheld: Bool

    /// Evidence from explicit values.
    public init(values: [Common.BerakhlakValue: Value], roundID: String = "", hasSummary: Bool = true, allWithheld: Bool = false) {
        self.values = values
        self.roundID = roundID
        self.hasSummary = hasSummary
        self.allWithheld = allWithheld
    }

    /// Evidence from feedback's summary (nil when there was no 360° round), the SKP's ekspektasi
    /// khusus and the atasan's judgements of them (SetExpectationJudgements).
    public init(summary: Feedback.BehaviourSummary?, expectations: [Planning.BehaviourExpectation] = [],
                judgements: [Evaluation.ExpectationJudgement]) {
        var ratings: [Common.BerakhlakValue: Common.Rating] = [:]
        var notes: [Common.BerakhlakValue: String] = [:]
        for judgement in judgements {
            ratings[judgement.value] = judgement.judgement
            notes[judgement.value] = judgement.note.trimmed
        }
        self.init(summary: summary, expectations: expectations, judgements: ratings, judgementNotes: notes)
    }

    /// Evidence from feedback's summary (nil when there was no 360° round), the SKP's ekspektasi
    /// khusus and the atasan's judgements of them with their notes.
    public init(summary: Feedback.BehaviourSummary?, expectations: [Planning.BehaviourExpectation] = [],
                judgements: [Common.BerakhlakValue: Common.Rating] = [:], judgementNotes: [Common.BerakhlakValue: String] = [:]) {
        var values: [Common.BerakhlakValue: Value] = [:]
        for aggregate in summary?.combined ?? [] where aggregate.responseCount > 0 {
            values[aggregate.value, default: Value()].meanScore = aggregate.meanScore
            values[aggregate.value, default: Value()].responseCount = Int(aggregate.responseCount)
        }
        for expectation in expectations where !expectation.ekspektasiKhusus.trimmed.isEmpty {
            let text = expectation.ekspektasiKhusus.trimmed
            let current = values[expectation.value, default: Value()].ekspektasiKhusus
            values[expectation.value, default: Value()].ekspektasiKhusus = current.isEmpty ? text : current + "; " + text
        }
        for (value, rating) in judgements where rating.isRated {
            values[value, default: Value()].judgement = rating
            values[value, default: Value()].judgementNote = judgementNotes[value] ?? ""
        }
        self.values = values
        roundID = summary?.roundID ?? ""
        hasSummary = summary != nil && !(summary?.roundID.isEmpty ?? true)
        let groups = summary?.groups ?? []
        allWithheld = hasSummary && !groups.isEmpty && groups.allSatisfy(\.withheld)
    }
}
