public import KinerjaProto
import GRDB
import KinerjaService
import KinerjaStore

/// Competence development and development needs (section 11.5): the employee's JP records
/// (``CompetenceDevelopmentRules``) and, per unit and year, who needs development — a finalised
/// evaluation at Butuh Perbaikan or below, or fewer than 20 JP.
extension EvaluationHandlers {
    public func recordCompetenceDevelopment(_ request: Evaluation.RecordCompetenceDevelopmentRequest,
                                            context: ServerContext) async throws -> Evaluation.RecordCompetenceDevelopmentResponse {
        try Invalid.requireNIP(request.nip)
        guard let given = request.development else { throw Invalid.field("development", "is required", reason: "REQUIRED") }
        let violations = CompetenceDevelopmentRules.violations(of: given, today: today)
        if !violations.isEmpty {
            throw Invalid.fields(violations.map { Common.FieldViolation(field: $0.field, description: $0.description, reason: "INVALID") })
        }
        guard let employee = try await directory.employee(request.nip) else {
            throw RPCError(.notFound, "no employee \(request.nip)", reason: "EMPLOYEE_NOT_FOUND")
        }
        try await requireScope(.employee(nip: request.nip))
        let recordID = newID()
        return try await write(context, request) { [self] db, actor in
            var record = CompetenceDevelopmentRules.normalised(given)
            record.recordID = recordID
            record.employee = employee.reference
            record.recorded = actor.stamp
            try CompetenceRecords.insert(record, in: db)
            try audit(db, context, actor, target: "competence/\(recordID)",
                      detail: "\(record.jp) JP for \(request.nip): \(record.title) (\(record.organiser))")
            return Evaluation.RecordCompetenceDevelopmentResponse(development: record)
        }
    }

    public func withdrawCompetenceDevelopment(_ request: Evaluation.WithdrawCompetenceDevelopmentRequest,
                                              context: ServerContext) async throws -> Evaluation.WithdrawCompetenceDevelopmentResponse {
        try Invalid.requireID(request.recordID, "record_id")
        try Invalid.requireText(request.reason.trimmed, "reason", max: 1000)
        if let recorded = try await recordedResponse(context, bytes: try request.serializedBytes(),
                                                      as: Evaluation.WithdrawCompetenceDevelopmentResponse.self) {
            return recorded
        }
        guard let found = try await store.read({ db in try CompetenceRecords.fetch(request.recordID, in: db) }) else {
            throw RPCError(.notFound, "no competence development record \(request.recordID)", reason: "RECORD_NOT_FOUND")
        }
        try await requireScope(.employee(nip: found.employee?.nip ?? ""))
        return try await write(context, request) { [self] db, actor in
            guard let current = try CompetenceRecords.fetch(request.recordID, in: db) else {
                throw RPCError(.notFound, "no competence development record \(request.recordID)", reason: "RECORD_NOT_FOUND")
            }
            try CompetenceRecords.withdraw(request.recordID, at: actor.now, in: db)
            try audit(db, context, actor, target: "competence/\(request.recordID)",
                      detail: "withdrawn (\(current.jp) JP of \(current.employee?.nip ?? "")): \(request.reason.trimmed)")
            return Evaluation.WithdrawCompetenceDevelopmentResponse(development: current)
        }
    }

    public func listCompetenceDevelopment(_ request: Evaluation.ListCompetenceDevelopmentRequest,
                                          context: ServerContext) async throws -> Evaluation.ListCompetenceDevelopmentResponse {
        try Invalid.requireNIP(request.nip)
        try Invalid.requireYear(request.year)
        guard try await directory.employee(request.nip) != nil else {
            throw RPCError(.notFound, "no employee \(request.nip)", reason: "EMPLOYEE_NOT_FOUND")
        }
        try await requireScope(.employee(nip: request.nip))
        let records = try await store.read { db in try CompetenceRecords.of(request.nip, year: request.year, in: db) }
        var response = Evaluation.ListCompetenceDevelopmentResponse()
        response.developments = records
        response.totalJp = records.reduce(0) { $0 + $1.jp }
        response.minimumJp = CompetenceDevelopmentRules.minimumJP
        return response
    }

    public func listDevelopmentNeeds(_ request: Evaluation.ListDevelopmentNeedsRequest,
                                     responses: RPCWriter<Evaluation.ListDevelopmentNeedsResponse>, context: ServerContext) async throws {
        try Invalid.requireYear(request.year)
        let units = try await self.units(of: request.unit)
        let scope = request.unit ?? Common.UnitScope()
        let year = request.year
        let (evaluations, totals) = try await store.read { db in
            (try Row.fetchAll(db, sql: """
                SELECT body FROM employee_evaluation
                WHERE year = ? AND state = ? AND excluded = 0 AND unit_id IN (\(StoredBody.placeholders(units.count)))
                ORDER BY nip, span_key
                """, arguments: [year, Evaluation.EvaluationState.finalised.rawValue] + StatementArguments(units))
                .map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) },
             try CompetenceRecords.totals(year: year, in: db))
        }
        // Identity's members now and whoever the year's evaluations name: nobody is dropped.
        var people = try await membersByNIP(scope)
        var findings: [String: [Evaluation.DevelopmentFinding]] = [:]
        for evaluation in evaluations where CompetenceDevelopmentRules.needingPredikat.contains(evaluation.predikat) {
            guard let employee = evaluation.employee else { continue }
            if people[employee.nip] == nil { people[employee.nip] = employee }
            findings[employee.nip, default: []].append(
                Evaluation.DevelopmentFinding(evaluationID: evaluation.evaluationID, span: evaluation.span, predikat: evaluation.predikat))
        }
        let tree = try await directory.unitTree()
        for nip in people.keys.sorted() {
            var row = Evaluation.ListDevelopmentNeedsResponse()
            row.employee = people[nip]
            row.unitName = tree.unit(row.employee?.unitID ?? "")?.name ?? ""
            row.findings = findings[nip] ?? []
            row.totalJp = totals[nip] ?? 0
            row.minimumJp = CompetenceDevelopmentRules.minimumJP
            row.needs = CompetenceDevelopmentRules.needs(findings: row.findings.count, totalJP: row.totalJp)
            if row.needs.isEmpty && !request.includeAll { continue }
            try await responses.write(row)
        }
    }
}
