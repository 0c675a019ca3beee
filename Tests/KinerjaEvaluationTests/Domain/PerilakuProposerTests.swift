import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Perilaku proposal from the 360° BerAKHLAK summary and the ekspektasi khusus")
struct PerilakuProposerTests {
    typealias F = Fixtures

    func means(_ values: [Double]) -> [Common.BerakhlakValue: Double] {
        Dictionary(uniqueKeysWithValues: zip(F.seven, values))
    }

    @Test("Di Atas when at least 4 of the 7 values have a 360° mean of at least 4.5 and none is below 3.0")
    func above() {
        let evidence = BehaviourEvidence(summary: F.summary(means([4.6, 4.8, 4.5, 4.7, 4.0, 3.8, 4.2])))
        let proposal = PerilakuProposer.propose(evidence)
        #expect(proposal.rating == .diAtasEkspektasi)
        #expect(proposal.explanation == "Di Atas: 4 of 7 values above expectation (at least 4); none below.")
        #expect(proposal.values.count == 7)
        #expect(proposal.values[0].reason == "Berorientasi Pelayanan: 360° mean 4.6 from 6 scores is at least 4.5: Di Atas")
        #expect(proposal.roundID == "round-1")
    }

    @Test("a value below rules out Di Atas: Sesuai")
    func blocked() {
        let proposal = PerilakuProposer.propose(BehaviourEvidence(summary: F.summary(means([4.6, 4.8, 4.5, 4.7, 2.5, 3.8, 4.2]))))
        #expect(proposal.rating == .sesuaiEkspektasi)
        #expect(proposal.explanation.contains("a value below rules out Di Atas"))
        #expect(proposal.values[4].reason == "Loyal: 360° mean 2.5 from 6 scores is below 3: Di Bawah")
    }

    @Test("Di Bawah when at least 4 of the 7 values are below")
    func below() {
        let proposal = PerilakuProposer.propose(BehaviourEvidence(summary: F.summary(means([2.0, 2.5, 2.9, 2.1, 4.0, 3.8, 4.2]))))
        #expect(proposal.rating == .diBawahEkspektasi)
    }

    @Test("the atasan's judgement of a value's ekspektasi khusus decides that value instead of the 360° mean, and the reason quotes it")
    func judgement() {
        let expectation = Planning.BehaviourExpectation(value: .berorientasiPelayanan, ekspektasiKhusus: "Merespons pengaduan warga dalam 1×24 jam")
        let evidence = BehaviourEvidence(summary: F.summary(means([4.6, 4.8, 4.5, 4.7, 4.0, 3.8, 4.2])),
                                         expectations: [expectation], judgements: [.berorientasiPelayanan: F.bawah])
        let proposal = PerilakuProposer.propose(evidence)
        #expect(proposal.values[0].rating == .diBawahEkspektasi)
        #expect(proposal.values[0].ekspektasiKhusus == "Merespons pengaduan warga dalam 1×24 jam")
        #expect(proposal.values[0].expectationJudgement == .diBawahEkspektasi)
        #expect(proposal.values[0].reason == "Berorientasi Pelayanan: the atasan judged the ekspektasi khusus \"Merespons pengaduan warga dalam 1×24 jam\" Di Bawah; 360° mean 4.6 not used")
        #expect(proposal.rating == .sesuaiEkspektasi)
        #expect(proposal.explanation.contains("1 decided by the atasan's judgement of the ekspektasi khusus"))
    }

    @Test("judgements as SetExpectationJudgements stores them: the note is quoted, a value without an ekspektasi khusus says so, and four Di Atas without a 360° round propose Di Atas")
    func storedJudgements() {
        let expectation = Planning.BehaviourExpectation(value: .berorientasiPelayanan, ekspektasiKhusus: "Merespons pengaduan warga dalam 1×24 jam")
        let judgements = [Common.BerakhlakValue.berorientasiPelayanan, .akuntabel, .kompeten, .harmonis].map {
            Evaluation.ExpectationJudgement(value: $0, judgement: .diAtasEkspektasi, note: $0 == .berorientasiPelayanan ? "Dijawab dalam sehari" : "")
        }
        let proposal = PerilakuProposer.propose(BehaviourEvidence(summary: nil, expectations: [expectation], judgements: judgements))
        #expect(proposal.rating == .diAtasEkspektasi)
        #expect(proposal.values[0].reason == "Berorientasi Pelayanan: the atasan judged the ekspektasi khusus \"Merespons pengaduan warga dalam 1×24 jam\" Di Atas (\"Dijawab dalam sehari\")")
        #expect(proposal.values[1].reason == "Akuntabel: the atasan judged the ekspektasi khusus (no ekspektasi khusus in the SKP) Di Atas")
        #expect(proposal.explanation.contains("4 decided by the atasan's judgement") && proposal.explanation.contains("3 values without score or judgement"))
    }

