public import KinerjaProto

/// The atasan's ratings: when a reason is required, what counts as an override, and the predikat
/// that follows (`evaluation.proto` RatingDecision, RatingOverride, SetHasilKerjaRating,
/// SetPerilakuRating). Length limits come from ``EvaluationLimits``.
///
/// - A rating must be Di Atas, Sesuai or Di Bawah Ekspektasi.
/// - A reason of 10–2000 characters is **required** when the rating departs from the system's
///   proposal, when it replaces an earlier, different decision, and — for Perilaku Kerja — when it
///   is Di Atas or Di Bawah (the contract asks the atasan to justify a Perilaku away from the
///   middle). Otherwise a reason is optional (at most 2000 characters).
/// - Departing from the proposal records a `RatingOverride` from the proposal; changing an earlier
///   decision records one from that decision (`replaced_decision`). Repeating the earlier decision
///   changes nothing.
/// - The predikat follows from the two ratings by the ``PredikatMatrix``.
public enum RatingDecisionRules {
    /// What a decision records.
    public struct Outcome: Sendable, Hashable {
        /// The decision to store (the caller adds the `decided` stamp).
        public var decision: Evaluation.RatingDecision
        /// The override to record, when the decision departs from the proposal or changes an
        /// earlier decision (the caller adds ids, employee and stamp).
        public var override: Evaluation.RatingOverride?
        /// False when the decision repeats the earlier one.
        public var changed: Bool
    }

    /// Checks a rating decision and says what it records.
    ///
    /// - Parameters:
    ///   - aspect: Hasil Kerja or Perilaku Kerja.
    ///   - rating: the rating decided.
    ///   - reason: the atasan's reason (may be empty when not required).
    ///   - proposed: the system's proposal for the aspect; RATING_UNSPECIFIED when there is none.
    ///   - previous: the earlier decision for the aspect; nil for the first.
    /// - Throws: ``EvaluationRuleError/ratingRequired(aspect:)``,
    ///   ``EvaluationRuleError/reasonRequired(field:why:count:range:)``,
    ///   ``EvaluationRuleError/textLengthInvalid(field:count:range:)``.
    public static func decide(aspect: Evaluation.RatingAspect, rating: Common.Rating, reason: String,
                              proposed: Common.Rating, previous: Common.Rating? = nil) throws(EvaluationRuleError) -> Outcome {
        guard rating.isRated else { throw .ratingRequired(aspect: aspect) }
        let departs = proposed.isRated && rating != proposed
        let replaces = previous.map { $0.isRated && $0 != rating } ?? false
        let changed = previous != rating
        var why: String?
        if replaces, let previous {
            why = "when it replaces the earlier decision (\(previous.shortLabel))"
        } else if departs {
            why = "when the rating departs from the proposal (\(proposed.shortLabel))"
        } else if aspect == .perilakuKerja, rating != .sesuaiEkspektasi, changed {
            why = "for a Perilaku Kerja rating of \(rating.shortLabel)"
        }
        let text = reason.trimmed
        let length = text.unicodeScalars.count
        if let why {
            guard EvaluationLimits.ratingReason.contains(length) else {
                throw .reasonRequired(field: "reason", why: why, count: length, range: EvaluationLimits.ratingReason)
            }
        } else if length > EvaluationLimits.ratingReason.upperBound {
            throw .textLengthInvalid(field: "reason", count: length, range: 0...EvaluationLimits.ratingReason.upperBound)
        }

        var decision = Evaluation.RatingDecision()
        decision.rating = rating
        decision.reason = text
        decision.overridesProposal = departs
        decision.proposedRating = proposed
        var override: Evaluation.RatingOverride?
        if replaces, let previous {
            override = Evaluation.RatingOverride(aspect: aspect, fromRating: previous, toRating: rating, reason: text, replacedDecision: true)
        } else if departs, changed {
            override = Evaluation.RatingOverride(aspect: aspect, fromRating: proposed, toRating: rating, reason: text, replacedDecision: false)
        }
        return Outcome(decision: decision, override: override, changed: changed)
    }

    /// The predikat and kuadran of two decisions; PREDIKAT_UNSPECIFIED and 0 while either is missing.
    public static func predikat(hasilKerja: Common.Rating?, perilaku: Common.Rating?) -> (predikat: Common.Predikat, kuadran: UInt32) {
        let hk = hasilKerja ?? .unspecified
        let pk = perilaku ?? .unspecified
        return (PredikatMatrix.predikat(hasilKerja: hk, perilaku: pk), PredikatMatrix.kuadran(hasilKerja: hk, perilaku: pk))
    }

