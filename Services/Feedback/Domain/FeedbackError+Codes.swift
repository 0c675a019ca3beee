/// Every reason the feedback module answers with, by category. The reason strings are stable:
/// clients and tests match on them.
extension FeedbackError.Code {
    // MARK: Input (INVALID_ARGUMENT)

    /// A required field or enum is missing (UNSPECIFIED).
    public static let fieldRequired = Self("FIELD_REQUIRED", .invalidArgument)
    /// A required text is empty or only white space.
    public static let textRequired = Self("TEXT_REQUIRED", .invalidArgument)
    /// A text is longer than its limit.
    public static let textTooLong = Self("TEXT_TOO_LONG", .invalidArgument)
    /// A text holds NUL or another control character (or a line break where one line is expected).
    public static let textControlCharacter = Self("TEXT_CONTROL_CHARACTER", .invalidArgument)
    /// A NIP is not 18 digits.
    public static let nipInvalid = Self("NIP_INVALID", .invalidArgument)
    /// A period is not a well-formed month, triwulan or year of 2000–2100, or not one the rule accepts.
    public static let periodInvalid = Self("PERIOD_INVALID", .invalidArgument)
    /// A date is missing or not a real day.
    public static let dateInvalid = Self("DATE_INVALID", .invalidArgument)
    /// A date lies after today in WITA.
    public static let dateInFuture = Self("DATE_IN_FUTURE", .invalidArgument)
    /// A date range is reversed or longer than allowed.
    public static let rangeInvalid = Self("RANGE_INVALID", .invalidArgument)
    /// A subject kind without its id, or an id without a kind.
    public static let subjectInvalid = Self("SUBJECT_INVALID", .invalidArgument)
    /// More items than the contract allows (agreements, action items, raters, unit ids).
    public static let tooManyItems = Self("TOO_MANY_ITEMS", .invalidArgument)
    /// A score is outside its scale.
    public static let scoreOutOfRange = Self("SCORE_OUT_OF_RANGE", .invalidArgument)
    /// A 360° assessment does not give exactly one score for each of the seven values.
    public static let scoresIncomplete = Self("BEHAVIOUR_SCORES_INCOMPLETE", .invalidArgument)
    /// A 360° score of 1 or 5 has no comment of observed behaviour.
    public static let scoreCommentRequired = Self("SCORE_COMMENT_REQUIRED", .invalidArgument)
    /// SKM answers are neither none nor all nine unsur once each.
    public static let skmAnswersInvalid = Self("SKM_ANSWERS_INVALID", .invalidArgument)
    /// A ticket code has the wrong length or characters outside the alphabet.
    public static let ticketCodeMalformed = Self("TICKET_CODE_MALFORMED", .invalidArgument)
    /// A ticket code's check character does not match: a typo, caught before any lookup.
    public static let ticketCodeCheckFailed = Self("TICKET_CODE_CHECK_FAILED", .invalidArgument)
    /// A rater relation is missing, assigned automatically (SELF, ATASAN) or not what the supervisor tree says.
    public static let raterRelationInvalid = Self("RATER_RELATION_INVALID", .invalidArgument)
    /// A subject named as their own rekan kerja or bawahan.
    public static let raterIsSubject = Self("RATER_IS_SUBJECT", .invalidArgument)
    /// A reason (or comment) is required and missing.
    public static let reasonRequired = Self("REASON_REQUIRED", .invalidArgument)
    /// A policy value is outside its range.
    public static let policyOutOfRange = Self("POLICY_OUT_OF_RANGE", .invalidArgument)
    /// A round's deadline is missing or not in the future.
    public static let deadlineInvalid = Self("DEADLINE_INVALID", .invalidArgument)
    /// A round option is out of range (peers_per_subject over 10).
    public static let roundOptionInvalid = Self("ROUND_OPTION_INVALID", .invalidArgument)
    /// A secret key is too short to key a pseudonym or a comment order.
    public static let secretTooShort = Self("SECRET_TOO_SHORT", .invalidArgument)

    // MARK: Not found (NOT_FOUND)

    /// No assignment of this rater for this subject in the round.
    public static let assignmentNotFound = Self("ASSIGNMENT_NOT_FOUND", .notFound)
    /// The record has no action item with that number.
    public static let actionItemNotFound = Self("ACTION_ITEM_NOT_FOUND", .notFound)

