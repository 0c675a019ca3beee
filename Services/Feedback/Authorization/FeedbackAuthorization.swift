public import KinerjaService
import KinerjaProto

/// Who may call each feedback method (default deny). Relationship grants are finished by the
/// handlers once they know the record (the recipient, the dialog's parties, the assignment's
/// rater); named relations are decided with the service's own data and identity, through the
/// domain rules (``FeedbackGiver``, ``DialogRules``, ``CoachingRules``, …). Every denial is
/// audited. The comments of feedback.proto say the same in words.
///
/// One grant the table cannot say: the citizen kiosk issues tickets only for the units configured
/// for it (`feedback.kiosks`); relation grants are for signed-in users, so the handler decides that
/// one (IssueServiceTicket, audited as any denial; docs/FEEDBACK.md "Who may do what").
public enum FeedbackAuthorization {
    typealias M = Feedback.FeedbackService.Method

    /// The kiosk (queue system) at public-service counters: the only issuer of tickets and the
    /// citizen's way to rate.
    static let kiosk = Grant.client("citizen-kiosk")
    /// The web app (kinerja-web) serving the citizen's `/rate/CODE` page: looks the ticket up and
    /// submits the rating without a user token, passing the citizen's address for the guess limit.
    static let citizenPortal = Grant.client("web")

    /// Readers of one employee's feedback-side records: the employee, the atasan chain,
    /// pengelola kinerja and auditors in scope.
    static let employeeReaders: [Grant] = [.targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.auditor)]

    /// The table.
    public static let table = AuthorizationTable(service: Feedback.FeedbackService.descriptor.name, rules: [
        // Continuous feedback and solicitations.
        M.giveFeedback: AccessRule(.relation(.feedbackGiver)),
        M.getFeedback: AccessRule(.relation(.feedbackParty), .atasanOfTarget, .roleInScope(.auditor)),
        M.listFeedback: AccessRule(grants: employeeReaders),
        M.acknowledgeFeedback: AccessRule(.relation(.feedbackRecipient)),
        // Anyone signed in asks for themselves; whom they may ask is a rule (FAILED_PRECONDITION).
        M.solicitFeedback: AccessRule(.anyUser),
        M.listFeedbackSolicitations: AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja), .roleInScope(.auditor)),
        M.closeFeedbackSolicitation: AccessRule(.relation(.solicitationParty)),
        // Dialog kinerja.
        M.recordDialog: AccessRule(.relation(.dialogAtasan)),
        M.updateDialog: AccessRule(.relation(.dialogRecorder)),
        M.confirmDialog: AccessRule(.relation(.dialogEmployee)),
        M.getDialog: AccessRule(grants: [.relation(.recordParty)] + employeeReaders.dropFirst() + [.service("evaluation")]),
        M.listDialogs: AccessRule(grants: employeeReaders + [.service("evaluation")]),
        M.closeActionItem: AccessRule(.relation(.actionItemCloser)),
        M.getDialogCadence: AccessRule(.relation(.ownBawahan), .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .roleInScope(.auditor)),
        // Coaching.
        M.recordCoaching: AccessRule(.relation(.coach)),
        M.getCoaching: AccessRule(grants: [.relation(.recordParty)] + employeeReaders.dropFirst()),
        M.listCoaching: AccessRule(grants: employeeReaders),
        M.rateCoaching: AccessRule(.relation(.coachee)),
        M.appointCoach: AccessRule(.roleInScope(.pengelolaKinerja)),
        // 360° rounds.
        M.openAssessmentRound: AccessRule(.roleInScope(.pengelolaKinerja)),
        M.getAssessmentRound: AccessRule(.roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .roleInScope(.auditor), .withinTargetUnit),
        M.closeAssessmentRound: AccessRule(.roleInScope(.pengelolaKinerja)),
        M.assignRaters: AccessRule(.relation(.subjectAtasan), .roleInScope(.pengelolaKinerja)),
        M.listAssessmentAssignments: AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja)),
        M.cancelAssessmentAssignment: AccessRule(.roleInScope(.pengelolaKinerja)),
        M.submitBehaviourAssessment: AccessRule(.relation(.assignedRater)),
        M.getBehaviourSummary: AccessRule(grants: employeeReaders + [.service("evaluation")]),
        M.streamBehaviourSummaries: AccessRule(.service("evaluation"), .roleInScope(.pengelolaKinerja)),
        // Citizen tickets and ratings.
        M.issueServiceTicket: AccessRule(kiosk),
        M.getServiceTicket: AccessRule(kiosk, citizenPortal, .roleInScope(.pengelolaKinerja)),
        M.voidServiceTicket: AccessRule(kiosk, .roleInScope(.pengelolaKinerja)),
        M.submitCitizenRating: AccessRule(kiosk, citizenPortal),
        M.listCitizenRatings: AccessRule(.targetSelf, .roleInScope(.pimpinan), .roleInScope(.pengelolaKinerja), .roleInScope(.auditor)),
        M.getEmployeeCitizenSummary: AccessRule(grants: employeeReaders + [.service("evaluation")]),
        M.getUnitCitizenSummary: AccessRule(.roleInScope(.pimpinan), .roleInScope(.pengelolaKinerja), .roleInScope(.auditor),
                                            .service("evaluation"), .client("hr-portal")),
        M.moderateCitizenRating: AccessRule(.roleInScope(.pengelolaKinerja)),
        // Policy and audit. SetFeedbackPolicy's target is the root unit: only an agency-wide scope covers it.
        M.getFeedbackPolicy: AccessRule(.anyPeer),
        M.setFeedbackPolicy: AccessRule(.role(.admin), .roleInScope(.pengelolaKinerja)),
        M.listAuditEvents: .auditReaders,
        M.verifyAuditChain: .auditReaders,
        M.exportPersonalData: .personalDataExporters,
    ])
}

