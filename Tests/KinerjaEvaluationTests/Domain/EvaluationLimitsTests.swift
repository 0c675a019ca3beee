import Foundation
import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Length limits come from one place and agree with evaluation.proto")
struct EvaluationLimitsTests {
    /// The comment above `field` inside `message` of evaluation.proto (or common.proto).
    func comment(_ message: String, _ field: String, file: String = "evaluation/v1/evaluation.proto") throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("proto/kinerja/\(file)"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "message \(message) {"), "message \(message)")
        let end = try #require(lines[start...].firstIndex(of: "}"))
        let index = try #require(lines[start..<end].firstIndex { $0.range(of: #"^\s+(repeated )?[\w.]+ \#(field) = \d+;"#, options: .regularExpression) != nil }, "\(message).\(field)")
        var out: [String] = []
        var cursor = index - 1
        while cursor > start, lines[cursor].trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            out.insert(lines[cursor], at: 0)
            cursor -= 1
        }
        return out.joined(separator: " ")
    }

    func range(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }

    @Test("rating reasons 10-2000, curve override and reopen reasons 20-2000, organisation rating basis 1-2000")
    func reasons() throws {
        #expect(try comment("RatingDecision", "reason").contains(range(EvaluationLimits.ratingReason)))
        #expect(try comment("SetHasilKerjaRatingRequest", "reason").contains(range(EvaluationLimits.ratingReason)))
        #expect(try comment("SetPerilakuRatingRequest", "reason").contains(range(EvaluationLimits.ratingReason)))
        #expect(try comment("CurveOverride", "reason").contains(range(EvaluationLimits.curveOverrideReason)))
        #expect(try comment("FinalisePeriodRequest", "override_reason").contains(range(EvaluationLimits.curveOverrideReason)))
        #expect(try comment("ReopenPeriodRequest", "reason").contains(range(EvaluationLimits.reopenReason)))
        #expect(try comment("SetOrganisationRatingRequest", "reason").contains(range(EvaluationLimits.organisationRatingReason)))
        #expect(try comment("OrganisationRatingRecord", "reference").contains("at most \(EvaluationLimits.organisationRatingReferenceMaximum) characters"))
    }

    @Test("notes, adjustments and explanations")
    func notes() throws {
        #expect(try comment("PerilakuValueNote", "note").contains(range(EvaluationLimits.perilakuNote)))
        #expect(try comment("EmployeeEvaluation", "perilaku_notes").contains("at most \(EvaluationLimits.perilakuNotesMaximum)"))
        #expect(try comment("QualitativeIkiRating", "note").contains(range(EvaluationLimits.qualitativeNote)))
        #expect(try comment("ExpectationJudgement", "note").contains("at most \(EvaluationLimits.expectationNoteMaximum) characters"))
        #expect(try comment("SetExpectationJudgementsRequest", "judgements").contains("at most \(EvaluationLimits.expectationJudgementsMaximum)"))
        #expect(try comment("EmployeeEvaluation", "expectation_judgements").contains("at most \(EvaluationLimits.expectationJudgementsMaximum)"))
        #expect(try comment("RateQualitativeIkisRequest", "ratings").contains("1–\(EvaluationLimits.qualitativeRatingsMaximum)"))
        #expect(try comment("PopulationAdjustment", "note").contains(range(EvaluationLimits.populationNote)))
        #expect(try comment("PopulationAdjustment", "explanation").contains("at most \(EvaluationLimits.populationExplanationMaximum) characters"))
        #expect(try comment("HasilKerjaProposal", "explanation").contains("at most \(EvaluationLimits.proposalExplanationMaximum) characters"))
        #expect(try comment("PerilakuProposal", "explanation").contains("at most \(EvaluationLimits.proposalExplanationMaximum) characters"))
        #expect(try comment("IkiAssessment", "reason").contains("at most \(EvaluationLimits.assessmentReasonMaximum) characters"))
        #expect(try comment("PerilakuValueAssessment", "reason").contains("at most \(EvaluationLimits.assessmentReasonMaximum) characters"))
        #expect(try comment("CurveStatus", "note").contains("at most \(EvaluationLimits.curveNoteMaximum) characters"))
        #expect(try comment("ProposalRule", "description").contains("at most \(EvaluationLimits.proposalRuleDescriptionMaximum) characters"))
        #expect(try comment("SiasnReferenceCode", "code").contains("1–\(EvaluationLimits.siasnCodeMaximum) characters"))
        #expect(try comment("SiasnReferenceTable", "source").contains("1–\(EvaluationLimits.siasnSourceMaximum) characters"))
        #expect(try comment("SiasnReferenceTable", "codes").contains("at most 20 000") && EvaluationLimits.siasnCodesMaximum == 20_000)
        #expect(try comment("CurveBreach", "explanation", file: "common/v1/common.proto").contains("at most \(EvaluationLimits.breachExplanationMaximum) characters"))
        #expect(try comment("CurveBreach", "explanation_id", file: "common/v1/common.proto").contains("at most \(EvaluationLimits.breachExplanationMaximum) characters"))
        #expect(try comment("CurveBound", "rule_text", file: "common/v1/common.proto").contains("at most \(EvaluationLimits.ruleTextMaximum) characters"))
        #expect(try comment("CurveBound", "adjustment", file: "common/v1/common.proto").contains("at most \(EvaluationLimits.ruleTextMaximum) characters"))
    }

    @Test("the proposal rule's ranges and defaults in the proto are the configuration's")
    func proposalRule() throws {
        #expect(try comment("ProposalRule", "iki_above_percent").contains("100–200; default 110"))
        #expect(try comment("ProposalRule", "iki_meets_percent").contains("default 90"))
        #expect(try comment("ProposalRule", "above_share_percent").contains("50–99; default 50"))
        #expect(try comment("ProposalRule", "below_share_percent").contains("0–99; default 50"))
        #expect(try comment("ProposalRule", "tambahan_weight").contains("0.05–1; default 0.5"))
        #expect(try comment("ProposalRule", "perilaku_above_mean").contains("1–5; default 4.5"))
        #expect(try comment("ProposalRule", "perilaku_meets_mean").contains("default 3.0"))
        #expect(try comment("ProposalRule", "perilaku_above_values").contains("1–7; default 4"))
        #expect(try comment("ProposalRule", "perilaku_below_values").contains("1–7; default 4"))
        #expect(try comment("GetRaterLeniencyRequest", "flag_threshold").contains("0.1–4; 0 = default 0.5"))
        #expect(try comment("GetRaterLeniencyRequest", "modal_share_threshold_percent").contains("50–100; 0 = default 90"))
    }

    @Test("a long explanation is cut to its limit, never past it")
    func truncation() {
        let ikis = (1...200).map { Fixtures.iki("iki-\($0)", target: 100, realisation: 50, indicator: String(repeating: "Indikator panjang ", count: 40)) }
        let proposal = HasilKerjaProposer.propose(ikis)
        #expect(proposal.explanation.unicodeScalars.count <= EvaluationLimits.proposalExplanationMaximum)
        #expect(proposal.inputs.allSatisfy { $0.reason.unicodeScalars.count <= EvaluationLimits.assessmentReasonMaximum })
        #expect(proposal.inputs[0].reason.hasSuffix("…"))
    }
}

