import ArgumentParser
import KinerjaProto
import Testing
@testable import kinerjactl

/// Parsing and checking of the `feedback` command lines, and what the tables show.
@Suite("Feedback commands")
struct FeedbackCommandTests {
    @Test("periods: a year, a triwulan (Q or TW), a month; anything else is not a period")
    func periods() {
        #expect(PeriodArgument(argument: "2026")?.value == Common.Period(year: 2026, kind: .annual))
        #expect(PeriodArgument(argument: "2026-q2")?.value == Common.Period(year: 2026, kind: .quarterly, triwulan: .ii))
        #expect(PeriodArgument(argument: "2026-TW4")?.value == Common.Period(year: 2026, kind: .quarterly, triwulan: .iv))
        #expect(PeriodArgument(argument: "2026-07")?.value == Common.Period(year: 2026, kind: .monthly, month: 7))
        for bad in ["26", "2026-Q5", "2026-13", "2026-7", "1999", "2026-Q1-1"] { #expect(PeriodArgument(argument: bad) == nil, "\(bad)") }
    }

    @Test("assess: seven scores 1-5, each value once, a comment on a 1 or a 5; the answer keeps the values' order")
    func assess() throws {
        let names = ["berorientasi-pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]
        let seven = names.flatMap { ["--score", "\($0)=4"] }
        let parsed = try Kinerjactl.Feedback.Assess.parse(["01JASSIGN"] + seven)
        #expect(try parsed.scores()?.map(\.score) == Array(repeating: 4, count: 7))
        #expect(throws: (any Error).self) { try Kinerjactl.Feedback.Assess.parseChecked(["01JASSIGN"] + Array(seven.dropLast(2))) }
        let five = ["01JASSIGN"] + seven.dropLast(2) + ["--score", "kolaboratif=5"]
        #expect(throws: (any Error).self) { try Kinerjactl.Feedback.Assess.parseChecked(five) }
        let commented = try Kinerjactl.Feedback.Assess.parseChecked(five + ["--comment", "kolaboratif=Selalu membantu loket lain"])
        #expect(try commented.scores()?.last?.comment == "Selalu membantu loket lain")
        #expect(throws: (any Error).self) { try Kinerjactl.Feedback.Assess.parseChecked(["01JASSIGN"] + seven.dropLast(2) + ["--score", "kolaboratif=6"]) }
    }

    @Test("rate: a score 1-5 and none or nine SKM answers 1-4 in the regulation's order")
    func rate() throws {
        let rated = try Kinerjactl.Feedback.Rate.parseChecked(["K7QMX-3XHD9-2PBQR", "--score", "5", "--skm", "4,3,3,4,4,4,4,3,3"])
        #expect(try rated.answers().map(\.unsur) == Kinerjactl.Feedback.Rate.unsur)
        #expect(throws: (any Error).self) { try Kinerjactl.Feedback.Rate.parseChecked(["K7QMX", "--score", "6"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Feedback.Rate.parseChecked(["K7QMX", "--score", "4", "--skm", "4,3,3"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Feedback.Rate.parseChecked(["K7QMX", "--score", "4", "--skm", "5,3,3,4,4,4,4,3,3"]) }
    }

    @Test("give names at most one subject; texts are checked before any call")
    func give() throws {
        let base = ["--to", "199001012015032001", "--kind", "apresiasi", "--message", "Terima kasih"]
        #expect(try Kinerjactl.Feedback.Give.parseChecked(base + ["--rhk", "01JRHK"]).subject() == (.rhk, "01JRHK"))
        #expect(throws: (any Error).self) { try Kinerjactl.Feedback.Give.parseChecked(base + ["--rhk", "a", "--iki", "b"]) }
        #expect(throws: (any Error).self) {
            try Kinerjactl.Feedback.Give.parseChecked(["--to", "199001012015032001", "--kind", "apresiasi", "--message", String(repeating: "x", count: 4001)])
        }
        #expect(throws: (any Error).self) { try Kinerjactl.Feedback.Give.parseChecked(["--to", "1990", "--kind", "saran", "--message", "x"]) }
    }

    @Test("the summary draws a bar per value for shown groups and says why a group is withheld, with no figures for it")
    func summary() {
        let values = FeedbackText.values.map { Feedback.ValueAggregate(value: $0.value, responseCount: 3, meanScore: 4, scoreCounts: [0, 0, 0, 3, 0]) }
        let summary = Feedback.BehaviourSummary(
            subject: Common.EmployeeRef(nip: "199001012015032001", displayName: "Maria Ndun"), period: Common.Period(year: 2026, kind: .annual),
            roundID: "01JROUND", roundState: .closed,
            groups: [Feedback.RaterGroupSummary(relation: .atasan, assignedCount: 1, respondedCount: 1, values: values),
                     Feedback.RaterGroupSummary(relation: .rekanKerja, assignedCount: 3, withheld: true, withheldReason: .belowAnonymityThreshold)],
            combined: values, anonymityThreshold: 3)
        let text = FeedbackText.summary(summary)
        #expect(text.contains("REKAN KERJA — 3 assigned"))
        #expect(text.contains("withheld: fewer than 3 answers (anonymity threshold)"))
        #expect(text.contains("Berorientasi Pelayanan") && text.contains("████████████████░░░░  4.00"))
        let rekan = text.components(separatedBy: "REKAN KERJA").last ?? ""
        #expect(!rekan.prefix(120).contains("█"), "no bar for a withheld group")
    }

    @Test("the SKM table lists U1-U9 with NRR and mutu; a withheld SKM says why")
    func skm() {
        let withheld = FeedbackText.skm(Feedback.SkmSummary(respondentCount: 4, minimumSample: 10, withheld: true, withheldReason: .belowMinimumSample),
                                        title: "SKM")
        #expect(withheld.contains("fewer than 10 usable ratings"))
        let shown = FeedbackText.skm(Feedback.SkmSummary(respondentCount: 10, unsur: Kinerjactl.Feedback.Rate.unsur.map {
            Feedback.SkmUnsurResult(unsur: $0, nrr: 3.5, nrrTertimbang: 3.5 / 9, converted: 87.5, mutu: .bBaik)
        }, nilaiInterval: 3.3222, ikm: 83.06, mutu: .bBaik), title: "SKM")
        #expect(shown.contains("U9 Sarana Prasarana") && shown.contains("IKM 83.06 — mutu B (Baik)"))
    }
}
