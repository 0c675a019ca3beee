import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("The feedback policy: documented defaults, ranges, and an anonymity threshold never below 3")
struct FeedbackPolicyTests {
    @Test("with nothing set the policy is the documented default: threshold 3, sample 10, TRIMMED 5%, 60 s, burst 5, 7 days, no peer feedback, 1 dialog per triwulan")
    func defaults() {
        let policy = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy())
        #expect(policy.anonymityThreshold == 3)
        #expect(policy.citizenMinimumSample == 10)
        #expect(policy.outlierMethod == .trimmed)
        #expect(policy.trimPercent == 0, "trim_percent 0 is a real value: no trimming")
        #expect(policy.minSecondsAfterIssue == 0 && policy.burstLimit == 0, "0 switches those rules off")
        #expect(policy.ticketValidityDays == 7)
        #expect(policy.peerFeedbackUnitIDs.isEmpty)
        #expect(policy.dialogMinimumPerTriwulan == 1)
        let standard = EffectiveFeedbackPolicy()
        #expect(standard.trimPercent == 5 && standard.minSecondsAfterIssue == 60 && standard.burstLimit == 5)
        #expect(standard.proto == EffectiveFeedbackPolicy.defaultPolicy)
    }

    @Test("the anonymity threshold is never below 3, whatever the stored policy says")
    func thresholdFloor() {
        for stored: UInt32 in [0, 1, 2, 3] {
            #expect(EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(anonymityThreshold: stored)).anonymityThreshold == 3, "\(stored)")
        }
        #expect(EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(anonymityThreshold: 5)).anonymityThreshold == 5)
        #expect(EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(anonymityThreshold: 99)).anonymityThreshold == 20)
    }

    @Test("SetFeedbackPolicy refuses every value out of range at once, a threshold below 3 first among them")
    func violations() {
        var policy = EffectiveFeedbackPolicy.defaultPolicy
        policy.anonymityThreshold = 2
        policy.citizenMinimumSample = 4
        policy.trimPercent = 30
        policy.minSecondsAfterIssue = 3601
        policy.burstLimit = 101
        policy.dialogMinimumPerTriwulan = 7
        policy.peerFeedbackUnitIDs = ["dukcapil", "dukcapil", "bad id"]
        let fields = EffectiveFeedbackPolicy.violations(policy).map(\.field)
        #expect(fields == ["policy.anonymity_threshold", "policy.citizen_minimum_sample", "policy.trim_percent", "policy.min_seconds_after_issue",
                           "policy.burst_limit", "policy.dialog_minimum_per_triwulan", "policy.peer_feedback_unit_ids[2]", "policy.peer_feedback_unit_ids"])
        #expect(EffectiveFeedbackPolicy.violations(policy).first?.description.contains("never below 3") == true)
        #expect(EffectiveFeedbackPolicy.violations(EffectiveFeedbackPolicy.defaultPolicy).isEmpty)
        var nan = EffectiveFeedbackPolicy.defaultPolicy
        nan.trimPercent = .nan
        #expect(EffectiveFeedbackPolicy.violations(nan).map(\.field) == ["policy.trim_percent"])
    }

    @Test("a change needs a reason (1-500) and is stored with defaults written out; dialog minimum 0 reads as 1")
    func change() throws {
        var request = Feedback.SetFeedbackPolicyRequest(policy: EffectiveFeedbackPolicy.defaultPolicy, reason: "  ")
        let error = Fixtures.error { try EffectiveFeedbackPolicy.validatedChange(request) }
        #expect(error?.code == .textRequired)
        #expect(error?.field == "reason")
        request.reason = "Rapat BKPSDM 3 Maret 2026: umpan balik antar rekan di Dukcapil"
        request.policy?.dialogMinimumPerTriwulan = 0
        request.policy?.peerFeedbackUnitIDs = ["dukcapil", "bkpsdm"]
        request.policy?.ticketValidityDays = 30
        let stored = try EffectiveFeedbackPolicy.validatedChange(request)
        #expect(stored.dialogMinimumPerTriwulan == 1)
        #expect(stored.ticketValidityDays == 7, "fixed: output only")
        #expect(stored.peerFeedbackUnitIDs == ["bkpsdm", "dukcapil"])
        #expect(Fixtures.error { try EffectiveFeedbackPolicy.validatedChange(Feedback.SetFeedbackPolicyRequest(reason: "x")) }?.field == "policy")
    }

    @Test("peer feedback is allowed in a listed unit and all its sub-units, nowhere else")
    func peerUnits() {
        let policy = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(peerFeedbackUnitIDs: ["dukcapil"]))
        #expect(policy.allowsPeerFeedback(unitPath: Fixtures.unitPath))
        #expect(!policy.allowsPeerFeedback(unitPath: ["dinkes", "pemkot-kupang"]))
        #expect(!EffectiveFeedbackPolicy().allowsPeerFeedback(unitPath: Fixtures.unitPath))
    }
}
