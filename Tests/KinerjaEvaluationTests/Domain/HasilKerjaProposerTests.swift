import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Hasil Kerja proposal from capaian (agency rule, an inference)")
struct HasilKerjaProposerTests {
    typealias F = Fixtures

    @Test("Di Atas: most or all results above expectation and no Utama result below")
    func above() {
        let proposal = HasilKerjaProposer.propose([F.capaian("a", 120), F.capaian("b", 115), F.capaian("c", 100)])
        #expect(proposal.rating == .diAtasEkspektasi)
        #expect(proposal.utamaAbovePercent > 66 && proposal.utamaBelowPercent == 0)
        #expect(proposal.explanation.hasPrefix("Di Atas: more than 50% of the weighted IKIs are above expectation (66.7%) and no Utama IKI is below"))
        #expect(proposal.explanation.contains("Utama: 2 above, 1 meet, 0 below of 3"))
    }

    @Test("one Utama IKI below rules out Di Atas even when most are above")
    func utamaBlocks() {
        let proposal = HasilKerjaProposer.propose([F.capaian("a", 120), F.capaian("b", 125), F.capaian("c", 130), F.capaian("d", 70)])
        #expect(proposal.rating == .sesuaiEkspektasi)
        #expect(proposal.explanation.contains("1 Utama IKI is below, which rules out Di Atas"))
        var lenient = ProposalRuleConfiguration()
        lenient.utamaBelowBlocksAbove = false
        #expect(HasilKerjaProposer.propose([F.capaian("a", 120), F.capaian("b", 125), F.capaian("c", 130), F.capaian("d", 70)], rule: lenient).rating == .diAtasEkspektasi)
    }

    @Test("Sesuai: most or all results meet expectation; only a small part of Utama falls short")
    func meets() {
        let proposal = HasilKerjaProposer.propose([F.capaian("a", 100), F.capaian("b", 95), F.capaian("c", 98), F.capaian("d", 80)])
        #expect(proposal.rating == .sesuaiEkspektasi)
        #expect(proposal.utamaBelowPercent == 25)
    }

    @Test("Di Bawah: most or all results below expectation")
    func below() {
        let proposal = HasilKerjaProposer.propose([F.capaian("a", 60), F.capaian("b", 70), F.capaian("c", 100)])
        #expect(proposal.rating == .diBawahEkspektasi)
        #expect(proposal.explanation.hasPrefix("Di Bawah: more than 50% of the weighted IKIs are below expectation (66.7%)"))
    }

    @Test("exactly half above is not 'most': Sesuai")
    func half() {
        #expect(HasilKerjaProposer.propose([F.capaian("a", 120), F.capaian("b", 100)]).rating == .sesuaiEkspektasi)
        #expect(HasilKerjaProposer.propose([F.capaian("a", 80), F.capaian("b", 100)]).rating == .sesuaiEkspektasi)
    }

    @Test("Utama weighs more than Tambahan: three Tambahan results above do not outweigh two Utama results that meet")
    func tambahanWeight() {
        let ikis = [F.capaian("u1", 100), F.capaian("u2", 100),
                    F.capaian("t1", 130, .tambahan), F.capaian("t2", 130, .tambahan), F.capaian("t3", 130, .tambahan)]
        let proposal = HasilKerjaProposer.propose(ikis)
        // Weighted: 1.5 of 3.5 above = 42.9%.
        #expect(proposal.rating == .sesuaiEkspektasi)
        #expect(abs(proposal.allAbovePercent - 1.5 / 3.5 * 100) < 1e-9)
        #expect(proposal.inputs.filter { $0.rhkKind == .tambahan }.allSatisfy { $0.weight == 0.5 })
        #expect(proposal.explanation.contains("Tambahan (weight 0.5): 3 above, 0 meet, 0 below of 3"))
    }

    @Test("Utama results mostly below make Hasil Kerja Di Bawah even when Tambahan results dilute the overall share")
    func utamaBelowMost() {
        let ikis = [F.capaian("u1", 60), F.capaian("u2", 70),
                    F.capaian("t1", 130, .tambahan), F.capaian("t2", 130, .tambahan), F.capaian("t3", 130, .tambahan), F.capaian("t4", 130, .tambahan)]
        let proposal = HasilKerjaProposer.propose(ikis)
        #expect(proposal.allBelowPercent == 50)
        #expect(proposal.rating == .diBawahEkspektasi)
        #expect(proposal.explanation.contains("of the Utama IKIs are below expectation (100%)"))
    }

    @Test("without include_tambahan, Tambahan IKIs are listed but weigh nothing")
    func excludeTambahan() {
        var rule = ProposalRuleConfiguration()
        rule.includeTambahan = false
        let proposal = HasilKerjaProposer.propose([F.capaian("u1", 100), F.capaian("t1", 40, .tambahan), F.capaian("t2", 40, .tambahan)], rule: rule)
        #expect(proposal.rating == .sesuaiEkspektasi)
        #expect(proposal.inputs[1].weight == 0 && proposal.inputs[1].reason.hasSuffix("(Tambahan not counted)"))
        #expect(proposal.explanation.contains("Tambahan IKIs not counted (include_tambahan is off)"))
    }

