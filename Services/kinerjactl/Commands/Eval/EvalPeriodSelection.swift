import ArgumentParser
import KinerjaProto

/// `--period ID|SPAN [--unit UNIT]`: the one evaluation period a command acts on. With an id,
/// `--unit` (when given) must be the period's unit — a check before acting on the wrong unit;
/// with a span, `--unit` is required and the unit's period of that span is looked up.
struct EvalPeriodSelection: ParsableArguments {
    @Option(help: ArgumentHelp("The evaluation period: its id, or a span (YYYY, YYYY-Q1…Q4, YYYY-S1|S2, YYYY-MM) with --unit.",
                               valueName: "period"))
    var period: EvalPeriodReference
    @OptionGroup var unit: UnitOptions

    func validate() throws {
        if period.span != nil, unit.reference == nil {
            throw CLIError.invalidArguments("--period \(period) is a span: give --unit too, or the period's id")
        }
    }

    /// The period, read from the service.
    func resolve(_ caller: EvaluationCaller) async throws -> Evaluation.EvaluationPeriod {
        try await Self.resolve(period, unit: unit.reference, caller)
    }

    /// The period `reference` names: by id (checked against `unit` when given), or the unit's period of a span.
    static func resolve(_ reference: EvalPeriodReference, unit: UnitReference?,
                        _ caller: EvaluationCaller) async throws -> Evaluation.EvaluationPeriod {
        let unitID = try await unit.asyncMap { try await UnitLookup.unitID($0, caller.identity) }
        switch reference.kind {
        case .id(let id):
            let found = try await EvalLookup.period(id: id, caller)
            if let unitID, let unit, found.unit?.unitID != unitID {
                throw CLIError.invalidArguments("period \(id) is the period of unit \(found.unit?.unitID ?? "?"), not of \(unit)")
            }
            return found
        case .span(let span):
            guard let unitID, let unit else { throw CLIError.invalidArguments("give --unit with a span") }
            return try await EvalLookup.period(unitID: unitID, span: span, named: unit.description, caller)
        }
    }
}

/// `--period ID|SPAN [--unit UNIT] [--subunits]`: the population of a query over a span (leniency,
/// export). With an id the period gives the span and, unless `--unit` names another, the unit.
struct EvalScopeSelection: ParsableArguments {
    @Option(help: ArgumentHelp("An evaluation period's id (its unit and span), or a span (YYYY, YYYY-Q1…Q4, YYYY-S1|S2, YYYY-MM) with --unit.",
                               valueName: "period"))
    var period: EvalPeriodReference
    @OptionGroup var unit: UnitOptions
    @Flag(help: "Include every sub-unit (with an id: also when the period was opened with them).") var subunits = false

    func validate() throws {
        if period.span != nil, unit.reference == nil {
            throw CLIError.invalidArguments("--period \(period) is a span: give --unit too, or a period's id")
        }
    }

    /// The unit scope and span asked for.
    func resolve(_ caller: EvaluationCaller) async throws -> (scope: Common.UnitScope, span: Evaluation.EvaluationSpan) {
        let unitID = try await unit.unitID(caller.identity)
        switch period.kind {
        case .span(let span):
            guard let unitID else { throw CLIError.invalidArguments("give --unit with a span") }
            return (Common.UnitScope(unitID: unitID, includeSubunits: subunits), span)
        case .id(let id):
            let found = try await EvalLookup.period(id: id, caller)
            guard let span = EvalSpans.span(of: found) else {
                throw CLIError(.failure, "the service answered GetPeriod without the period's span", status: .internal)
            }
            if let unitID { return (Common.UnitScope(unitID: unitID, includeSubunits: subunits), span) }
            let scope = found.unit ?? Common.UnitScope()
            return (Common.UnitScope(unitID: scope.unitID, includeSubunits: scope.includeSubunits || subunits), span)
        }
    }
}

