public import KinerjaProto

/// Coaching, mentoring and counselling records (RecordCoaching) and the coachee's rating of them.
///
/// Content, checked whole:
///
/// | field | rule |
/// |---|---|
/// | coachee_nip | 18 digits, not the coach |
/// | kind | COACHING, MENTORING or KONSELING |
/// | held_on | a real WITA day, not after today |
/// | duration_minutes | 0–600 (0 = not given) |
/// | topic | 1–300 characters, one line |
/// | notes | at most 8000 characters |
/// | action_items | at most 50 (``ActionItemList``), owned by the coach or the coachee |
///
/// Who records: anyone in the coachee's atasan chain (definitive or acting), or a coach appointed
/// by pengelola kinerja. The coachee rates a session once: 1 (not useful) – 5 (very), comment ≤ 2000.
public enum CoachingRules {
    /// The record to store: checked, trimmed, numbered items, revision 1.
    ///
    /// - Parameters:
    ///   - coachNIP: the caller.
    ///   - standing: how the coach stands to the coachee on held_on.
    ///   - appointedCoach: true when pengelola kinerja appointed the caller as the coachee's coach.
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every bad field, then `NOT_A_PARTY`.
    public static func validatedRecord(_ request: Feedback.RecordCoachingRequest, coachNIP: String, standing: FeedbackStanding,
                                       appointedCoach: Bool, today: Common.Date) throws(FeedbackError) -> Feedback.CoachingRecord {
        guard let input = request.coaching else {
            throw FeedbackError(.fieldRequired, "the coaching record is required", field: "coaching")
        }
        var out = Feedback.CoachingRecord()
        out.coachNIP = coachNIP
        out.revision = 1
        var problems = ViolationCollector()
        problems.check { () throws(FeedbackError) in
            out.coacheeNIP = try FeedbackInput.nip(input.coacheeNIP, field: "coaching.coachee_nip")
        }
        if input.coacheeNIP == coachNIP {
            problems.add(.fieldRequired, "a coaching session is recorded by the coach about someone else", field: "coaching.coachee_nip")
        }
        switch input.kind {
        case .coaching, .mentoring, .konseling: out.kind = input.kind
        case .unspecified, .unrecognized:
            problems.add(.fieldRequired, "kind must be COACHING, MENTORING or KONSELING", field: "coaching.kind")
        }
        problems.check { () throws(FeedbackError) in
            out.heldOn = try FeedbackInput.pastDay(input.heldOn, field: "coaching.held_on", today: today)
        }
        if FeedbackLimits.coachingDurationMinutes.contains(input.durationMinutes) {
            out.durationMinutes = input.durationMinutes
        } else {
            problems.add(.fieldRequired, "duration_minutes must be 0-600 (0 = not given), got \(input.durationMinutes)", field: "coaching.duration_minutes")
        }
        problems.check { () throws(FeedbackError) in
            out.topic = try FeedbackText.validated(input.topic, field: "coaching.topic", range: FeedbackLimits.coachingTopic, lines: .single)
        }
        problems.check { () throws(FeedbackError) in
            out.notes = try FeedbackText.validated(input.notes, field: "coaching.notes", maximum: FeedbackLimits.coachingNotesMaximum)
        }
        let items = ActionItemList.validated(input.actionItems, parties: [input.coacheeNIP, coachNIP], heldOn: out.heldOn,
                                             field: "coaching.action_items")
        out.actionItems = items.items
        problems.add(contentsOf: items.problems)
        try problems.throwIfAny()
        guard standing.levelsAbove >= 1 || appointedCoach else {
            throw FeedbackError(.notAParty, "a coaching session is recorded by someone in the coachee's atasan chain or a coach appointed by pengelola kinerja")
        }
        return out
    }

    /// The coachee's rating of `record`, to store on it.
    ///
    /// - Throws: ``FeedbackError`` `SCORE_OUT_OF_RANGE` or a text error (INVALID_ARGUMENT),
    ///   `NOT_A_PARTY` (PERMISSION_DENIED), `COACHING_ALREADY_RATED` (ALREADY_EXISTS).
    public static func rating(_ request: Feedback.RateCoachingRequest, of record: Feedback.CoachingRecord, by nip: String,
                              stamp: Common.AuditStamp) throws(FeedbackError) -> Feedback.CoachingRating {
        let input = request.rating ?? Feedback.CoachingRating()
        var problems = ViolationCollector()
        if !FeedbackLimits.coachingScore.contains(input.score) {
            problems.add(.scoreOutOfRange, "score must be 1 (not useful) - 5 (very useful), got \(input.score)", field: "rating.score")
        }
        var comment = ""
        problems.check { () throws(FeedbackError) in
            comment = try FeedbackText.validated(input.comment, field: "rating.comment", maximum: FeedbackLimits.coachingCommentMaximum)
        }
        try problems.throwIfAny()
        guard nip == record.coacheeNIP else { throw FeedbackError(.notAParty, "only the coachee rates a coaching session") }
        guard record.coacheeRating == nil else {
            throw FeedbackError(.coachingAlreadyRated, "the session was already rated; a coachee rates a session once")
        }
        return Feedback.CoachingRating(score: input.score, comment: comment, rated: stamp)
    }

    /// Closes follow-up action `number` of a coaching record (by its owner or the coach) and raises the revision.
    ///
    /// - Throws: ``FeedbackError`` as ``ActionItemList``, or `REVISION_MISMATCH` (ABORTED).
    public static func closeItem(_ record: inout Feedback.CoachingRecord, number: UInt32, note: String, by nip: String,
                                 stamp: Common.AuditStamp, expectedRevision: UInt64 = 0) throws(FeedbackError) -> Feedback.ActionItem {
        _ = try ActionItemList.closingNote(note)
        guard expectedRevision == 0 || expectedRevision == record.revision else {
            throw FeedbackError(.revisionMismatch, "the coaching record changed since it was read (revision \(record.revision), the request names \(expectedRevision)); reload it and try again",
                                field: "expected_revision")
        }
        var items = record.actionItems
        let closed = try ActionItemList.close(&items, number: number, note: note, closerNIP: nip, author: record.coachNIP, stamp: stamp)
        record.actionItems = items
        record.revision += 1
        return closed
    }

    /// The mean coachee score of the rated records (`ListCoachingResponse.mean_coachee_score`); nil when none is rated.
    public static func meanCoacheeScore(_ records: [Feedback.CoachingRecord]) -> Double? {
        let scores = records.compactMap { $0.coacheeRating?.score }.filter { FeedbackLimits.coachingScore.contains($0) }
        guard !scores.isEmpty else { return nil }
        return Double(scores.reduce(0, +)) / Double(scores.count)
    }
}
