import Foundation
import KinerjaProto
import Synchronization
import Testing
@testable import kinerjactl

/// `eval export`: the CSV's format, built from the contract's messages, and the stream resumed after
/// the last NIP written from the same finalisation.
@Suite("Evaluation export")
struct EvaluationExportTests {
    /// One finalised evaluation as the service streams it.
    static func row(nip: String, name: String = "Maria Ndun", finalisation: UInt32 = 1) -> Evaluation.ExportEvaluationsResponse {
        Evaluation.ExportEvaluationsResponse(record: Evaluation.SiasnRecord(
            evaluationID: "01JEVAL" + nip.suffix(3), nip: nip, fullName: name, period: Common.Period(year: 2026, kind: .quarterly, triwulan: .ii),
            startMonth: 4, startYear: 2026, endMonth: 6, endYear: 2026,
            hasilKerja: .diAtasEkspektasi, hasilKerjaCode: 1, perilakuKerja: .sesuaiEkspektasi, perilakuKerjaCode: 2,
            predikat: .baik, predikatCode: 2, kuadran: 2,
            evaluatorNIP: "197501012000031001", evaluatorName: "Drs. Yohanes Lado, M.Si", evaluatorJabatan: "Kepala Bidang Pelayanan",
            evaluatorGolongan: "IV/a", evaluatorUnitName: "Dinas Kependudukan dan Pencatatan Sipil", evaluatorAsnType: .pns,
            unitID: "01JUNITDUKCAPIL", unitName: "Bidang Pelayanan Pendaftaran Penduduk",
            finalisedAt: Common.Timestamp(seconds: 1_783_044_900, nanos: 0), recordSha256: [0x01, 0xAB, 0xFF]),
            finalisationNumber: finalisation, periodID: "01JPERIOD")
    }

