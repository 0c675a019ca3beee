import Foundation
import GRDB
import KinerjaASN
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// `kinerjactl eval document` / `verify-document`, the `--plot` charts and `eval summary` against
/// make run's five services with their demo data, as real processes over real TLS.
@Suite("kinerjactl evaluation documents and plots against the five demo services", .serialized)
struct EvaluationDocumentEndToEndTests {
    @Test("a demo employee's finalised triwulan prints as a document that verifies; a changed byte, a reopened period and an open triwulan do not; the plots and the summary are written")
    func documentsAndPlots() async throws {
        let today = Wita.today(now: Date())
        guard today.month > 3 else { return } // no triwulan of the demo year has ended before April
        let dir = NSTemporaryDirectory() + "kinerja-e2e-eval-documents-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let identity = try await IdentityProcess.start(directory: dir)
        var processes: [RunningProcess] = [identity.running]
        defer {
            for process in processes.reversed() { process.stop() }
            try? FileManager.default.removeItem(atPath: dir)
        }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: true)
        processes.append(planning.running)
        let reporting = try await ReportingProcess.start(directory: dir, identity: identity, planning: planning, demo: true)
        processes.append(reporting.running)
        let feedback = try await FeedbackProcess.start(directory: dir, identity: identity, planning: planning, demo: true)
        processes.append(feedback.running)
        let evaluation = try await EvaluationProcess.start(directory: dir, identity: identity.port, planning: planning.port,
                                                           reporting: reporting.port, feedback: feedback.port, demo: true)
        processes.append(evaluation.running)
        let services = ["--reporting", "127.0.0.1:\(reporting.port)", "--evaluation", "127.0.0.1:\(evaluation.port)"]
        func ctl(_ persona: String, _ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await identity.ctl(arguments + services, session: persona, planning: planning.port, feedback: feedback.port)
        }
        for persona in ["pengelola"] {
            let nip = try IdentityProcess.persona(persona, in: dir)
            let login = try await identity.ctl(["login", "--nip", nip, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n", session: persona)
            #expect(login.status == 0, "\(login.stderr)")
        }
        let q1 = "\(today.year)-Q1"
        // A finalised evaluation of someone in the demo pegawai's seksi (the pegawai's own SKP is a draft, so
        // they are not evaluated): the seksi's reports, evidence and feedback are the demo's richest.
        let seksi = try identity.readStore { db in
            try String.fetchOne(db, sql: "SELECT unit_id FROM unit WHERE code = 'KPG.DUKCAPIL.DAFDUK.IDENTITAS'") ?? ""
        }
        let (evaluationID, pegawai) = try evaluation.readStore { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT evaluation_id, nip FROM employee_evaluation WHERE state = 5 AND unit_id = ? ORDER BY span_key, nip LIMIT 1
                """, arguments: [seksi])
            return (row?["evaluation_id"] as String? ?? "", row?["nip"] as String? ?? "")
        }
        try #require(!evaluationID.isEmpty, "the demo has a finalised evaluation in Seksi Identitas Penduduk")

        // The document of a finalised triwulan, and its verification.
        let pdf = "\(dir)/evaluasi.pdf"
        let written = try await ctl("pengelola", ["eval", "document", evaluationID, "-o", pdf, "--json"])
        #expect(written.status == 0, "\(written.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(written.stdout.utf8)) as? [String: Any], "\(written.stdout)")
        let periodID = try #require(summary["periodId"] as? String)
        let hash = try #require(summary["snapshotSha256"] as? String)
        #expect(hash.count == 64 && (summary["pages"] as? Int ?? 0) >= 2)
        var verified = try await ctl("pengelola", ["eval", "verify-document", pdf])
        #expect(verified.status == 0 && verified.stdout.hasPrefix("VERIFIED"), "\(verified.stdout)\(verified.stderr)")
        if let text = Self.pdftotext(pdf) {
            for shown in ["DOKUMEN EVALUASI KINERJA PEGAWAI", "PEJABAT PENILAI KINERJA", "ATASAN PEJABAT PENILAI KINERJA", "laporan terverifikasi",
                          "PREDIKAT KINERJA PEGAWAI", "FINALISASI ELEKTRONIK"] {
                #expect(text.contains(shown), "\(shown) missing from the demo document")
            }
        }

        // One changed byte of the stamped hash (in the Keywords): a mismatch, exit 5.
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: pdf)))
        let needle = Array("snapshot_sha256=\(hash)".utf8)
        let index = try #require((0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        bytes[index + needle.count - 1] = bytes[index + needle.count - 1] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        try Data(bytes).write(to: URL(fileURLWithPath: "\(dir)/palsu.pdf"))
        let forged = try await ctl("pengelola", ["eval", "verify-document", "\(dir)/palsu.pdf"])
        #expect(forged.status == 5 && forged.stdout.hasPrefix("MISMATCH"), "\(forged.stdout)\(forged.stderr)")

        // The triwulan still open has no document: exit 8, no file.
        let open = "\(today.year)-Q\((Int(today.month) - 1) / 3 + 1)"
        let refused = try await ctl("pengelola", ["eval", "document", "--nip", pegawai, "--period", open, "-o", "\(dir)/terbuka.pdf"])
        #expect(refused.status == 8 && refused.stderr.contains("not finalised"), "\(refused.stdout)\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/terbuka.pdf"))

        // The plots and the unit summary from the demo data.
        let plots: [(name: String, arguments: [String])] = [
            ("kurva.png", ["eval", "quotas", "--unit", "KPG.DUKCAPIL", "--period", q1]),
            ("distribusi.png", ["eval", "distribution", "--period", q1]),
            ("leniensi.svg", ["eval", "leniency", "--unit", "KPG.DUKCAPIL", "--subunits", "--period", q1]),
            ("capaian.png", ["report", "progress", "--unit", "KPG.DUKCAPIL", "--subunits", "--year", "\(today.year)"]),
        ]
        for plot in plots {
            let result = try await ctl("pengelola", plot.arguments + ["--plot", "\(dir)/\(plot.name)"])
            #expect(result.status == 0, "\(plot.name): \(result.stderr)")
            let data = [UInt8](FileManager.default.contents(atPath: "\(dir)/\(plot.name)") ?? Data())
            if plot.name.hasSuffix(".png") {
                #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(plot.name) is a PNG")
            } else {
                #expect(String(decoding: data, as: UTF8.self).contains("<svg"), "\(plot.name) is an SVG")
            }
        }
        let ringkasan = try await ctl("pengelola", ["eval", "summary", "--unit", "KPG.DUKCAPIL", "--period", q1, "-o", "\(dir)/ringkasan.pdf"])
        #expect(ringkasan.status == 0, "\(ringkasan.stderr)")
        Self.keep(dir, ["evaluasi.pdf", "kurva.png", "distribusi.png", "leniensi.svg", "capaian.png", "ringkasan.pdf"])

        // The pimpinan above Dukcapil (the Sekda, the Kepala Dinas's penilai) reopens the period: the
        // finalisation the document was printed from is superseded, exit 7.
        let sekda = try identity.readStore { db in try String.fetchOne(db, sql: "SELECT head_nip FROM unit WHERE code = 'KPG.SETDA'") ?? "" }
        let sessions = try Sessions(identity: identity, directory: dir)
        let asSekda = try await sessions.nip(sekda, hr: try await sessions.persona("pengelola"))
        let (client, transport) = try evaluation.client(.client("operator"))
        _ = try await client.reopenPeriod(Evaluation.ReopenPeriodRequest(periodID: periodID, reason: "Koreksi penilaian setelah keberatan pegawai (uji)"),
                                          options: asSekda)
        await transport.close()
        await sessions.close()
        verified = try await ctl("pengelola", ["eval", "verify-document", pdf])
        #expect(verified.status == 7 && verified.stdout.hasPrefix("SUPERSEDED"), "\(verified.stdout)\(verified.stderr)")
    }

    /// The text pdftotext reads from `path`; nil without poppler-utils.
    static func pdftotext(_ path: String) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-enc", "UTF-8", path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Copies what the test wrote to `$KINERJA_DOCUMENTS_PREVIEW` so a person can look at it.
    static func keep(_ dir: String, _ names: [String]) {
        guard let folder = ProcessInfo.processInfo.environment["KINERJA_DOCUMENTS_PREVIEW"], !folder.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in names {
            try? FileManager.default.removeItem(atPath: "\(folder)/demo-\(name)")
            try? FileManager.default.copyItem(atPath: "\(dir)/\(name)", toPath: "\(folder)/demo-\(name)")
        }
    }
}
