import Foundation
import KinerjaTestSupport
import Testing

/// `kinerjactl my-data` against make run's five services with their demo data, as real processes
/// over real TLS: the archive is a tar the system's tar reads, with a MANIFEST sha256sum checks.
@Suite("kinerjactl my-data against the five demo services", .serialized)
struct PersonalDataEndToEndTests {
    @Test("the demo pegawai writes their archive (five JSON-lines files with records, EXPORT.json, a MANIFEST that verifies); pengelola kinerja without --reason is refused with INVALID_ARGUMENT and no file")
    func myData() async throws {
        let dir = NSTemporaryDirectory() + "kinerja-e2e-my-data-\(UUID().uuidString)"
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
        for persona in ["pegawai", "pengelola"] {
            let nip = try IdentityProcess.persona(persona, in: dir)
            let login = try await identity.ctl(["login", "--nip", nip, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n", session: persona)
            #expect(login.status == 0, "\(login.stderr)")
        }
        let pegawai = try IdentityProcess.persona("pegawai", in: dir)

        let archive = "\(dir)/my-data.tar"
        let written = try await ctl("pegawai", ["my-data", "-o", archive])
        #expect(written.status == 0, "\(written.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: archive)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = "kinerja-my-data-\(pegawai)"
        let listing = try Self.run(["tar", "-tf", archive], in: dir)
        #expect(listing.status == 0)
        #expect(listing.output.split(separator: "\n").map(String.init)
            == ["identity", "planning", "reporting", "feedback", "evaluation"].map { "\(folder)/\($0).jsonl" } + ["\(folder)/EXPORT.json", "\(folder)/MANIFEST"])
        #expect(try Self.run(["tar", "-xf", archive], in: dir).status == 0)
        let check = try Self.run(["sha256sum", "-c", "MANIFEST"], in: "\(dir)/\(folder)")
        #expect(check.status == 0, "\(check.output)")
        for service in ["identity", "planning", "reporting", "feedback", "evaluation"] {
            let lines = (try String(contentsOfFile: "\(dir)/\(folder)/\(service).jsonl", encoding: .utf8)).split(separator: "\n")
            #expect(!lines.isEmpty, "\(service).jsonl is empty")
            for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(service): not JSON: \(line.prefix(80))") }
        }

        // On someone's behalf without a reason: refused before anything is written.
        let refused = try await ctl("pengelola", ["my-data", "-o", "\(dir)/other.tar", "--nip", pegawai])
        #expect(refused.status != 0 && refused.stderr.contains("reason"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/other.tar"))
    }

    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
