public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaIdentityClient
import KinerjaService
import KinerjaStore

/// Periods: HR opens them (with their population), adjusts the population, recommends the
/// organisation rating; overseers, the pimpinan above and the penilai read them.
extension EvaluationHandlers {
    /// Who a new period evaluates: the AKTIF employees of the scope with an SKP in force (approved)
    /// for the period, per identity and planning (one StreamTargets per 1 000 NIPs).
    struct Population: Sendable {
        var employees: [Identity.Employee]
        var targets: [String: Planning.EmployeeTargets]
        var penilai: [String: Identity.PejabatPenilai]
        var leaderNIP: String
    }

    /// The common period planning and reporting are asked for: the span's own, or for a
    /// semester (which they cannot name) the year for SKP facts.
    static func planningPeriod(_ span: Evaluation.EvaluationSpan) -> Common.Period {
        span.period ?? Common.Period(year: span.year, kind: .annual)
    }

    /// The day the evaluator is asked for: the span's last day, or today when earlier.
    func evaluatorDay(_ span: Evaluation.EvaluationSpan) -> Common.Date {
        guard let last = span.lastDay else { return today }
        return today < last ? today : last
    }

    func population(scope: Common.UnitScope, span: Evaluation.EvaluationSpan, tree: UnitTreeSnapshot) async throws -> Population {
        // A non-ASN official (the Kepala Daerah) has no SKP and is not evaluated.
        let members = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits)
            .filter { $0.status == .aktif && $0.asnType != .nonAsn }
        let targets = members.isEmpty ? [:] : try await evidence.targets(nips: members.map(\.nip), period: Self.planningPeriod(span))
        let employees = members.filter { targets[$0.nip]?.availability == .approved }.sorted { $0.nip < $1.nip }
        let penilai = employees.isEmpty ? [:] : try await directory.penilai(of: employees.map(\.nip), on: evaluatorDay(span))
        let head = tree.unit(scope.unitID)?.headNIP ?? ""
        return Population(employees: employees, targets: targets, penilai: penilai,
                          leaderNIP: employees.contains { $0.nip == head } ? head : "")
    }

    /// A new evaluation for `employee` in `period`.
    func newEvaluation(_ employee: Identity.Employee, period: Evaluation.EvaluationPeriod, targets: Planning.EmployeeTargets?,
                       penilai: Identity.PejabatPenilai?, leader: Bool) -> Evaluation.EmployeeEvaluation {
        var evaluation = Evaluation.EmployeeEvaluation()
        evaluation.evaluationID = newID()
        evaluation.periodID = period.periodID
        evaluation.employee = employee.reference
        evaluation.period = period.period
        evaluation.span = period.span
        evaluation.jenisJabatan = employee.jenisJabatan
        evaluation.unitLeader = leader
        if let ref = penilai?.penilai, penilai?.kind != Common.PenilaiKind.none { evaluation.evaluator = ref }
        if let targets, !targets.skpID.isEmpty {
            evaluation.skpID = targets.skpID
            evaluation.skpVersion = targets.skpVersion
            evaluation.skpIDs = [targets.skpID]
        }
        evaluation.state = .pending
        evaluation.revision = 1
        return evaluation
    }

    public func openPeriod(_ request: Evaluation.OpenPeriodRequest, context: ServerContext) async throws -> Evaluation.OpenPeriodResponse {
        if let recorded = try await recordedResponse(context, bytes: try request.serializedBytes(), as: Evaluation.OpenPeriodResponse.self) {
            return recorded
        }
        guard let scope = request.unit, !scope.unitID.isEmpty else { throw Invalid.field("unit.unit_id", "is required", reason: "REQUIRED") }
        try Invalid.requireID(scope.unitID, "unit.unit_id")
        let span = try EvaluationPeriodRules.resolve(period: request.period, span: request.span)
        try EvaluationPeriodRules.checkBegun(span, today: today)
        if let deadline = request.ratingDeadline, !deadline.isValid { throw Invalid.field("rating_deadline", "is not a valid date") }
        let tree = try await directory.unitTree()
        guard tree.unit(scope.unitID) != nil else { throw RPCError(.notFound, "no unit \(scope.unitID)", reason: "UNIT_NOT_FOUND") }
        try await requireScope(.unit(id: scope.unitID))
        let population = try await population(scope: scope, span: span, tree: tree)
        let path = [scope.unitID] + (tree.ancestors(of: scope.unitID) ?? [])
        return try await write(context, request) { [self] db, actor in
            let existing = try PeriodRecords.sameSpan(span, in: db).map { other in
                EvaluationPeriodRules.Existing(
                    population: .init(unitID: other.unit?.unitID ?? "", includeSubunits: other.unit?.includeSubunits ?? false,
                                      ancestors: (tree.ancestors(of: other.unit?.unitID ?? "") ?? []).reversed()),
                    span: other.span ?? span)
            }
            try EvaluationPeriodRules.checkNoOverlap(span, population: .init(unitID: scope.unitID, includeSubunits: scope.includeSubunits,
                                                                             ancestors: (tree.ancestors(of: scope.unitID) ?? []).reversed()),
                                                     existing: existing)
            let rule = try RuleRecords.effective(path: path, in: db)?.rule
            var period = Evaluation.EvaluationPeriod()
            period.periodID = newID()
            period.unit = scope
            period.period = span.period
            period.span = span
            period.state = .persiapan
            period.ratingDeadline = request.ratingDeadline
            period.proposalRuleID = rule?.ruleID ?? ""
            period.proposalRuleVersion = rule?.version ?? 0
            period.opened = actor.stamp
            period.revision = 1
            try PeriodRecords.insert(period, in: db)
            for employee in population.employees {
                try EvaluationRecords.insert(newEvaluation(employee, period: period, targets: population.targets[employee.nip],
                                                           penilai: population.penilai[employee.nip], leader: employee.nip == population.leaderNIP), in: db)
            }
            try audit(db, context, actor, target: "period/\(period.periodID)",
                      detail: "opened \(span.label) for unit \(scope.unitID)\(scope.includeSubunits ? " with sub-units" : ""): \(population.employees.count) employees with an SKP in force")
            return Evaluation.OpenPeriodResponse(period: try PeriodRecords.assemble(period, in: db))
        }
    }

    public func getPeriod(_ request: Evaluation.GetPeriodRequest, context: ServerContext) async throws -> Evaluation.GetPeriodResponse {
        let period = try await period(request.periodID)
        try await requirePeriodReader(period)
        return Evaluation.GetPeriodResponse(period: try await store.read { db in try PeriodRecords.assemble(period, in: db) })
    }

    public func listPeriods(_ request: Evaluation.ListPeriodsRequest, context: ServerContext) async throws -> Evaluation.ListPeriodsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        if request.year != 0 { try Invalid.requireYear(request.year) }
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let scope = request.unit, !scope.unitID.isEmpty {
            try Invalid.requireID(scope.unitID, "unit.unit_id")
            let tree = try await directory.unitTree()
            guard tree.unit(scope.unitID) != nil else { throw RPCError(.notFound, "no unit \(scope.unitID)", reason: "UNIT_NOT_FOUND") }
            try await requireScope(.unit(id: scope.unitID))
            let units = scope.includeSubunits ? tree.subtree(of: scope.unitID) : [scope.unitID]
            conditions.append("unit_id IN (\(StoredBody.placeholders(units.count)))")
            arguments += StatementArguments(units)
        } else {
            // Without a unit: everything, so an agency-wide scope (the root) is needed.
            try await requireScope(.unit(id: try await rootUnitID()))
        }
        if request.year != 0 {
            conditions.append("year = ?")
            arguments += [request.year]
        }
        if !request.states.isEmpty {
            conditions.append("state IN (\(StoredBody.placeholders(request.states.count)))")
            arguments += StatementArguments(request.states.map(\.rawValue))
        }
        let chosen = arguments
        let filters = conditions
        return try await store.read { db in
            let rows = try PeriodRecords.list(where: filters, chosen, limit: size + 1, offset: offset, in: db)
            let page = Array(rows.prefix(size))
            return Evaluation.ListPeriodsResponse(periods: try page.map { try PeriodRecords.assemble($0, in: db) },
                                                  page: Paging.response(offset: offset, size: size, returned: page.count, more: rows.count > size))
        }
    }

    public func adjustPopulation(_ request: Evaluation.AdjustPopulationRequest, context: ServerContext) async throws -> Evaluation.AdjustPopulationResponse {
        guard var given = request.adjustment else { throw Invalid.field("adjustment", "is required", reason: "REQUIRED") }
        given.excluded = false
        given.explanation = ""
        given.recorded = nil
        let adjustment = given
        try PopulationDenominator.validate(adjustment)
        let period = try await period(request.periodID)
        try await requireScope(.unit(id: period.unit?.unitID ?? ""))
        let span = period.span ?? Evaluation.EvaluationSpan()
        // An employee transferred in joins the population: identity and planning are asked before the write.
        var arriving: Evaluation.EmployeeEvaluation?
        let known = try await store.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM employee_evaluation WHERE period_id = ? AND nip = ?)",
                              arguments: [period.periodID, adjustment.nip]) ?? false
        }
        if !known {
            guard adjustment.reason == .pindahMasuk else {
                throw Invalid.field("adjustment.nip", "\(adjustment.nip) is not in the period's population (only PINDAH_MASUK adds someone)",
                                    reason: "NOT_IN_POPULATION")
            }
            guard let employee = try await directory.employee(adjustment.nip) else {
                throw RPCError(.notFound, "identity knows no employee with NIP \(adjustment.nip)", reason: "EMPLOYEE_NOT_FOUND")
            }
            let targets = try await evidence.targets(nips: [employee.nip], period: Self.planningPeriod(span))[employee.nip]
            let penilai = try await directory.penilai(of: employee.nip, on: evaluatorDay(span))
            arriving = newEvaluation(employee, period: period, targets: targets, penilai: penilai, leader: false)
        }
        let recordedAdjustment = adjustment
        let newcomer = arriving
        let tree = try await directory.unitTree()
        return try await write(context, request) { [self] db, actor in
            guard var period = try PeriodRecords.fetch(request.periodID, in: db) else { throw RPCError(.notFound, "no evaluation period \(request.periodID)") }
            try Self.checkRevision(expected: request.expectedRevision, current: period.revision, what: "period")
            var lifecycle = Self.lifecycle(period, finalisations: try PeriodRecords.finalisations(period.periodID, in: db))
            try lifecycle.apply(.change(action: "adjusting the population"))
            var given = recordedAdjustment
            given.recorded = actor.stamp
            let id = newID()
            if let newcomer, !(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM employee_evaluation WHERE period_id = ? AND nip = ?)",
                                                  arguments: [period.periodID, given.nip]) ?? false) {
                try EvaluationRecords.insert(newcomer, in: db)
            }
            try PeriodRecords.insert(given, id: id, periodID: period.periodID, in: db)
            let rows = try PeriodRecords.adjustmentRows(period.periodID, in: db)
            let evaluations = try EvaluationRecords.forPeriod(period.periodID, in: db)
            let result = try PopulationDenominator.compute(population: evaluations.compactMap { $0.employee?.nip },
                                                           adjustments: rows.map(\.adjustment), span: span,
                                                           minimumServedShare: minimumServedShare)
            // Each adjustment keeps the explanation of its own effect.
            try PeriodRecords.replaceAdjustments(zip(rows, result.adjustments).map { (id: $0.0.id, adjustment: $0.1) }, in: db)
            let counted = Set(result.counted)
            let update = try EvaluationRecords.updater(db)
            for var evaluation in evaluations {
                let excluded = !counted.contains(evaluation.employee?.nip ?? "")
                guard excluded != evaluation.excluded else { continue }
                evaluation.excluded = excluded
                evaluation.revision += 1
                try update(evaluation)
            }
            period.revision += 1
            try PeriodRecords.update(period, in: db)
            let recorded = result.adjustments.last ?? given
            try audit(db, context, actor, target: "period/\(period.periodID)",
                      detail: "population adjustment \(recorded.reason) for \(recorded.nip): \(recorded.explanation); curve denominator \(result.count)")
            return Evaluation.AdjustPopulationResponse(period: try PeriodRecords.assemble(period, in: db), adjustment: recorded,
                                                       curve: try Self.curve(period, tree: tree, in: db).status)
        }
    }

    public func recommendOrganisationRating(_ request: Evaluation.RecommendOrganisationRatingRequest,
                                            context: ServerContext) async throws -> Evaluation.RecommendOrganisationRatingResponse {
        guard request.rating.isDecided else { throw EvaluationRuleError.organisationRatingRequired }
        try PeriodLifecycle.check(request.reason, field: "reason", range: EvaluationLimits.organisationRatingReason,
                                  why: "as the basis of a recommendation")
        let period = try await period(request.periodID)
        try await requireScope(.unit(id: period.unit?.unitID ?? ""))
        return try await write(context, request) { [self] db, actor in
            guard var period = try PeriodRecords.fetch(request.periodID, in: db) else { throw RPCError(.notFound, "no evaluation period \(request.periodID)") }
            try Self.checkRevision(expected: request.expectedRevision, current: period.revision, what: "period")
            var lifecycle = Self.lifecycle(period, finalisations: try PeriodRecords.finalisations(period.periodID, in: db))
            try lifecycle.apply(.change(action: "recommending an organisation rating"))
            period.recommendations.append(Evaluation.OrganisationRatingRecommendation(rating: request.rating, reason: request.reason.trimmed,
                                                                                      recommended: actor.stamp))
            period.revision += 1
            try PeriodRecords.update(period, in: db)
            try audit(db, context, actor, target: "period/\(period.periodID)",
                      detail: "recommended organisation rating \(request.rating.label): \(request.reason.trimmed)")
            return Evaluation.RecommendOrganisationRatingResponse(period: try PeriodRecords.assemble(period, in: db))
        }
    }
}
