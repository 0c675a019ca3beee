public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaCrypto
import KinerjaIdentityClient
import KinerjaService
import KinerjaStore

/// The HR portal's queries (by employee, unit with sub-units, period, predikat, evaluator; totals;
/// overrides; the SIASN-style export) and the raters' leniency (``RaterLeniency``).
extension EvaluationHandlers {
    /// The span a query names by `period` or `span` (span wins).
    static func querySpan(period: Common.Period?, span: Evaluation.EvaluationSpan?) throws -> Evaluation.EvaluationSpan {
        try EvaluationPeriodRules.resolve(period: span == nil ? period : nil, span: span)
    }

    /// The units a scope covers (NOT_FOUND for an unknown unit), after the caller's scope is checked.
    func units(of scope: Common.UnitScope?, checked: Bool = true) async throws -> [String] {
        guard let scope, !scope.unitID.isEmpty else { throw Invalid.field("unit.unit_id", "is required", reason: "REQUIRED") }
        try Invalid.requireID(scope.unitID, "unit.unit_id")
        let tree = try await directory.unitTree()
        guard tree.unit(scope.unitID) != nil else { throw RPCError(.notFound, "no unit \(scope.unitID)", reason: "UNIT_NOT_FOUND") }
        if checked { try await requireScope(.unit(id: scope.unitID)) }
        return scope.includeSubunits ? tree.subtree(of: scope.unitID) : [scope.unitID]
    }

