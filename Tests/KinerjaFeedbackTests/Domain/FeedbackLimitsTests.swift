import Foundation
import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Length limits and scales come from one place and agree with feedback.proto")
struct FeedbackLimitsTests {
    func range(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }
    func range(_ range: ClosedRange<UInt32>) -> String { "\(range.lowerBound)–\(range.upperBound)" }

    @Test("feedback 1-4000, response at most 2000, solicitation 1-1000, decline reason 1-500")
    func feedback() throws {
        #expect(try Fixtures.protoComment("ContinuousFeedback", "message").contains(range(FeedbackLimits.feedbackMessage)))
        #expect(try Fixtures.protoComment("ContinuousFeedback", "response").contains("at most \(FeedbackLimits.feedbackResponseMaximum) characters"))
        #expect(try Fixtures.protoComment("AcknowledgeFeedbackRequest", "response").contains("at most \(FeedbackLimits.feedbackResponseMaximum) characters"))
        #expect(try Fixtures.protoComment("FeedbackSolicitation", "message").contains(range(FeedbackLimits.solicitationMessage)))
        #expect(try Fixtures.protoComment("FeedbackSolicitation", "decline_reason").contains(range(FeedbackLimits.solicitationDeclineReason)))
        #expect(try Fixtures.protoComment("CloseFeedbackSolicitationRequest", "reason").contains(range(FeedbackLimits.solicitationDeclineReason)))
        let text = try Fixtures.protoText().replacingOccurrences(of: "\n  // ", with: " ")
        #expect(text.contains("already holds \(FeedbackLimits.openSolicitationsPerAddressee) OPEN solicitations"))
    }

    @Test("dialog summary 1-8000, 50 agreements of 1-1000, 50 action items of 1-500, closing note 1-1000, dispute 1-4000")
    func dialog() throws {
        #expect(try Fixtures.protoComment("DialogRecord", "summary").contains(range(FeedbackLimits.dialogSummary)))
        #expect(try Fixtures.protoComment("DialogRecord", "agreements").contains("at most \(FeedbackLimits.agreementsMaximum), each \(range(FeedbackLimits.agreement))"))
        #expect(try Fixtures.protoComment("DialogRecord", "action_items").contains("at most \(FeedbackLimits.actionItemsMaximum)"))
        #expect(try Fixtures.protoComment("CoachingRecord", "action_items").contains("at most \(FeedbackLimits.actionItemsMaximum)"))
        #expect(try Fixtures.protoComment("ActionItem", "text").contains(range(FeedbackLimits.actionItemText)))
        #expect(try Fixtures.protoComment("ActionItem", "closing_note").contains(range(FeedbackLimits.actionItemClosingNote)))
        #expect(try Fixtures.protoComment("CloseActionItemRequest", "note").contains(range(FeedbackLimits.actionItemClosingNote)))
        #expect(try Fixtures.protoComment("ConfirmDialogRequest", "comment").contains(range(FeedbackLimits.disputeComment)))
        #expect(try Fixtures.protoComment("DialogRecord", "employee_comment").contains("at most \(FeedbackLimits.disputeComment.upperBound) characters"))
    }

    @Test("coaching topic 1-300, notes at most 8000, duration 0-600, rating 1-5 with a comment of at most 2000")
    func coaching() throws {
        #expect(try Fixtures.protoComment("CoachingRecord", "topic").contains(range(FeedbackLimits.coachingTopic)))
        #expect(try Fixtures.protoComment("CoachingRecord", "notes").contains("at most \(FeedbackLimits.coachingNotesMaximum) characters"))
        #expect(try Fixtures.protoComment("CoachingRecord", "duration_minutes").contains(range(FeedbackLimits.coachingDurationMinutes)))
        #expect(try Fixtures.protoComment("CoachingRating", "score").contains("\(FeedbackLimits.coachingScore.lowerBound) (not at all) – \(FeedbackLimits.coachingScore.upperBound)"))
        #expect(try Fixtures.protoComment("CoachingRating", "comment").contains("at most \(FeedbackLimits.coachingCommentMaximum) characters"))
    }

    @Test("360°: scores 1-5, value comment at most 1000, overall at most 2000, 200 comments per group, 0-10 peers, 1-30 raters, threshold at least 3")
    func assessment() throws {
        #expect(try Fixtures.protoComment("ValueScore", "score").contains("Score \(FeedbackLimits.behaviourScore.lowerBound) (sangat kurang) – \(FeedbackLimits.behaviourScore.upperBound) (sangat baik)"))
        #expect(try Fixtures.protoComment("ValueScore", "comment").contains("at most \(FeedbackLimits.valueCommentMaximum) characters"))
        #expect(try Fixtures.protoComment("ValueScore", "comment").contains("required (1–1000) for a score of 1 or 5"))
        #expect(try Fixtures.protoComment("BehaviourAssessment", "overall_comment").contains("at most \(FeedbackLimits.overallCommentMaximum) characters"))
        #expect(try Fixtures.protoComment("SubmitBehaviourAssessmentRequest", "overall_comment").contains("at most \(FeedbackLimits.overallCommentMaximum) characters"))
        #expect(try Fixtures.protoComment("RaterGroupSummary", "comments").contains("at most \(FeedbackLimits.groupCommentsMaximum)"))
        #expect(try Fixtures.protoComment("AssessmentRound", "peers_per_subject").contains(range(FeedbackLimits.peersPerSubject)))
        #expect(try Fixtures.protoComment("AssignRatersRequest", "raters").contains(range(FeedbackLimits.ratersPerRequest)))
        #expect(try Fixtures.protoComment("CloseAssessmentRoundRequest", "reason").contains("at most \(FeedbackLimits.roundCloseReasonMaximum) characters"))
        #expect(try Fixtures.protoComment("ValueExpectation", "ekspektasi_khusus").contains("at most \(FeedbackLimits.expectationMaximum) characters"))
        #expect(try Fixtures.protoComment("FeedbackPolicy", "anonymity_threshold").contains("never below \(FeedbackLimits.anonymityFloor)"))
    }

