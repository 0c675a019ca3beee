import ArgumentParser
import Foundation
import KinerjaDocuments
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval summary`.
    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a unit's evaluation summary (PDF): the organisation rating, quotas against the distribution with the curve chart, totals per predikat, finalisations, overrides.",
            discussion: """
            For pengelola kinerja and pimpinan, at any state of the period (before rating it shows the quotas). \
            E.g. kinerjactl eval summary --unit KPG.DUKCAPIL --period 2026-Q2 -o ringkasan.pdf
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EvalPeriodSelection
        @Option(name: [.customLong("out"), .customShort("o")], help: ArgumentHelp("Where to write the PDF.", valueName: "file.pdf"))
        var out: String

        func validate() throws {
            try SkpPrintArguments.pdfPath(out, option: "--out")
        }

        func run() async throws {
            let summary = try await CommandEnvironment.withEvaluation(connection) { caller in
                let period = try await selection.resolve(caller)
                let curve = try await caller.call { try await $0.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID), options: $1) }.curve
                var overrides: [Evaluation.RatingOverride] = []
                var cursor = ""
                var pages = 0
                repeat {
                    let request = Evaluation.ListRatingOverridesRequest(periodID: period.periodID, page: Common.PageRequest(pageSize: 500, cursor: cursor))
                    let response = try await caller.call { try await $0.listRatingOverrides(request, options: $1) }
                    overrides += response.overrides
                    cursor = response.page?.nextCursor ?? ""
                    pages += 1
                } while !cursor.isEmpty && pages < 20
                let label = await EvalLookup.unitLabel(period.unit?.unitID ?? "", caller)
                return UnitSummary(period: period, curve: curve ?? Evaluation.CurveStatus(), unit: label, overrides: overrides)
            }
            let document = UnitSummaryDocument.build(summary)
            let pdf: [UInt8]
            let pages: Int
            do {
                pdf = try document.pdf()
                pages = try document.pageCount()
            } catch {
                throw CLIError(.failure, "cannot lay out the summary: \(error.message)", cause: error)
            }
            try SkpPrintArguments.writePrivately(pdf, to: out)
            let line = "wrote \(out): summary of \(summary.unit), \(EvalSpans.label(summary.period.span)), \(pages) pages, "
                + "\(summary.curve.ratedCount) of \(summary.curve.population) rated, \(summary.overrides.count) overrides"
            PlotReport.line(TerminalText.sanitized(line), json: false)
        }
    }
}