    /// Identity's members of `scope` now, by NIP: the rows of a per-unit export (TPP, development
    /// needs), to which the people the stored records name are added so nobody is dropped.
    func membersByNIP(_ scope: Common.UnitScope) async throws -> [String: Common.EmployeeRef] {
        var people: [String: Common.EmployeeRef] = [:]
        for member in try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits) { people[member.nip] = member.reference }
        return people
    }

    public func listEvaluations(_ request: Evaluation.ListEvaluationsRequest, context: ServerContext) async throws -> Evaluation.ListEvaluationsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let span = try Self.querySpan(period: request.period, span: request.span)
        if !request.evaluatorNIP.isEmpty { try Invalid.requirePersonID(request.evaluatorNIP, "evaluator_nip") }
        let access = try Access.required()
        let scope = request.unit
        let units = try await self.units(of: scope, checked: false)
        if !(try await access.allows(.unit(id: scope?.unitID ?? ""))) {
            // A pejabat penilai lists the evaluations they rate.
            let caller = try callerNIP()
            try await access.require(.ownRatings, target: "unit/\(scope?.unitID ?? "")",
                                     message: "evaluations of unit \(scope?.unitID ?? "") are listed by overseers in scope and the HR portal; a penilai lists their own (evaluator_nip = themselves)") {
                request.evaluatorNIP == caller
            }
        }
        var conditions = ["span_key = ?", "unit_id IN (\(StoredBody.placeholders(units.count)))"]
        var arguments: StatementArguments = [SpanKey.of(span)]
        arguments += StatementArguments(units)
        if !request.predikats.isEmpty {
            conditions.append("predikat IN (\(StoredBody.placeholders(request.predikats.count)))")
            arguments += StatementArguments(request.predikats.map(\.rawValue))
        }
        if !request.states.isEmpty {
            conditions.append("state IN (\(StoredBody.placeholders(request.states.count)))")
            arguments += StatementArguments(request.states.map(\.rawValue))
        }
        if !request.evaluatorNIP.isEmpty {
            conditions.append("evaluator_nip = ?")
            arguments += [request.evaluatorNIP]
        }
        let chosen = arguments
        let filters = conditions
        return try await store.read { db in
            let rows = try EvaluationRecords.list(where: filters, chosen, limit: size + 1, offset: offset, in: db)
            let page = Array(rows.prefix(size))
            let totals = try EvaluationRecords.totals(where: filters, chosen, in: db)
            let all = totals.values.reduce(0, +)
            let entries = (Common.Predikat.ranked + [.unspecified]).map { predikat in
                Evaluation.PredikatCount(predikat: predikat, count: UInt32(totals[predikat] ?? 0),
                                         percent: all > 0 ? Double(totals[predikat] ?? 0) * 100 / Double(all) : 0)
            }
            return Evaluation.ListEvaluationsResponse(evaluations: page, page: Paging.response(offset: offset, size: size, returned: page.count,
                                                                                              more: rows.count > size), totals: entries)
        }
    }

    public func listEmployeeEvaluations(_ request: Evaluation.ListEmployeeEvaluationsRequest,
                                        context: ServerContext) async throws -> Evaluation.ListEmployeeEvaluationsResponse {
        try Invalid.requireNIP(request.nip)
        if request.fromYear != 0 { try Invalid.requireYear(request.fromYear, "from_year") }
        if request.toYear != 0 { try Invalid.requireYear(request.toYear, "to_year") }
        if request.fromYear != 0 && request.toYear != 0 && request.fromYear > request.toYear {
            throw Invalid.field("from_year", "must not be after to_year")
        }
        try await requireScope(.employee(nip: request.nip))
        var conditions = ["nip = ?"]
        var arguments: StatementArguments = [request.nip]
        if request.fromYear != 0 { conditions.append("year >= ?"); arguments += [request.fromYear] }
        if request.toYear != 0 { conditions.append("year <= ?"); arguments += [request.toYear] }
        if request.finalOnly { conditions.append("state = ?"); arguments += [Evaluation.EvaluationState.finalised.rawValue] }
        let chosen = arguments
        let filters = conditions
        let rows = try await store.read { db in
            try Row.fetchAll(db, sql: "SELECT body FROM employee_evaluation WHERE \(filters.joined(separator: " AND ")) ORDER BY year DESC, span_key DESC",
                             arguments: chosen).map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) }
        }
        return Evaluation.ListEmployeeEvaluationsResponse(evaluations: rows)
    }

    public func listRatingOverrides(_ request: Evaluation.ListRatingOverridesRequest,
                                    context: ServerContext) async throws -> Evaluation.ListRatingOverridesResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        if !request.decidedByNIP.isEmpty { try Invalid.requirePersonID(request.decidedByNIP, "decided_by_nip") }
        var conditions: [String] = []
        var arguments = StatementArguments()
        if !request.periodID.isEmpty {
            let period = try await period(request.periodID)
            try await requireScope(.unit(id: period.unit?.unitID ?? ""))
            conditions.append("period_id = ?")
            arguments += [request.periodID]
        }
        if let scope = request.unit, !scope.unitID.isEmpty {
            let units = try await self.units(of: scope)
            conditions.append("unit_id IN (\(StoredBody.placeholders(units.count)))")
            arguments += StatementArguments(units)
        }
        guard !conditions.isEmpty else { throw Invalid.field("period_id", "give a period or a unit", reason: "REQUIRED") }
        if !request.decidedByNIP.isEmpty { conditions.append("decided_by = ?"); arguments += [request.decidedByNIP] }
        switch request.aspect {
        case .unspecified: break
        case .hasilKerja, .perilakuKerja: conditions.append("aspect = ?"); arguments += [request.aspect.rawValue]
        case .unrecognized(let raw): throw Invalid.field("aspect", "\(raw) is not a rating aspect", reason: "UNKNOWN_ENUM")
        }
        let chosen = arguments
        let filters = conditions
        return try await store.read { db in
            let rows = try EvaluationRecords.overrides(where: filters, chosen, limit: size + 1, offset: offset, in: db)
            let page = Array(rows.prefix(size))
            return Evaluation.ListRatingOverridesResponse(overrides: page, page: Paging.response(offset: offset, size: size, returned: page.count,
                                                                                                 more: rows.count > size))
        }
    }

    public func exportEvaluations(_ request: Evaluation.ExportEvaluationsRequest, responses: RPCWriter<Evaluation.ExportEvaluationsResponse>,
                      context: ServerContext) async throws {
        // A bounded pool: exports read a whole span and stream it; a burst of them must not starve the rest.
        try await exports.run { try await streamExportEvaluations(request, responses: responses, context: context) }
    }

    private func streamExportEvaluations(_ request: Evaluation.ExportEvaluationsRequest, responses: RPCWriter<Evaluation.ExportEvaluationsResponse>,
                      context: ServerContext) async throws {
        let span = try Self.querySpan(period: request.period, span: request.span)
        if !request.afterNIP.isEmpty { try Invalid.requireNIP(request.afterNIP, "after_nip") }
        let units = Set(try await self.units(of: request.unit))
        let after = request.finalisedAfter?.seconds ?? 0
        // One read transaction: the finalised periods of the span and their snapshots, as they are now.
        let (rows, finalisedAny) = try await store.read { db -> ([(UInt32, String, Evaluation.EmployeeEvaluation)], Bool) in
            var rows: [(UInt32, String, Evaluation.EmployeeEvaluation)] = []
            var finalisedAny = false
            for period in try PeriodRecords.sameSpan(span, in: db) where period.state == .finalised {
                guard let current = try PeriodRecords.finalisations(period.periodID, in: db).last(where: { !$0.superseded }) else { continue }
                let snapshots = try SnapshotRecords.snapshots(periodID: period.periodID, number: current.number, afterNIP: request.afterNIP,
                                                              units: units, in: db)
                guard !snapshots.isEmpty else { continue }
                finalisedAny = true
                if request.finalisationNumber != 0 && request.finalisationNumber != current.number {
                    throw RPCError(.failedPrecondition, "period \(period.periodID) is now at finalisation \(current.number), not \(request.finalisationNumber): start the export again",
                                   reason: "FINALISATION_CHANGED")
                }
                guard (current.finalised?.at?.seconds ?? 0) > after else { continue }
                for snapshot in snapshots where snapshot.intact {
                    rows.append((current.number, period.periodID, snapshot.evaluation))
                }
            }
            return (rows.sorted { ($0.2.employee?.nip ?? "") < ($1.2.employee?.nip ?? "") }, finalisedAny)
        }
        guard finalisedAny else {
            throw RPCError(.failedPrecondition, "no period of \(span.label) is FINALISED for these units", reason: "PERIOD_NOT_FINALISED")
        }
        // Identity for the evaluators' golongan and ASN status, and the units' names (not part of the snapshot).
        let evaluatorNIPs = Set(rows.compactMap { $0.2.evaluator?.nip }).filter { !$0.isEmpty }
        let evaluators = evaluatorNIPs.isEmpty ? [:] : try await directory.employees(Array(evaluatorNIPs))
        let tree = try await directory.unitTree()
        for (number, periodID, evaluation) in rows {
            let record = Self.siasnRecord(evaluation, span: span, evaluator: evaluators[evaluation.evaluator?.nip ?? ""], tree: tree)
            try await responses.write(Evaluation.ExportEvaluationsResponse(record: record, finalisationNumber: number, periodID: periodID))
        }
    }

    /// SIASN codes (inferences, `evaluation.proto` SiasnRecord): ratings 1 Di Atas, 2 Sesuai, 3 Di Bawah;
    /// predikat 1 Sangat Baik … 5 Sangat Kurang.
    static func siasnRecord(_ evaluation: Evaluation.EmployeeEvaluation, span: Evaluation.EvaluationSpan, evaluator: Identity.Employee?,
                            tree: UnitTreeSnapshot) -> Evaluation.SiasnRecord {
        var record = Evaluation.SiasnRecord()
        record.evaluationID = evaluation.evaluationID
        record.nip = evaluation.employee?.nip ?? ""
        record.fullName = evaluation.employee?.displayName ?? ""
        record.period = span.period
        if let months = span.monthRange {
            record.startMonth = months.lowerBound
            record.endMonth = months.upperBound
            record.startYear = span.year
            record.endYear = span.year
        }
        let hk = evaluation.hasilKerja?.rating ?? .unspecified
        let pk = evaluation.perilakuKerja?.rating ?? .unspecified
        record.hasilKerja = hk
        record.hasilKerjaCode = UInt32((hk.rank ?? -1) + 1)
        record.perilakuKerja = pk
        record.perilakuKerjaCode = UInt32((pk.rank ?? -1) + 1)
        record.predikat = evaluation.predikat
        record.predikatCode = UInt32((Common.Predikat.ranked.firstIndex(of: evaluation.predikat) ?? -1) + 1)
        record.kuadran = evaluation.kuadran
        let ref = evaluation.evaluator ?? Common.EmployeeRef()
        record.evaluatorNIP = ref.nip
        record.evaluatorName = ref.displayName
        record.evaluatorJabatan = ref.jabatanName
        record.evaluatorGolongan = evaluator?.golongan ?? ""
        record.evaluatorUnitName = tree.unit(evaluator?.unitID ?? ref.unitID)?.name ?? ""
        record.evaluatorAsnType = evaluator?.asnType ?? (ref.nip.hasPrefix("NONASN.") ? .nonAsn : .unspecified)
        record.unitID = evaluation.employee?.unitID ?? ""
        record.unitName = tree.unit(record.unitID)?.name ?? ""
        record.finalisedAt = evaluation.finalised?.at
        record.recordSha256 = (try? record.serializedBytes()).map { SHA256.hash($0) } ?? []
        return record
    }

    public func getRaterLeniency(_ request: Evaluation.GetRaterLeniencyRequest, context: ServerContext) async throws -> Evaluation.GetRaterLeniencyResponse {
        let span = try Self.querySpan(period: request.period, span: request.span)
        let configuration = try RaterLeniency.Configuration(flagThreshold: request.flagThreshold,
                                                            modalShareThresholdPercent: request.modalShareThresholdPercent)
        let units = try await self.units(of: request.unit)
        let key = SpanKey.of(span)
        let (unit, city, overrides) = try await store.read { db -> ([RaterLeniency.Rated], PredikatDistribution, [Evaluation.RatingOverride]) in
            let rated = try Row.fetchAll(db, sql: """
                SELECT body FROM employee_evaluation WHERE span_key = ? AND excluded = 0 AND predikat != 0
                AND unit_id IN (\(StoredBody.placeholders(units.count)))
                """, arguments: [key] + StatementArguments(units)).map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) }
                .map { RaterLeniency.Rated(rater: $0.evaluator ?? Common.EmployeeRef(), predikat: $0.predikat) }
            let city = try Int32.fetchAll(db, sql: "SELECT predikat FROM employee_evaluation WHERE span_key = ? AND excluded = 0 AND predikat != 0",
                                          arguments: [key]).map { Common.Predikat(rawValue: $0) }
            let overrides = try Row.fetchAll(db, sql: """
                SELECT o.body FROM rating_override o JOIN evaluation_period p ON p.period_id = o.period_id
                WHERE p.span_key = ? AND o.unit_id IN (\(StoredBody.placeholders(units.count)))
                """, arguments: [key] + StatementArguments(units)).map { try StoredBody.decode(Evaluation.RatingOverride.self, $0) }
            return (rated, PredikatDistribution(city), overrides)
        }
        return RaterLeniency.analyse(unit: unit, city: city, overrides: overrides, configuration: configuration).response
    }

    public func listAuditEvents(_ request: Evaluation.ListAuditEventsRequest, context: ServerContext) async throws -> Evaluation.ListAuditEventsResponse {
        let (events, page) = try await auditEvents(filter: request.filter, page: request.page)
        return Evaluation.ListAuditEventsResponse(events: events, page: page)
    }

    public func verifyAuditChain(_ request: Evaluation.VerifyAuditChainRequest, context: ServerContext) async throws -> Evaluation.VerifyAuditChainResponse {
        Evaluation.VerifyAuditChainResponse(verification: try await auditChain(from: request.fromSequence, to: request.toSequence))
    }
}