    @Test("citizen: score 1-5, comment at most 1000, service 1-200, counter at most 100, void and moderation reasons 1-500, SKM 1-4, 7 days")
    func citizen() throws {
        #expect(try Fixtures.protoComment("SubmitCitizenRatingRequest", "score").contains("Score \(FeedbackLimits.citizenScore.lowerBound) (sangat tidak puas) – \(FeedbackLimits.citizenScore.upperBound) (sangat puas)"))
        #expect(try Fixtures.protoComment("SubmitCitizenRatingRequest", "comment").contains("at most \(FeedbackLimits.citizenCommentMaximum) characters"))
        #expect(try Fixtures.protoComment("CitizenRating", "comment").contains("at most \(FeedbackLimits.citizenCommentMaximum) characters"))
        #expect(try Fixtures.protoComment("ServiceTicket", "service_name").contains(range(FeedbackLimits.serviceName)))
        #expect(try Fixtures.protoComment("ServiceTicket", "counter_name").contains("at most \(FeedbackLimits.counterNameMaximum) characters"))
        #expect(try Fixtures.protoComment("VoidServiceTicketRequest", "reason").contains(range(FeedbackLimits.voidReason)))
        #expect(try Fixtures.protoComment("ModerateCitizenRatingRequest", "reason").contains(range(FeedbackLimits.moderationReason)))
        #expect(try Fixtures.protoComment("SkmAnswer", "score").contains("Score \(FeedbackLimits.skmScore.lowerBound) (tidak sesuai / tidak puas) – \(FeedbackLimits.skmScore.upperBound)"))
        #expect(try Fixtures.protoComment("FeedbackPolicy", "ticket_validity_days").contains("fixed at \(FeedbackLimits.ticketValidityDays)"))
        #expect(try Fixtures.protoComment("ServiceTicket", "expires_at").contains("issued_at + \(FeedbackLimits.ticketValidityDays) days"))
        #expect(try Fixtures.protoComment("GetEmployeeCitizenSummaryRequest", "date_range").contains("at most \(FeedbackLimits.summaryRangeDays)"))
        #expect(try Fixtures.protoComment("ServiceTicket", "ticket_code").contains("\(TicketCode.length) characters of Crockford base32 in three groups of \(TicketCode.groupLength)"))
        #expect(try Fixtures.protoComment("ServiceTicket", "ticket_code").contains("\(TicketCode.randomLength) random characters (70 bits)"))
    }

    @Test("policy: reason 1-500, at most 500 peer-feedback units of 1-64 characters, and each range and default the policy value uses")
    func policy() throws {
        #expect(try Fixtures.protoComment("SetFeedbackPolicyRequest", "reason").contains(range(FeedbackLimits.policyReason)))
        let units = try Fixtures.protoComment("FeedbackPolicy", "peer_feedback_unit_ids")
        #expect(units.contains("at most \(FeedbackLimits.peerFeedbackUnitsMaximum) unit ids, each \(range(FeedbackLimits.unitID)) characters"))
        #expect(try Fixtures.protoComment("FeedbackPolicy", "anonymity_threshold").contains("3–20; default 3"))
        #expect(try Fixtures.protoComment("FeedbackPolicy", "citizen_minimum_sample").contains("5–200; default 10"))
        #expect(try Fixtures.protoComment("FeedbackPolicy", "trim_percent").contains("percent 0–25; default 5"))
        #expect(try Fixtures.protoComment("FeedbackPolicy", "min_seconds_after_issue").contains("0–3600; default 60"))
        #expect(try Fixtures.protoComment("FeedbackPolicy", "burst_limit").contains("0–100; 0 = off; default 5"))
        #expect(EffectiveFeedbackPolicy.burstWindowSeconds == 600)
        #expect(try Fixtures.protoComment("FeedbackPolicy", "dialog_minimum_per_triwulan").contains("0–6; 0 = the default 1"))
        let defaults = EffectiveFeedbackPolicy.defaultPolicy
        #expect(defaults.anonymityThreshold == 3 && defaults.citizenMinimumSample == 10 && defaults.trimPercent == 5)
        #expect(defaults.minSecondsAfterIssue == 60 && defaults.burstLimit == 5 && defaults.dialogMinimumPerTriwulan == 1)
    }
}
