public import KinerjaProto
import GRDB
import KinerjaService
import KinerjaStore

/// The TPP input (section 11.2): the Perwali's rule as versioned data (``TppFactorTable``) and a
/// month's predikat-based factor per employee of a unit, with the reason where there is none.
extension EvaluationHandlers {
    public func setTppRule(_ request: Evaluation.SetTppRuleRequest, context: ServerContext) async throws -> Evaluation.SetTppRuleResponse {
        guard let given = request.rule else { throw Invalid.field("rule", "is required", reason: "REQUIRED") }
        let table = try Self.tppTable(given)
        try Invalid.requireText(given.legalBasis.trimmed, "rule.legal_basis", max: 200)
        try Invalid.requireText(request.reason.trimmed, "reason", max: 1000)
        // The Perwali is city-wide: a scope over the root unit.
        try await requireScope(.unit(id: try await rootUnitID()))
        return try await write(context, request) { [self] db, actor in
            let latest = try TppRuleRecords.all(in: db).last
            if request.expectedVersion != 0 && request.expectedVersion != (latest?.version ?? 0) {
                throw RPCError(.aborted, "the TPP rule changed since you read it (version \(latest?.version ?? 0)); read it again", reason: "VERSION_MISMATCH")
            }
            var rule = Evaluation.TppRule()
            rule.version = (latest?.version ?? 0) + 1
            rule.effectiveYear = given.effectiveYear
            rule.effectiveMonth = given.effectiveMonth
            rule.factors = Common.Predikat.ranked.map { Evaluation.TppFactor(predikat: $0, percent: table.percent(for: $0) ?? 0) }
            rule.legalBasis = given.legalBasis.trimmed
            rule.set = actor.stamp
            try TppRuleRecords.insert(rule, in: db)
            try audit(db, context, actor, target: "tpp-rule/\(rule.version)",
                      detail: "TPP rule v\(rule.version) from \(rule.effectiveYear)-\(rule.effectiveMonth) (\(rule.legalBasis)): \(request.reason.trimmed)")
            return Evaluation.SetTppRuleResponse(rule: rule)
        }
    }

    public func getTppRule(_ request: Evaluation.GetTppRuleRequest, context: ServerContext) async throws -> Evaluation.GetTppRuleResponse {
        let latest = request.year == 0 && request.month == 0
        if !latest { try Self.requireMonth(year: request.year, month: request.month) }
        let versions = try await store.read { db in try TppRuleRecords.all(in: db) }
        let rule = latest ? versions.last : TppRuleRecords.inForce(versions, year: request.year, month: request.month)
        guard let rule else {
            throw RPCError(.notFound, latest ? "no TPP rule has been set" : "no TPP rule is in force for \(request.year)-\(request.month)", reason: "TPP_RULE_NOT_FOUND")
        }
        return Evaluation.GetTppRuleResponse(rule: rule, versions: versions)
    }

    public func exportTpp(_ request: Evaluation.ExportTppRequest, responses: RPCWriter<Evaluation.ExportTppResponse>,
                      context: ServerContext) async throws {
        // A bounded pool: exports read a whole span and stream it; a burst of them must not starve the rest.
        try await exports.run { try await streamExportTpp(request, responses: responses, context: context) }
    }

