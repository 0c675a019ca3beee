import Foundation
import GRDB
import KinerjaProto
import KinerjaTestSupport
import Testing
@testable import kinerjactl

/// `kinerjactl my-data` against the five real services in-process (mutual TLS, SQLite, the demo
/// year, seed 2026): the archive of the demo pegawai, and the refusals of ExportPersonalData.
@Suite("My data (UU PDP): the archive across the five services", .serialized)
struct PersonalDataExportTests {
    /// The five services' transports, as kinerjactl reaches them (the operator's certificate).
    static func transport(_ fixture: EvaluationFixture) -> (String) throws -> any ClientTransport {
        { service in
            switch service {
            case "identity": return fixture.identity.transport(.client("operator"))
            case "planning": return try #require(fixture.planning).service.transport(as: .client("operator"))
            case "reporting": return try #require(fixture.reporting).transport(as: .client("operator"))
            case "feedback": return try #require(fixture.feedback).transport(as: .client("operator"))
            default: return try fixture.service.transport(as: .client("operator"))
            }
        }
    }

    static func collect(_ fixture: EvaluationFixture, nip: String, reason: String = "", as options: CallOptions) async throws
        -> [String: [Common.PersonalDataRecord]] {
        try await PersonalDataCollection.collect { service in
            try await PersonalDataCollection.export(service, nip: nip, reason: reason, options: options, transport: transport(fixture))
        }
    }

    /// The people an archive may name besides the person, read from the person's own records:
    /// the atasan on the employee record; the atasan and the pejabat penilai on each SKP; the
    /// verifier of each daily report; the evaluator of each evaluation; the giver of feedback
    /// received from an atasan (not a rekan kerja); the atasan of each dialog; the coach of each
    /// coaching session.
    static func named(in records: [Common.PersonalDataRecord]) throws -> Set<String> {
        var named = Set<String>()
        for record in records {
            switch record.typeName {
            case Identity.Employee.protoName: named.insert(try Identity.Employee(serializedBytes: record.message).atasanNIP)
            case Planning.Skp.protoName:
                let skp = try Planning.Skp(serializedBytes: record.message)
                named.formUnion([skp.atasanNIP, skp.penilai?.penilai?.nip ?? "", skp.approval?.penilai?.penilai?.nip ?? ""])
            case Reporting.DailyReport.protoName: named.insert(try Reporting.DailyReport(serializedBytes: record.message).verifierNIP)
            case Evaluation.EmployeeEvaluation.protoName:
                named.insert(try Evaluation.EmployeeEvaluation(serializedBytes: record.message).evaluator?.nip ?? "")
            case Feedback.ContinuousFeedback.protoName where record.kind == "feedback-received":
                let item = try Feedback.ContinuousFeedback(serializedBytes: record.message)
                if !item.fromRekanKerja { named.insert(item.giverNIP) }
            case Feedback.DialogRecord.protoName: named.insert(try Feedback.DialogRecord(serializedBytes: record.message).atasanNIP)
            case Feedback.CoachingRecord.protoName: named.insert(try Feedback.CoachingRecord(serializedBytes: record.message).coachNIP)
            default: break
            }
        }
        named.remove("")
        return named
    }

    /// Every run of exactly 18 digits in `text`.
    static func nips(in text: String) -> Set<String> {
        var found = Set<String>()
        var run = ""
        for character in text + " " {
            if character.isASCII, character.isNumber { run.append(character) } else {
                if run.count == 18 { found.insert(run) }
                run = ""
            }
        }
        return found
    }