    // MARK: Done once already (ALREADY_EXISTS)

    /// The rater already submitted for this subject in this round.
    public static let assessmentAlreadySubmitted = Self("ASSESSMENT_ALREADY_SUBMITTED", .alreadyExists)
    /// The ticket was already rated.
    public static let ticketAlreadyRated = Self("TICKET_ALREADY_RATED", .alreadyExists)
    /// The coaching session was already rated by its coachee.
    public static let coachingAlreadyRated = Self("COACHING_ALREADY_RATED", .alreadyExists)

    // MARK: Who may (PERMISSION_DENIED)

    /// The giver is neither above the recipient nor a rekan kerja allowed by the policy.
    public static let giverNotAllowed = Self("FEEDBACK_GIVER_NOT_ALLOWED", .permissionDenied)
    /// Only the employee's atasan (langsung or acting) records a dialog with them.
    public static let notTheAtasan = Self("NOT_THE_ATASAN", .permissionDenied)
    /// The step belongs to another party of the record (the recipient, the employee, the coachee, the item's owner).
    public static let notAParty = Self("NOT_A_PARTY", .permissionDenied)

    // MARK: State (FAILED_PRECONDITION)

    /// The feedback was already acknowledged.
    public static let feedbackAlreadyAcknowledged = Self("FEEDBACK_ALREADY_ACKNOWLEDGED", .failedPrecondition)
    /// The solicitation is not OPEN.
    public static let solicitationNotOpen = Self("SOLICITATION_NOT_OPEN", .failedPrecondition)
    /// The solicitation is for something else or someone else.
    public static let solicitationMismatch = Self("SOLICITATION_MISMATCH", .failedPrecondition)
    /// The addressee may not answer the solicitation.
    public static let solicitationAddresseeInvalid = Self("SOLICITATION_ADDRESSEE_INVALID", .failedPrecondition)
    /// The requester already holds the most OPEN solicitations to this addressee.
    public static let solicitationLimitReached = Self("SOLICITATION_LIMIT_REACHED", .failedPrecondition)
    /// The dialog was already confirmed or disputed.
    public static let dialogNotAwaiting = Self("DIALOG_NOT_AWAITING_CONFIRMATION", .failedPrecondition)
    /// The dialog still awaits the employee's confirmation.
    public static let dialogNotFinal = Self("DIALOG_NOT_FINAL", .failedPrecondition)
    /// The action item is already closed.
    public static let actionItemClosed = Self("ACTION_ITEM_ALREADY_CLOSED", .failedPrecondition)
    /// The round is closed: no more assignments or submissions.
    public static let roundClosed = Self("ROUND_CLOSED", .failedPrecondition)
    /// The round's deadline has passed.
    public static let roundPastDeadline = Self("ROUND_PAST_DEADLINE", .failedPrecondition)
    /// The assignment is cancelled or expired.
    public static let assignmentNotPending = Self("ASSIGNMENT_NOT_PENDING", .failedPrecondition)
    /// The rater is already assigned to the subject in another group.
    public static let raterAlreadyAssigned = Self("RATER_ALREADY_ASSIGNED", .failedPrecondition)
    /// The ticket's rating window (7 days) has passed.
    public static let ticketExpired = Self("TICKET_EXPIRED", .failedPrecondition)
    /// Only an ISSUED ticket can be voided.
    public static let ticketNotVoidable = Self("TICKET_NOT_VOIDABLE", .failedPrecondition)
    /// The ticket was voided.
    public static let ticketVoided = Self("TICKET_VOIDED", .failedPrecondition)
    /// A state this build does not know.
    public static let stateUnknown = Self("STATE_UNKNOWN", .failedPrecondition)

    // MARK: Concurrency (ABORTED)

    /// The record changed since the caller read it.
    public static let revisionMismatch = Self("REVISION_MISMATCH", .aborted)

    // MARK: Limits (RESOURCE_EXHAUSTED)

    /// Too many failed ticket guesses from one address.
    public static let guessLimitReached = Self("GUESS_LIMIT_REACHED", .resourceExhausted)
}