/// `--kind`, `--year`, `--month`, `--quarter`, `--semester`: the span of a new period.
struct SpanOptions: ParsableArguments {
    @Option(help: ArgumentHelp("monthly, quarterly, semester or annual (default: from --month, --quarter or --semester, else annual).",
                               valueName: "kind"))
    var kind: EnumArgument<Evaluation.EvaluationPeriodKind>?
    @Option(help: "Year (default: the current WITA year).") var year: Int?
    @Option(help: "Month 1–12 (monthly).") var month: Int?
    @Option(name: [.customLong("quarter"), .customLong("triwulan")], help: "Triwulan 1–4 (quarterly).") var quarter: Int?
    @Option(help: "Semester 1–2.") var semester: Int?

    /// The span the options name.
    func span() throws -> Evaluation.EvaluationSpan {
        let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
        let numbers: [(String, Int?, Evaluation.EvaluationPeriodKind, ClosedRange<Int>)] = [
            ("--month", month, .monthly, 1...12), ("--quarter", quarter, .quarterly, 1...4), ("--semester", semester, .semester, 1...2),
        ]
        let given = numbers.filter { $0.1 != nil }
        if given.count > 1 { throw CLIError.invalidArguments("give one of --month, --quarter and --semester") }
        let kind = kind?.value ?? given.first?.2 ?? .annual
        if kind == .annual {
            if let extra = given.first { throw CLIError.invalidArguments("an annual period takes no \(extra.0)") }
            return Evaluation.EvaluationSpan(year: year, kind: .annual, number: 1)
        }
        guard let wanted = numbers.first(where: { $0.2 == kind }) else { throw CLIError.invalidArguments("unknown --kind") }
        if let other = given.first, other.2 != kind {
            throw CLIError.invalidArguments("a \(Display.name(kind).lowercased()) period takes \(wanted.0), not \(other.0)")
        }
        guard let number = wanted.1 else { throw CLIError.invalidArguments("a \(Display.name(kind).lowercased()) period needs \(wanted.0)") }
        guard wanted.3.contains(number) else {
            throw CLIError.invalidArguments("\(wanted.0) must be \(wanted.3.lowerBound)–\(wanted.3.upperBound), not \(number)")
        }
        return Evaluation.EvaluationSpan(year: year, kind: kind, number: UInt32(number))
    }

    func validate() throws { _ = try span() }
}

/// Reads what the eval commands need before they act.
enum EvalLookup {
    /// One period by id.
    static func period(id: String, _ caller: EvaluationCaller) async throws -> Evaluation.EvaluationPeriod {
        let response = try await caller.call { try await $0.getPeriod(Evaluation.GetPeriodRequest(periodID: id), options: $1) }
        guard let period = response.period else { throw CLIError(.failure, "the service answered GetPeriod without a period", status: .internal) }
        return period
    }

    /// The period of `span` opened for the unit itself (NOT_FOUND when there is none).
    static func period(unitID: String, span: Evaluation.EvaluationSpan, named: String,
                       _ caller: EvaluationCaller) async throws -> Evaluation.EvaluationPeriod {
        var cursor = ""
        var pages = 0
        repeat {
            let request = Evaluation.ListPeriodsRequest(unit: Common.UnitScope(unitID: unitID), year: span.year,
                                                        page: Common.PageRequest(pageSize: 500, cursor: cursor))
            let response = try await caller.call { try await $0.listPeriods(request, options: $1) }
            if let found = response.periods.first(where: { $0.unit?.unitID == unitID && EvalSpans.same(EvalSpans.span(of: $0), span) }) {
                return found
            }
            cursor = response.page?.nextCursor ?? ""
            pages += 1
        } while !cursor.isEmpty && pages < 100
        throw CLIError(.failure, "\(named) has no evaluation period for \(EvalSpans.label(span)) (kinerjactl eval periods --unit \(named))",
                       status: .notFound)
    }

    /// `CODE — name` of a unit, else its id (a failed look-up is not an error: it is only a label).
    static func unitLabel(_ unitID: String, _ caller: EvaluationCaller) async -> String {
        guard !unitID.isEmpty,
              let unit = try? await caller.identity.call({ try await $0.getUnit(.init(unitID: unitID), options: $1) }).unit
        else { return unitID }
        return unit.code.isEmpty ? unit.name : "\(unit.code) — \(unit.name)"
    }
}
