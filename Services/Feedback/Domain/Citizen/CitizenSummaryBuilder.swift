public import KinerjaASN
public import KinerjaProto

/// The citizen-rating summary of an employee or a unit over some WITA days (`CitizenSummary`).
///
/// 1. Ratings **received** are those submitted on the days (WITA) covered.
/// 2. Ratings set aside by rule (``CitizenOutliers``: manual, too soon, burst, identical comment)
///    are kept out; what remains is **usable**.
/// 3. Fewer usable ratings than the policy's `citizen_minimum_sample` (default 10): the figures are
///    **withheld** (NO_RESPONSES when nothing was received, else BELOW_MINIMUM_SAMPLE) — no mean,
///    no score counts; the counts of tickets, ratings and outliers are still shown.
/// 4. Otherwise the policy's **statistical filter** drops tails: TRIMMED removes
///    ⌊n × trim_percent ÷ 100⌋ ratings from each end of the usable ratings ordered by score (ties
///    by rating id); IQR removes scores outside Q1 − 1.5·IQR … Q3 + 1.5·IQR (quartiles by linear
///    interpolation between closest ranks); DISABLED removes none. What remains is **used**: the
///    mean and the five score counts are over it.
///
/// `outliers_excluded` = set aside by rule + dropped by the filter; `response_rate_percent` =
/// received ÷ tickets issued × 100 (0 without tickets).
public enum CitizenSummaryBuilder {
    /// The summary of `ratings` (of one employee, or of one unit's counters).
    ///
    /// - Parameters:
    ///   - nip: the employee; empty for a unit summary.
    ///   - unitID: the unit (the employee's, for an employee summary).
    ///   - days: the WITA days covered; ratings submitted on other days are ignored.
    ///   - ticketsIssued: tickets issued on those days.
    ///   - ratings: the ratings with their stored outlier reasons.
    public static func summary(nip: String = "", unitID: String, days: WitaDayRange, ticketsIssued: Int,
                               ratings: [Feedback.CitizenRating], policy: EffectiveFeedbackPolicy) -> Feedback.CitizenSummary {
        let received = ratings.filter { rating in
            (nip.isEmpty || rating.employeeNIP == nip) && rating.submittedAt.map { days.contains(instant: $0) } == true
        }
        let usable = received.filter { $0.outlierReason == .unspecified }
        var out = Feedback.CitizenSummary()
        out.nip = nip
        out.unitID = unitID
        out.dateRange = days.dateRange
        out.ticketsIssued = UInt32(clamping: ticketsIssued)
        out.ratingsReceived = UInt32(received.count)
        out.minimumSample = UInt32(policy.citizenMinimumSample)
        out.responseRatePercent = ticketsIssued > 0 ? Double(received.count) / Double(ticketsIssued) * 100 : 0
        guard usable.count >= policy.citizenMinimumSample else {
            out.withheld = true
            out.withheldReason = received.isEmpty ? .noResponses : .belowMinimumSample
            out.ratingsUsed = UInt32(usable.count)
            out.outliersExcluded = UInt32(received.count - usable.count)
            return out
        }
        let used = statisticallyFiltered(usable, policy: policy)
        out.ratingsUsed = UInt32(used.count)
        out.outliersExcluded = UInt32(received.count - used.count)
        var counts = [UInt32](repeating: 0, count: 5)
        for rating in used where FeedbackLimits.citizenScore.contains(rating.score) { counts[Int(rating.score) - 1] += 1 }
        out.scoreCounts = counts
        let total = counts.enumerated().reduce(0) { $0 + Int($1.element) * ($1.offset + 1) }
        let n = counts.reduce(0) { $0 + Int($1) }
        out.meanScore = n > 0 ? Common.DoubleValue(value: Double(total) / Double(n)) : nil
        return out
    }

    /// The usable ratings left after the policy's statistical filter.
    static func statisticallyFiltered(_ usable: [Feedback.CitizenRating], policy: EffectiveFeedbackPolicy) -> [Feedback.CitizenRating] {
        let sorted = usable.sorted { ($0.score, $0.ratingID) < ($1.score, $1.ratingID) }
        switch policy.outlierMethod {
        case .trimmed:
            let cut = Int((Double(sorted.count) * policy.trimPercent / 100).rounded(.down))
            guard cut > 0, sorted.count > 2 * cut else { return sorted }
            return Array(sorted.dropFirst(cut).dropLast(cut))
        case .iqr:
            let scores = sorted.map { Double($0.score) }
            let q1 = quantile(scores, 0.25), q3 = quantile(scores, 0.75)
            let spread = 1.5 * (q3 - q1)
            return sorted.filter { Double($0.score) >= q1 - spread && Double($0.score) <= q3 + spread }
        default:
            return sorted
        }
    }

    /// The `p` quantile of ascending `values` by linear interpolation between closest ranks (R's type 7).
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        guard let first = values.first else { return 0 }
        guard values.count > 1 else { return first }
        let position = p * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        return values[lower] + (values[upper] - values[lower]) * (position - Double(lower))
    }
}
