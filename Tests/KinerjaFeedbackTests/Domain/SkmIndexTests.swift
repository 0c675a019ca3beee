import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Survei Kepuasan Masyarakat (PermenPANRB 14/2017): NRR per unsur, NRR tertimbang 1/9, IKM = × 25, mutu A-D")
struct SkmIndexTests {
    static let march = WitaDayRange(Fixtures.day(3, 1), Fixtures.day(3, 31))!

    /// Ten respondents at the Dukcapil KTP-el counter, U1 … U9 (constructed: the regulation's own
    /// worked example could not be found; docs/FEEDBACK.md §9).
    static let tenRespondents: [[UInt32]] = [
        [4, 3, 3, 4, 3, 4, 4, 3, 3],
        [3, 3, 2, 4, 3, 3, 4, 2, 3],
        [4, 4, 3, 4, 4, 4, 4, 3, 4],
        [3, 3, 3, 4, 3, 3, 3, 3, 3],
        [4, 3, 4, 4, 4, 4, 4, 3, 3],
        [3, 2, 2, 4, 3, 3, 3, 2, 2],
        [4, 4, 3, 4, 4, 4, 4, 3, 4],
        [3, 3, 3, 4, 3, 4, 4, 3, 3],
        [4, 3, 3, 4, 3, 3, 4, 2, 3],
        [3, 3, 3, 4, 4, 3, 3, 3, 3],
    ]

    static func answers(_ scores: [UInt32]) -> [Feedback.SkmAnswer] { CitizenRatingTests.nine(scores) }

    static func summary(_ rows: [[UInt32]], minimum: Int = 1) -> Feedback.SkmSummary {
        SkmIndex.summary(unitID: Fixtures.unit, days: march, respondents: rows.map(answers), minimumSample: minimum)
    }

    /// `count` respondents whose 9 × `count` answers add up to `total` (answers 1-4).
    static func respondents(_ count: Int, total: Int) -> [[UInt32]] {
        var rows = [[UInt32]](repeating: [UInt32](repeating: 1, count: 9), count: count)
        var extra = total - 9 * count
        for row in rows.indices {
            for column in 0..<9 where extra > 0 {
                let add = min(3, extra)
                rows[row][column] += UInt32(add)
                extra -= add
            }
        }
        return rows
    }

    @Test("the nine unsur, in the regulation's order, each answered 1-4")
    func unsur() {
        let summary = Self.summary(Self.tenRespondents)
        #expect(summary.unsur.map(\.unsur) == [.persyaratan, .sistemMekanismeProsedur, .waktuPenyelesaian, .biayaTarif, .produkSpesifikasi,
                                               .kompetensiPelaksana, .perilakuPelaksana, .penangananPengaduan, .saranaPrasarana])
    }

    @Test("worked example: ten respondents give NRR 3.5, 3.1, 2.9, 4.0, 3.4, 3.5, 3.7, 2.7, 3.1; nilai interval 3.3222; IKM 83.06, mutu B (Baik)")
    func workedExample() {
        let summary = Self.summary(Self.tenRespondents)
        #expect(!summary.withheld && summary.respondentCount == 10)
        #expect(summary.unsur.map(\.nrr) == [3.5, 3.1, 2.9, 4.0, 3.4, 3.5, 3.7, 2.7, 3.1])
        #expect(abs(summary.unsur[0].nrrTertimbang - 0.388_888_9) < 1e-6)
        #expect(summary.unsur.map(\.converted) == [87.5, 77.5, 72.5, 100, 85, 87.5, 92.5, 67.5, 77.5])
        #expect(summary.unsur.map(\.mutu) == [.bBaik, .bBaik, .cKurangBaik, .aSangatBaik, .bBaik, .bBaik, .aSangatBaik, .cKurangBaik, .bBaik])
        #expect(abs(summary.nilaiInterval - 299.0 / 90) < 1e-12)
        #expect(summary.ikm == 83.06)       // 299 ÷ 90 × 25 = 83.0555…
        #expect(summary.mutu == .bBaik)
    }

    @Test("the weight is exactly 1/9: all answers 4 give IKM 100.00 and all answers 1 give 25.00 (0.111 would give 99.90)")
    func extremes() {
        #expect(Self.summary([[4, 4, 4, 4, 4, 4, 4, 4, 4]]).ikm == 100)
        #expect(Self.summary([[4, 4, 4, 4, 4, 4, 4, 4, 4]]).mutu == .aSangatBaik)
        #expect(Self.summary([[1, 1, 1, 1, 1, 1, 1, 1, 1]]).ikm == 25)
        #expect(Self.summary([[1, 1, 1, 1, 1, 1, 1, 1, 1]]).mutu == .dTidakBaik)
    }

    @Test("the category boundaries: 88.31 A, 88.30 B, 76.61 B, 76.60 C, 65.00 C, 64.99 D (IKM rounded half-up to two decimals, in integers)")
    func boundaries() {
        let cases: [(count: Int, total: Int, ikm: Double, mutu: Feedback.SkmMutu)] = [
            (24, 763, 88.31, .aSangatBaik), (19, 604, 88.30, .bBaik), (19, 524, 76.61, .bBaik),
            (26, 717, 76.60, .cKurangBaik), (5, 117, 65.00, .cKurangBaik), (38, 889, 64.99, .dTidakBaik),
        ]
        for item in cases {
            let summary = Self.summary(Self.respondents(item.count, total: item.total))
            #expect(summary.ikm == item.ikm, "\(item.count) respondents, total \(item.total)")
            #expect(summary.mutu == item.mutu, "\(item.ikm)")
        }
        #expect(SkmIndex.mutu(hundredths: 8831) == .aSangatBaik && SkmIndex.mutu(hundredths: 8830) == .bBaik)
        #expect(SkmIndex.mutu(ikm: 76.61) == .bBaik && SkmIndex.mutu(ikm: 76.6) == .cKurangBaik && SkmIndex.mutu(ikm: 24.99) == .unspecified)
        // 40 respondents with total 1269: 88.125 exactly, which rounds half-up to 88.13.
        #expect(Self.summary(Self.respondents(40, total: 1269)).ikm == 88.13)
    }

    @Test("below the minimum sample the SKM is withheld; incomplete answer sets are not respondents")
    func withheld() {
        let summary = SkmIndex.summary(unitID: Fixtures.unit, days: Self.march, respondents: Self.tenRespondents.prefix(9).map(Self.answers),
                                       minimumSample: 10)
        #expect(summary.withheld && summary.withheldReason == .belowMinimumSample && summary.unsur.isEmpty && summary.ikm == 0)
        let partial = SkmIndex.summary(unitID: Fixtures.unit, days: Self.march,
                                       respondents: [Array(Self.answers(Self.tenRespondents[0]).prefix(8))], minimumSample: 1)
        #expect(partial.withheldReason == .noResponses && partial.respondentCount == 0)
    }
}
