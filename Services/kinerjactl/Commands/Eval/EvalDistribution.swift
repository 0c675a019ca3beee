import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval distribution`.
    struct Distribution: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The city's predikat distribution by unit: each top-level unit (with its sub-units) over a span, as a table and with --plot as stacked bars.",
            discussion: """
            For pengelola kinerja and pimpinan. --unit names the unit whose direct sub-units are compared (default: the \
            root of the organisation, Pemerintah Kota Kupang); employees of that unit itself are counted on a row of \
            their own. Counts come from ListEvaluations' totals (every state: unrated employees are counted apart).
            E.g. kinerjactl eval distribution --period 2026-Q2 --plot distribusi.png
            """)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: ArgumentHelp("The span (YYYY, YYYY-Q1…Q4, YYYY-S1|S2, YYYY-MM), or a period's id for its span.", valueName: "period"))
        var period: EvalPeriodReference
        @OptionGroup var unit: UnitOptions
        @OptionGroup var plot: PlotOption

        func run() async throws {
            let (rows, span) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let span = try await Self.span(period, caller)
                let units = try await Self.units(under: try await unit.unitID(caller.identity), caller.identity)
                var rows: [DistributionText.Row] = []
                for (scope, label) in units {
                    let request = Evaluation.ListEvaluationsRequest(unit: scope, period: EvalSpans.period(span), page: Common.PageRequest(pageSize: 1), span: span)
                    let response = try await caller.call { try await $0.listEvaluations(request, options: $1) }
                    let row = DistributionText.Row(label: label, totals: response.totals)
                    if row.total > 0 || scope.includeSubunits { rows.append(row) }
                }
                return (rows, span)
            }
            if let line = try plot.write({ try DistributionChart.chart(rows, span: span) }, size: .forCategories(rows.count, perCategory: 70)) {
                PlotReport.line(line, json: connection.json)
            }
            if connection.json {
                print(DistributionText.json(rows))
                return
            }
            print("Distribusi predikat per unit — \(EvaluationDocument.periodTitle(span))")
            print(DistributionText.table(rows).render())
        }

        /// The span a period reference names (an id is read for its span).
        static func span(_ reference: EvalPeriodReference, _ caller: EvaluationCaller) async throws -> Evaluation.EvaluationSpan {
            switch reference.kind {
            case .span(let span): return span
            case .id(let id):
                guard let span = EvalSpans.span(of: try await EvalLookup.period(id: id, caller)) else {
                    throw CLIError(.failure, "the service answered GetPeriod without the period's span", status: .internal)
                }
                return span
            }
        }

        /// The unit itself (its own employees) and each direct sub-unit with its subtree, labelled
        /// by short name; the root of the organisation when `unitID` is nil.
        static func units(under unitID: String?, _ identity: IdentityCaller) async throws -> [(scope: Common.UnitScope, label: String)] {
            let parentID: String
            var parentLabel = ""
            if let unitID {
                parentID = unitID
                let unit = try await identity.call { try await $0.getUnit(.init(unitID: unitID), options: $1) }.unit
                parentLabel = unit.map(label) ?? unitID
            } else {
                let all = try await identity.call { try await $0.listUnits(Identity.ListUnitsRequest(page: Common.PageRequest(pageSize: 500)), options: $1) }
                guard let root = all.units.first(where: { $0.parentUnitID.isEmpty }) else {
                    throw CLIError(.failure, "identity lists no root unit: give --unit", status: .notFound)
                }
                parentID = root.unitID
                parentLabel = label(root)
            }
            let children = try await identity.call {
                try await $0.listUnits(Identity.ListUnitsRequest(parentUnitID: parentID, page: Common.PageRequest(pageSize: 500)), options: $1)
            }.units
            return [(Common.UnitScope(unitID: parentID, includeSubunits: false), parentLabel + " (langsung)")]
                + children.map { (Common.UnitScope(unitID: $0.unitID, includeSubunits: true), label($0)) }
        }

        /// The short name, else the name.
        static func label(_ unit: Identity.Unit) -> String {
            unit.shortName.isEmpty ? unit.name : unit.shortName
        }
    }
}
