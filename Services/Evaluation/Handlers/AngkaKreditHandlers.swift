public import KinerjaProto
import GRDB
import KinerjaService
import KinerjaStore

/// Angka kredit of jabatan fungsional from their finalised evaluations (``AngkaKredit``,
/// PermenPANRB 1/2023), per period and accumulated over a year.
extension EvaluationHandlers {
    public func listAngkaKredit(_ request: Evaluation.ListAngkaKreditRequest, context: ServerContext) async throws -> Evaluation.ListAngkaKreditResponse {
        try Invalid.requireYear(request.year)
        let unitGiven = !(request.unit?.unitID.isEmpty ?? true)
        guard request.nip.isEmpty == unitGiven else {
            throw Invalid.field("nip", unitGiven ? "give nip or unit, not both" : "give nip or unit", reason: "ONE_OF")
        }
        var conditions = ["year = ?", "state = ?"]
        var arguments: StatementArguments = [request.year, Evaluation.EvaluationState.finalised.rawValue]
        if unitGiven {
            let units = try await self.units(of: request.unit)
            conditions.append("unit_id IN (\(StoredBody.placeholders(units.count)))")
            arguments += StatementArguments(units)
        } else {
            try Invalid.requireNIP(request.nip)
            guard try await directory.employee(request.nip) != nil else {
                throw RPCError(.notFound, "no employee \(request.nip)", reason: "EMPLOYEE_NOT_FOUND")
            }
            try await requireScope(.employee(nip: request.nip))
            conditions.append("nip = ?")
            arguments += [request.nip]
        }
        let filters = conditions
        let chosen = arguments
        let evaluations = try await store.read { db in
            try Row.fetchAll(db, sql: "SELECT body FROM employee_evaluation WHERE \(filters.joined(separator: " AND ")) ORDER BY nip, span_key",
                             arguments: chosen).map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) }
        }
        let byNIP = Dictionary(grouping: evaluations) { $0.employee?.nip ?? "" }
        var nips = byNIP.keys.sorted()
        if !unitGiven && nips.isEmpty { nips = [request.nip] }
        let people = nips.isEmpty ? [:] : try await directory.employees(nips)
        var response = Evaluation.ListAngkaKreditResponse()
        response.koefisien = angkaKreditTable.koefisien.keys.sorted { $0.rawValue < $1.rawValue }.map {
            Evaluation.AngkaKreditKoefisien(jenjang: $0, annual: angkaKreditTable.koefisien[$0] ?? 0)
        }
        for nip in nips {
            let entry = try Self.angkaKredit(nip: nip, evaluations: byNIP[nip] ?? [], current: people[nip], table: angkaKreditTable)
            // A unit lists its jabatan fungsional; one employee is always answered.
            if unitGiven && entry.jenjang == .unspecified && entry.counted.isEmpty { continue }
            response.employees.append(entry)
        }
        return response
    }

    /// One employee's conversions of `evaluations` (finalised, one year). The jenjang is read from
    /// the jabatan name each evaluation recorded; in the jabatan identity holds now, only months
    /// from its TMT count (``AngkaKredit/months(of:heldFrom:heldTo:)``).
    static func angkaKredit(nip: String, evaluations: [Evaluation.EmployeeEvaluation], current: Identity.Employee?,
                            table: AngkaKreditTable) throws -> Evaluation.EmployeeAngkaKredit {
        var entry = Evaluation.EmployeeAngkaKredit()
        entry.employee = evaluations.last?.employee ?? current?.reference ?? Common.EmployeeRef(nip: nip)
        entry.jabatanName = current?.jabatanName ?? entry.employee?.jabatanName ?? ""
        entry.jenjang = Evaluation.JenjangFungsional(jabatanName: entry.jabatanName) ?? .unspecified
        var conversions: [Evaluation.AngkaKreditConversion] = []
        func skip(_ evaluation: Evaluation.EmployeeEvaluation, _ reason: String, _ message: String) {
            entry.skipped.append(Evaluation.AngkaKreditSkip(evaluationID: evaluation.evaluationID, span: evaluation.span, reason: reason, message: message))
        }
        for evaluation in evaluations {
            guard let span = evaluation.span else { continue }
            let jabatan = evaluation.employee?.jabatanName ?? ""
            guard evaluation.jenisJabatan == .fungsional else {
                skip(evaluation, "NOT_FUNGSIONAL", "\(span.label): not a jabatan fungsional (\(evaluation.jenisJabatan)) in the period")
                continue
            }
            guard let jenjang = Evaluation.JenjangFungsional(jabatanName: jabatan) else {
                skip(evaluation, "JENJANG_UNKNOWN", "\(span.label): the jabatan \"\(jabatan)\" names no jenjang")
                continue
            }
            guard AngkaKredit.percent(for: evaluation.predikat) != nil else {
                skip(evaluation, "UNRATED", "\(span.label): no predikat")
                continue
            }
            var months: Int?
            if let current, current.jabatanName == jabatan, let tmt = current.tmtJabatan {
                let held = AngkaKredit.months(of: span, heldFrom: tmt)
                guard held > 0 else {
                    skip(evaluation, "BEFORE_TMT_JABATAN", "\(span.label): before the TMT of \(jabatan) (\(tmt.year)-\(tmt.month)-\(tmt.day)); the earlier jenjang is not known")
                    continue
                }
                months = held
            }
            conversions.append(try AngkaKredit.convert(predikat: evaluation.predikat, jenjang: jenjang, span: span, months: months,
                                                       table: table, evaluationID: evaluation.evaluationID, nip: nip))
        }
        let (counted, replaced) = AngkaKredit.select(conversions)
        entry.counted = counted
        entry.replaced = replaced
        entry.total = counted.reduce(0) { $0 + $1.angkaKredit }
        return entry
    }
}
