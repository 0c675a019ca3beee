public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaRPC
import KinerjaService
import KinerjaStore

extension ReportingHandlers {
    /// Who sends a bulk call, and for whom it may report.
    enum BulkSender {
        /// An employee entering their own rows.
        case employee(Identity.Employee)
        /// A configured machine client, for the employees of a unit and its sub-units.
        case machineClient(name: String, unitID: String)
    }

    /// The sender of the current call: a signed-in employee, or a machine client named in
    /// `reporting.bulk_clients` (PERMISSION_DENIED, audited, for any other client).
    func bulkSender() async throws -> BulkSender {
        let access = try Access.required()
        if let user = access.caller.user { return .employee(try await employee(user.nip)) }
        guard case .client(let name) = access.caller.peer else {
            throw await access.denial(target: access.caller.principal, "bulk submission is for employees and configured machine clients")
        }
        guard let code = configuration.bulkClients[name] else {
            throw await access.denial(target: "client/\(name)",
                                      "the machine client \(name) reports for no unit: name it in reporting.bulk_clients with its unit's code")
        }
        guard let unit = try await directory.unitTree().unit(code: code) else {
            throw RPCError(.failedPrecondition, "reporting.bulk_clients names unit \(code) for \(name), which identity does not know",
                           reason: "BULK_CLIENT_UNIT_UNKNOWN")
        }
        return .machineClient(name: name, unitID: unit.unitID)
    }

