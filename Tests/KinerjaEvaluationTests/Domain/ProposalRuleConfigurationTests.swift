import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Proposal rule configuration: documented defaults, ranges, the contract's ProposalRule")
struct ProposalRuleConfigurationTests {
    @Test("the defaults: IKI Di Atas at 110%, Sesuai at 90%; more than half; Utama 1, Tambahan 0.5; 360° 4.5 / 3.0; 4 of 7 values")
    func defaults() {
        let rule = ProposalRuleConfiguration.default
        #expect(rule.ikiAbovePercent == 110 && rule.ikiMeetsPercent == 90)
        #expect(rule.aboveSharePercent == 50 && rule.belowSharePercent == 50)
        #expect(rule.utamaBelowBlocksAbove && rule.includeTambahan && rule.tambahanWeight == 0.5 && !rule.requireEvidence)
        #expect(rule.perilakuAboveMean == 4.5 && rule.perilakuMeetsMean == 3.0)
        #expect(rule.perilakuAboveValues == 4 && rule.perilakuBelowValues == 4)
        #expect(rule.violations().isEmpty)
    }

    @Test("thresholds out of range or inconsistent are each named, and refused with PROPOSAL_RULE_INVALID and BadRequest details")
    func invalid() throws {
        var rule = ProposalRuleConfiguration()
        rule.ikiAbovePercent = 95
        rule.ikiMeetsPercent = 99
        rule.aboveSharePercent = 100
        rule.tambahanWeight = 0
        rule.perilakuMeetsMean = 4.8
        rule.perilakuBelowValues = 8
        let fields = rule.violations().map(\.field)
        #expect(fields == ["iki_above_percent", "iki_meets_percent", "above_share_percent", "tambahan_weight", "perilaku_meets_mean", "perilaku_below_values"])
        let error = #expect(throws: EvaluationRuleError.self) { try rule.validated() }
        #expect(error?.reason == "PROPOSAL_RULE_INVALID")
        #expect(error?.statusCode == .invalidArgument)
        let status = try #require(error?.rpcStatus)
        #expect(status.details.contains { if case .badRequest(let bad) = $0.detail { bad.fieldViolations.count == 6 } else { false } })
    }

    @Test("NaN never passes a range")
    func nan() {
        var rule = ProposalRuleConfiguration()
        rule.belowSharePercent = .nan
        #expect(rule.violations().map(\.field) == ["below_share_percent"])
    }

    @Test("round trip through the contract's ProposalRule; the later fields read 0 as their default")
    func proto() {
        var rule = ProposalRuleConfiguration()
        rule.ruleID = "01HV"
        rule.version = 4
        rule.ikiAbovePercent = 120
        rule.tambahanWeight = 0.25
        rule.perilakuAboveValues = 5
        #expect(ProposalRuleConfiguration(rule.proto) == rule)
        var old = rule.proto
        old.tambahanWeight = 0
        old.perilakuAboveMean = 0
        old.perilakuMeetsMean = 0
        old.perilakuAboveValues = 0
        old.perilakuBelowValues = 0
        let read = ProposalRuleConfiguration(old)
        #expect(read.tambahanWeight == 0.5 && read.perilakuAboveMean == 4.5 && read.perilakuMeetsMean == 3 && read.perilakuAboveValues == 4)
        #expect(read.ikiAbovePercent == 120)
    }
}
