import Foundation
import KinerjaDocuments
import KinerjaProto
import Testing
@testable import kinerjactl

/// `--plot FILE` on eval quotas, eval distribution, eval leniency and report progress --unit:
/// the format from the extension, and the charts written as SVG or PNG.
@Suite("Plots")
struct PlotTests {
    /// A Baik unit of 10: at most 7 Baik, at least one Butuh Perbaikan or Kurang; 8 rated.
    static var curve: Evaluation.CurveStatus {
        var curve = Evaluation.CurveStatus()
        curve.unitID = "01JUNITDUKCAPIL00000000001"
        curve.organisationRating = .baik
        curve.population = 10
        curve.ratedCount = 8
        var span = Evaluation.EvaluationSpan()
        span.year = 2026
        span.kind = .quarterly
        span.number = 2
        curve.span = span
        var baik = Common.CurveBound()
        baik.predikat = .baik
        baik.maxPercent = 70
        baik.maxCount = 7
        baik.ruleTextID = "paling banyak 70% Baik"
        var pair = Common.CurveBound()
        pair.predikat = .butuhPerbaikan
        pair.alsoPredikat = .kurang
        pair.minCount = 1
        pair.maxCount = 10
        pair.maxPercent = 100
        pair.ruleTextID = "paling sedikit satu Butuh Perbaikan dan/atau Kurang"
        curve.quotas = [baik, pair]
        curve.distribution = [Evaluation.PredikatCount(predikat: .sangatBaik, count: 2, percent: 20), Evaluation.PredikatCount(predikat: .baik, count: 6, percent: 60),
                              Evaluation.PredikatCount(predikat: .unspecified, count: 2, percent: 20)]
        return curve
    }

    @Test("--plot takes .svg or .png (any case); any other extension is an argument error (exit 64)")
    func formats() throws {
        #expect(try PlotFile.format(of: "kurva.svg") == .svg)
        #expect(try PlotFile.format(of: "out/KURVA.PNG") == .png)
        for path in ["kurva.pdf", "kurva.jpg", "kurva", "", "plots/"] {
            #expect(throws: CLIError.self, "\(path)") { _ = try PlotFile.format(of: path) }
            #expect(ErrorReporting.report(Self.error { _ = try PlotFile.format(of: path) }).exitStatus == 64)
        }
        #expect(throws: (any Error).self) {
            _ = try Kinerjactl.Eval.Quotas.parse(["--period", "2026-Q2", "--unit", "KPG.DUKCAPIL", "--plot", "kurva.jpg"])
        }
        _ = try Kinerjactl.Eval.Quotas.parse(["--period", "2026-Q2", "--unit", "KPG.DUKCAPIL", "--plot", "kurva.png"])
        #expect(throws: (any Error).self) { _ = try Kinerjactl.Eval.Leniency.parse(["--period", "2026-Q2", "--unit", "KPG", "--plot", "l.gif"]) }
        #expect(throws: (any Error).self) { _ = try Kinerjactl.Eval.Distribution.parse(["--period", "2026-Q2", "--plot", "d.txt"]) }
        #expect(throws: (any Error).self) { _ = try Kinerjactl.Report.Progress.parse(["--plot", "capaian.png"]) }
        #expect(throws: (any Error).self) { _ = try Kinerjactl.Report.Progress.parse(["--unit", "KPG.DUKCAPIL", "--nip", SkpPrintSamples.analis]) }
        _ = try Kinerjactl.Report.Progress.parse(["--unit", "KPG.DUKCAPIL", "--year", "2026", "--plot", "capaian.svg"])
    }

    static func error(_ body: () throws -> Void) -> any Error {
        do {
            try body()
            return CLIError(.failure, "no error")
        } catch {
            return error
        }
    }

    /// True for an SVG document: XML whose root element is `svg`.
    static func isSVG(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let root = text.range(of: "<svg") else { return false }
        let before = text[..<root.lowerBound]
        return before.replacingOccurrences(of: #"<\?xml[^>]*\?>"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && text.contains("</svg>")
    }

    /// True for a PNG file (its signature).
    static func isPNG(_ bytes: [UInt8]) -> Bool {
        Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    }

    @Test("each chart is written as a valid SVG and PNG file")
    func written() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var leniency = Evaluation.GetRaterLeniencyResponse()
        leniency.unitMeanScore = 3.9
        leniency.cityMeanScore = 4.05
        leniency.raters = [
            Evaluation.RaterStats(rater: Common.EmployeeRef(nip: SkpPrintSamples.kepalaBidang, displayName: "Yohanes Fanggidaé, S.Sos., M.Si."),
                                  ratedCount: 6, meanScore: 4.5, leniencyIndex: 0.6, flagged: true),
            Evaluation.RaterStats(rater: Common.EmployeeRef(nip: SkpPrintSamples.kepalaSeksi, displayName: "Dra. Theresia Lay"), ratedCount: 4, meanScore: 3.5),
        ]
        let months = (1...9).map { month in
            UnitMonthProgress(month: month, rows: (0..<3).map { index in
                var progress = Reporting.EmployeeProgress()
                progress.averageCapaianPercent = Common.DoubleValue(value: Double(70 + month * 4 + index))
                progress.averageCapaianUtamaPercent = Common.DoubleValue(value: Double(65 + month * 4 + index))
                return progress
            })
        }
        let rows = [DistributionText.Row(label: "Dukcapil", totals: Self.curve.distribution),
                    DistributionText.Row(label: "BKPSDM", totals: [Evaluation.PredikatCount(predikat: .baik, count: 9), Evaluation.PredikatCount(predikat: .kurang, count: 1)])]
        let charts: [(String, Chart)] = [
            ("curve", CurveChart.chart(Self.curve, unit: "KPG.DUKCAPIL")),
            ("leniency", try #require(LeniencyChart.chart(leniency, scope: "KPG.DUKCAPIL"))),
            ("progress", UnitProgressChart.chart(months, unit: "KPG.DUKCAPIL", year: 2026)),
            ("distribution", try DistributionChart.chart(rows, span: Self.curve.span ?? Evaluation.EvaluationSpan())),
        ]
        for (name, chart) in charts {
            for format in ["svg", "png"] {
                let path = directory.path + "/\(name).\(format)"
                let line = try PlotFile.write(chart, to: path)
                #expect(line.contains(path))
                let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
                #expect(format == "svg" ? Self.isSVG(bytes) : Self.isPNG(bytes), "\(name).\(format)")
                SkpPrintSamples.preview("plot-\(name).\(format)", bytes)
            }
        }
        #expect(LeniencyChart.chart(Evaluation.GetRaterLeniencyResponse(), scope: "x") == nil, "nobody rated: nothing to plot")
        #expect(throws: CLIError.self) { _ = try DistributionChart.chart([], span: Evaluation.EvaluationSpan()) }
    }

    @Test("the distribution table counts each unit and the city, unrated apart")
    func distributionTable() {
        let rows = [DistributionText.Row(label: "Dukcapil", totals: Self.curve.distribution)]
        #expect(rows[0].total == 10 && rows[0].percent(.baik) == 60)
        let text = DistributionText.table(rows).render()
        #expect(text.contains("BELUM DINILAI") && text.contains("JUMLAH KOTA"))
    }
}