extension Relation {
    /// Who may give a piece of feedback (``FeedbackGiver``).
    static let feedbackGiver = Relation(
        "feedback-giver",
        "the recipient's atasan (langsung, an acting Plt./Plh., or higher in the chain, per identity), or a rekan kerja where the policy allows peer feedback in the recipient's unit")
    /// The recipient of a piece of feedback.
    static let feedbackRecipient = Relation("feedback-recipient", "the recipient of the feedback")
    /// The giver or the recipient.
    static let feedbackParty = Relation("feedback-party", "the giver or the recipient of the feedback")
    /// The requester (withdraws) or the addressee (declines).
    static let solicitationParty = Relation("solicitation-party", "the requester (to withdraw) or the addressee (to decline) of the solicitation")
    /// The employee's atasan langsung on the day.
    static let dialogAtasan = Relation("dialog-atasan", "the employee's atasan langsung, definitive or acting Plt./Plh., per identity")
    /// The atasan who recorded a dialog.
    static let dialogRecorder = Relation("dialog-recorder", "the atasan who recorded the dialog")
    /// The employee of a dialog.
    static let dialogEmployee = Relation("dialog-employee", "the employee of the dialog")
    /// A party of a dialog or coaching record.
    static let recordParty = Relation("record-party", "a party of the record: the employee or the atasan of a dialog, the coachee or the coach of a session")
    /// Who closes a follow-up action.
    static let actionItemCloser = Relation("action-item-closer", "the follow-up action's owner, or whoever recorded the dialog or coaching session")
    /// An atasan reading the dialog minimum of their own bawahan.
    static let ownBawahan = Relation("own-bawahan", "an atasan, for the pairs with their own bawahan")
    /// Who records coaching.
    static let coach = Relation("coach", "someone in the coachee's atasan chain (acting included, per identity), or a coach pengelola kinerja appointed for the coachee")
    /// The coachee of a session.
    static let coachee = Relation("coachee", "the coachee of the session")
    /// The subject's atasan langsung (adds raters).
    static let subjectAtasan = Relation("subject-atasan", "the subject's atasan langsung per identity")
    /// The rater an assignment names.
    static let assignedRater = Relation("assigned-rater", "the rater the assignment names (anyone else is answered NOT_FOUND, as if it did not exist)")
}
