import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Coaching, mentoring and counselling: who records it, what it holds, and the coachee's rating of it")
struct CoachingTests {
    static func request(_ edit: (inout Feedback.CoachingRecord) -> Void = { _ in }) -> Feedback.RecordCoachingRequest {
        var record = Feedback.CoachingRecord(
            coacheeNIP: Fixtures.subject, kind: .coaching, heldOn: Fixtures.day(3, 6), durationMinutes: 45,
            topic: "Verifikasi berkas KTP-el tanpa antrean ulang", notes: "Latihan memeriksa KK dan akta sebelum perekaman.",
            actionItems: [Feedback.ActionItem(text: "Buat daftar periksa berkas", ownerNIP: Fixtures.subject)])
        edit(&record)
        return Feedback.RecordCoachingRequest(coaching: record)
    }

    static func record(by coach: String = Fixtures.kasi, standing: FeedbackStanding = Fixtures.atasanStanding,
                       appointed: Bool = false) throws -> Feedback.CoachingRecord {
        try CoachingRules.validatedRecord(Self.request(), coachNIP: coach, standing: standing, appointedCoach: appointed, today: Fixtures.today)
    }

    @Test("anyone in the coachee's atasan chain records a session, or a coach appointed by pengelola kinerja; nobody else")
    func who() throws {
        #expect(try Self.record().coachNIP == Fixtures.kasi)
        #expect(try Self.record(by: Fixtures.kabid, standing: Fixtures.kabidStanding).revision == 1)
        #expect(try Self.record(by: Fixtures.staff[4], standing: Fixtures.peerStanding, appointed: true).coachNIP == Fixtures.staff[4])
        #expect(Fixtures.error { try Self.record(by: Fixtures.staff[4], standing: Fixtures.peerStanding) }?.code == .notAParty)
    }

    @Test("content: a kind, a real day not after today, 0-600 minutes, a one-line topic of 1-300, notes at most 8000")
    func content() {
        let error = Fixtures.error {
            try CoachingRules.validatedRecord(Self.request {
                $0.kind = .unspecified
                $0.heldOn = nil
                $0.durationMinutes = 601
                $0.topic = "Baris satu\nbaris dua"
                $0.notes = String(repeating: "n", count: 8001)
            }, coachNIP: Fixtures.kasi, standing: Fixtures.atasanStanding, appointedCoach: false, today: Fixtures.today)
        }
        #expect(error?.violations.map(\.field) == ["coaching.kind", "coaching.held_on", "coaching.duration_minutes", "coaching.topic", "coaching.notes"])
        #expect(Fixtures.error {
            try CoachingRules.validatedRecord(Self.request(), coachNIP: Fixtures.subject, standing: Fixtures.atasanStanding, appointedCoach: true, today: Fixtures.today)
        }?.field == "coaching.coachee_nip")
    }

    @Test("the coachee rates a session once, 1-5, with a comment of at most 2000; a second rating is ALREADY_EXISTS")
    func rating() throws {
        var record = try Self.record()
        let stamp = Fixtures.stamp(Fixtures.subject)
        let request = Feedback.RateCoachingRequest(coachingID: "c-1", rating: Feedback.CoachingRating(score: 4, comment: " Sangat membantu. "))
        #expect(Fixtures.error { try CoachingRules.rating(request, of: record, by: Fixtures.kasi, stamp: stamp) }?.code == .notAParty)
        #expect(Fixtures.error {
            try CoachingRules.rating(Feedback.RateCoachingRequest(rating: Feedback.CoachingRating(score: 6)), of: record, by: Fixtures.subject, stamp: stamp)
        }?.code == .scoreOutOfRange)
        let rating = try CoachingRules.rating(request, of: record, by: Fixtures.subject, stamp: stamp)
        #expect(rating.score == 4 && rating.comment == "Sangat membantu." && rating.rated == stamp)
        record.coacheeRating = rating
        let again = Fixtures.error { try CoachingRules.rating(request, of: record, by: Fixtures.subject, stamp: stamp) }
        #expect(again?.code == .coachingAlreadyRated)
        #expect(again?.rpcStatus?.code == .alreadyExists)
    }

    @Test("a coaching follow-up closes any time after recording, by its owner or the coach, with a note; the revision rises")
    func closeItem() throws {
        var record = try Self.record()
        let stamp = Fixtures.stamp(Fixtures.subject)
        #expect(Fixtures.error { try CoachingRules.closeItem(&record, number: 1, note: "Selesai", by: Fixtures.subject, stamp: stamp, expectedRevision: 7) }?.code
            == .revisionMismatch)
        let item = try CoachingRules.closeItem(&record, number: 1, note: "Daftar periksa dipasang di loket", by: Fixtures.subject, stamp: stamp)
        #expect(item.done && record.revision == 2)
    }

    @Test("the mean coachee score is over rated sessions only, and absent when none is rated")
    func mean() {
        let rated = [4, 5, 3].map { Feedback.CoachingRecord(coacheeRating: Feedback.CoachingRating(score: UInt32($0))) }
        #expect(CoachingRules.meanCoacheeScore(rated + [Feedback.CoachingRecord()]) == 4)
        #expect(CoachingRules.meanCoacheeScore([Feedback.CoachingRecord()]) == nil)
    }
}
