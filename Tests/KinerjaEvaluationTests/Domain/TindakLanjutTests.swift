import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Angka kredit from the predikat (PermenPANRB 1/2023 Pasal 37)")
struct AngkaKreditTests {
    @Test("the predikat's percentage of the annual koefisien: Sangat Baik 150, Baik 100, Butuh Perbaikan 75, Kurang 50, Sangat Kurang 25", arguments: [
        (Common.Predikat.sangatBaik, 150.0), (.baik, 100), (.butuhPerbaikan, 75), (.kurang, 50), (.sangatKurang, 25),
    ])
    func percent(predikat: Common.Predikat, percent: Double) {
        #expect(AngkaKredit.percent(for: predikat) == percent)
    }

    @Test("the regulation's koefisien per jenjang are the defaults")
    func table() throws {
        let table = AngkaKreditTable.permenPANRB2023
        #expect(try table.annualKoefisien(.pemula) == 3.75)
        #expect(try table.annualKoefisien(.terampil) == 5)
        #expect(try table.annualKoefisien(.mahir) == 12.5)
        #expect(try table.annualKoefisien(.penyelia) == 25)
        #expect(try table.annualKoefisien(.ahliPertama) == 12.5)
        #expect(try table.annualKoefisien(.ahliMuda) == 25)
        #expect(try table.annualKoefisien(.ahliMadya) == 37.5)
        #expect(try table.annualKoefisien(.ahliUtama) == 50)
    }

    @Test("worked example: an Ahli Pertama rated Sangat Baik for the year gets 150% × 12.5 = 18.75")
    func annual() throws {
        let conversion = try AngkaKredit.convert(predikat: .sangatBaik, jenjang: .ahliPertama, span: .annual(2026))
        #expect(conversion.angkaKredit == 18.75 && conversion.months == 12 && conversion.predikatPercent == 150 && conversion.annualKoefisien == 12.5)
    }

    @Test("worked example (BKN): two months Baik as Ahli Pertama is 2/12 × 100% × 12.5 = 2.083")
    func periodic() throws {
        let conversion = try AngkaKredit.convert(predikat: .baik, jenjang: .ahliPertama, span: .triwulan(1, of: 2026), months: 2)
        #expect(AngkaKredit.rounded(conversion.angkaKredit) == 2.083)
    }

    @Test("worked example: a guru Ahli Madya rated Baik for the year gets 37.5; one triwulan Butuh Perbaikan 3/12 × 75% × 37.5 = 7.031")
    func madya() throws {
        #expect(try AngkaKredit.convert(predikat: .baik, jenjang: .ahliMadya, span: .annual(2026)).angkaKredit == 37.5)
        #expect(AngkaKredit.rounded(try AngkaKredit.convert(predikat: .butuhPerbaikan, jenjang: .ahliMadya, span: .triwulan(3, of: 2026)).angkaKredit) == 7.031)
    }

    @Test("pro rata and accumulated: four triwulan (Baik, Baik, Sangat Baik, Butuh Perbaikan) as Ahli Muda add up to 25 × (1 + 1 + 1.5 + 0.75) / 4 = 26.5625")
    func accumulated() throws {
        let predikats: [Common.Predikat] = [.baik, .baik, .sangatBaik, .butuhPerbaikan]
        let conversions = try predikats.enumerated().map { index, predikat in
            try AngkaKredit.convert(predikat: predikat, jenjang: .ahliMuda, span: .triwulan(UInt32(index + 1), of: 2026))
        }
        let total = try AngkaKredit.accumulate(conversions)
        #expect(total.total == 26.5625 && total.perYear[2026] == 26.5625 && total.counted.count == 4)
    }

    @Test("an annual conversion replaces its year's periodic ones; years add up")
    func annualReplaces() throws {
        let q1 = try AngkaKredit.convert(predikat: .sangatBaik, jenjang: .ahliMuda, span: .triwulan(1, of: 2026))
        let year = try AngkaKredit.convert(predikat: .baik, jenjang: .ahliMuda, span: .annual(2026))
        let next = try AngkaKredit.convert(predikat: .baik, jenjang: .ahliMuda, span: .semester(1, of: 2027))
        let total = try AngkaKredit.accumulate([q1, year, next])
        #expect(total.perYear == [2026: 25, 2027: 12.5] && total.total == 37.5)
        #expect(total.replaced == [q1])
    }

    @Test("two periodic conversions covering one month are refused")
    func overlap() throws {
        let q1 = try AngkaKredit.convert(predikat: .baik, jenjang: .ahliMuda, span: .triwulan(1, of: 2026))
        let march = try AngkaKredit.convert(predikat: .baik, jenjang: .ahliMuda, span: .month(3, of: 2026))
        #expect(throws: EvaluationRuleError.angkaKreditPeriodsOverlap(year: 2026, month: 3)) { try AngkaKredit.accumulate([q1, march]) }
    }