    private func streamExportTpp(_ request: Evaluation.ExportTppRequest, responses: RPCWriter<Evaluation.ExportTppResponse>,
                      context: ServerContext) async throws {
        try Self.requireMonth(year: request.year, month: request.month)
        let units = try await self.units(of: request.unit)
        let scope = request.unit ?? Common.UnitScope()
        let versions = try await store.read { db in try TppRuleRecords.all(in: db) }
        guard let rule = TppRuleRecords.inForce(versions, year: request.year, month: request.month) else {
            throw RPCError(.failedPrecondition, "no TPP rule is in force for \(request.year)-\(request.month): pengelola kinerja set it with SetTppRule",
                           reason: "TPP_RULE_MISSING")
        }
        let table = try Self.tppTable(rule)
        let span = Evaluation.EvaluationSpan.month(UInt32(request.month), of: request.year)
        let evaluations = try await store.read { db in
            try Row.fetchAll(db, sql: "SELECT body FROM employee_evaluation WHERE span_key = ? AND unit_id IN (\(StoredBody.placeholders(units.count)))",
                             arguments: [SpanKey.of(span)] + StatementArguments(units)).map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) }
        }
        // Identity's members now and whoever the month's evaluations name: nobody is dropped.
        var people = try await membersByNIP(scope)
        var byNIP: [String: Evaluation.EmployeeEvaluation] = [:]
        for evaluation in evaluations {
            let nip = evaluation.employee?.nip ?? ""
            if people[nip] == nil { people[nip] = evaluation.employee }
            // A finalised evaluation wins over another of the same month (a nested period).
            if byNIP[nip]?.state != .finalised { byNIP[nip] = evaluation }
        }
        let tree = try await directory.unitTree()
        for nip in people.keys.sorted() {
            var row = Evaluation.ExportTppResponse()
            row.employee = people[nip]
            row.unitName = tree.unit(row.employee?.unitID ?? "")?.name ?? ""
            row.ruleVersion = rule.version
            let factor = TppMonthFactor.of(byNIP[nip], table: table, month: span.label)
            row.predikat = byNIP[nip]?.predikat ?? .unspecified
            row.evaluationID = byNIP[nip]?.evaluationID ?? ""
            switch factor {
            case .factor(let percent):
                row.hasFactor = true
                row.factorPercent = percent
            case .missing(let reason, let message):
                row.missingReason = reason
                row.missingMessage = message
            }
            try await responses.write(row)
        }
    }

    /// A month: year 2000–2100, month 1–12 (INVALID_ARGUMENT naming the field).
    static func requireMonth(year: Int32, month: Int32) throws {
        try Invalid.requireYear(year)
        guard (1...12).contains(month) else { throw Invalid.field("month", "must be 1–12, got \(month)", reason: "MONTH") }
    }

    /// The factor table of a rule; INVALID_ARGUMENT naming the field that does not parse.
    static func tppTable(_ rule: Evaluation.TppRule) throws -> TppFactorTable {
        guard (2000...2100).contains(rule.effectiveYear) else { throw Invalid.field("rule.effective_year", "must be 2000–2100, got \(rule.effectiveYear)") }
        guard (1...12).contains(rule.effectiveMonth) else { throw Invalid.field("rule.effective_month", "must be 1–12, got \(rule.effectiveMonth)") }
        var percent: [Common.Predikat: Double] = [:]
        for (index, factor) in rule.factors.enumerated() {
            guard Common.Predikat.ranked.contains(factor.predikat) else {
                throw Invalid.field("rule.factors[\(index)].predikat", "must be one of the five predikat, got \(factor.predikat)")
            }
            guard percent[factor.predikat] == nil else { throw Invalid.field("rule.factors[\(index)].predikat", "\(factor.predikat.label) is given twice") }
            do { try TppFactorTable.check(percent: factor.percent, of: factor.predikat) } catch {
                throw Invalid.field("rule.factors[\(index)].percent", error.message)
            }
            percent[factor.predikat] = factor.percent
        }
        do { return try TppFactorTable(percent: percent) } catch { throw Invalid.field("rule.factors", error.message) }
    }
}

/// A month's TPP factor of one employee, or why there is none.
enum TppMonthFactor: Equatable {
    case factor(Double)
    case missing(reason: String, message: String)

    /// The factor of `evaluation` (the employee's monthly evaluation, nil when none).
    static func of(_ evaluation: Evaluation.EmployeeEvaluation?, table: TppFactorTable, month: String) -> TppMonthFactor {
        guard let evaluation else { return .missing(reason: "NO_PERIOD", message: "no monthly evaluation of \(month) covers the employee") }
        if evaluation.excluded { return .missing(reason: "EXCLUDED", message: "excluded from \(month) by a population adjustment") }
        guard evaluation.state == .finalised else {
            return .missing(reason: "NOT_FINALISED", message: "the evaluation of \(month) is not finalised (\(evaluation.state))")
        }
        guard let percent = table.percent(for: evaluation.predikat) else { return .missing(reason: "UNRATED", message: "no predikat for \(month)") }
        return .factor(percent)
    }
}
