public import KinerjaProto

/// The rules that set a citizen rating aside (kept, not counted), each with its reason.
/// Deterministic: the same ratings and times give the same reasons, whatever their order.
///
/// | reason | rule | why |
/// |---|---|---|
/// | MANUAL | pengelola kinerja excluded it with a reason | sticky: only moderation clears it |
/// | TOO_SOON_AFTER_ISSUE | rated less than `min_seconds_after_issue` (default 60 s) after the ticket was issued | the server or a colleague rating at the counter |
/// | BURST | more than `burst_limit` (default 5) ratings of one employee through one client (kiosk or portal) within any 10 minutes: every rating of such a window | someone working through a pile of tickets |
/// | IDENTICAL_COMMENT | the same comment — at least 20 letters or digits once case, spacing and punctuation are ignored — on ratings of two tickets of one unit submitted within 7 days of each other: all of them | one author behind many "citizens" |
///
/// One reason per rating, the first that applies in the order above. Short comments ("Mantap",
/// "Pelayanan cepat") are common and never count as identical (*inference*: the 20-character
/// floor). The statistical filter (TRIMMED, IQR) is not here: it depends on the set a summary
/// covers and is applied by ``CitizenSummaryBuilder`` only.
///
/// The handler reruns ``classify(_:policy:)`` over a unit's ratings of the last two validity
/// windows whenever a rating arrives or is moderated, and stores the reasons it returns.
public enum CitizenOutliers {
    /// The window of a burst, in seconds.
    public static let burstWindowSeconds = EffectiveFeedbackPolicy.burstWindowSeconds
    /// Least letters and digits of a comment that can be "identical".
    public static let identicalCommentMinimumLength = 20

    /// A rating with the issue time of its ticket.
    public struct Facts: Sendable, Hashable {
        /// The stored rating (its `outlier_reason` MANUAL is kept).
        public var rating: Feedback.CitizenRating
        /// When its ticket was issued.
        public var ticketIssuedAt: Common.Timestamp

        /// Facts of one rating.
        public init(rating: Feedback.CitizenRating, ticketIssuedAt: Common.Timestamp) {
            self.rating = rating
            self.ticketIssuedAt = ticketIssuedAt
        }
    }

    /// The ratings with their reasons set (UNSPECIFIED = counted), in the input order.
    public static func classify(_ facts: [Facts], policy: EffectiveFeedbackPolicy) -> [Feedback.CitizenRating] {
        var reasons = [Feedback.OutlierReason](repeating: .unspecified, count: facts.count)
        func flag(_ index: Int, _ reason: Feedback.OutlierReason) {
            if reasons[index] == .unspecified || rank(reason) < rank(reasons[index]) { reasons[index] = reason }
        }
        for (index, fact) in facts.enumerated() {
            if fact.rating.outlierReason == .manual { flag(index, .manual) }
            if policy.minSecondsAfterIssue > 0, let at = fact.rating.submittedAt,
               fact.ticketIssuedAt.seconds(until: at) < policy.minSecondsAfterIssue {
                flag(index, .tooSoonAfterIssue)
            }
        }
        if policy.burstLimit > 0 {
            let groups = Dictionary(grouping: facts.indices) { BurstKey(client: facts[$0].rating.submittedVia, employee: facts[$0].rating.employeeNIP) }
            for members in groups.values {
                let sorted = members.sorted { order(facts[$0].rating, facts[$1].rating) }
                var start = 0
                for end in sorted.indices {
                    while seconds(facts[sorted[start]].rating, facts[sorted[end]].rating) >= burstWindowSeconds { start += 1 }
                    if end - start + 1 > policy.burstLimit {
                        for index in sorted[start...end] { flag(index, .burst) }
                    }
                }
            }
        }
        let validity = Int64(policy.ticketValidityDays) * 86_400
        var byComment: [CommentKey: [Int]] = [:]
        for (index, fact) in facts.enumerated() {
            let normalised = normalisedComment(fact.rating.comment)
            guard normalised.unicodeScalars.count >= identicalCommentMinimumLength else { continue }
            byComment[CommentKey(unit: fact.rating.unitID, text: normalised), default: []].append(index)
        }
        for members in byComment.values where members.count > 1 {
            let sorted = members.sorted { order(facts[$0].rating, facts[$1].rating) }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where seconds(facts[earlier].rating, facts[later].rating) <= validity {
                flag(earlier, .identicalComment)
                flag(later, .identicalComment)
            }
        }
        return facts.indices.map { index in
            var rating = facts[index].rating
            rating.outlierReason = reasons[index]
            return rating
        }
    }

    /// The key two comments share when they count as identical (the normalised text), or nil for
    /// a comment too short to count (under 20 letters and digits): stores index ratings by it to
    /// find the ratings a new one can make identical.
    public static func identicalCommentKey(_ comment: String) -> String? {
        let normalised = normalisedComment(comment)
        return normalised.unicodeScalars.count >= identicalCommentMinimumLength ? normalised : nil
    }

    /// The comment reduced to what makes two comments the same: lower case, letters and digits only.
    static func normalisedComment(_ comment: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in comment.lowercased().unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            view.append(scalar)
        }
        return String(view)
    }

    private struct BurstKey: Hashable {
        var client: String
        var employee: String
    }

    private struct CommentKey: Hashable {
        var unit: String
        var text: String
    }

    /// The reason that takes precedence of two (MANUAL, then TOO_SOON_AFTER_ISSUE, BURST,
    /// IDENTICAL_COMMENT; UNSPECIFIED last): a stored reason and one a later classification found
    /// merge into this, since a new rating only ever adds reasons to the others.
    public static func stronger(_ a: Feedback.OutlierReason, _ b: Feedback.OutlierReason) -> Feedback.OutlierReason {
        rank(b) < rank(a) ? b : a
    }

    private static func rank(_ reason: Feedback.OutlierReason) -> Int {
        switch reason {
        case .manual: 0
        case .tooSoonAfterIssue: 1
        case .burst: 2
        case .identicalComment: 3
        case .statistical: 4
        case .unspecified, .unrecognized: 5
        }
    }

    /// Submission order, ties by rating id (deterministic).
    private static func order(_ a: Feedback.CitizenRating, _ b: Feedback.CitizenRating) -> Bool {
        let ta = a.submittedAt ?? Common.Timestamp(), tb = b.submittedAt ?? Common.Timestamp()
        return (ta.seconds, ta.nanos, a.ratingID) < (tb.seconds, tb.nanos, b.ratingID)
    }

    /// Whole seconds from `a`'s submission to `b`'s.
    private static func seconds(_ a: Feedback.CitizenRating, _ b: Feedback.CitizenRating) -> Int64 {
        (a.submittedAt ?? Common.Timestamp()).seconds(until: b.submittedAt ?? Common.Timestamp())
    }
}
