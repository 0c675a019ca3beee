import Foundation
import KinerjaASN
import KinerjaProto

/// The CSV `kinerjactl eval export` writes: one SIASN-style record (`SiasnRecord`) per finalised
/// evaluation, in the service's NIP order.
///
/// Format:
/// - RFC 4180: fields separated by `,`, records ended by CRLF; a field containing `,`, `"`, CR or
///   LF, or starting or ending with a blank, is enclosed in `"` with inner quotes doubled. UTF-8.
/// - A header row naming the columns of ``columns``, in that order: the record's fields as the
///   contract names them, then `evaluator_status` (PNS, PPPK or NON ASN), the period id, the
///   finalisation the record comes from and the record's SHA-256.
/// - Ratings and predikat as words (`Di Atas Ekspektasi`, `Kurang/Misconduct`) beside their SIASN
///   codes; empty cells for what is not set (a code of 0, an unspecified rating).
/// - `period`: `2026-Q2`, `2026-S1`, `2026-07` or `2026`; `finalised_at`: ISO 8601 in WITA
///   (`2026-07-03T10:15:00+08:00`).
///
/// The last two facts of each row let an interrupted export resume: rows come in NIP order, so
/// the last complete row's `nip` is where to continue, and its `finalisation_number` pins the
/// finalisation it was read from (``ResumePoint``).
enum EvaluationCSV {
    /// The columns, in order.
    static let columns = [
        "evaluation_id", "nip", "full_name", "period", "start_month", "start_year", "end_month", "end_year",
        "hasil_kerja", "hasil_kerja_code", "perilaku_kerja", "perilaku_kerja_code", "predikat", "predikat_code", "kuadran",
        "evaluator_nip", "evaluator_name", "evaluator_jabatan", "evaluator_golongan", "evaluator_unit_name", "evaluator_status",
        "unit_id", "unit_name", "finalised_at", "period_id", "finalisation_number", "record_sha256",
    ]

    /// The header record, CRLF-terminated.
    static var header: String { columns.joined(separator: ",") + "\r\n" }

    /// One row of the export as a CRLF-terminated record.
    static func record(_ row: Evaluation.ExportEvaluationsResponse) -> String {
        cells(row).map(quoted).joined(separator: ",") + "\r\n"
    }

    /// The cells of one row, in the order of ``columns``.
    static func cells(_ row: Evaluation.ExportEvaluationsResponse) -> [String] {
        let r = row.record ?? Evaluation.SiasnRecord()
        return [
            r.evaluationID, r.nip, r.fullName, period(r), number(r.startMonth), number(r.startYear), number(r.endMonth), number(r.endYear),
            rating(r.hasilKerja), number(r.hasilKerjaCode), rating(r.perilakuKerja), number(r.perilakuKerjaCode),
            r.predikat == .unspecified ? "" : EvaluationText.predikat(r.predikat), number(r.predikatCode), number(r.kuadran),
            r.evaluatorNIP, r.evaluatorName, r.evaluatorJabatan, r.evaluatorGolongan, r.evaluatorUnitName, status(r.evaluatorAsnType),
            r.unitID, r.unitName, timestamp(r.finalisedAt), row.periodID, number(row.finalisationNumber), Display.hex(r.recordSha256),
        ]
    }

    /// `2026-Q2`, `2026-07`, `2026`; from the months when the record has no `period` (a semester: `2026-S1`).
    static func period(_ record: Evaluation.SiasnRecord) -> String {
        if let period = record.period, let span = EvalSpans.span(period) { return EvalSpans.argument(span) }
        guard record.startYear > 0 else { return "" }
        if record.startYear == record.endYear, record.endMonth == record.startMonth + 5, record.startMonth == 1 || record.startMonth == 7 {
            return "\(record.startYear)-S\(record.startMonth == 1 ? 1 : 2)"
        }
        return "\(record.startYear)-" + pad(record.startMonth) + ".." + "\(record.endYear)-" + pad(record.endMonth)
    }

    /// SIASN's status penilai: PNS, PPPK or NON ASN.
    static func status(_ type: Common.AsnType) -> String {
        switch type {
        case .pns: "PNS"
        case .pppk: "PPPK"
        case .nonAsn: "NON ASN"
        default: ""
        }
    }

