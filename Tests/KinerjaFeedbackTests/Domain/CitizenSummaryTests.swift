import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Citizen summaries per employee and per unit: outliers set aside, withheld below the minimum sample, tails filtered")
struct CitizenSummaryTests {
    static let march = WitaDayRange(Fixtures.day(3, 1), Fixtures.day(3, 31))!

    static func rating(_ id: Int, _ score: UInt32, employee: String = Fixtures.subject, day: Int32 = 10,
                       reason: Feedback.OutlierReason = .unspecified) -> Feedback.CitizenRating {
        Feedback.CitizenRating(ratingID: String(format: "r-%03d", id), unitID: Fixtures.unit, employeeNIP: employee, score: score,
                               submittedAt: Fixtures.at(Fixtures.day(3, day), 11), outlierReason: reason)
    }

    @Test("below the minimum sample (default 10 usable ratings) the figures are withheld; counts of tickets and ratings still show")
    func withheld() {
        let ratings = (0..<9).map { Self.rating($0, 5) } + [Self.rating(9, 1, reason: .tooSoonAfterIssue)]
        let summary = CitizenSummaryBuilder.summary(nip: Fixtures.subject, unitID: Fixtures.unit, days: Self.march, ticketsIssued: 40, ratings: ratings,
                                                    policy: Fixtures.policy)
        #expect(summary.withheld && summary.withheldReason == .belowMinimumSample)
        #expect(summary.meanScore == nil && summary.scoreCounts.isEmpty)
        #expect(summary.ratingsReceived == 10 && summary.ratingsUsed == 9 && summary.outliersExcluded == 1 && summary.minimumSample == 10)
        #expect(summary.responseRatePercent == 25)
        let empty = CitizenSummaryBuilder.summary(unitID: Fixtures.unit, days: Self.march, ticketsIssued: 0, ratings: [], policy: Fixtures.policy)
        #expect(empty.withheldReason == .noResponses && empty.responseRatePercent == 0)
    }

    @Test("at the minimum the mean and the five score counts show, over ratings not set aside; days outside the range are ignored")
    func shown() {
        let ratings = [5, 5, 5, 4, 4, 4, 4, 3, 5, 4].enumerated().map { Self.rating($0.offset, UInt32($0.element)) }
            + [Self.rating(20, 1, reason: .burst), Self.rating(21, 1, day: 1).with(day: Fixtures.day(2, 28))]
        let policy = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(outlierMethod: .disabled))
        let summary = CitizenSummaryBuilder.summary(nip: Fixtures.subject, unitID: Fixtures.unit, days: Self.march, ticketsIssued: 20, ratings: ratings, policy: policy)
        #expect(!summary.withheld)
        #expect(summary.ratingsReceived == 11 && summary.ratingsUsed == 10 && summary.outliersExcluded == 1)
        #expect(summary.scoreCounts == [0, 0, 1, 5, 4])
        #expect(summary.meanScore?.value == 4.3)
        #expect(summary.dateRange == Self.march.dateRange)
    }

    @Test("TRIMMED drops ⌊n × trim% ⌋ ratings from each end (5% of 20 = 1 each side): one 1 and one 5 fewer")
    func trimmed() {
        let scores: [UInt32] = [1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5]
        let ratings = scores.enumerated().map { Self.rating($0.offset, $0.element) }
        let summary = CitizenSummaryBuilder.summary(unitID: Fixtures.unit, days: Self.march, ticketsIssued: 30, ratings: ratings, policy: Fixtures.policy)
        #expect(summary.ratingsUsed == 18 && summary.outliersExcluded == 2)
        #expect(summary.scoreCounts == [0, 1, 1, 11, 5])
        let ten = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(trimPercent: 10))
        #expect(CitizenSummaryBuilder.summary(unitID: Fixtures.unit, days: Self.march, ticketsIssued: 30, ratings: ratings, policy: ten).scoreCounts == [0, 0, 1, 11, 4])
    }

    @Test("IQR drops scores outside Q1 − 1.5·IQR … Q3 + 1.5·IQR: with most ratings 4-5, a lone 1 goes")
    func iqr() {
        let scores: [UInt32] = [1, 4, 4, 4, 4, 5, 5, 5, 5, 5, 4, 5]
        let ratings = scores.enumerated().map { Self.rating($0.offset, $0.element) }
        let policy = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(outlierMethod: .iqr))
        let summary = CitizenSummaryBuilder.summary(unitID: Fixtures.unit, days: Self.march, ticketsIssued: 12, ratings: ratings, policy: policy)
        #expect(summary.scoreCounts == [0, 0, 0, 5, 6])
        #expect(summary.outliersExcluded == 1)
    }

    @Test("a unit summary covers all its counters' employees; an employee summary only theirs, each withheld on its own")
    func unitAndEmployee() {
        let ratings = (0..<6).map { Self.rating($0, 5) } + (6..<12).map { Self.rating($0, 3, employee: Fixtures.staff[1]) }
        let policy = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(citizenMinimumSample: 10, outlierMethod: .disabled))
        let unit = CitizenSummaryBuilder.summary(unitID: Fixtures.unit, days: Self.march, ticketsIssued: 12, ratings: ratings, policy: policy)
        #expect(!unit.withheld && unit.meanScore?.value == 4 && unit.nip.isEmpty)
        let employee = CitizenSummaryBuilder.summary(nip: Fixtures.subject, unitID: Fixtures.unit, days: Self.march, ticketsIssued: 6, ratings: ratings, policy: policy)
        #expect(employee.withheld && employee.ratingsReceived == 6)
    }
}

extension Feedback.CitizenRating {
    func with(day: Common.Date) -> Feedback.CitizenRating {
        var copy = self
        copy.submittedAt = Fixtures.at(day, 11)
        return copy
    }
}
