import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Ratings and overrides")
struct RatingDecisionRulesTests {
    typealias F = Fixtures
    let reason = "Capaian TW I didukung bukti dukung terverifikasi"

    @Test("a rating equal to the proposal needs no reason and records no override")
    func agrees() throws {
        let outcome = try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.sesuai, reason: "", proposed: F.sesuai)
        #expect(!outcome.decision.overridesProposal && outcome.override == nil && outcome.changed)
        #expect(outcome.decision.proposedRating == F.sesuai)
    }

    @Test("a rating that departs from the proposal requires a reason of 10-2000 characters")
    func departs() throws {
        let error = #expect(throws: EvaluationRuleError.self) {
            try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.atas, reason: "  bagus  ", proposed: F.sesuai)
        }
        #expect(error == .reasonRequired(field: "reason", why: "when the rating departs from the proposal (Sesuai)", count: 5, range: 10...2000))
        #expect(error?.statusCode == .invalidArgument && error?.reason == "REASON_REQUIRED")
        let outcome = try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.atas, reason: reason, proposed: F.sesuai)
        #expect(outcome.decision.overridesProposal)
        #expect(outcome.override == Evaluation.RatingOverride(aspect: .hasilKerja, fromRating: F.sesuai, toRating: F.atas, reason: reason, replacedDecision: false))
    }

    @Test("exactly 10 characters is enough, 2001 is too many")
    func limits() throws {
        _ = try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.atas, reason: "0123456789", proposed: F.sesuai)
        #expect(throws: EvaluationRuleError.self) {
            try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.atas, reason: String(repeating: "x", count: 2001), proposed: F.sesuai)
        }
        #expect(throws: EvaluationRuleError.textLengthInvalid(field: "reason", count: 2001, range: 0...2000)) {
            try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.sesuai, reason: String(repeating: "x", count: 2001), proposed: F.sesuai)
        }
    }

    @Test("replacing an earlier decision requires a reason and records an override from that decision")
    func replaces() throws {
        #expect(throws: EvaluationRuleError.self) {
            try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.sesuai, reason: "", proposed: F.sesuai, previous: F.atas)
        }
        let outcome = try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.sesuai, reason: reason, proposed: F.sesuai, previous: F.atas)
        #expect(outcome.override?.replacedDecision == true && outcome.override?.fromRating == F.atas)
        let repeatOutcome = try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.atas, reason: reason, proposed: F.sesuai, previous: F.atas)
        #expect(!repeatOutcome.changed && repeatOutcome.override == nil)
    }

    @Test("Perilaku Di Atas or Di Bawah needs a reason even without a proposal; Sesuai does not")
    func perilaku() throws {
        #expect(throws: EvaluationRuleError.self) {
            try RatingDecisionRules.decide(aspect: .perilakuKerja, rating: F.bawah, reason: "", proposed: .unspecified)
        }
        _ = try RatingDecisionRules.decide(aspect: .perilakuKerja, rating: F.sesuai, reason: "", proposed: .unspecified)
        _ = try RatingDecisionRules.decide(aspect: .perilakuKerja, rating: F.atas, reason: reason, proposed: .unspecified)
    }

    @Test("a rating must be Di Atas, Sesuai or Di Bawah")
    func required() {
        #expect(throws: EvaluationRuleError.ratingRequired(aspect: .hasilKerja)) {
            try RatingDecisionRules.decide(aspect: .hasilKerja, rating: .unspecified, reason: reason, proposed: F.sesuai)
        }
        #expect(throws: EvaluationRuleError.ratingRequired(aspect: .perilakuKerja)) {
            try RatingDecisionRules.decide(aspect: .perilakuKerja, rating: .unrecognized(4), reason: reason, proposed: F.sesuai)
        }
    }

    @Test("a unit leader's Hasil Kerja that departs from the organisation rating's mapping is an override with a reason")
    func unitLeader() throws {
        let proposed = UnitLeaderRating.hasilKerja(for: .baik)
        #expect(throws: EvaluationRuleError.self) {
            try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.atas, reason: "", proposed: proposed)
        }
        #expect(try RatingDecisionRules.decide(aspect: .hasilKerja, rating: F.sesuai, reason: "", proposed: proposed).override == nil)
    }

    @Test("the predikat follows from the two decisions by the matrix")
    func predikat() {
        #expect(RatingDecisionRules.predikat(hasilKerja: F.atas, perilaku: F.atas) == (.sangatBaik, 1))
        #expect(RatingDecisionRules.predikat(hasilKerja: F.bawah, perilaku: F.sesuai) == (.butuhPerbaikan, 8))
        #expect(RatingDecisionRules.predikat(hasilKerja: F.atas, perilaku: nil) == (.unspecified, 0))
    }

    @Test("an override is upward when the decision is better than the proposal")
    func direction() {
        #expect(RatingDecisionRules.isUpward(from: F.sesuai, to: F.atas) == true)
        #expect(RatingDecisionRules.isUpward(from: F.sesuai, to: F.bawah) == false)
        #expect(RatingDecisionRules.isUpward(from: F.sesuai, to: F.sesuai) == nil)
    }

    @Test("Perilaku notes: at most 7, one per BerAKHLAK value, each 1-1000 characters")
    func notes() throws {
        let note = { (value: Common.BerakhlakValue) in Evaluation.PerilakuValueNote(value: value, note: "Merespons pengaduan dalam 1×24 jam") }
        try RatingDecisionRules.checkPerilakuNotes(F.seven.map(note))
        #expect(throws: EvaluationRuleError.perilakuNoteDuplicate(.loyal)) { try RatingDecisionRules.checkPerilakuNotes([note(.loyal), note(.loyal)]) }
        #expect(throws: EvaluationRuleError.perilakuNoteValueRequired(index: 0)) { try RatingDecisionRules.checkPerilakuNotes([note(.unspecified)]) }
        #expect(throws: EvaluationRuleError.perilakuNotesTooMany(count: 8, limit: 7)) { try RatingDecisionRules.checkPerilakuNotes(F.seven.map(note) + [note(.loyal)]) }
        #expect(throws: EvaluationRuleError.textLengthInvalid(field: "notes[0].note", count: 0, range: 1...1000)) {
            try RatingDecisionRules.checkPerilakuNotes([Evaluation.PerilakuValueNote(value: .loyal, note: "   ")])
        }
    }

    @Test("ratings of descriptive targets: each an IKI of the SKP, once, rated, with a note")
    func qualitative() throws {
        let rating = { (id: String) in Evaluation.QualitativeIkiRating(ikiID: id, rating: F.sesuai, note: "Diterima tanpa revisi") }
        try RatingDecisionRules.checkQualitativeRatings([rating("a"), rating("b")], ikiIDs: ["a", "b"])
        #expect(throws: EvaluationRuleError.qualitativeIkiUnknown(ikiID: "z")) { try RatingDecisionRules.checkQualitativeRatings([rating("z")], ikiIDs: ["a"]) }
        #expect(throws: EvaluationRuleError.qualitativeIkiDuplicate(ikiID: "a")) { try RatingDecisionRules.checkQualitativeRatings([rating("a"), rating("a")], ikiIDs: ["a"]) }
        #expect(throws: EvaluationRuleError.qualitativeRatingsCount(count: 0, limit: 100)) { try RatingDecisionRules.checkQualitativeRatings([], ikiIDs: ["a"]) }
        #expect(throws: EvaluationRuleError.ratingRequired(aspect: .hasilKerja)) {
            try RatingDecisionRules.checkQualitativeRatings([Evaluation.QualitativeIkiRating(ikiID: "a", note: "x")], ikiIDs: ["a"])
        }
    }

    @Test("the evaluation's state follows from what it holds")
    func state() {
        #expect(EvaluationStateRule.state(hasProposal: false, hasilKerja: .unspecified, perilaku: .unspecified, finalised: false) == .pending)
        #expect(EvaluationStateRule.state(hasProposal: true, hasilKerja: .unspecified, perilaku: .unspecified, finalised: false) == .proposed)
        #expect(EvaluationStateRule.state(hasProposal: true, hasilKerja: F.sesuai, perilaku: .unspecified, finalised: false) == .partiallyRated)
        #expect(EvaluationStateRule.state(hasProposal: true, hasilKerja: F.sesuai, perilaku: F.atas, finalised: false) == .rated)
        #expect(EvaluationStateRule.state(hasProposal: true, hasilKerja: F.sesuai, perilaku: F.atas, finalised: true) == .finalised)
    }
}