    /// True when the decision is better than the proposal (an upward override), false when worse,
    /// nil when equal or either is unrated.
    public static func isUpward(from proposed: Common.Rating, to decided: Common.Rating) -> Bool? {
        guard let from = proposed.rank, let to = decided.rank, from != to else { return nil }
        return to < from
    }

    /// Checks the atasan's notes per BerAKHLAK value: at most 7, each naming one value once, each 1–1000 characters.
    ///
    /// - Throws: ``EvaluationRuleError`` naming the first broken rule.
    public static func checkPerilakuNotes(_ notes: [Evaluation.PerilakuValueNote]) throws(EvaluationRuleError) {
        guard notes.count <= EvaluationLimits.perilakuNotesMaximum else {
            throw .perilakuNotesTooMany(count: notes.count, limit: EvaluationLimits.perilakuNotesMaximum)
        }
        var seen = Set<Common.BerakhlakValue>()
        for (index, note) in notes.enumerated() {
            guard Common.BerakhlakValue.seven.contains(note.value) else { throw .perilakuNoteValueRequired(index: index) }
            guard seen.insert(note.value).inserted else { throw .perilakuNoteDuplicate(note.value) }
            let length = note.note.trimmedLength
            guard EvaluationLimits.perilakuNote.contains(length) else {
                throw .textLengthInvalid(field: "notes[\(index)].note", count: length, range: EvaluationLimits.perilakuNote)
            }
        }
    }

    /// Checks the atasan's judgements of the ekspektasi khusus: at most 7, each one of the seven
    /// values once, each Di Atas, Sesuai or Di Bawah, each note at most 1000 characters.
    ///
    /// - Throws: ``EvaluationRuleError`` naming the first broken rule.
    public static func checkExpectationJudgements(_ judgements: [Evaluation.ExpectationJudgement]) throws(EvaluationRuleError) {
        guard judgements.count <= EvaluationLimits.expectationJudgementsMaximum else {
            throw .expectationJudgementsTooMany(count: judgements.count, limit: EvaluationLimits.expectationJudgementsMaximum)
        }
        var seen = Set<Common.BerakhlakValue>()
        for (index, judgement) in judgements.enumerated() {
            guard Common.BerakhlakValue.seven.contains(judgement.value) else { throw .expectationValueRequired(index: index) }
            guard judgement.judgement.isRated else { throw .expectationJudgementRequired(index: index) }
            guard seen.insert(judgement.value).inserted else { throw .expectationJudgementDuplicate(judgement.value) }
            let length = judgement.note.trimmedLength
            guard length <= EvaluationLimits.expectationNoteMaximum else {
                throw .textLengthInvalid(field: "judgements[\(index)].note", count: length, range: 0...EvaluationLimits.expectationNoteMaximum)
            }
        }
    }

    /// Checks the atasan's ratings of descriptive targets: 1–100, each an IKI of the SKP named
    /// once, each rated, each note 1–1000 characters.
    ///
    /// - Parameter ikiIDs: the IKIs of the evaluated SKP(s).
    /// - Throws: ``EvaluationRuleError`` naming the first broken rule.
    public static func checkQualitativeRatings(_ ratings: [Evaluation.QualitativeIkiRating], ikiIDs: Set<String>) throws(EvaluationRuleError) {
        guard (1...EvaluationLimits.qualitativeRatingsMaximum).contains(ratings.count) else {
            throw .qualitativeRatingsCount(count: ratings.count, limit: EvaluationLimits.qualitativeRatingsMaximum)
        }
        var seen = Set<String>()
        for (index, rating) in ratings.enumerated() {
            guard ikiIDs.contains(rating.ikiID) else { throw .qualitativeIkiUnknown(ikiID: rating.ikiID) }
            guard seen.insert(rating.ikiID).inserted else { throw .qualitativeIkiDuplicate(ikiID: rating.ikiID) }
            guard rating.rating.isRated else { throw .ratingRequired(aspect: .hasilKerja) }
            let length = rating.note.trimmedLength
            guard EvaluationLimits.qualitativeNote.contains(length) else {
                throw .textLengthInvalid(field: "ratings[\(index)].note", count: length, range: EvaluationLimits.qualitativeNote)
            }
        }
    }
}
