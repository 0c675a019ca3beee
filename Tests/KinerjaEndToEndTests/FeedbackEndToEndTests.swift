import Foundation
import GRDB
import KinerjaASN
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Synchronization
import Testing

/// `kinerja-feedback` beside `kinerja-identity` and `kinerja-planning`, all real processes, driven
/// by `kinerjactl feedback` and by a kiosk client over mutual TLS.
@Suite("kinerja-feedback with identity and planning as real processes", .serialized)
struct FeedbackEndToEndTests {
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "kinerja-e2e-feedback-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func login(_ identity: IdentityProcess, _ persona: String, in dir: String) async throws {
        let nip = try IdentityProcess.persona(persona, in: dir)
        let result = try await identity.ctl(["login", "--nip", nip, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n", session: persona)
        #expect(result.status == 0, "\(persona): \(result.stderr)")
    }

    @Test("the kiosk issues a ticket (code and QR code) → a citizen rates it and a demo ticket → the employee's citizen summary moves")
    func kioskToSummary() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop() }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: false)
        defer { planning.running.stop() }
        let feedback = try await FeedbackProcess.start(directory: dir, identity: identity, planning: planning, demo: true)
        defer { feedback.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        try await login(identity, "atasan", in: dir)
        let pegawai = try IdentityProcess.persona("pegawai", in: dir)
        let demo = try #require(feedback.demoTickets.first, "the first start prints the demo tickets")
        #expect(demo.nip == pegawai)
        let f = feedback.port
        func summary() async throws -> [String: Any] {
            let result = try await identity.ctl(["feedback", "citizen-summary", "--nip", pegawai, "--json"], session: "atasan", feedback: f)
            #expect(result.status == 0, "\(result.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return json?["summary"] as? [String: Any] ?? [:]
        }
        let before = try await summary()
        // The kiosk issues a ticket with its own certificate: the code, the link, and a QR code in the terminal.
        let issued = try await identity.ctl(["feedback", "ticket", "issue", "--unit", "KPG.DUKCAPIL.DAFDUK.IDENTITAS", "--nip", pegawai,
                                            "--service", "Penerbitan KTP-el", "--counter", "Loket 2", "--cert", "citizen-kiosk"],
                                           session: "kiosk", feedback: f)
        #expect(issued.status == 0, "\(issued.stderr)")
        let code = try #require(issued.stdout.split(separator: "\n").first { $0.hasPrefix("Kode tiket:") }?.split(separator: " ").last.map(String.init))
        #expect(issued.stdout.contains("https://kinerja.kupangkota.go.id/nilai/" + code.replacingOccurrences(of: "-", with: "")))
        #expect(issued.stdout.contains("▀") || issued.stdout.contains("▄"), "a QR code drawn with half blocks")
        // The citizen rates both tickets at the kiosk; the new one a second time is refused.
        for ticket in [code, demo.code] {
            let rated = try await identity.ctl(["feedback", "rate", ticket, "--score", "5", "--skm", "4,4,3,4,4,4,4,3,4", "--cert", "citizen-kiosk"],
                                               session: "kiosk", feedback: f)
            #expect(rated.status == 0, "\(rated.stderr)")
            #expect(rated.stdout.hasPrefix("Terima kasih"))
        }
        let again = try await identity.ctl(["feedback", "rate", code, "--score", "1", "--cert", "citizen-kiosk"], session: "kiosk", feedback: f)
        #expect(again.status == 1 && again.stderr.contains("ALREADY_EXISTS"))
        let after = try await summary()
        func number(_ object: [String: Any], _ key: String) -> Int { (object[key] as? NSNumber)?.intValue ?? Int(object[key] as? String ?? "") ?? 0 }
        #expect(number(after, "ratingsReceived") == number(before, "ratingsReceived") + 2)
        #expect(number(after, "ticketsIssued") == number(before, "ticketsIssued") + 1)
        // The demo ticket was issued long enough ago to count: the mean moved.
        #expect(number(after, "ratingsUsed") == number(before, "ratingsUsed") + 1)
        #expect((after["meanScore"] as? [String: Any])?["value"] as? Double != (before["meanScore"] as? [String: Any])?["value"] as? Double)
        let table = try await identity.ctl(["feedback", "citizen-summary", "--nip", pegawai], session: "atasan", feedback: f)
        #expect(table.stdout.contains("of 5 from"), "\(table.stdout)")
    }

    @Test("a 360° round from open to summary: pengelola opens it, the subject and the atasan answer, it closes, the summary shows the atasan's bars and the rekan kerja withheld")
    func roundToSummary() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop() }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: false)
        defer { planning.running.stop() }
        let feedback = try await FeedbackProcess.start(directory: dir, identity: identity, planning: planning, demo: false)
        defer { feedback.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        for persona in ["pengelola", "pegawai", "atasan"] { try await login(identity, persona, in: dir) }
        let pegawai = try IdentityProcess.persona("pegawai", in: dir)
        let f = feedback.port
        let tomorrow = Wita.today(now: Date()).adding(days: 1)?.isoString ?? ""
        let year = String(Wita.today(now: Date()).year)
        let opened = try await identity.ctl(["feedback", "round", "open", "--unit-code", "KPG.DUKCAPIL.DAFDUK.IDENTITAS", "--period", year,
                                            "--deadline", tomorrow, "--json"], session: "pengelola", feedback: f)
        #expect(opened.status == 0, "\(opened.stderr)")
        let roundID = try #require((try JSONSerialization.jsonObject(with: Data(opened.stdout.utf8)) as? [String: Any])
            .flatMap { $0["round"] as? [String: Any] }?["roundId"] as? String)
        let seven = ["berorientasi-pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]
        for (session, score) in [("pegawai", "4"), ("atasan", "3")] {
            let listed = try await identity.ctl(["feedback", "assess", "--json"], session: session, feedback: f)
            #expect(listed.status == 0, "\(listed.stderr)")
            let assignments = (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["assignments"] as? [[String: Any]] ?? []
            let mine = try #require(assignments.first { ($0["subject"] as? [String: Any])?["nip"] as? String == pegawai })
            let id = try #require(mine["assignmentId"] as? String)
            let form = try await identity.ctl(["feedback", "assess", id], session: session, feedback: f)
            #expect(form.stdout.contains("EKSPEKTASI KHUSUS") && form.stdout.contains("Kolaboratif"), "the rater's form: \(form.stdout)")
            let answered = try await identity.ctl(["feedback", "assess", id] + seven.flatMap { ["--score", "\($0)=\(score)"] }, session: session, feedback: f)
            #expect(answered.status == 0, "\(answered.stderr)")
        }
        let status = try await identity.ctl(["feedback", "round", "status", roundID], session: "pengelola", feedback: f)
        #expect(status.stdout.contains("2 of"), "\(status.stdout)")
        let closed = try await identity.ctl(["feedback", "round", "close", roundID, "--reason", "Uji ujung ke ujung"], session: "pengelola", feedback: f)
        #expect(closed.status == 0, "\(closed.stderr)")
        let summary = try await identity.ctl(["feedback", "summary", "--nip", pegawai, "--period", year], session: "pengelola", feedback: f)
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("ATASAN — 1 of 1 answered"))
        #expect(summary.stdout.contains("REKAN KERJA") && summary.stdout.contains("withheld: fewer than 3 answers"), "\(summary.stdout)")
        #expect(summary.stdout.contains("███"), "bars for the atasan's scores")
    }

    @Test("SIGKILL during a stream of ratings: every acknowledged rating is present, no ticket consumed without its rating or the reverse, integrity ok, the audit chain verifies")
    func killDuringRatings() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop() }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: false)
        defer { planning.running.stop() }
        var feedback = try await FeedbackProcess.start(directory: dir, identity: identity, planning: planning, demo: false)
        defer { feedback.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        let pegawai = try IdentityProcess.persona("pegawai", in: dir)
        let unit = try #require(try identity.readStore { db in
            try String.fetchOne(db, sql: "SELECT unit_id FROM unit WHERE code = ?", arguments: ["KPG.DUKCAPIL.DAFDUK.IDENTITAS"])
        })
        let (kiosk, transport) = try feedback.kiosk()
        var codes: [String] = []
        for _ in 0..<400 {
            let ticket = try await kiosk.issueServiceTicket(Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
                unitID: unit, servedByNIP: pegawai, serviceName: "Penerbitan KTP-el")))
            codes.append(try #require(ticket.ticket?.ticketCode))
        }
        // 64 ratings in flight at a time; the process is killed once some are acknowledged.
        let acknowledged = Acknowledged()
        let running = feedback.running
        // Killed once 60 are acknowledged; a run that never gets there fails below instead of hanging.
        let killer = Task {
            while acknowledged.count < 60 { try await Task.sleep(for: .milliseconds(5)) }
            running.signal(SIGKILL)
        }
        await withTaskGroup(of: Void.self) { group in
            for (index, code) in codes.enumerated() {
                if index >= 64 { await group.next() }
                group.addTask {
                    if (try? await kiosk.submitCitizenRating(Feedback.SubmitCitizenRatingRequest(ticketCode: code, score: UInt32(1 + index % 5)))) != nil {
                        acknowledged.append(code)
                    }
                }
            }
        }
        if acknowledged.count < 60 { killer.cancel(); running.signal(SIGKILL) }
        _ = try? await killer.value
        await transport.close()
        _ = try await feedback.running.waitForExit()
        let acked = Set(acknowledged.codes.map { $0.replacingOccurrences(of: "-", with: "") })
        #expect(acked.count >= 60 && acked.count < 400, "the kill cut the stream: \(acked.count) acknowledged")
        feedback = try await FeedbackProcess.start(directory: dir, identity: identity, planning: planning, demo: false, name: "feedback-restarted",
                                                   port: feedback.port)
        let (stored, orphanTickets, orphanRatings, check) = try feedback.readStore { db in
            (Set(try String.fetchAll(db, sql: "SELECT ticket_code FROM citizen_rating")),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM service_ticket t WHERE t.state = ? AND NOT EXISTS (SELECT 1 FROM citizen_rating r WHERE r.ticket_code = t.code)",
                              arguments: [Feedback.TicketState.rated.rawValue]) ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM citizen_rating r JOIN service_ticket t ON t.code = r.ticket_code WHERE t.state != ?",
                              arguments: [Feedback.TicketState.rated.rawValue]) ?? -1,
             try String.fetchAll(db, sql: "PRAGMA integrity_check"))
        }
        #expect(acked.isSubset(of: stored), "every acknowledged rating is present")
        #expect(orphanTickets == 0 && orphanRatings == 0, "a ticket is RATED exactly when its rating is stored")
        #expect(check == ["ok"])
        let verify = try RunningProcess(executable: "\(Paths.bin)/kinerja-feedback", arguments: ["audit", "verify", "--config", feedback.configPath],
                                        directory: dir, name: "verify")
        #expect(try await verify.waitForExit() == 0, "\(verify.stdout)")
        // The tickets not rated before the kill can still be rated once.
        let (after, afterTransport) = try feedback.kiosk()
        let remaining = try #require(codes.first { !stored.contains($0.replacingOccurrences(of: "-", with: "")) })
        let rated = try? await after.submitCitizenRating(Feedback.SubmitCitizenRatingRequest(ticketCode: remaining, score: 4))
        await afterTransport.close()
        #expect(rated != nil)
    }
}

/// The ratings the service acknowledged, shared by the tasks that send them.
final class Acknowledged: Sendable {
    private let list = Mutex<[String]>([])
    func append(_ code: String) { list.withLock { $0.append(code) } }
    var count: Int { list.withLock { $0.count } }
    var codes: [String] { list.withLock { $0 } }
}