@Suite("The module's one error type")
struct EvaluationRuleErrorTests {
    @Test("each rule maps once to a status: INVALID_ARGUMENT for malformed input, FAILED_PRECONDITION for state, ALREADY_EXISTS for an overlap")
    func statuses() {
        #expect(EvaluationRuleError.ratingRequired(aspect: .hasilKerja).statusCode == .invalidArgument)
        #expect(EvaluationRuleError.periodFinalised(action: "x").statusCode == .failedPrecondition)
        #expect(EvaluationRuleError.organisationRatingFirst(action: "x").statusCode == .failedPrecondition)
        #expect(EvaluationRuleError.periodOverlaps(label: "year 2026", unitID: "a", existingUnitID: "b").statusCode == .alreadyExists)
        #expect(EvaluationRuleError.koefisienMissing(.ahliMuda).statusCode == .failedPrecondition)
    }

    @Test("the RPC status carries the reason as ErrorInfo and the message")
    func rpcStatus() {
        let status = EvaluationRuleError.evaluationsUnrated(count: 3).rpcStatus
        #expect(status?.code == .failedPrecondition)
        #expect(status?.reason == "EVALUATIONS_UNRATED")
        #expect(status?.message.contains("3 evaluation(s)") == true)
    }

    @Test("reasons are UPPER_SNAKE and at most 64 characters")
    func reasons() {
        let samples: [EvaluationRuleError] = [
            .ratingRequired(aspect: .hasilKerja), .reasonRequired(field: "r", why: "", count: 0, range: 1...2), .textLengthInvalid(field: "f", count: 0, range: 1...2),
            .perilakuNoteValueRequired(index: 0), .perilakuNoteDuplicate(.loyal), .perilakuNotesTooMany(count: 8, limit: 7),
            .qualitativeRatingsCount(count: 0, limit: 100), .qualitativeIkiUnknown(ikiID: "x"), .qualitativeIkiDuplicate(ikiID: "x"),
            .organisationRatingRequired, .periodInvalid("x"), .periodInFuture(label: "x", firstDay: Common.Date(), today: Common.Date()),
            .periodSpanMismatch(period: "a", span: "b"), .periodOverlaps(label: "x", unitID: "a", existingUnitID: "b"),
            .populationAdjustmentInvalid(field: "f", detail: "d"), .distributionInvalid("x"), .skpsOverlap(first: "a", second: "b"),
            .organisationRatingFirst(action: "x"), .periodFinalised(action: "x"), .periodNotFinalised(state: .penilaian),
            .periodStateUnknown(.unrecognized(7)), .evaluationsUnrated(count: 1), .curveBreached([]), .proposalRuleInvalid([]),
            .leniencyConfigurationInvalid("x"), .koefisienTableInvalid("x"), .koefisienMissing(.ahliMuda),
            .angkaKreditInputInvalid("x"), .angkaKreditPeriodsOverlap(year: 2026, month: 1), .tppTableInvalid("x"),
        ]
        #expect(Set(samples.map(\.reason)).count == samples.count)
        for error in samples {
            #expect(error.reason.range(of: "^[A-Z][A-Z0-9_]{0,63}$", options: .regularExpression) != nil, "\(error.reason)")
            #expect(!error.message.isEmpty)
        }
    }
}
