/// Every text length, count and scale of the feedback contract, in one place.
///
/// Each value is the one `feedback.proto` states in the comment of the field it limits (a test
/// reads the proto and checks they agree). Lengths count Unicode scalars of the text with leading
/// and trailing white space trimmed, so a reason of spaces is empty.
public enum FeedbackLimits {
    // MARK: Continuous feedback and solicitations

    /// The feedback text (`ContinuousFeedback.message`).
    public static let feedbackMessage = 1...4000
    /// The recipient's response when acknowledging (`AcknowledgeFeedbackRequest.response`).
    public static let feedbackResponseMaximum = 2000
    /// What the requester wants to discuss (`FeedbackSolicitation.message`).
    public static let solicitationMessage = 1...1000
    /// Why the addressee declines (`CloseFeedbackSolicitationRequest.reason`).
    public static let solicitationDeclineReason = 1...500
    /// Most OPEN solicitations one requester holds with one addressee (`SolicitFeedback`).
    public static let openSolicitationsPerAddressee = 5
    /// Longest opaque id of a subject (report, RHK, IKI, SKP) or record (*inference*: ULIDs are 26).
    public static let idMaximum = 64

    // MARK: Dialog kinerja and coaching

    /// The dialog's summary (`DialogRecord.summary`).
    public static let dialogSummary = 1...8000
    /// Most agreements of a dialog (`DialogRecord.agreements`).
    public static let agreementsMaximum = 50
    /// One agreement (`DialogRecord.agreements`).
    public static let agreement = 1...1000
    /// Most follow-up actions of a dialog or coaching record (`action_items`).
    public static let actionItemsMaximum = 50
    /// One follow-up action's text (`ActionItem.text`).
    public static let actionItemText = 1...500
    /// The note closing a follow-up action (`CloseActionItemRequest.note`, `ActionItem.closing_note`).
    public static let actionItemClosingNote = 1...1000
    /// The employee's comment when disputing (`ConfirmDialogRequest.comment`); at most this when agreeing.
    public static let disputeComment = 1...4000
    /// The coaching topic (`CoachingRecord.topic`).
    public static let coachingTopic = 1...300
    /// The coaching notes (`CoachingRecord.notes`).
    public static let coachingNotesMaximum = 8000
    /// A coaching session's duration in minutes, 0 = not given (`CoachingRecord.duration_minutes`).
    public static let coachingDurationMinutes: ClosedRange<UInt32> = 0...600
    /// The coachee's score of a session (`CoachingRating.score`).
    public static let coachingScore: ClosedRange<UInt32> = 1...5
    /// The coachee's comment (`CoachingRating.comment`).
    public static let coachingCommentMaximum = 2000
    /// Why pengelola kinerja appoint a coach (`CoachAppointment.reason`).
    public static let appointmentReason = 1...500

    // MARK: 360° BerAKHLAK

    /// A behaviour score: 1 sangat kurang … 5 sangat baik (`ValueScore.score`).
    public static let behaviourScore: ClosedRange<UInt32> = 1...5
    /// A comment on one value (`ValueScore.comment`).
    public static let valueCommentMaximum = 1000
    /// The overall comment of an assessment (`BehaviourAssessment.overall_comment`).
    public static let overallCommentMaximum = 2000
    /// Most comments shown per rater group (`RaterGroupSummary.comments`).
    public static let groupCommentsMaximum = 200
    /// Peers assigned per subject by default (`AssessmentRound.peers_per_subject`).
    public static let peersPerSubject: ClosedRange<UInt32> = 0...10
    /// Raters per AssignRaters call (`AssignRatersRequest.raters`).
    public static let ratersPerRequest = 1...30
    /// Why a round is closed early (`CloseAssessmentRoundRequest.reason`).
    public static let roundCloseReasonMaximum = 500
    /// Why an assignment is cancelled (`CancelAssessmentAssignmentRequest.reason`).
    public static let cancelReason = 1...500
    /// The ekspektasi khusus shown with an assignment (`ValueExpectation.ekspektasi_khusus`).
    public static let expectationMaximum = 4000
    /// The anonymity threshold no policy can lower (`FeedbackPolicy.anonymity_threshold`).
    public static let anonymityFloor: UInt32 = 3

    // MARK: Citizen ratings and the SKM

    /// A citizen's score: 1 sangat tidak puas … 5 sangat puas (`SubmitCitizenRatingRequest.score`).
    public static let citizenScore: ClosedRange<UInt32> = 1...5
    /// A citizen's comment (`SubmitCitizenRatingRequest.comment`).
    public static let citizenCommentMaximum = 1000
    /// The service given (`ServiceTicket.service_name`).
    public static let serviceName = 1...200
    /// The counter (`ServiceTicket.counter_name`).
    public static let counterNameMaximum = 100
    /// Why a ticket is voided (`VoidServiceTicketRequest.reason`).
    public static let voidReason = 1...500
    /// Why a rating is moderated (`ModerateCitizenRatingRequest.reason`).
    public static let moderationReason = 1...500
    /// Days a ticket may be rated (`FeedbackPolicy.ticket_validity_days`, DOMAIN.md).
    public static let ticketValidityDays = 7
    /// An SKM answer: 1 tidak sesuai … 4 sangat sesuai (`SkmAnswer.score`).
    public static let skmScore: ClosedRange<UInt32> = 1...4
    /// Longest range of a citizen summary, in WITA days (`GetEmployeeCitizenSummaryRequest.date_range`).
    public static let summaryRangeDays = 366

    // MARK: Policy

    /// Why the policy changes (`SetFeedbackPolicyRequest.reason`).
    public static let policyReason = 1...500
    /// Most unit ids allowing peer feedback (`FeedbackPolicy.peer_feedback_unit_ids`).
    public static let peerFeedbackUnitsMaximum = 500
    /// One unit id of that list.
    public static let unitID = 1...64
}