    static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes `records` of `nip` as the archive, reads it back with the system's tar, checks its
    /// MANIFEST with sha256sum, and checks whom it names: every 18-digit number is `nip` or named
    /// on the person's own records (``named(in:)``), and no other employee's full name appears.
    static func checkArchive(_ fixture: EvaluationFixture, nip: String, records: [String: [Common.PersonalDataRecord]]) async throws {
        // The archive, read by the system's tar and checked by sha256sum.
        let archive = PersonalDataArchive(nip: nip, exportedBy: nip, reason: "", exportedAt: 1_790_000_000, records: records)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("my-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(try archive.tar()).write(to: folder.appendingPathComponent("my-data.tar"))
        let listing = try Self.run(["tar", "-tf", "my-data.tar"], in: folder)
        #expect(listing.status == 0, "\(listing.output)")
        let expected = PersonalDataArchive.services.map { "kinerja-my-data-\(nip)/\($0).jsonl" }
            + ["kinerja-my-data-\(nip)/EXPORT.json", "kinerja-my-data-\(nip)/MANIFEST"]
        #expect(listing.output.split(separator: "\n").map(String.init) == expected)
        #expect(try Self.run(["tar", "-xf", "my-data.tar"], in: folder).status == 0)
        let inside = folder.appendingPathComponent("kinerja-my-data-\(nip)")
        let check = try Self.run(["sha256sum", "-c", "MANIFEST"], in: inside)
        #expect(check.status == 0 && check.output.contains("evaluation.jsonl: OK"), "\(check.output)")

        // Whom the archive names.
        var text = ""
        for file in expected.dropLast() {
            text += try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        for line in try String(contentsOf: inside.appendingPathComponent("planning.jsonl"), encoding: .utf8).split(separator: "\n") {
            #expect(line.hasPrefix("{\"kind\":\"") && line.contains("\"record\":{"))
        }
        let allowed = try Self.named(in: Array(records.values.joined())).union([nip])
        #expect(allowed.count >= 2, "the records name at least the atasan")
        let found = Self.nips(in: text)
        #expect(found.contains(nip))
        #expect(found.subtracting(allowed).isEmpty, "other people's NIPs in the archive: \(found.subtracting(allowed).sorted())")
        let employees = try await fixture.employees()
        let allowedNames = employees.filter { allowed.contains($0.nip) }.map(\.fullName)
        let others = employees.filter { !allowed.contains($0.nip) && $0.fullName.count >= 8 }
            .map(\.fullName).filter { name in !allowedNames.contains { $0.contains(name) } }
        let leaked = others.filter { text.contains($0) }
        #expect(leaked.isEmpty, "other people's names in the archive: \(leaked)")
    }

    @Test("the demo pegawai's archive: their records from identity, planning, reporting and feedback and evaluation's trail (their SKP is a draft: no evaluation), an evaluated colleague's with evaluations and snapshots; each a tar that tar reads with a MANIFEST that sha256sum checks, naming nobody but the person and the atasan/penilai on their own records; then the refusals: someone else's data without the role (PERMISSION_DENIED, audited), an unknown NIP (NOT_FOUND), no reason on someone's behalf and a malformed NIP (INVALID_ARGUMENT, nothing written); pengelola kinerja with a reason (audited with it)")
    func demoPegawai() async throws {
        try await withEvaluation(peers: .real, demo: true) { fixture in
            let pegawai = try fixture.nip("pegawai")
            let options = try await fixture.signIn("pegawai")
            let records = try await Self.collect(fixture, nip: pegawai, as: options)

            for service in PersonalDataArchive.services where service != "evaluation" {
                let own = (records[service] ?? []).filter { $0.kind != "audit-event" }
                #expect(!own.isEmpty, "\(service) exported no record of the pegawai")
            }
            let kinds = Set(records.values.joined().map(\.kind))
            for kind in ["employee", "account", "session", "skp-version", "daily-report", "feedback-received", "audit-event"] {
                #expect(kinds.contains(kind), "no \(kind) record")
            }
            // The demo pegawai's SKP is a draft, so evaluation holds no evaluation of them: its part is
            // the processing trail, which already shows this export.
            let trail = try (records["evaluation"] ?? []).filter { $0.kind == "audit-event" }.map { try Common.AuditEvent(serializedBytes: $0.message) }
            let exportPath = Evaluation.EvaluationService.Method.exportPersonalData.path
            #expect(trail.contains { $0.target == pegawai && $0.action == exportPath && $0.detail == "the person's own request" })
            try await Self.checkArchive(fixture, nip: pegawai, records: records)

            // A colleague in the pegawai's seksi with a finalised evaluation: evaluations and snapshots, named the same way.
            let unit = try Identity.Employee(serializedBytes: try #require(records["identity"]?.first { $0.kind == "employee" }).message).unitID
            let colleague = try await fixture.service.store.pool.read { db in
                try String.fetchOne(db, sql: "SELECT nip FROM employee_evaluation WHERE state = ? AND unit_id = ? ORDER BY span_key, nip LIMIT 1",
                                    arguments: [Evaluation.EvaluationState.finalised.rawValue, unit])
            }
            let evaluated = try #require(colleague, "the demo has a finalised evaluation in the pegawai's seksi")
            let theirs = try await Self.collect(fixture, nip: evaluated, as: try await fixture.signIn(nip: evaluated))
            let evaluationKinds = Set((theirs["evaluation"] ?? []).map(\.kind))
            #expect(evaluationKinds.isSuperset(of: ["evaluation", "evaluation-snapshot", "audit-event"]), "\(evaluationKinds)")
            for service in PersonalDataArchive.services {
                #expect((theirs[service] ?? []).contains { $0.kind != "audit-event" }, "\(service) exported no record of \(evaluated)")
            }
            try await Self.checkArchive(fixture, nip: evaluated, records: theirs)

            // Someone else's data without the role: refused by every service, and audited.
            let first = try #require(records["identity"]?.first { $0.kind == "employee" })
            let atasan = try Identity.Employee(serializedBytes: first.message).atasanNIP
            try #require(atasan.count == 18, "the demo pegawai has an atasan")
            for service in PersonalDataArchive.services {
                await #expect(throws: RPCError.self) {
                    _ = try await PersonalDataCollection.export(service, nip: atasan, reason: "ingin tahu saja", options: options,
                                                                transport: Self.transport(fixture))
                }
                do {
                    _ = try await PersonalDataCollection.export(service, nip: atasan, reason: "ingin tahu saja", options: options,
                                                                transport: Self.transport(fixture))
                } catch let error as RPCError {
                    #expect(error.code == .permissionDenied, "\(service): \(error)")
                }
            }
            let denied = try await fixture.service.store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = ? AND target = ? AND principal = ? AND outcome = ?",
                                 arguments: [Evaluation.EvaluationService.Method.exportPersonalData.path, atasan, pegawai,
                                             Common.AuditOutcome.denied.rawValue]) ?? 0
            }
            #expect(denied == 2)

            // An unknown NIP (admin may export anyone's): NOT_FOUND.
            let admin = try await fixture.signIn("admin")
            let unknown = String(pegawai.prefix(15)) + (pegawai.hasSuffix("999") ? "998" : "999")
            #expect(try await !fixture.employees().contains { $0.nip == unknown })
            do {
                _ = try await PersonalDataCollection.export("planning", nip: unknown, reason: "permintaan tertulis 12/2026", options: admin,
                                                            transport: Self.transport(fixture))
                Issue.record("an unknown NIP was exported")
            } catch let error as RPCError {
                #expect(error.code == .notFound, "\(error)")
            }

            // On someone's behalf without a reason, or a malformed NIP: INVALID_ARGUMENT, nothing written.
            let hr = try await fixture.signIn("pengelola")
            let before = try await fixture.service.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 }
            for (nip, reason) in [(pegawai, ""), (pegawai, "   "), ("12345", "permintaan tertulis 12/2026")] {
                do {
                    _ = try await PersonalDataCollection.export("evaluation", nip: nip, reason: reason, options: hr, transport: Self.transport(fixture))
                    Issue.record("an export of \(nip) with reason '\(reason)' was allowed")
                } catch let error as RPCError {
                    #expect(error.code == .invalidArgument, "\(error)")
                }
            }
            let after = try await fixture.service.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 }
            #expect(after == before)

            // Pengelola kinerja with a reason: allowed, and the reason is in the audit log (and so in the person's trail).
            let reason = "permintaan tertulis pegawai no. 12/2026"
            let onBehalf = try await PersonalDataCollection.export("planning", nip: pegawai, reason: reason, options: hr,
                                                                   transport: Self.transport(fixture))
            #expect(onBehalf.contains { $0.kind == "skp-version" })
            let details = try await try #require(fixture.planning).service.store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE action = ? AND target = ? AND outcome = ?",
                                    arguments: [Planning.PlanningService.Method.exportPersonalData.path, pegawai,
                                                Common.AuditOutcome.success.rawValue])
            }
            #expect(details.contains("the person's own request") && details.contains("on behalf of the person: \(reason)"))
        }
    }
}
