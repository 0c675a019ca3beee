import KinerjaProto

/// The reports of all chunks of an import added up.
struct ImportSummary: Equatable {
    var rows = 0
    var created = 0
    var updated = 0
    var unchanged = 0
    var rejected = 0
    /// Rows of chunks that an earlier run had already applied (answered from their record; nothing written now).
    var replayed = 0
    /// Results of rejected rows, in row order.
    var rejections: [Identity.ImportRowResult] = []
    /// All reports merged into one message (for `--json`).
    var merged = Identity.ImportEmployeesResponse()

    /// Adds one chunk's report. Reports list every row that was not UNCHANGED, so unchanged
    /// rows are the accepted ones that were neither created nor updated.
    mutating func add(_ report: Identity.ImportEmployeesResponse) {
        if report.replayed {
            // A chunk an earlier run applied: this run wrote nothing for it.
            rows += Int(report.totalRows)
            replayed += Int(report.totalRows)
            merged.totalRows &+= report.totalRows
            return
        }
        let created = report.results.filter { $0.outcome == .created }.count
        let updated = report.results.filter { $0.outcome == .updated }.count
        rows += Int(report.totalRows)
        self.created += created
        self.updated += updated
        unchanged += max(0, Int(report.acceptedRows) - created - updated)
        rejected += Int(report.rejectedRows)
        rejections += report.results.filter { $0.outcome == .rejected }
        merged.totalRows &+= report.totalRows
        merged.acceptedRows &+= report.acceptedRows
        merged.rejectedRows &+= report.rejectedRows
        merged.results += report.results
        merged.dryRun = merged.dryRun || report.dryRun
    }

    /// `rows 10 000, created 9 990, updated 0, unchanged 0, rejected 10` (and `, already imported 5 000`
    /// when a resumed run found chunks an earlier run had applied).
    var totalsLine: String {
        "rows \(Display.grouped(rows)), created \(Display.grouped(created)), updated \(Display.grouped(updated)), "
            + "unchanged \(Display.grouped(unchanged)), rejected \(Display.grouped(rejected))"
            + (replayed > 0 ? ", already imported \(Display.grouped(replayed)) (by an earlier run)" : "")
    }

    /// The rejected rows: row, NIP, status, reasons; at most `limit` of them.
    func rejectionTable(limit: Int = .max) -> Table {
        var table = Table([.init("ROW", alignRight: true), .init("NIP", maxWidth: 18), .init("STATUS", maxWidth: 20),
                           .init("REASONS", maxWidth: 100)])
        for result in rejections.sorted(by: { $0.rowNumber < $1.rowNumber }).prefix(limit) {
            let status = Int32(exactly: result.statusCode).flatMap(RPCError.Code.init(rawValue:))?.description
                ?? String(result.statusCode)
            let reasons = result.reasons.map { violation in
                violation.field.isEmpty ? violation.description : "\(violation.field): \(violation.description)"
            }
            table.append([String(result.rowNumber), result.nip, status, reasons.joined(separator: "; ")])
        }
        return table
    }
}