    public func bulkSubmitDailyReports(_ requests: RPCAsyncSequence<Reporting.BulkSubmitDailyReportsRequest>,
                                       context: ServerContext) async throws -> Reporting.BulkSubmitDailyReportsResponse {
        let access = try Access.required()
        let sender = try await bulkSender()
        let submitter: BulkLimits.Submitter
        switch sender {
        case .employee(let author):
            let path = try await organisation.path(of: author.unitID)
            submitter = .employee(try await store.read { db in try PolicyBook.load(db).effective(path: path) })
        case .machineClient:
            submitter = .machineClient
        }

        // Options first (at most once), then rows; the row past the limit ends the call as it arrives.
        var options = Reporting.BulkSubmitOptions()
        var rows: [Reporting.DailyReportRow] = []
        // The request's bytes are only needed to recognise a replay under an idempotency key.
        let keyed = context.metadata[Metadata.WellKnownKey.idempotencyKey] != nil
        var bytes: [UInt8] = []
        var received = 0
        for try await message in requests {
            received += 1
            if keyed { bytes += try message.serializedBytes() }
            switch message.item {
            case .options(let given):
                guard received == 1 else { throw Invalid.field("options", "options come once, as the first message", reason: "OPTIONS_NOT_FIRST") }
                try BulkLimits.checkOptions(given)
                options = given
            case .row(let row):
                try BulkLimits.checkRow(rows.count + 1, submitter: submitter)
                rows.append(row)
            case nil:
                throw Invalid.field("item", "each message carries the options or a row", reason: "REQUIRED")
            }
        }

        // Who each row is for, and whether the sender may report for them.
        var authorOf: [Int: String] = [:]
        var refused: [Int: RPCError] = [:]
        for (index, row) in rows.enumerated() {
            switch sender {
            case .employee(let author):
                if row.nip.isEmpty || row.nip == author.nip {
                    authorOf[index] = author.nip
                } else {
                    refused[index] = RPCError(.permissionDenied, "an employee submits only their own reports; this row is for \(row.nip)",
                                              reason: "NOT_OWN_ROW")
                }
            case .machineClient:
                if NIP.hasValidFormat(row.nip) {
                    authorOf[index] = row.nip
                } else {
                    refused[index] = Invalid.field("rows[\(index)].nip", row.nip.isEmpty ? "a machine client names each row's author" : "must be 18 digits",
                                                   reason: "NIP_INVALID")
                }
            }
        }
        let people = try await directory.employees(Array(Set(authorOf.values)))
        if case .machineClient(let name, let unitID) = sender {
            let tree = try await directory.unitTree()
            var denied = 0
            for (index, nip) in authorOf {
                guard let person = people[nip] else { continue }
                let inside = person.unitID == unitID || (tree.ancestors(of: person.unitID) ?? []).contains(unitID)
                if !inside {
                    authorOf[index] = nil
                    refused[index] = RPCError(.permissionDenied, "the machine client \(name) reports only for employees of its unit; \(nip) is not one",
                                              reason: "OUTSIDE_CLIENT_UNIT")
                    denied += 1
                }
            }
            if denied > 0 { _ = await access.denial(target: "unit/\(unitID)", "\(denied) rows for employees outside the client's unit", reason: "OUTSIDE_CLIENT_UNIT") }
        } else if refused.values.contains(where: { $0.code == .permissionDenied }) {
            _ = await access.denial(target: access.caller.principal, "rows naming another employee were refused", reason: "NOT_OWN_ROW")
        }
        for (index, nip) in authorOf where people[nip] == nil {
            authorOf[index] = nil
            refused[index] = RPCError(.notFound, "identity knows no employee with NIP \(nip)", reason: "EMPLOYEE_NOT_FOUND")
        }

        // Planning's SKPs of every author for every year the rows name, in batched calls.
        let today = self.today
        var years: Set<Int32> = []
        for (index, _) in authorOf { if let date = rows[index].report?.reportDate, date.isValid, date <= today { years.insert(date.year) } }
        var skps: [Int32: [String: SkpInForce]] = [:]
        let authors = Array(Set(authorOf.values))
        for year in years.sorted() {
            let targets = try await planning.targets(nips: authors, period: Common.Period(year: year, kind: .annual))
            skps[year] = targets.compactMapValues { SkpInForce(targets: $0, year: year) }
        }
        let paths = try await organisation.paths(of: Set(people.values.map(\.unitID)))

        let sourceName = options.sourceName
        return try await write(context, bytes: bytes) { [self, rows, authorOf, refused, skps, options] db, actor in
            let policies = try PolicyBook.load(db)
            let locks = try LockRecords.locks(for: authors, in: db)
            var ledger = DayLedger()
            for (nip, day, usage) in try Self.storedUsage(rows: rows, authorOf: authorOf, in: db) {
                ledger.setStored(usage, nip: nip, date: WitaDayRange.date(day))
            }
            let now = clock()
            var policyOf: [String: EffectivePolicy] = [:]
            var results: [Reporting.BulkReportRowResult] = []
            // Rows are written as they pass unless the call may still end with nothing written.
            let writeAsAccepted = !options.dryRun && !options.allOrNothing
            var accepted: [(Reporting.DailyReport, String)] = []
            var acceptedCount = 0
            results.reserveCapacity(rows.count)
            for (index, row) in rows.enumerated() {
                var result = Reporting.BulkReportRowResult(rowNumber: row.rowNumber)
                var passed: (report: Reporting.DailyReport, unitID: String)?
                do {
                    if let error = refused[index] { throw error }
                    guard let nip = authorOf[index], let person = people[nip] else { throw RPCError(.internal, "row without author") }
                    let date = row.report?.reportDate
                    let skp = date.flatMap { skps[$0.year]?[nip] }
                    let policy = policyOf[person.unitID] ?? policies.effective(path: paths[person.unitID] ?? [person.unitID])
                    policyOf[person.unitID] = policy
                    let check = try DailyReportRules.checkSubmission(row.report, context: SubmissionContext(
                        nip: nip, now: now, policy: policy, skp: skp, locks: locks,
                        dayUsage: date.map { ledger.usage(nip: nip, date: $0) } ?? DayUsage()), fieldPrefix: "rows[\(index)].report.")
                    try requireStoredFiles(check.draft.evidence, fieldPrefix: "rows[\(index)].report.evidence")
                    if let date { ledger.add(nip: nip, date: date, minutes: check.draft.durationMinutes) }
                    var report = Reporting.DailyReport(reportID: ULID.make(now: now), nip: nip, employee: person.reference, state: .diajukan,
                                                       submitted: actor.stamp, revision: 1)
                    check.apply(to: &report)
                    if !person.atasanNIP.isEmpty { report.verifierNIP = person.atasanNIP }
                    result.reportID = report.reportID
                    passed = (report, person.unitID)
                } catch let error as ReportingError {
                    result.statusCode = UInt32(error.statusCode.rawValue)
                    result.reasons = error.fieldViolations
                } catch {
                    let status = RPCError.from(error, requestID: context.requestID)
                    result.statusCode = UInt32(status.code.rawValue)
                    result.reasons = Self.violations(of: status, field: "rows[\(index)]")
                }
                results.append(result)
                // Outside the row's do/catch: a store error ends the call, it never rejects a row.
                if let passed {
                    acceptedCount += 1
                    if writeAsAccepted { try ReportRecords.insert(passed.report, unitID: passed.unitID, in: db) } else { accepted.append(passed) }
                }
            }
            let rejected = rows.count - acceptedCount
            let nothingWritten = options.dryRun || (options.allOrNothing && rejected > 0) || acceptedCount == 0
            if nothingWritten {
                for index in results.indices { results[index].reportID = "" }
            } else {
                for (report, unitID) in accepted { try ReportRecords.insert(report, unitID: unitID, in: db) }
            }
            try audit(db, context, actor, target: "bulk/\(sourceName.isEmpty ? "rows" : sourceName)",
                      detail: "bulk \(rows.count) rows: \(acceptedCount) accepted, \(rejected) rejected"
                        + (nothingWritten ? ", nothing written" + (options.dryRun ? " (dry run)" : "") : ""))
            return Reporting.BulkSubmitDailyReportsResponse(totalRows: UInt32(rows.count), acceptedRows: UInt32(acceptedCount),
                                                            rejectedRows: UInt32(rejected), results: results, nothingWritten: nothingWritten)
        }
    }

