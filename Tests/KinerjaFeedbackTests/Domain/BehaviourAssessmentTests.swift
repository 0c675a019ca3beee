import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("A 360° answer: the seven BerAKHLAK values scored 1-5 against the ekspektasi khusus, with comments")
struct BehaviourAssessmentTests {
    static func request(_ scores: [Feedback.ValueScore], overall: String = "") -> Feedback.SubmitBehaviourAssessmentRequest {
        Feedback.SubmitBehaviourAssessmentRequest(assignmentID: "a-1", scores: scores, overallComment: overall)
    }

    @Test("exactly seven scores, one per value, each 1-5; returned in value order with comments trimmed")
    func seven() throws {
        let answer = try BehaviourAssessmentRules.validated(Self.request(RoundScenario.scores([3, 4]).reversed(), overall: " Rekan yang bisa diandalkan. "))
        #expect(answer.scores.map(\.value) == [.berorientasiPelayanan, .akuntabel, .kompeten, .harmonis, .loyal, .adaptif, .kolaboratif])
        #expect(answer.overallComment == "Rekan yang bisa diandalkan.")
        #expect(answer.assignmentID == "a-1")
    }

    @Test("a missing value, a value twice, an unknown value or an eighth score is refused")
    func incomplete() {
        let six = Array(RoundScenario.scores([3]).dropLast())
        #expect(Fixtures.error { try BehaviourAssessmentRules.validated(Self.request(six)) }?.violations.first?.description
            == "give exactly 7 scores, one per BerAKHLAK value; missing: Kolaboratif")
        var twice = six
        twice.append(Feedback.ValueScore(value: .loyal, score: 3))
        #expect(Fixtures.error { try BehaviourAssessmentRules.validated(Self.request(twice)) }?.violations.map(\.field) == ["scores[6].value", "scores"])
        var unknown = six
        unknown.append(Feedback.ValueScore(value: .unspecified, score: 3))
        #expect(Fixtures.error { try BehaviourAssessmentRules.validated(Self.request(unknown)) }?.code == .scoresIncomplete)
        #expect(Fixtures.error { try BehaviourAssessmentRules.validated(Self.request(RoundScenario.scores([3]) + [Feedback.ValueScore(value: .loyal, score: 3)])) }?
            .violations.last?.description == "give exactly 7 scores, one per BerAKHLAK value; got 8")
    }

    @Test("a score outside 1-5 is refused; a 1 or a 5 needs a comment naming the behaviour observed")
    func scale() {
        var scores = RoundScenario.scores([3])
        scores[2].score = 0
        scores[3].score = 6
        scores[4] = Feedback.ValueScore(value: .loyal, score: 5, comment: " ")
        let error = Fixtures.error { try BehaviourAssessmentRules.validated(Self.request(scores)) }
        #expect(error?.violations.map(\.reason) == ["SCORE_OUT_OF_RANGE", "SCORE_OUT_OF_RANGE", "SCORE_COMMENT_REQUIRED"])
        #expect(error?.violations.last?.description == "a score of 5 on Loyal needs a comment naming the behaviour observed")
    }

    @Test("comments: at most 1000 per value and 2000 overall, no control characters")
    func comments() {
        var scores = RoundScenario.scores([3])
        scores[0].comment = String(repeating: "a", count: 1001)
        #expect(Fixtures.error { try BehaviourAssessmentRules.validated(Self.request(scores)) }?.field == "scores[0].comment")
        #expect(Fixtures.error { try BehaviourAssessmentRules.validated(Self.request(RoundScenario.scores([3]), overall: "ok\u{7}")) }?.code == .textControlCharacter)
        #expect(Fixtures.error { try BehaviourAssessmentRules.validated(Self.request(RoundScenario.scores([3]), overall: String(repeating: "b", count: 2001))) }?.code
            == .textTooLong)
    }
}