    /// A rating as words, empty when unspecified.
    static func rating(_ rating: Common.Rating) -> String {
        rating == .unspecified ? "" : Display.name(rating)
    }

    /// An instant as ISO 8601 in WITA, `2026-07-03T10:15:00+08:00`; empty when absent.
    static func timestamp(_ timestamp: Common.Timestamp?) -> String {
        guard let timestamp else { return "" }
        let local = timestamp.seconds + WITATime.offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - days * 86_400
        let (year, month, day) = WITATime.civilDate(daysSinceEpoch: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(second / 3600)):\(two(second % 3600 / 60)):\(two(second % 60))+08:00"
    }

    private static func number<N: BinaryInteger>(_ value: N) -> String { value == 0 ? "" : "\(value)" }

    private static func pad(_ month: Int32) -> String { month < 10 ? "0\(month)" : "\(month)" }

    /// The cell as RFC 4180 writes it (``CSVCell``).
    static func quoted(_ cell: String) -> String { CSVCell.quoted(cell) }

    // MARK: Resuming

    /// Where an export file left off: the bytes that form whole records, how many rows they
    /// hold, the last NIP and the finalisation numbers read.
    struct ResumePoint: Equatable, Sendable {
        /// Bytes of the file up to the end of its last complete record (a cut-off record after it is dropped).
        var validLength: Int
        /// Data rows written.
        var rows: Int
        /// The last row's NIP; empty when no row was written.
        var lastNIP: String
        /// The finalisation numbers of the rows written.
        var finalisationNumbers: Set<UInt32>
        /// The `period` cells of the rows written (a continued export must be of the same span).
        var periods: Set<String> = []

        /// A fresh file: nothing written.
        static let empty = ResumePoint(validLength: 0, rows: 0, lastNIP: "", finalisationNumbers: [])
    }

    /// A file that is not an export this command can continue.
    struct ResumeError: Error, Equatable {
        var message: String
    }

    /// Where the export in `bytes` (the whole file) left off. A record cut off by an interruption
    /// (no CRLF after it yet) is not counted, so resuming rewrites it.
    static func resumePoint(_ bytes: [UInt8]) throws(ResumeError) -> ResumePoint {
        // The end of every record: a line feed outside quotes.
        var ends: [Int] = []
        var quoted = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == UInt8(ascii: "\n"), !quoted { ends.append(index + 1) }
        }
        guard let headerEnd = ends.first else {
            if bytes.isEmpty { return .empty }
            throw ResumeError(message: "it has no complete header line")
        }
        guard String(decoding: bytes[..<headerEnd], as: UTF8.self).trimmingCharacters(in: .newlines) == columns.joined(separator: ",") else {
            throw ResumeError(message: "its header is not this export's (\(columns.prefix(3).joined(separator: ",")),…)")
        }
        let validLength = ends.last ?? headerEnd
        let text = String(decoding: bytes[..<validLength], as: UTF8.self)
        let records: [SkpFileCSV.Record]
        do {
            records = try SkpFileCSV.records(text)
        } catch {
            throw ResumeError(message: "row \(error.row) cannot be read: \(error.message)")
        }
        let rows = records.dropFirst()
        guard let nipColumn = columns.firstIndex(of: "nip"), let numberColumn = columns.firstIndex(of: "finalisation_number"),
              let periodColumn = columns.firstIndex(of: "period") else {
            return .empty
        }
        var numbers: Set<UInt32> = []
        var periods: Set<String> = []
        for row in rows {
            guard row.cells.count == columns.count else {
                throw ResumeError(message: "row \(row.row) has \(row.cells.count) cells, not \(columns.count)")
            }
            if let number = UInt32(row.cells[numberColumn]) { numbers.insert(number) }
            periods.insert(row.cells[periodColumn])
        }
        return ResumePoint(validLength: validLength, rows: rows.count, lastNIP: rows.last?.cells[nipColumn] ?? "", finalisationNumbers: numbers,
                           periods: periods)
    }
}