    @Test("months count for the jenjang held on their first day: a TMT of 15 March counts from April")
    func months() {
        #expect(AngkaKredit.months(of: .annual(2026)) == 12)
        #expect(AngkaKredit.months(of: .annual(2026), heldFrom: Fixtures.date(2026, 3, 15)) == 9)
        #expect(AngkaKredit.months(of: .annual(2026), heldFrom: Fixtures.date(2026, 3, 1)) == 10)
        #expect(AngkaKredit.months(of: .semester(1, of: 2026), heldTo: Fixtures.date(2026, 2, 20)) == 2)
    }

    @Test("an unrated predikat, an unset jenjang or months beyond the span are refused; a missing koefisien too")
    func invalid() throws {
        #expect(throws: EvaluationRuleError.self) { try AngkaKredit.convert(predikat: .unspecified, jenjang: .ahliMuda, span: .annual(2026)) }
        #expect(throws: EvaluationRuleError.self) { try AngkaKredit.convert(predikat: .baik, jenjang: .unspecified, span: .annual(2026)) }
        #expect(throws: EvaluationRuleError.self) { try AngkaKredit.convert(predikat: .baik, jenjang: .ahliMuda, span: .triwulan(1, of: 2026), months: 4) }
        let partial = try AngkaKreditTable(koefisien: [.ahliMuda: 25])
        #expect(throws: EvaluationRuleError.koefisienMissing(.ahliUtama)) {
            try AngkaKredit.convert(predikat: .baik, jenjang: .ahliUtama, span: .annual(2026), table: partial)
        }
    }

    @Test("the koefisien table loads from text; unknown jenjang and bad numbers name their line")
    func loadable() throws {
        let table = try AngkaKreditTable(parsing: """
            # Jabatan fungsional X (peraturan sendiri)
            AHLI_PERTAMA 15
            ahli_muda = 30
            JENJANG_FUNGSIONAL_AHLI_MADYA,40
            """)
        #expect(try table.annualKoefisien(.ahliPertama) == 15)
        #expect(try table.annualKoefisien(.ahliMuda) == 30)
        #expect(try table.annualKoefisien(.ahliMadya) == 40)
        #expect(try table.annualKoefisien(.ahliUtama) == 50)
        #expect(throws: EvaluationRuleError.koefisienTableInvalid("line 2: unknown jenjang \"AHLI_SUPER\"")) {
            try AngkaKreditTable(parsing: "\nAHLI_SUPER 10")
        }
        #expect(throws: EvaluationRuleError.self) { try AngkaKreditTable(parsing: "AHLI_MUDA -5") }
        #expect(throws: EvaluationRuleError.self) { try AngkaKreditTable(parsing: "AHLI_MUDA") }
        #expect(throws: EvaluationRuleError.self) { try AngkaKreditTable(koefisien: [.ahliMuda: .nan]) }
    }
}

@Suite("TPP factor per predikat (configurable; Kupang's Perwali sets it)")
struct TppFactorTableTests {
    @Test("the sample configuration: Sangat Baik 100%, Baik 100%, Butuh Perbaikan 80%, Kurang 60%, Sangat Kurang 40%")
    func sample() {
        let table = TppFactorTable.sample
        #expect([Common.Predikat.sangatBaik, .baik, .butuhPerbaikan, .kurang, .sangatKurang].map { table.percent(for: $0) } == [100, 100, 80, 60, 40])
        #expect(table.percent(for: .unspecified) == nil)
    }

    @Test("the amount is whole rupiah, rounded down: 80% of Rp 1.234.567 is Rp 987.653")
    func amount() {
        #expect(TppFactorTable.sample.amount(component: 1_234_567, predikat: .butuhPerbaikan) == 987_653)
        #expect(TppFactorTable.sample.amount(component: 2_500_000, predikat: .baik) == 2_500_000)
        #expect(TppFactorTable.sample.amount(component: 1_000, predikat: .unspecified) == nil)
        #expect(TppFactorTable.sample.amount(component: -1, predikat: .baik) == nil)
        #expect(TppFactorTable.sample.amount(component: .max, predikat: .baik) == nil)
    }

    @Test("a Perwali table loads from percents: all five predikat, 0-200%, at most two decimals")
    func load() throws {
        let table = try TppFactorTable(percent: [.sangatBaik: 110, .baik: 100, .butuhPerbaikan: 87.5, .kurang: 50, .sangatKurang: 0])
        #expect(table.amount(component: 1_000_000, predikat: .butuhPerbaikan) == 875_000)
        #expect(throws: EvaluationRuleError.self) { try TppFactorTable(percent: [.baik: 100]) }
        #expect(throws: EvaluationRuleError.self) { try TppFactorTable(percent: [.sangatBaik: 250, .baik: 100, .butuhPerbaikan: 80, .kurang: 60, .sangatKurang: 40]) }
        #expect(throws: EvaluationRuleError.self) { try TppFactorTable(percent: [.sangatBaik: 100, .baik: 100, .butuhPerbaikan: 80.125, .kurang: 60, .sangatKurang: 40]) }
    }
}
