import Foundation
import KinerjaASN
import Hummingbird
import KinerjaProto
import NIOCore

/// Pengelola kinerja (and whoever evaluation lets export): a unit's TPP input for a month as CSV,
/// and a period's SIASN records as JSON Lines — the files `kinerjactl eval tpp` and `eval siasn`
/// write, as downloads that are never cached.
extension WebApp {
    func addExportRoutes(to router: Router<WebRequestContext>) {
        router.get("/ekspor/tpp") { request, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let unitID = request.uri.queryParameters["unit"].map(String.init) ?? ""
            let month = request.uri.queryParameters["bulan"].map(String.init) ?? ""
            guard Self.isIdentifier(unitID), let parsed = Self.month(month) else {
                return ErrorPage.response(status: .badRequest, message: "Pilih unit dan bulan (TTTT-BB).")
            }
            let (year, number) = parsed
            let evaluation = try gateway.client(Evaluation.EvaluationService.Client.self)
            do {
                let text = try await asUser(session) { options in
                    try await evaluation.exportTpp(.init(unit: Common.UnitScope(unitID: unitID, includeSubunits: true), year: year, month: number),
                                                   options: options) { rows in
                        var text = TppCSV.header
                        for try await row in rows { text += TppCSV.record(row, month: month) }
                        return text
                    }
                }
                return Self.download(text, type: "text/csv; charset=utf-8", name: "tpp-\(month).csv")
            } catch let error as RPCError {
                return ErrorPage.response(status: error.code == .permissionDenied ? .forbidden : .unprocessableContent, message: StatusMessage.text(error))
            }
        }
        router.get("/ekspor/siasn") { request, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let periodID = request.uri.queryParameters["periode"].map(String.init) ?? ""
            guard Self.isIdentifier(periodID) else { return ErrorPage.response(status: .badRequest, message: "Pilih periode.") }
            let evaluation = try gateway.client(Evaluation.EvaluationService.Client.self)
            do {
                let period = try await asUser(session) { try await evaluation.getPeriod(.init(periodID: periodID), options: $0) }.period
                    ?? Evaluation.EvaluationPeriod()
                let text = try await asUser(session) { options in
                    try await evaluation.exportSiasn(.init(unit: period.unit, span: period.span), options: options) { responses in
                        var text = ""
                        for try await response in responses { text += response.jsonString(pretty: false, includingDefaults: true) + "\n" }
                        return text
                    }
                }
                return Self.download(text, type: "application/x-ndjson; charset=utf-8", name: "siasn-\(Self.fileLabel(period)).jsonl")
            } catch let error as RPCError {
                return ErrorPage.response(status: error.code == .permissionDenied ? .forbidden : .unprocessableContent, message: StatusMessage.text(error))
            }
        }
    }

    /// A file the browser saves: attachment, its own type, never cached nor sniffed.
    static func download(_ text: String, type: String, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// `YYYY-MM` (2000–2100, 01–12) as year and month.
    static func month(_ text: String) -> (Int32, Int32)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int32(parts[0]), let month = Int32(parts[1]),
              (2000...2100).contains(year), (1...12).contains(month) else { return nil }
        return (year, month)
    }

    /// `2026-q3`, `2026-09`, `2026` — letters and digits only, safe in a file name.
    static func fileLabel(_ period: Evaluation.EvaluationPeriod) -> String {
        guard let p = period.period else { return "periode" }
        switch p.kind {
        case .quarterly: return "\(p.year)-q\(max(1, p.triwulan.rawValue))"
        case .monthly: return String(format: "%04d-%02d", p.year, p.month)
        default: return "\(p.year)"
        }
    }
}

/// The TPP CSV as `kinerjactl eval tpp` writes it (its columns, RFC 4180, CRLF, UTF-8): one row
/// per employee of the unit and month, with the factor or the reason there is none.
enum TppCSV {
    static let columns = ["nip", "full_name", "unit_id", "unit_name", "month", "predikat", "factor_percent", "evaluation_id",
                          "rule_version", "missing_reason", "missing_message"]

    static var header: String { columns.joined(separator: ",") + "\r\n" }

    static func record(_ row: Evaluation.ExportTppResponse, month: String) -> String {
        let employee = row.employee ?? Common.EmployeeRef()
        let predikat = row.predikat == .kurang ? "Kurang/Misconduct" : row.predikat == .unspecified ? "" : ReportFormat.predikat(row.predikat)
        let cells = [employee.nip, employee.displayName, employee.unitID, row.unitName, month, predikat,
                     row.hasFactor ? String(format: "%.2f", row.factorPercent) : "", row.evaluationID, "\(row.ruleVersion)",
                     row.missingReason, row.missingMessage]
        return cells.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// A cell as RFC 4180 writes it (``CSVCell``); a cell a spreadsheet would run as a formula is
    /// not changed (the file is data for the payroll system, as kinerjactl's).
    static func quoted(_ cell: String) -> String { CSVCell.quoted(cell) }
}
