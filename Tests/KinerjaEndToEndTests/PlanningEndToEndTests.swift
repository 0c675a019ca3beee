import KinerjaASN
import Foundation
import KinerjaTestSupport
import GRDB
import KinerjaIdentity
import KinerjaProto
import Testing

/// `kinerja-planning` beside `kinerja-identity`, both real processes, driven by `kinerjactl skp`.
@Suite("kinerja-planning with identity as real processes", .serialized)
struct PlanningEndToEndTests {
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "kinerja-e2e-planning-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func login(_ identity: IdentityProcess, _ persona: String, in dir: String) async throws {
        let nip = try IdentityProcess.persona(persona, in: dir)
        let result = try await identity.ctl(["login", "--nip", nip, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n", session: persona)
        #expect(result.status == 0, "\(persona): \(result.stderr)")
    }

    @Test("the demo flow through kinerjactl: draft → submit → return → revise → submit → approve by the real atasan; show prints the cascade")
    func demoFlow() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop() }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: true)
        defer { planning.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        try await login(identity, "pegawai", in: dir)
        try await login(identity, "atasan", in: dir)
        let nip = try IdentityProcess.persona("pegawai", in: dir)
        let year = String(Wita.today(now: Date()).year)
        let p = planning.port
        let shown = try await identity.ctl(["skp", "show", "--nip", nip, "--year", year], session: "pegawai", planning: p)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Intervenes:"), "the cascade link is shown")
        let json = try await identity.ctl(["skp", "show", "--nip", nip, "--year", year, "--json"], session: "pegawai", planning: p)
        let skpID = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            .flatMap { $0["skp"] as? [String: Any] }?["skpId"] as? String)
        for (session, command) in [("pegawai", ["skp", "submit", skpID]),
                                   ("atasan", ["skp", "return", skpID, "--note", "Target IKI 1 terlalu rendah dibanding realisasi tahun lalu"]),
                                   ("pegawai", ["skp", "revise", skpID, "--reason", "menyesuaikan target"]),
                                   ("pegawai", ["skp", "submit", skpID]),
                                   ("atasan", ["skp", "approve", skpID, "--note", "Disetujui"])] {
            let result = try await identity.ctl(command, session: session, planning: p)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        // The pegawai cannot approve their own SKP; the refusal is one line with the status.
        let denied = try await identity.ctl(["skp", "return", skpID, "--note", "x"], session: "pegawai", planning: p)
        #expect(denied.status != 0)
        #expect(denied.stderr.hasPrefix("error: "))
        let versions = try await identity.ctl(["skp", "versions", skpID], session: "pegawai", planning: p)
        #expect(versions.stdout.contains("Dikembalikan"))
        #expect(versions.stdout.contains("Disetujui"))
        let matrix = try await identity.ctl(["skp", "matrix", "--unit-code", "KPG.DUKCAPIL", "--year", year], session: "atasan", planning: p)
        #expect(matrix.status == 0, "\(matrix.stderr)")
    }

    @Test("through the year with kinerjactl: Lampiran and update-iki on the draft, the stamp after approval, an amendment the owner sees once, compliance, a transfer undone, a mistaken draft deleted")
    func throughTheYear() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop() }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: true)
        defer { planning.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        for persona in ["pegawai", "atasan", "pengelola", "walikota"] { try await login(identity, persona, in: dir) }
        let nip = try IdentityProcess.persona("pegawai", in: dir)
        // The non-ASN Wali Kota signs in with kinerjactl like anyone else and sees the Sekda's approved SKP.
        let sekda = try await identity.ctl(["skp", "list", "--inbox", "--state", "disetujui"], session: "walikota", planning: planning.port)
        #expect(sekda.status == 0 && !sekda.stdout.contains("No SKP"), "\(sekda.stdout) \(sekda.stderr)")
        let thisYear = Wita.today(now: Date()).year
        let year = String(thisYear)
        let p = planning.port
        func run(_ session: String, _ command: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
            let result = try await identity.ctl(command, session: session, planning: p)
            return (result.status, result.stdout, result.stderr)
        }
        let json = try await run("pegawai", ["skp", "show", "--nip", nip, "--year", year, "--json"])
        let skp = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["skp"] as? [String: Any])
        let skpID = try #require(skp["skpId"] as? String)
        let rhks = try #require(skp["rhks"] as? [[String: Any]])
        let ikiID = try #require((rhks.first?["ikis"] as? [[String: Any]])?.first?["ikiId"] as? String)

        var result = try await run("pegawai", ["skp", "lampiran", skpID, "--konsekuensi", "Capaian di bawah target dibahas dalam dialog kinerja"])
        #expect(result.status == 0, "\(result.stderr)")
        result = try await run("pegawai", ["skp", "update-iki", skpID, ikiID, "--indicator", "Jumlah dokumen kependudukan diterbitkan"])
        #expect(result.status == 0, "\(result.stderr)")
        result = try await run("pegawai", ["skp", "submit", skpID])
        #expect(result.status == 0, "\(result.stderr)")
        result = try await run("atasan", ["skp", "approve", skpID])
        #expect(result.status == 0, "\(result.stderr)")
        result = try await run("atasan", ["skp", "amend-expect", skpID, "--value", "akuntabel", "--text", "Laporan mingguan setiap Senin",
                                          "--reason", "menegaskan ritme laporan"])
        #expect(result.status == 0, "\(result.stderr)")
        let shown = try await run("pegawai", ["skp", "show", skpID])
        #expect(shown.stdout.contains("Approval stamp:") && shown.stdout.contains("SHA-256:"), "\(shown.stdout)")
        #expect(shown.stdout.contains("★ 1 new amendment"))
        #expect(shown.stdout.contains("Capaian di bawah target dibahas dalam dialog kinerja"))
        #expect(shown.stdout.contains("Jumlah dokumen kependudukan diterbitkan"))
        let again = try await run("pegawai", ["skp", "show", skpID])
        #expect(!again.stdout.contains("★"), "read once, then marked read")

        // The printed SKP: a real PDF with the Lampiran and the stamp's hash, which verifies against the stored body.
        let stamp = try #require(((try JSONSerialization.jsonObject(with: Data(try await run("pegawai", ["skp", "show", skpID, "--json"]).stdout.utf8))
            as? [String: Any])?["skp"] as? [String: Any])?["approval"] as? [String: Any])
        let hash = try #require(stamp["bodySha256"] as? String)
        let pdf = "\(dir)/skp.pdf"
        result = try await run("pegawai", ["skp", "print", skpID, "--out", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Self.pdfText(pdf)
        #expect(text.contains("Konsekuensi") || text.contains("KONSEKUENSI"), "the Lampiran is printed")
        #expect(text.contains("Capaian di bawah target dibahas"), "the Lampiran's item is printed")
        #expect(text.filter { !$0.isWhitespace }.contains(hash), "the stamp's SHA-256 is printed")
        result = try await run("atasan", ["skp", "verify-print", pdf])
        #expect(result.status == 0 && result.stdout.contains("VERIFIED"), "\(result.stdout) \(result.stderr)")
        // A printout whose mark names another body's hash is a mismatch (exit 5), not a pass.
        let forged = try String(contentsOfFile: pdf, encoding: .isoLatin1).replacingOccurrences(of: "body_sha256=\(hash)",
                                                                                                 with: "body_sha256=\(String(repeating: "0", count: 64))")
        try forged.write(toFile: "\(dir)/forged.pdf", atomically: true, encoding: .isoLatin1)
        result = try await run("atasan", ["skp", "verify-print", "\(dir)/forged.pdf"])
        #expect(result.status != 0 && !result.stdout.contains("VERIFIED"), "\(result.stdout) \(result.stderr)")

        let compliance = try await run("pengelola", ["skp", "compliance", "--unit-code", "KPG.DUKCAPIL", "--subunits"])
        #expect(compliance.status == 0, "\(compliance.stderr)")
        #expect(compliance.stdout.hasPrefix("Counts: ") && compliance.stdout.contains(nip))
        #expect(try await run("pegawai", ["skp", "compliance", "--unit-code", "KPG.DUKCAPIL"]).status != 0)

        // A transfer on 1 December closes the approved SKP on 30 November; deleting the new draft undoes it.
        let transfer = try await run("pegawai", ["skp", "create", "--transfer", "--period-start", "\(year)-12-01", "--json"])
        #expect(transfer.status == 0, "\(transfer.stderr)")
        let newID = try #require(((try JSONSerialization.jsonObject(with: Data(transfer.stdout.utf8)) as? [String: Any])?["skp"]
            as? [String: Any])?["skpId"] as? String)
        let listed = try await run("pegawai", ["skp", "list"])
        #expect(listed.stdout.contains(skpID) && listed.stdout.contains(newID))
        #expect(try await run("pegawai", ["skp", "delete", skpID, "--reason", "x"]).status != 0, "an approved SKP is never deleted")
        result = try await run("pegawai", ["skp", "delete", newID, "--reason", "mutasi dibatalkan"])
        #expect(result.status == 0, "\(result.stderr)")
        let reopened = try await run("pegawai", ["skp", "show", skpID])
        #expect(reopened.stdout.contains("\(year)-01-01 – \(year)-12-31") || reopened.stdout.contains("– \(year)-12-31"), "\(reopened.stdout)")
        let listedAfter = try await run("pegawai", ["skp", "list"])
        #expect(!listedAfter.stdout.contains(newID))
    }

    /// The text of a PDF as poppler's `pdftotext` reads it.
    static func pdfText(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("SIGKILL during a bulk SKP import: after restart every stored RHK is whole, integrity_check is ok, the audit chain verifies, and re-running completes it without duplicates")
    func killDuringSkpImport() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop() }
        var planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: false)
        defer { planning.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        try await login(identity, "pegawai", in: dir)
        let nip = try IdentityProcess.persona("pegawai", in: dir)
        let year = Wita.today(now: Date()).year
        // 30 RHKs (the most an SKP holds) with 3 IKIs each, quarterly targets that add up.
        var csv = "nip,year,approach,rhk_kind,rhk_text,aspek,indicator,target,unit,tw1,tw2,tw3,tw4\n"
        for r in 1...30 {
            for i in 1...3 {
                csv += "\(nip),\(year),kuantitatif,\(r == 30 ? "tambahan" : "utama"),Hasil kerja nomor \(r),kuantitas,Jumlah keluaran \(r).\(i),\(400 * i),dokumen,\(100 * i),\(100 * i),\(100 * i),\(100 * i)\n"
            }
        }
        let file = "\(dir)/skp.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let pki = try TestPKI.directory()
        let importer = try RunningProcess(
            executable: "\(Paths.bin)/kinerjactl",
            arguments: ["skp", "import", file, "--server", "127.0.0.1:\(identity.port)", "--planning", "127.0.0.1:\(planning.port)", "--pki", pki],
            environment: ["KINERJACTL_SESSION": "\(dir)/pegawai.json"], directory: dir, name: "skp-import")
        // Kill planning once a few RHKs are stored and more are on their way.
        let deadline = Date().addingTimeInterval(180)
        while (try? planning.readStore { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM rhk_link") ?? 0 }) ?? 0 < 2 {
            if Date() > deadline || !importer.process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        planning.running.signal(SIGKILL)
        let interrupted = try await importer.waitForExit()
        #expect(interrupted != 0, "the import was cut off by the kill")
        planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: false, name: "planning-restarted", port: planning.port)
        let (rhks, ikis, check) = try planning.readStore { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM rhk_link") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM iki_link") ?? 0,
             try String.fetchAll(db, sql: "PRAGMA integrity_check"))
        }
        #expect(check == ["ok"])
        #expect(rhks >= 2 && rhks < 30)
        #expect(ikis == rhks * 3, "an RHK is stored with all its IKIs or not at all")
        let verify = try RunningProcess(executable: "\(Paths.bin)/kinerja-planning", arguments: ["audit", "verify", "--config", planning.configPath],
                                        directory: dir, name: "verify")
        #expect(try await verify.waitForExit() == 0, "\(verify.stdout)")
        let again = try await identity.ctl(["skp", "import", file], session: "pegawai", planning: planning.port)
        #expect(again.status == 0, "\(again.stderr)")
        let (finalRhks, finalIkis) = try planning.readStore { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM rhk_link") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM iki_link") ?? 0)
        }
        #expect(finalRhks == 30)
        #expect(finalIkis == 90)
    }
}