    @Test("each IKI carries its figures and reason: which IKI, capaian, target, realisation, direction")
    func reasons() {
        let waktu = F.iki("w", target: 3, realisation: 4, unit: "hari", direction: .lowerIsBetter, indicator: "Rata-rata waktu penerbitan KTP-el")
        let assessment = HasilKerjaProposer.assess(waktu)
        #expect(assessment.rating == .diBawahEkspektasi && assessment.basis == .capaian)
        #expect(assessment.capaianPercent?.value == 75)
        #expect(assessment.targetValue?.value == 3 && assessment.realisationValue?.value == 4 && assessment.unit == "hari")
        #expect(assessment.direction == .lowerIsBetter)
        #expect(assessment.reason == "\"Rata-rata waktu penerbitan KTP-el\": capaian 75% (target 3 hari, realisasi 4 hari; lower is better) is below 90%: Di Bawah")
        let documents = HasilKerjaProposer.assess(F.iki("k", target: 300, realisation: 300, indicator: "Jumlah KTP-el diterbitkan"))
        #expect(documents.reason == "\"Jumlah KTP-el diterbitkan\": capaian 100% (target 300 dokumen, realisasi 300 dokumen; higher is better) is at least 90%: Sesuai")
    }

    @Test("an IKI with nothing verified for the period is Di Bawah, with that reason")
    func nothingVerified() {
        let assessment = HasilKerjaProposer.assess(F.iki("k", target: 300, realisation: nil))
        #expect(assessment.rating == .diBawahEkspektasi)
        #expect(assessment.reason.contains("nothing verified for the period"))
    }

    @Test("require_evidence: an IKI without verified evidence is Di Bawah whatever its capaian")
    func requireEvidence() {
        var rule = ProposalRuleConfiguration()
        rule.requireEvidence = true
        let assessment = HasilKerjaProposer.assess(F.iki("k", target: 300, realisation: 400, evidence: false), rule: rule)
        #expect(assessment.rating == .diBawahEkspektasi && assessment.basis == .noEvidence)
        #expect(HasilKerjaProposer.assess(F.iki("k", target: 300, realisation: 400, evidence: false)).rating == .diAtasEkspektasi)
    }

    @Test("an IKI whose capaian cannot be computed is listed unclassified and left out of the shares")
    func unclassifiable() {
        let proposal = HasilKerjaProposer.propose([F.capaian("a", 120), F.capaian("b", 130), F.iki("z", target: 0, realisation: 5)])
        #expect(proposal.rating == .diAtasEkspektasi)
        #expect(proposal.inputs[2].rating == .unspecified && proposal.inputs[2].reason.contains("not counted"))
        #expect(proposal.explanation.contains("1 IKI not classified"))
    }

    @Test("no classifiable IKI (or no IKI): no proposal, saying why")
    func none() {
        let empty = HasilKerjaProposer.propose([])
        #expect(empty.rating == .unspecified)
        #expect(empty.explanation == "no proposal: the SKP has no IKI for the period; the atasan rates Hasil Kerja alone")
        let unrated = HasilKerjaProposer.propose([F.descriptive("q", .unspecified)])
        #expect(unrated.rating == .unspecified)
        #expect(unrated.explanation.contains("no IKI can be classified (1 without capaian or rating)"))
    }

    @Test("a Kualitatif SKP is proposed from the atasan's ratings of its descriptive targets")
    func kualitatif() {
        let proposal = HasilKerjaProposer.propose([F.descriptive("q1", F.atas), F.descriptive("q2", F.atas), F.descriptive("q3", F.sesuai)])
        #expect(proposal.rating == .diAtasEkspektasi)
        #expect(proposal.inputs.allSatisfy { $0.basis == .ratedDescription && $0.capaianPercent == nil })
        #expect(proposal.inputs[0].reason.contains("rated the result against the descriptive target \"Laporan diterima tanpa revisi\" Di Atas"))
    }

    @Test("the thresholds are the agency's: with 'Di Atas from 105%' an IKI at 106% is above")
    func configurable() {
        var rule = ProposalRuleConfiguration()
        rule.ikiAbovePercent = 105
        rule.ruleID = "rule-1"
        rule.version = 3
        let proposal = HasilKerjaProposer.propose([F.capaian("a", 106)], rule: rule)
        #expect(proposal.rating == .diAtasEkspektasi && proposal.ruleID == "rule-1" && proposal.ruleVersion == 3)
        #expect(HasilKerjaProposer.propose([F.capaian("a", 106)]).rating == .sesuaiEkspektasi)
    }

    @Test("reporting's IKI progress converts: target, verified realisation and evidence")
    func fromProgress() {
        var progress = Reporting.IkiProgress()
        progress.rhkID = "r"
        progress.rhkKind = .utama
        progress.ikiID = "i"
        progress.indicator = "Jumlah KTP-el diterbitkan"
        progress.target = Planning.Target(value: 300, unit: "dokumen", direction: .higherIsBetter)
        progress.realisationVerified = 300
        progress.verifiedCount = 12
        let evidence = IkiEvidence(progress: progress, skpID: "skp-1")
        #expect(evidence.evidencePresent)
        #expect(HasilKerjaProposer.assess(evidence).capaianPercent?.value == 100)
        progress.verifiedCount = 0
        #expect(HasilKerjaProposer.assess(IkiEvidence(progress: progress, skpID: "skp-1")).reason.contains("nothing verified"))
    }
}
