import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Outlier rules: ratings set aside (kept, not counted), each with its reason, deterministic from given times")
struct CitizenOutlierTests {
    static let kiosk = "spiffe://kinerja.kupangkota.go.id/client/kiosk-dukcapil-1"
    static let portal = "spiffe://kinerja.kupangkota.go.id/client/portal"
    static let morning = Fixtures.at(Fixtures.day(3, 10), 9)

    /// A rating `id` of `employee`, issued at `issued` seconds after 09:00 and submitted `after` seconds later.
    static func fact(_ id: String, issued: Int64 = 0, after: Int64 = 3600, employee: String = Fixtures.subject, via: String = kiosk,
                     comment: String = "", unit: String = Fixtures.unit, reason: Feedback.OutlierReason = .unspecified) -> CitizenOutliers.Facts {
        let issuedAt = Fixtures.plus(morning, seconds: issued)
        return CitizenOutliers.Facts(
            rating: Feedback.CitizenRating(ratingID: id, unitID: unit, employeeNIP: employee, score: 5, comment: comment,
                                           submittedAt: Fixtures.plus(issuedAt, seconds: after), outlierReason: reason, submittedVia: via),
            ticketIssuedAt: issuedAt)
    }

    static func reasons(_ facts: [CitizenOutliers.Facts], policy: EffectiveFeedbackPolicy = Fixtures.policy) -> [String: Feedback.OutlierReason] {
        Dictionary(uniqueKeysWithValues: CitizenOutliers.classify(facts, policy: policy).map { ($0.ratingID, $0.outlierReason) })
    }

    @Test("rated within seconds of issue (under min_seconds_after_issue, default 60) is TOO_SOON_AFTER_ISSUE; at 60 s it counts")
    func tooSoon() {
        let result = Self.reasons([Self.fact("r-1", after: 12), Self.fact("r-2", after: 59), Self.fact("r-3", after: 60)])
        #expect(result == ["r-1": .tooSoonAfterIssue, "r-2": .tooSoonAfterIssue, "r-3": .unspecified])
        let off = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(minSecondsAfterIssue: 0))
        #expect(Self.reasons([Self.fact("r-1", after: 1)], policy: off)["r-1"] == .unspecified)
    }

    @Test("more than 5 ratings of one employee through one kiosk within 10 minutes are a BURST: every rating of that window")
    func burst() {
        // Six ratings 100 s apart: 09:10:00 … 09:18:20 — six inside 10 minutes.
        let six = (0..<6).map { Self.fact("b-\($0)", issued: Int64($0) * 100, after: 600) }
        #expect(Set(Self.reasons(six).values) == [.burst])
        // Five in the window is the limit, not over it.
        #expect(Set(Self.reasons(Array(six.prefix(5))).values) == [.unspecified])
        // Spread over more than 10 minutes: never six in any window.
        let spread = (0..<6).map { Self.fact("s-\($0)", issued: Int64($0) * 130, after: 600) }
        #expect(Set(Self.reasons(spread).values) == [.unspecified])
    }

    @Test("a burst is counted per client and per employee: the portal and the kiosk, or two employees, do not add up")
    func burstKey() {
        let mixed = (0..<6).map { Self.fact("m-\($0)", issued: Int64($0) * 60, via: $0 % 2 == 0 ? Self.kiosk : Self.portal) }
        #expect(Set(Self.reasons(mixed).values) == [.unspecified])
        let two = (0..<6).map { Self.fact("e-\($0)", issued: Int64($0) * 60, employee: Fixtures.staff[$0 % 2]) }
        #expect(Set(Self.reasons(two).values) == [.unspecified])
        let off = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(burstLimit: 0))
        #expect(Set(Self.reasons((0..<9).map { Self.fact("o-\($0)", issued: Int64($0)) }, policy: off).values) == [.unspecified])
    }

    @Test("the same comment of 20+ letters on two tickets of one unit within 7 days is IDENTICAL_COMMENT, both; case, spacing and punctuation do not matter")
    func identical() {
        let text = "Pelayanan sangat cepat, petugas ramah sekali!"
        let facts = [
            Self.fact("c-1", comment: text),
            Self.fact("c-2", issued: 86_400, employee: Fixtures.staff[2], comment: "pelayanan SANGAT cepat petugas ramah sekali"),
            Self.fact("c-3", issued: 9 * 86_400, comment: text),                    // nine days later: too far from c-2
            Self.fact("c-4", comment: text, unit: "dinkes-puskesmas-oebobo"),        // another unit
            Self.fact("c-5", comment: "Mantap"), Self.fact("c-6", comment: "Mantap"),   // short comments are common, not identical
        ]
        #expect(Self.reasons(facts) == ["c-1": .identicalComment, "c-2": .identicalComment, "c-3": .unspecified, "c-4": .unspecified,
                                        "c-5": .unspecified, "c-6": .unspecified])
    }

    @Test("one reason per rating, the first that applies: MANUAL, too soon, burst, identical comment; MANUAL is kept until moderation clears it")
    func priority() {
        let text = "Petugas sangat membantu mengisi formulir"
        let facts = [Self.fact("p-1", after: 5, comment: text), Self.fact("p-2", issued: 100, comment: text, reason: .manual),
                     Self.fact("p-3", issued: 200, comment: text, reason: .burst)]
        #expect(Self.reasons(facts) == ["p-1": .tooSoonAfterIssue, "p-2": .manual, "p-3": .identicalComment],
                "a stored rule reason is recomputed from the facts; only MANUAL is sticky")
    }

    @Test("the result does not depend on the order the ratings are given in")
    func deterministic() {
        let facts = (0..<8).map { Self.fact("d-\($0)", issued: Int64($0) * 70, after: $0 == 3 ? 10 : 600) }
        let forward = CitizenOutliers.classify(facts, policy: Fixtures.policy)
        let backward = CitizenOutliers.classify(facts.reversed(), policy: Fixtures.policy)
        #expect(Set(forward) == Set(backward))
        #expect(forward.first { $0.ratingID == "d-3" }?.outlierReason == .tooSoonAfterIssue)
        #expect(forward.filter { $0.outlierReason == .burst }.count == 7)
    }
}
