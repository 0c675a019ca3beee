import KinerjaProto
import Testing
@testable import kinerjactl

/// How `eval quotas` shows a unit's curve (SE MenPANRB 3/2023): each predikat's quota against its
/// count as a table and as bars, and breaches explained by rule, count and limit.
@Suite("Curve text")
struct CurveTextTests {
    /// "For 20 employees in a Baik unit: at most 14 Baik and at least one Butuh Perbaikan or Kurang" (issue 14).
    static func baikUnit(sangatBaik: UInt32 = 2, baik: UInt32 = 15, butuhPerbaikan: UInt32 = 0, unrated: UInt32 = 3,
                         breaches: [Common.CurveBreach] = []) -> Evaluation.CurveStatus {
        Evaluation.CurveStatus(
            periodID: "01JPERIOD", unitID: "01JUNIT", organisationRating: .baik, population: 20, ratedCount: 20 - unrated,
            quotas: [
                Common.CurveBound(predikat: .baik, maxPercent: 70, maxCount: 14, ruleText: "at most 70% Baik (SE MenPANRB 3/2023)",
                                  ruleTextID: "Baik paling banyak 70% (SE MenPANRB 3/2023)"),
                Common.CurveBound(predikat: .butuhPerbaikan, alsoPredikat: .kurang, maxPercent: 100, minCount: 1, maxCount: 20,
                                  ruleText: "at least one Butuh Perbaikan or Kurang (SE MenPANRB 3/2023)"),
            ],
            distribution: [
                Evaluation.PredikatCount(predikat: .sangatBaik, count: sangatBaik), Evaluation.PredikatCount(predikat: .baik, count: baik),
                Evaluation.PredikatCount(predikat: .butuhPerbaikan, count: butuhPerbaikan), Evaluation.PredikatCount(predikat: .unspecified, count: unrated),
            ],
            breaches: breaches, span: Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 2))
    }

    @Test("one row per predikat with the bounds about it alone, then one per pair the SE counts together")
    func rows() throws {
        let rows = CurveText.rows(Self.baikUnit())
        try #require(rows.count == 6)
        #expect(rows.map(\.label) == ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang",
                                      "Butuh Perbaikan + Kurang/Misconduct"])
        #expect(rows[0] == CurveText.Row(label: "Sangat Baik", min: 0, max: 20, count: 2, minPercent: nil, maxPercent: nil, rules: [],
                                         adjustments: [], status: .ok))
        #expect(rows[1].max == 14 && rows[1].count == 15 && rows[1].maxPercent == 70 && rows[1].status == .over(1))
        #expect(rows[5].min == 1 && rows[5].count == 0 && rows[5].status == .needed(1))
    }

    @Test("an upper bound breaks as soon as it is passed; a lower one only once everyone is rated, before that it is still needed or cannot be met")
    func statuses() {
        #expect(CurveText.status(count: 3, min: 0, max: 14, population: 20, unrated: 5) == .ok)
        #expect(CurveText.status(count: 14, min: 0, max: 14, population: 20, unrated: 5) == .full)
        #expect(CurveText.status(count: 20, min: 0, max: 20, population: 20, unrated: 0) == .ok, "no upper bound is never full")
        #expect(CurveText.status(count: 15, min: 0, max: 14, population: 20, unrated: 5) == .over(1))
        #expect(CurveText.status(count: 0, min: 1, max: 20, population: 20, unrated: 3) == .needed(1))
        #expect(CurveText.status(count: 10, min: 12, max: 20, population: 20, unrated: 1) == .unreachable(2))
        #expect(CurveText.status(count: 0, min: 1, max: 20, population: 20, unrated: 0) == .short(1))
        #expect(CurveText.Status.over(1).text == "BREACH: 1 over the maximum" && CurveText.Status.short(2).isBreach)
    }

    @Test("the table shows each quota's min and max with the SE's percent, the count now with its share, the status and the rule")
    func table() throws {
        let rows = CurveText.rows(Self.baikUnit())
        let lines = CurveText.table(rows, population: 20).render().split(separator: "\n").map(String.init)
        try #require(lines.count == 7)
        #expect(lines[0].hasPrefix("PREDIKAT") && lines[0].contains("MIN") && lines[0].contains("MAX") && lines[0].contains("NOW")
            && lines[0].contains("STATUS") && lines[0].contains("RULE"))
        let baik = lines.first { $0.hasPrefix("Baik ") } ?? ""
        #expect(baik.contains("14 (70%)") && baik.contains("15 (75%)") && baik.contains("BREACH: 1 over the maximum")
            && baik.contains("at most 70% Baik (SE MenPANRB 3/2023)"))
        let pair = lines.first { $0.hasPrefix("Butuh Perbaikan + Kurang") } ?? ""
        #expect(pair.contains(" 1 ") && pair.contains("0 (0%)") && pair.contains("1 more needed"))
        let sangatBaik = lines.first { $0.hasPrefix("Sangat Baik") } ?? ""
        #expect(sangatBaik.contains("—") && sangatBaik.contains("2 (10%)") && sangatBaik.contains("ok"))
    }

    @Test("a bar: given within the maximum, over it, still needed for the minimum, room, and beyond the maximum")
    func bars() {
        // 20 employees on 40 columns: two cells each.
        #expect(CurveText.bar(count: 15, min: 0, max: 14, population: 20)
            == String(repeating: "█", count: 28) + "▓▓" + String(repeating: "·", count: 10))
        #expect(CurveText.bar(count: 0, min: 1, max: 20, population: 20) == "▒▒" + String(repeating: "░", count: 38))
        #expect(CurveText.bar(count: 2, min: 0, max: 20, population: 20) == "████" + String(repeating: "░", count: 36))
        #expect(CurveText.bar(count: 10, min: 0, max: 14, population: 20)
            == String(repeating: "█", count: 20) + String(repeating: "░", count: 8) + String(repeating: "·", count: 12))
        // "Tidak ada Sangat Baik" in a unit of 3 (13 cells each): one given is all over the maximum.
        #expect(CurveText.bar(count: 1, min: 0, max: 0, population: 3) == String(repeating: "▓", count: 13) + String(repeating: "·", count: 26))
        // 200 employees: one cell for five, but one employee still shows.
        #expect(CurveText.cells(1, population: 200, width: 40) == 1 && CurveText.cells(140, population: 200, width: 40) == 28)
        #expect(CurveText.bar(count: 150, min: 0, max: 140, population: 200).count == 40)
        #expect(CurveText.bar(count: 0, min: 0, max: 0, population: 0) == "")
    }

    @Test("the bars carry their labels aligned, the count against the quota in words, and a legend")
    func barLines() throws {
        let rows = CurveText.rows(Self.baikUnit())
        let text = CurveText.bars(rows, population: 20)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 8)
        #expect(lines[1].hasPrefix("Baik   ") && lines[1].hasSuffix("  15 of at most 14"))
        #expect(lines[5].hasPrefix("Butuh Perbaikan + Kurang/Misconduct  ▒▒░") && lines[5].hasSuffix("0 of at least 1"))
        #expect(lines[0].hasSuffix("2 (any)"))
        let bars = lines.prefix(6).map { line in line.split(separator: " ").first { word in word.first.map { "█▓▒░·".contains($0) } ?? false } ?? "" }
        #expect(bars.allSatisfy { $0.count == 40 }, "every bar is as long as the population")
        #expect(text.contains("█ given") && text.contains("▓ over the maximum") && text.contains("one employee = 2 cells"))
    }

    @Test("the whole view: heading with the organisation rating and the counts, table, bars, breaches explained, notes")
    func render() {
        let breach = Common.CurveBreach(
            unitID: "01JUNIT", organisationRating: .baik,
            bound: Common.CurveBound(predikat: .baik, maxPercent: 70, maxCount: 14, ruleText: "at most 70% Baik (SE MenPANRB 3/2023)"),
            actualCount: 15, actualPercent: 88.2, population: 17, explanation: "15 of 17 rated (88.2%) are Baik; at most 14 of 20 allowed",
            explanationID: "15 dari 17 pegawai yang dinilai (88,2%) Baik; paling banyak 14 dari 20")
        var curve = Self.baikUnit(breaches: [breach])
        curve.note = "3 employees unrated; at least 1 Butuh Perbaikan or Kurang still needed"
        let text = CurveText.render(curve, unit: "KPG.DUKCAPIL — Dinas Kependudukan dan Pencatatan Sipil")
        #expect(text.hasPrefix("Distribution curve of KPG.DUKCAPIL — Dinas Kependudukan dan Pencatatan Sipil, triwulan II 2026 (SE MenPANRB 3/2023)"))
        #expect(text.contains("Organisation rating Baik; 20 employees in the curve; 17 rated, 3 unrated; not compliant yet."))
        #expect(text.contains("Rule:  at most 70% Baik (SE MenPANRB 3/2023)") && text.contains("Limit: at most 14 of 17"))
        #expect(text.contains("Note: 3 employees unrated"))
    }

    @Test("before the organisation rating there are no quotas, and the view says who sets it")
    func undecided() {
        let curve = Evaluation.CurveStatus(periodID: "01JPERIOD", population: 12, excludedCount: 1,
                                           span: Evaluation.EvaluationSpan(year: 2026, kind: .monthly, number: 3))
        let text = CurveText.render(curve, unit: "KPG.BKPSDM")
        #expect(text.contains("2026-03") && text.contains("Organisation rating not decided yet: no quotas"))
        #expect(text.contains("org-rating set --period 01JPERIOD") && text.contains("12 employees in the curve (1 excluded by population adjustments)."))
        #expect(!text.contains("█"))
    }

    @Test("a quota lowered by the small-unit rule says so under the view")
    func smallUnit() {
        let curve = Evaluation.CurveStatus(
            organisationRating: .baik, population: 1, ratedCount: 0,
            quotas: [Common.CurveBound(predikat: .baik, maxPercent: 70, maxCount: 1, ruleText: "at most 70% Baik (SE MenPANRB 3/2023)",
                                       adjustment: "raised from 0 to 1: the majority's cap is never below one"),
                     Common.CurveBound(predikat: .butuhPerbaikan, alsoPredikat: .kurang, maxPercent: 100, minCount: 0, maxCount: 1,
                                       adjustment: "lowered from 1 to 0: 1 employee cannot also hold the Baik majority")],
            distribution: [Evaluation.PredikatCount(predikat: .unspecified, count: 1)])
        let text = CurveText.render(curve, unit: "KPG.SEKDA.UMUM")
        #expect(text.contains("Small-unit rule — Baik: raised from 0 to 1") && text.contains("Small-unit rule — Butuh Perbaikan + Kurang/Misconduct: lowered"))
        #expect(CurveText.rows(curve).dropFirst().first?.status == .ok, "one unrated employee and a cap of one is not yet full")
    }
}