    @Test("judgements are checked: the seven values only, each once, each rated, at most 7, a note of at most 1000 characters")
    func judgementChecks() throws {
        func judge(_ value: Common.BerakhlakValue, _ rating: Common.Rating, _ note: String = "") -> Evaluation.ExpectationJudgement {
            Evaluation.ExpectationJudgement(value: value, judgement: rating, note: note)
        }
        try RatingDecisionRules.checkExpectationJudgements([])
        try RatingDecisionRules.checkExpectationJudgements([judge(.loyal, .sesuaiEkspektasi, String(repeating: "a", count: 1000))])
        #expect(throws: EvaluationRuleError.expectationValueRequired(index: 0)) {
            try RatingDecisionRules.checkExpectationJudgements([judge(Common.BerakhlakValue(rawValue: 42), .sesuaiEkspektasi)])
        }
        #expect(throws: EvaluationRuleError.expectationJudgementRequired(index: 1)) {
            try RatingDecisionRules.checkExpectationJudgements([judge(.loyal, .sesuaiEkspektasi), judge(.adaptif, Common.Rating(rawValue: 7))])
        }
        #expect(throws: EvaluationRuleError.expectationJudgementDuplicate(.loyal)) {
            try RatingDecisionRules.checkExpectationJudgements([judge(.loyal, .sesuaiEkspektasi), judge(.loyal, .diAtasEkspektasi)])
        }
        #expect(throws: EvaluationRuleError.textLengthInvalid(field: "judgements[0].note", count: 1001, range: 0...1000)) {
            try RatingDecisionRules.checkExpectationJudgements([judge(.loyal, .sesuaiEkspektasi, String(repeating: "a", count: 1001))])
        }
        #expect(throws: EvaluationRuleError.expectationJudgementsTooMany(count: 8, limit: 7)) {
            try RatingDecisionRules.checkExpectationJudgements(Array(repeating: judge(.loyal, .sesuaiEkspektasi), count: 8))
        }
    }

    @Test("no 360° summary and no judgement: no Perilaku proposal, and it says so")
    func missing() {
        let proposal = PerilakuProposer.propose(nil)
        #expect(proposal.rating == .unspecified)
        #expect(proposal.explanation == "no Perilaku proposal: no 360° summary for the period and no judgement of the ekspektasi khusus; Perilaku is rated by the atasan alone")
        var withheld = Feedback.BehaviourSummary()
        withheld.roundID = "round-9"
        withheld.groups = [Feedback.RaterGroupSummary(relation: .rekanKerja, assignedCount: 4, respondedCount: 2, withheld: true, withheldReason: .belowAnonymityThreshold)]
        #expect(PerilakuProposer.propose(BehaviourEvidence(summary: withheld)).explanation.contains("the 360° summary is withheld (too few raters answered)"))
    }

    @Test("values without a score are named; the thresholds still count of 7")
    func partial() {
        let proposal = PerilakuProposer.propose(BehaviourEvidence(summary: F.summary([.akuntabel: 4.9, .kompeten: 4.9, .loyal: 4.9])))
        #expect(proposal.rating == .sesuaiEkspektasi)
        #expect(proposal.explanation.contains("4 values without score or judgement"))
    }

    @Test("the thresholds are the agency's")
    func configurable() {
        var rule = ProposalRuleConfiguration()
        rule.perilakuAboveValues = 3
        let proposal = PerilakuProposer.propose(BehaviourEvidence(summary: F.summary([.akuntabel: 4.9, .kompeten: 4.9, .loyal: 4.9])), rule: rule)
        #expect(proposal.rating == .diAtasEkspektasi)
    }
}

@Suite("Both proposals for one employee, and the unit leader's Hasil Kerja")
struct EvaluationProposalTests {
    typealias F = Fixtures

    @Test("a missing 360° summary gives a proposal for Hasil Kerja only that says so")
    func hasilKerjaOnly() {
        let proposal = EvaluationProposal(ikis: [F.capaian("a", 100)], behaviour: nil)
        #expect(proposal.hasilKerja.rating == .sesuaiEkspektasi)
        #expect(proposal.perilaku.rating == .unspecified)
        #expect(proposal.notes == ["proposal for Hasil Kerja only: no Perilaku proposal: no 360° summary for the period and no judgement of the ekspektasi khusus; Perilaku is rated by the atasan alone"])
        #expect(proposal.proposedPredikat == .unspecified)
    }

    @Test("with both proposals the predikat they would give follows the matrix")
    func both() {
        let proposal = EvaluationProposal(ikis: [F.capaian("a", 120), F.capaian("b", 120)],
                                          behaviour: BehaviourEvidence(summary: F.summary(Dictionary(uniqueKeysWithValues: F.seven.map { ($0, 4.7) }))))
        #expect(proposal.proposedPredikat == .sangatBaik)
        #expect(proposal.notes.isEmpty)
    }

    @Test("the unit leader's Hasil Kerja follows the organisation rating: Istimewa → Di Atas, Baik → Sesuai, the other three → Di Bawah (inference)", arguments: [
        (Common.OrganisationRating.istimewa, Common.Rating.diAtasEkspektasi),
        (.baik, .sesuaiEkspektasi),
        (.butuhPerbaikan, .diBawahEkspektasi),
        (.kurang, .diBawahEkspektasi),
        (.sangatKurang, .diBawahEkspektasi),
        (.unspecified, .unspecified),
    ])
    func leader(organisation: Common.OrganisationRating, rating: Common.Rating) {
        #expect(UnitLeaderRating.hasilKerja(for: organisation) == rating)
        let proposal = UnitLeaderRating.proposal(for: organisation)
        #expect(proposal.rating == rating && proposal.fromOrganisationRating)
    }

    @Test("a leader's proposal keeps the IKI assessments and says what capaian alone would give")
    func leaderKeepsInputs() {
        let proposal = EvaluationProposal(ikis: [F.capaian("a", 60)], behaviour: nil, leadsUnitRated: .istimewa)
        #expect(proposal.hasilKerja.rating == .diAtasEkspektasi && proposal.hasilKerja.fromOrganisationRating)
        #expect(proposal.hasilKerja.inputs.count == 1)
        #expect(proposal.hasilKerja.explanation.contains("organisation rating Istimewa → Di Atas Ekspektasi"))
        #expect(proposal.hasilKerja.explanation.hasSuffix("from capaian alone it would be Di Bawah"))
    }
}