    @Test("the header names the SIASN record's fields in order, then the evaluator's status, the period id, the finalisation and the digest")
    func header() {
        #expect(EvaluationCSV.header == "evaluation_id,nip,full_name,period,start_month,start_year,end_month,end_year,hasil_kerja,hasil_kerja_code,"
            + "perilaku_kerja,perilaku_kerja_code,predikat,predikat_code,kuadran,evaluator_nip,evaluator_name,evaluator_jabatan,"
            + "evaluator_golongan,evaluator_unit_name,evaluator_status,unit_id,unit_name,finalised_at,period_id,finalisation_number,record_sha256\r\n")
    }

    @Test("a row: ratings and predikat as words beside their codes, the finalisation instant in WITA, the digest in hex, RFC 4180 quoting")
    func record() {
        let text = EvaluationCSV.record(Self.row(nip: "199001012015032001"))
        #expect(text == "01JEVAL001,199001012015032001,Maria Ndun,2026-Q2,4,2026,6,2026,Di Atas Ekspektasi,1,Sesuai Ekspektasi,2,Baik,2,2,"
            + "197501012000031001,\"Drs. Yohanes Lado, M.Si\",Kepala Bidang Pelayanan,IV/a,Dinas Kependudukan dan Pencatatan Sipil,PNS,"
            + "01JUNITDUKCAPIL,Bidang Pelayanan Pendaftaran Penduduk,2026-07-03T10:15:00+08:00,01JPERIOD,1,01abff\r\n")
    }

    @Test("quotes, commas, line breaks and edge blanks are quoted; Kurang is Kurang/Misconduct; a non-ASN penilai is NON ASN; unset is empty")
    func cells() {
        #expect(EvaluationCSV.quoted("Yosef \"Ocep\" Bria") == "\"Yosef \"\"Ocep\"\" Bria\"")
        #expect(EvaluationCSV.quoted("baris\r\nkedua") == "\"baris\r\nkedua\"" && EvaluationCSV.quoted(" Loket") == "\" Loket\"")
        #expect(EvaluationCSV.quoted("Dinas Kesehatan") == "Dinas Kesehatan")
        var row = Self.row(nip: "199001012015032001")
        row.record?.predikat = .kurang
        row.record?.evaluatorAsnType = .nonAsn
        row.record?.perilakuKerja = .unspecified
        row.record?.perilakuKerjaCode = 0
        row.record?.finalisedAt = nil
        let cells = EvaluationCSV.cells(row)
        let column = { (name: String) in cells[EvaluationCSV.columns.firstIndex(of: name) ?? 0] }
        #expect(column("predikat") == "Kurang/Misconduct" && column("evaluator_status") == "NON ASN")
        #expect(column("perilaku_kerja") == "" && column("perilaku_kerja_code") == "" && column("finalised_at") == "")
        #expect(cells.count == EvaluationCSV.columns.count)
    }

    @Test("the period reads as --period takes it; a semester, which has no common.Period, from its months")
    func periods() {
        var record = Evaluation.SiasnRecord(period: Common.Period(year: 2026, kind: .monthly, month: 3), startMonth: 3, startYear: 2026, endMonth: 3, endYear: 2026)
        #expect(EvaluationCSV.period(record) == "2026-03")
        record.period = Common.Period(year: 2026, kind: .annual)
        #expect(EvaluationCSV.period(record) == "2026")
        record = Evaluation.SiasnRecord(startMonth: 7, startYear: 2026, endMonth: 12, endYear: 2026)
        #expect(EvaluationCSV.period(record) == "2026-S2")
        record = Evaluation.SiasnRecord(startMonth: 2, startYear: 2026, endMonth: 4, endYear: 2026)
        #expect(EvaluationCSV.period(record) == "2026-02..2026-04")
        #expect(EvaluationCSV.timestamp(Common.Timestamp(seconds: 1_767_196_800, nanos: 0)) == "2026-01-01T00:00:00+08:00")
    }

    @Test("a file left unfinished resumes after its last complete row: a cut-off record is dropped, quoted line breaks are not ends")
    func resumePoint() throws {
        var first = Self.row(nip: "198001012005011001", name: "Nama\r\ndua baris")
        first.finalisationNumber = 2
        let second = Self.row(nip: "199001012015032001", finalisation: 2)
        let whole = EvaluationCSV.header + EvaluationCSV.record(first) + EvaluationCSV.record(second)
        let cut = whole + String(EvaluationCSV.record(Self.row(nip: "200001012025011001", finalisation: 2)).prefix(40))
        let point = try EvaluationCSV.resumePoint(Array(cut.utf8))
        #expect(point == EvaluationCSV.ResumePoint(validLength: whole.utf8.count, rows: 2, lastNIP: "199001012015032001", finalisationNumbers: [2],
                                                   periods: ["2026-Q2"]))
        #expect(try EvaluationCSV.resumePoint([]) == .empty)
        #expect(try EvaluationCSV.resumePoint(Array(EvaluationCSV.header.utf8))
            == EvaluationCSV.ResumePoint(validLength: EvaluationCSV.header.utf8.count, rows: 0, lastNIP: "", finalisationNumbers: []))
        #expect(throws: EvaluationCSV.ResumeError.self) { try EvaluationCSV.resumePoint(Array("nip,full_name\r\n1,a\r\n".utf8)) }
        #expect(throws: EvaluationCSV.ResumeError.self) { try EvaluationCSV.resumePoint(Array("evaluation_id,nip".utf8)) }
        #expect(throws: EvaluationCSV.ResumeError.self) { try EvaluationCSV.resumePoint(Array((EvaluationCSV.header + "a,b\r\n").utf8)) }
    }

    /// The service's rows of one export, in NIP order, and a stream of them that breaks where told.
    final class FakeExport: Sendable {
        let rows: [Evaluation.ExportEvaluationsResponse]
        /// Per attempt, how many rows to send before failing with `failure` (nil: send all).
        let breaks: [Int?]
        let failure: RPCError
        let requests = Mutex<[Evaluation.ExportEvaluationsRequest]>([])

        init(rows: [Evaluation.ExportEvaluationsResponse], breaks: [Int?], failure: RPCError = RPCError(.unavailable, "connection reset")) {
            self.rows = rows
            self.breaks = breaks
            self.failure = failure
        }

        func attempt(_ request: Evaluation.ExportEvaluationsRequest,
                     _ row: @escaping @Sendable (Evaluation.ExportEvaluationsResponse) throws -> Void) async throws {
            let index = requests.withLock { $0.append(request); return $0.count - 1 }
            let remaining = rows.filter { ($0.record?.nip ?? "") > request.afterNIP }
            let limit = index < breaks.count ? breaks[index] : nil
            for (sent, response) in remaining.enumerated() {
                if let limit, sent == limit { throw failure }
                try row(response)
            }
            if let limit, limit >= remaining.count { throw failure }
        }
    }

    static let nips = ["196801011990031001", "197203152000122002", "198512202010011003", "199001012015032001", "199512312020122005"]

    static func run(_ fake: FakeExport, resume: EvaluationCSV.ResumePoint = .empty) async throws -> (EvaluationExportRun.Summary, String, [String]) {
        let written = Mutex("")
        let notices = Mutex<[String]>([])
        let run = EvaluationExportRun(request: Evaluation.ExportEvaluationsRequest(unit: Common.UnitScope(unitID: "01JUNIT"),
                                                                                   period: Common.Period(year: 2026, kind: .quarterly, triwulan: .ii)),
                                      resume: resume, retryDelay: .zero, write: { text in written.withLock { $0 += text } },
                                      notice: { text in notices.withLock { $0.append(text) } })
        let summary = try await run.run { try await fake.attempt($0, $1) }
        return (summary, written.withLock { $0 }, notices.withLock { $0 })
    }

    @Test("an interrupted stream resumes after the last NIP written, from the same finalisation: every row once, in order")
    func resumesAfterInterruption() async throws {
        let fake = FakeExport(rows: Self.nips.map { Self.row(nip: $0, finalisation: 3) }, breaks: [2, 1])
        let (summary, text, notices) = try await Self.run(fake)
        #expect(summary == EvaluationExportRun.Summary(written: 5, total: 5, finalisationNumbers: [3], resumed: 2))
        let requests = fake.requests.withLock { $0 }
        #expect(requests.map(\.afterNIP) == ["", Self.nips[1], Self.nips[2]])
        #expect(requests.map(\.finalisationNumber) == [0, 3, 3], "the first asks for the current finalisation, the rest pin the one read")
        #expect(requests.allSatisfy { $0.unit?.unitID == "01JUNIT" && $0.period?.triwulan == .ii })
        let records = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.count == 6 && records[0] == EvaluationCSV.columns.joined(separator: ","))
        #expect(records.dropFirst().map { $0.split(separator: ",")[1] }.map(String.init) == Self.nips)
        #expect(notices.first?.contains("interrupted after 2 rows (UNAVAILABLE: connection reset); resuming after NIP \(Self.nips[1])") == true)
    }

    @Test("an attempt that writes nothing is not retried, nor is a refusal such as a finalisation no longer current")
    func givesUp() async throws {
        let down = FakeExport(rows: Self.nips.map { Self.row(nip: $0) }, breaks: [0])
        await #expect(throws: RPCError.self) { _ = try await Self.run(down) }
        #expect(down.requests.withLock { $0.count } == 1)
        let stale = FakeExport(rows: Self.nips.map { Self.row(nip: $0) }, breaks: [2],
                               failure: RPCError(.failedPrecondition, "finalisation 1 is no longer current"))
        let error = await #expect(throws: RPCError.self) { _ = try await Self.run(stale) }
        #expect(error?.code == .failedPrecondition && stale.requests.withLock { $0.count } == 1)
    }

    @Test("continuing a file asks for the rows after its last NIP from its finalisation and writes no second header")
    func continuesAFile() async throws {
        let point = EvaluationCSV.ResumePoint(validLength: 500, rows: 2, lastNIP: Self.nips[1], finalisationNumbers: [1])
        let fake = FakeExport(rows: Self.nips.map { Self.row(nip: $0) }, breaks: [])
        let (summary, text, _) = try await Self.run(fake, resume: point)
        #expect(summary == EvaluationExportRun.Summary(written: 3, total: 5, finalisationNumbers: [1], resumed: 0))
        #expect(!text.hasPrefix("evaluation_id") && text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)
        #expect(fake.requests.withLock { $0.first?.afterNIP == Self.nips[1] && $0.first?.finalisationNumber == 1 })
        // Rows of several periods' finalisations (a unit with sub-units) cannot pin one number: the current ones are read.
        #expect(EvaluationExportRun.pinned([1, 2]) == 0 && EvaluationExportRun.pinned([]) == 0 && EvaluationExportRun.pinned([4]) == 4)
    }

    @Test("the request reaches the service through the generated client as a server stream with after_nip and finalisation_number")
    func throughTheClient() async throws {
        let transport = FakeTransport(streaming: { method, _, _ in
            #expect(method == "ExportEvaluations")
            return try Self.nips.suffix(2).map { try Self.row(nip: $0).serializedBytes() }
        })
        let client = Evaluation.EvaluationService.Client(transport: transport)
        let point = EvaluationCSV.ResumePoint(validLength: 1, rows: 3, lastNIP: Self.nips[2], finalisationNumbers: [1])
        let written = Mutex("")
        let run = EvaluationExportRun(request: Evaluation.ExportEvaluationsRequest(unit: Common.UnitScope(unitID: "01JUNIT", includeSubunits: true),
                                                                                   span: Evaluation.EvaluationSpan(year: 2026, kind: .semester, number: 1)),
                                      resume: point, retryDelay: .zero, write: { text in written.withLock { $0 += text } })
        let summary = try await run.run { request, row in
            try await client.exportEvaluations(request) { responses in
                for try await response in responses { try row(response) }
            }
        }
        #expect(summary.written == 2 && summary.total == 5)
        let sent = try #require(try transport.calls.first?.decoded(Evaluation.ExportEvaluationsRequest.self).first)
        #expect(sent.afterNIP == Self.nips[2] && sent.finalisationNumber == 1 && sent.unit?.includeSubunits == true && sent.span?.kind == .semester)
    }

    @Test("a new export file is created readable by its owner only, and --resume truncates a cut-off record before appending")
    func outputFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eval-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("tw2.csv").path
        let fresh = try ExportOutput.open(path, resume: false, force: false)
        try fresh.write(EvaluationCSV.header + EvaluationCSV.record(Self.row(nip: Self.nips[0])) + "01JEVAL,1990")
        try fresh.close()
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: CLIError.self) { try ExportOutput.open(path, resume: false, force: false) }
        let continued = try ExportOutput.open(path, resume: true, force: false)
        #expect(continued.resumePoint.rows == 1 && continued.resumePoint.lastNIP == Self.nips[0])
        try continued.write(EvaluationCSV.record(Self.row(nip: Self.nips[1])))
        try continued.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == EvaluationCSV.header + EvaluationCSV.record(Self.row(nip: Self.nips[0])) + EvaluationCSV.record(Self.row(nip: Self.nips[1])))
    }
}