    /// What the store holds for every (author, day) the rows name: reports not DITARIK and their minutes.
    static func storedUsage(rows: [Reporting.DailyReportRow], authorOf: [Int: String], in db: Database) throws -> [(String, Int, DayUsage)] {
        var days: [String: Set<Int>] = [:]
        for (index, nip) in authorOf {
            if let day = rows[index].report?.reportDate?.daysSinceEpoch { days[nip, default: []].insert(day) }
        }
        let all = days.values.flatMap { $0 }
        guard let low = all.min(), let high = all.max() else { return [] }
        var out: [(String, Int, DayUsage)] = []
        for batch in days.keys.sorted().chunked(500) {
            let stored = try Row.fetchAll(db, sql: """
                SELECT nip, report_day, count(*) AS n, coalesce(sum(minutes), 0) AS m FROM daily_report
                WHERE nip IN (\(ReportRecords.placeholders(batch.count))) AND report_day BETWEEN ? AND ? AND state != ? GROUP BY nip, report_day
                """, arguments: StatementArguments(Array(batch)) + [low, high, Reporting.ReportState.ditarik.rawValue])
            for row in stored {
                let nip: String = row["nip"]
                let day: Int = row["report_day"]
                if days[nip]?.contains(day) == true { out.append((nip, day, DayUsage(reports: row["n"], minutes: row["m"]))) }
            }
        }
        return out
    }

    /// The field violations of an RPC error for a row's result (its BadRequest, else one entry).
    static func violations(of status: RPCError, field: String) -> [Common.FieldViolation] {
        for detail in status.details {
            if case .badRequest(let request) = detail.detail, !request.fieldViolations.isEmpty { return request.fieldViolations }
        }
        return [Common.FieldViolation(field: field, description: status.message, reason: status.reason ?? "\(status.code)")]
    }
}
