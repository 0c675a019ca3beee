import Foundation
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// The field names docs/SIASN.md documents for one SIASN endpoint: every backquoted name in the
/// first column of the section's table.
func siasnDocumentedFields(_ section: String, filePath: String = #filePath) throws -> Set<String> {
    var root = URL(fileURLWithPath: filePath)
    while !FileManager.default.fileExists(atPath: root.appendingPathComponent("docs/SIASN.md").path) {
        let parent = root.deletingLastPathComponent()
        guard parent != root else { throw CocoaError(.fileNoSuchFile) }
        root = parent
    }
    let text = try String(contentsOf: root.appendingPathComponent("docs/SIASN.md"), encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.hasPrefix("## \(section)") }) else { return [] }
    var names: Set<String> = []
    for line in lines[(start + 1)...].prefix(while: { !$0.hasPrefix("## ") }) where line.hasPrefix("| `") {
        let cell = line.dropFirst(2).prefix { $0 != "|" }
        let parts = cell.components(separatedBy: "`")
        for index in stride(from: 1, to: parts.count, by: 2) { names.insert(parts[index]) }
    }
    return names
}

/// The record object of one exported line, parsed from its proto3 JSON (every field printed).
func siasnRecordObject(_ response: Evaluation.ExportSiasnResponse) throws -> (endpoint: String, fields: [String: Any]) {
    let data = Data(response.jsonString(pretty: false, includingDefaults: true).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    for endpoint in ["kinerjaperiodik", "skp22"] {
        if let fields = object[endpoint] as? [String: Any] { return (endpoint, fields) }
    }
    Issue.record("a line without kinerjaperiodik or skp22: \(object.keys.sorted())")
    return ("", [:])
}

@Suite("SIASN export: SIASN's records of finalised evaluations, coded from the loaded reference table", .serialized)
struct SiasnServiceTests {
    static let periodikFields = ["id", "pnsDinilaiId", "periodikId", "tahun", "bulanMulaiPenilaian", "tahunMulaiPenilaian",
                                 "bulanSelesaiPenilaian", "tahunSelesaiPenilaian", "hasilKinerjaNilai", "perilakuKerjaNilai",
                                 "kuadranKinerjaNilai", "koefisienId", "penilaiNipNrp", "penilaiNama", "penilaiJabatanNama",
                                 "penilaiGolongan", "penilaiUnorNama", "statusPenilai", "path"]

    /// A complete sample table (codes invented for the test, not SIASN's): every golongan and NIP of
    /// the demo organisation except `withoutPNS`.
    static func table(_ fixture: EvaluationFixture, withoutPNS: String = "") -> Evaluation.SiasnReferenceTable {
        var codes: [Evaluation.SiasnReferenceCode] = []
        func add(_ reference: String, _ key: String, _ code: String) { codes.append(Evaluation.SiasnReferenceCode(reference: reference, key: key, code: code)) }
        for (key, code) in [("MONTHLY", "P-BLN"), ("QUARTERLY", "P-TW"), ("SEMESTER", "P-SMT"), ("ANNUAL", "P-THN")] { add("periodik", key, code) }
        for (key, code) in [("DI_ATAS", "11"), ("SESUAI", "12"), ("DI_BAWAH", "13")] { add("perilakuDanKinerja", key, code) }
        for (key, code) in [("SANGAT_BAIK", "21"), ("BAIK", "22"), ("BUTUH_PERBAIKAN", "23"), ("KURANG", "24"), ("SANGAT_KURANG", "25")] { add("kuadranNilai", key, code) }
        for key in SiasnReferences.jenjangKeys.values.sorted() { add("koefisien", key, "K-" + key) }
        let employees = fixture.identity.organisation.employees.map(\.employee)
        for golongan in Set(employees.map(\.golongan)).filter({ !$0.isEmpty }).sorted() { add("golonganPns", golongan, "G-" + golongan) }
        for employee in employees where employee.nip != withoutPNS && employee.nip.count == 18 { add("pns", employee.nip, "PNS-" + employee.nip) }
        return Evaluation.SiasnReferenceTable(codes: codes, source: "Kode contoh untuk pengujian (bukan kode SIASN)")
    }

    static func export(_ client: Evaluation.EvaluationService.Client, _ request: Evaluation.ExportSiasnRequest,
                       options: CallOptions = .defaults) async throws -> [Evaluation.ExportSiasnResponse] {
        try await client.exportSiasn(request, options: options) { responses in
            var rows: [Evaluation.ExportSiasnResponse] = []
            for try await row in responses { rows.append(row) }
            return rows
        }
    }

    /// Finalises a period of the Seksi Identitas rated into a compliant Baik curve.
    static func finalised(_ fixture: EvaluationFixture, _ period: Common.Period) async throws -> (Evaluation.EvaluationPeriod, [Evaluation.EmployeeEvaluation]) {
        let opened = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS", period: period)
        try await fixture.decide(opened, .baik)
        try await fixture.rateCompliantBaik(try await fixture.evaluations(opened.periodID))
        let pimpinan = try await fixture.pimpinanAbove(opened.unit?.unitID ?? "")
        _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: opened.periodID), options: pimpinan.options)
        return (opened, try await fixture.evaluations(opened.periodID))
    }

    @Test("docs/SIASN.md's two field tables are the records' fields")
    func documentedFields() throws {
        #expect(try siasnDocumentedFields("Periodic performance") == Set(Self.periodikFields))
        #expect(try siasnDocumentedFields("Annual SKP") == ["id", "pnsDinilaiOrang", "tahun", "hasilKinerjaNilai", "perilakuKerjaNilai",
                                                           "kuadranKinerjaNilai", "penilaiNipNrp", "penilaiNama", "penilaiJabatan",
                                                           "penilaiGolongan", "penilaiUnorNama", "statusPenilai", "path"])
    }

    @Test("a finalised triwulan: one kinerjaperiodik per employee with exactly the documented fields and the loaded codes; after reopening and finalising again each record replaces the earlier one")
    func triwulan() async throws {
        try await withEvaluation { fixture in
            let hr = try await fixture.signIn("pengelola")
            let (period, evaluations) = try await Self.finalised(fixture, currentTriwulan)
            try #require(evaluations.count >= 2)
            let withoutPNS = evaluations[0].employee?.nip ?? ""
            let stored = try await fixture.client.setSiasnReferences(Evaluation.SetSiasnReferencesRequest(
                table: Self.table(fixture, withoutPNS: withoutPNS), reason: "Referensi SIASN dimuat"), options: hr)
            let pengelola = try fixture.nip("pengelola")
            #expect(stored.table?.version == 1 && stored.table?.set?.principal == pengelola)
            let read = try await fixture.hrPortal.getSiasnReferences(Evaluation.GetSiasnReferencesRequest())
            #expect(read.versionCount == 1 && read.table == stored.table, "the HR portal reads the table loaded")

            let span = Evaluation.EvaluationSpan(year: currentTriwulan.year, kind: .quarterly, number: UInt32(currentTriwulan.triwulan.rawValue))
            let unit = try #require(period.unit)
            let rows = try await Self.export(fixture.hrPortal, Evaluation.ExportSiasnRequest(unit: unit, span: span))
            let documented = try siasnDocumentedFields("Periodic performance")
            try #require(!documented.isEmpty)
            #expect(rows.count == evaluations.count, "one record per finalised evaluation")
            #expect(rows.map { $0.source?.nip ?? "" } == evaluations.map { $0.employee?.nip ?? "" }.sorted(), "NIP order")
            let months = try #require(span.monthRange)
            for row in rows {
                let (endpoint, fields) = try siasnRecordObject(row)
                #expect(endpoint == "kinerjaperiodik")
                #expect(Set(fields.keys) == documented, "\(Set(fields.keys).symmetricDifference(documented))")
                guard case .kinerjaperiodik(let record)? = row.record, let source = row.source else { Issue.record("no record"); continue }
                let evaluation = try #require(evaluations.first { $0.evaluationID == source.evaluationID })
                #expect(source.recordID == "\(evaluation.evaluationID)/1/kinerjaperiodik" && source.replacesRecordID.isEmpty)
                #expect(source.snapshotSha256 == evaluation.snapshotSha256 && source.finalisationNumber == 1 && source.referenceVersion == 1)
                #expect(record.periodikID == "P-TW" && record.tahun == span.year)
                #expect(record.bulanMulaiPenilaian == months.lowerBound && record.bulanSelesaiPenilaian == months.upperBound)
                let ratingCodes: [Common.Rating: Int32] = [.diAtasEkspektasi: 11, .sesuaiEkspektasi: 12, .diBawahEkspektasi: 13]
                let predikatCodes: [Common.Predikat: Int32] = [.sangatBaik: 21, .baik: 22, .butuhPerbaikan: 23, .kurang: 24, .sangatKurang: 25]
                #expect(record.hasilKinerjaNilai == ratingCodes[evaluation.hasilKerja?.rating ?? .unspecified])
                #expect(record.perilakuKerjaNilai == ratingCodes[evaluation.perilakuKerja?.rating ?? .unspecified])
                #expect(record.kuadranKinerjaNilai == predikatCodes[evaluation.predikat])
                #expect(record.penilaiNama == evaluation.evaluator?.displayName && !record.penilaiNama.isEmpty)
                #expect(record.statusPenilai == "ASN" && record.penilaiNIPNrp == evaluation.evaluator?.nip)
                #expect(record.penilaiGolongan.hasPrefix("G-") && !record.penilaiUnorNama.isEmpty)
                if source.nip == withoutPNS {
                    #expect(record.pnsDinilaiID.isEmpty && source.missing.map(\.field) == ["pnsDinilaiId"], "a code missing is reported, not guessed")
                } else {
                    #expect(record.pnsDinilaiID == "PNS-" + source.nip && source.missing.isEmpty, "\(source.missing)")
                }
            }

            // Reopened, one rating corrected, finalised again: every record names the one it replaces.
            let pimpinan = try await fixture.pimpinanAbove(unit.unitID)
            _ = try await fixture.client.reopenPeriod(Evaluation.ReopenPeriodRequest(
                periodID: period.periodID, reason: "Koreksi atas keberatan pegawai yang diterima tim penilai kinerja"), options: pimpinan.options)
            let corrected = try #require(evaluations.last)
            try await fixture.rate(corrected, .diAtasEkspektasi, .diAtasEkspektasi)
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            let again = try await Self.export(fixture.client, Evaluation.ExportSiasnRequest(unit: unit, span: span), options: hr)
            #expect(again.count == rows.count)
            for (row, earlier) in zip(again, rows) {
                let source = try #require(row.source)
                #expect(source.finalisationNumber == 2 && source.recordID == "\(source.evaluationID)/2/kinerjaperiodik")
                #expect(source.replacesRecordID == earlier.source?.recordID && source.replacesSnapshotSha256 == earlier.source?.snapshotSha256)
                let fields = try siasnRecordObject(row).fields
                #expect(Set(fields.keys) == documented)
            }
            let changed = try #require(again.first { $0.source?.evaluationID == corrected.evaluationID })
            guard case .kinerjaperiodik(let record)? = changed.record else { Issue.record("no record"); return }
            #expect(record.hasilKinerjaNilai == 11 && record.kuadranKinerjaNilai == 21, "the corrected rating, Sangat Baik")
        }
    }

    @Test("a finalised year: a kinerjaperiodik of the year and an skp22 per employee, each with exactly its documented fields")
    func annual() async throws {
        try await withEvaluation { fixture in
            let hr = try await fixture.signIn("pengelola")
            _ = try await fixture.client.setSiasnReferences(Evaluation.SetSiasnReferencesRequest(table: Self.table(fixture), reason: "Referensi SIASN"), options: hr)
            let (period, evaluations) = try await Self.finalised(fixture, Common.Period(year: witaToday.year, kind: .annual))
            let rows = try await Self.export(fixture.hrPortal, Evaluation.ExportSiasnRequest(
                unit: period.unit, span: Evaluation.EvaluationSpan(year: witaToday.year, kind: .annual, number: 1)))
            #expect(rows.count == 2 * evaluations.count)
            let periodik = try siasnDocumentedFields("Periodic performance")
            let skp = try siasnDocumentedFields("Annual SKP")
            var endpoints: [String: Int] = [:]
            for row in rows {
                let (endpoint, fields) = try siasnRecordObject(row)
                endpoints[endpoint, default: 0] += 1
                #expect(Set(fields.keys) == (endpoint == "skp22" ? skp : periodik), "\(endpoint): \(fields.keys.sorted())")
                #expect(row.source?.recordID.hasSuffix("/1/" + endpoint) == true && row.source?.missing.isEmpty == true, "\(row.source?.missing ?? [])")
                switch row.record {
                case .skp22(let record)?:
                    #expect(record.tahun == witaToday.year && record.pnsDinilaiOrang == "PNS-" + (row.source?.nip ?? ""))
                case .kinerjaperiodik(let record)?:
                    #expect(record.periodikID == "P-THN" && record.bulanMulaiPenilaian == 1 && record.bulanSelesaiPenilaian == 12)
                case nil:
                    Issue.record("no record")
                }
            }
            #expect(endpoints == ["kinerjaperiodik": evaluations.count, "skp22": evaluations.count])
        }
    }

    @Test("bad input changes nothing: no table loaded, a table that does not parse names the field, a malformed span, an unknown unit, a period not finalised, the wrong caller (audited)")
    func badInput() async throws {
        try await withEvaluation { fixture in
            let hr = try await fixture.signIn("pengelola")
            let unit = Common.UnitScope(unitID: try await fixture.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS"))
            let span = Evaluation.EvaluationSpan(year: currentTriwulan.year, kind: .quarterly, number: UInt32(currentTriwulan.triwulan.rawValue))
            let refusal = try await fixture.refused(.failedPrecondition, reason: "SIASN_REFERENCES_MISSING", "an export before any table is loaded") {
                try await Self.export(fixture.hrPortal, Evaluation.ExportSiasnRequest(unit: unit, span: span))
            }
            #expect(refusal?.message.contains("SetSiasnReferences") == true && refusal?.message.contains("siasn-references set") == true,
                    "the refusal names what to load: \(refusal?.message ?? "")")

            let good = Self.table(fixture)
            var incomplete = good
            incomplete.codes.removeAll { $0.reference == "kuadranNilai" && $0.key == "KURANG" }
            var unknown = good
            unknown.codes[0].reference = "jabatan"
            var notNumber = good
            let kuadran = try #require(good.codes.firstIndex { $0.reference == "kuadranNilai" })
            notNumber.codes[kuadran].code = "B"
            var badNIP = good
            let pns = try #require(good.codes.firstIndex { $0.reference == "pns" })
            badNIP.codes[pns].key = "1990"
            var twice = good
            twice.codes.append(good.codes[1])
            var wrongKey = good
            wrongKey.codes[0].key = "WEEKLY"
            var noSource = good
            noSource.source = "  "
            let tables: [(Evaluation.SiasnReferenceTable, String)] = [
                (incomplete, "table.codes"), (unknown, "table.codes[0].reference"), (notNumber, "table.codes[\(kuadran)].code"),
                (badNIP, "table.codes[\(pns)].key"), (twice, "table.codes[\(good.codes.count)].key"), (wrongKey, "table.codes[0].key"),
                (noSource, "table.source"),
            ]
            for (table, field) in tables {
                let refusal = try await fixture.refused(.invalidArgument, Comment(rawValue: "a table with a bad \(field)")) {
                    try await fixture.client.setSiasnReferences(Evaluation.SetSiasnReferencesRequest(table: table, reason: "Referensi SIASN"), options: hr)
                }
                #expect(refusal?.message.hasPrefix(field + ":") == true, "\(refusal?.message ?? "") names \(field)")
            }
            try await fixture.refused(.permissionDenied, "the pimpinan loading the table") {
                try await fixture.client.setSiasnReferences(Evaluation.SetSiasnReferencesRequest(table: good, reason: "Referensi SIASN"),
                                                            options: try await fixture.signIn("pimpinan"))
            }
            _ = try await fixture.client.setSiasnReferences(Evaluation.SetSiasnReferencesRequest(table: good, reason: "Referensi SIASN"), options: hr)
            try await fixture.refused(.permissionDenied, "a pegawai reading the table (it maps NIPs to SIASN ids)") {
                try await fixture.client.getSiasnReferences(Evaluation.GetSiasnReferencesRequest(), options: try await fixture.signIn("pegawai"))
            }
            try await fixture.refused(.notFound, reason: "SIASN_REFERENCES_NOT_FOUND", "a version never stored") {
                try await fixture.client.getSiasnReferences(Evaluation.GetSiasnReferencesRequest(version: 9), options: hr)
            }
            try await fixture.refused(.aborted, "a stale expected_version") {
                try await fixture.client.setSiasnReferences(Evaluation.SetSiasnReferencesRequest(table: good, reason: "Referensi SIASN", expectedVersion: 7), options: hr)
            }

            for (bad, what) in [(Evaluation.EvaluationSpan(year: span.year, kind: .quarterly, number: 5), "triwulan 5"),
                                (Evaluation.EvaluationSpan(year: 1999, kind: .annual, number: 1), "year 1999"),
                                (Evaluation.EvaluationSpan(year: span.year, kind: .unspecified, number: 1), "no kind")] {
                try await fixture.refused(.invalidArgument, Comment(rawValue: what)) {
                    try await Self.export(fixture.hrPortal, Evaluation.ExportSiasnRequest(unit: unit, span: bad))
                }
            }
            try await fixture.refused(.invalidArgument, "no span") {
                try await Self.export(fixture.hrPortal, Evaluation.ExportSiasnRequest(unit: unit))
            }
            try await fixture.refused(.notFound, reason: "UNIT_NOT_FOUND", "an unknown unit") {
                try await Self.export(fixture.hrPortal, Evaluation.ExportSiasnRequest(unit: Common.UnitScope(unitID: "01J9Z3K5W8T4M6N2P0Q7R1S3V5"), span: span))
            }
            try await fixture.refused(.failedPrecondition, reason: "PERIOD_NOT_FINALISED", "a span with no finalised period") {
                try await Self.export(fixture.hrPortal, Evaluation.ExportSiasnRequest(unit: unit, span: span))
            }
            for who in ["pimpinan", "pegawai"] {
                try await fixture.refused(.permissionDenied, Comment(rawValue: "\(who) exporting")) {
                    try await Self.export(fixture.client, Evaluation.ExportSiasnRequest(unit: unit, span: span), options: try await fixture.signIn(who))
                }
            }
            let denied = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/ExportSiasn")
            for who in ["pimpinan", "pegawai"] {
                let nip = try fixture.nip(who)
                #expect(denied.contains { $0.outcome == .denied && $0.principal == nip }, "\(who)'s refusal is audited")
            }
        }
    }
}
