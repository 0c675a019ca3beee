import Foundation
import KinerjaProto

/// The CSV `kinerjactl eval tpp` writes: one row per employee of the unit and month, in NIP order,
/// with the factor of the finalised monthly evaluation or the reason there is none (RFC 4180, CRLF,
/// UTF-8, quoting as ``EvaluationCSV/quoted(_:)``).
enum TppCSV {
    /// The columns, in order.
    static let columns = ["nip", "full_name", "unit_id", "unit_name", "month", "predikat", "factor_percent", "evaluation_id",
                          "rule_version", "missing_reason", "missing_message"]

    /// The header record, CRLF-terminated.
    static var header: String { columns.joined(separator: ",") + "\r\n" }

    /// One row as a CRLF-terminated record; `month` as `2026-11`.
    static func record(_ row: Evaluation.ExportTppResponse, month: String) -> String {
        let employee = row.employee ?? Common.EmployeeRef()
        let cells = [
            employee.nip, employee.displayName, employee.unitID, row.unitName, month,
            row.predikat == .unspecified ? "" : EvaluationText.predikat(row.predikat),
            row.hasFactor ? String(format: "%.2f", row.factorPercent) : "", row.evaluationID, "\(row.ruleVersion)",
            row.missingReason, row.missingMessage,
        ]
        return cells.map(EvaluationCSV.quoted).joined(separator: ",") + "\r\n"
    }
}
