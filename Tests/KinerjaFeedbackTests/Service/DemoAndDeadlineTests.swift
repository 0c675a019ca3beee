import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaFeedback
import KinerjaIdentityClient
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Demo data and deadlines", .serialized)
struct DemoAndDeadlineTests {
    @Test("the demo is a function of the seed, the organisation, the day and the secret: generated twice it is the same, ids and ticket codes included")
    func deterministic() async throws {
        let organisation = KupangDemo(seed: 2026).organisation(today: today)
        let employees = organisation.employees.map { demo -> Identity.Employee in
            var employee = demo.employee
            employee.unitID = demo.unitCode
            employee.atasanNIP = demo.atasanNIP ?? ""
            return employee
        }.filter { $0.status == .aktif }
        let units = organisation.units.map { unit -> Identity.Unit in
            var made = unit.unit
            made.unitID = unit.code
            made.parentUnitID = unit.parentCode ?? ""
            return made
        }
        let input = KupangFeedbackDemo.Input(
            employees: employees, tree: UnitTreeSnapshot(units: units),
            personas: Dictionary(organisation.users.map { ($0.persona, $0.nip) }, uniquingKeysWith: { a, _ in a }),
            year: thisYear, now: Date(), secret: [UInt8](repeating: 7, count: 32))
        let first = try KupangFeedbackDemo(seed: 2026).generate(input)
        let second = try KupangFeedbackDemo(seed: 2026).generate(input)
        #expect(first.feedback.map(\.0) == second.feedback.map(\.0))
        #expect(first.dialogs.map(\.0) == second.dialogs.map(\.0))
        #expect(first.tickets.map(\.0) == second.tickets.map(\.0))
        #expect(first.ratings.map(\.0) == second.ratings.map(\.0))
        #expect(first.assessments.map(\.0) == second.assessments.map(\.0))
        let other = try KupangFeedbackDemo(seed: 7).generate(input)
        #expect(other.tickets.map(\.code) != first.tickets.map(\.code), "another seed, other tickets")
        // What the issue asks of it.
        #expect(first.feedback.count > 300 && first.dialogs.count > 300 && first.coaching.count > 20)
        #expect(first.rounds.count == 1 && first.rounds.first?.state == .closed)
        let counters = Set(first.tickets.map { $0.0.unitID })
        for prefix in ["KPG.DUKCAPIL", "KPG.DPMPTSP", "KPG.DINKES.PKM"] { #expect(counters.contains { $0.hasPrefix(prefix) }, "tickets at \(prefix)") }
        let reasons = Set(first.ratings.map(\.0.outlierReason))
        #expect(reasons.isSuperset(of: [.tooSoonAfterIssue, .burst, .identicalComment, .unspecified]))
        #expect(first.openTickets.count == 2)
        #expect(first.ratings.allSatisfy { rating in first.tickets.contains { $0.code == rating.code && $0.0.state == .rated } })
    }

    @Test("seeded next to identity and planning: a closed Dukcapil round whose summary shows the atasan persona's peers and withholds the pegawai's; demo tickets rate and move the employee's summary")
    func seededService() async throws {
        try await withFeedback(planningDemo: true, demoSeed: IdentityFixture.seed) { f in
            let round = try #require(try await f.service.store.pool.read { db in
                try Data.fetchOne(db, sql: "SELECT body FROM assessment_round").map { try Feedback.AssessmentRound(serializedBytes: Array($0)) }
            })
            #expect(round.state == .closed)
            let pegawai = try f.nip("pegawai"), atasan = try f.nip("atasan")
            let hr = try await f.signIn("pengelola")
            func peers(of nip: String) async throws -> Feedback.RaterGroupSummary? {
                let summary = try await f.client.getBehaviourSummary(Feedback.GetBehaviourSummaryRequest(nip: nip, period: round.period), options: hr)
                return summary.summary?.groups.first { $0.relation == .rekanKerja }
            }
            let withheld = try #require(try await peers(of: pegawai))
            #expect(withheld.withheld && withheld.withheldReason == .belowAnonymityThreshold)
            let shown = try #require(try await peers(of: atasan))
            #expect(!shown.withheld && shown.respondedCount >= 3)
            // A demo ticket of the pegawai persona, rated now, appears in their summary.
            let open = try await f.service.store.pool.read { db in
                try Data.fetchAll(db, sql: "SELECT body FROM service_ticket WHERE served_by_nip = ? AND state = ? ORDER BY issued_at DESC",
                                  arguments: [pegawai, Feedback.TicketState.issued.rawValue])
                    .map { try Feedback.ServiceTicket(serializedBytes: Array($0)) }
            }
            let ticket = try #require(open.first)
            let range = Common.DateRange(startDate: today.adding(days: -60), endDate: today)
            let before = try #require(try await f.client.getEmployeeCitizenSummary(Feedback.GetEmployeeCitizenSummaryRequest(nip: pegawai, dateRange: range),
                                                                                   options: hr).summary)
            #expect(!before.withheld)
            _ = try await f.rate(ticket.ticketCode, 1, comment: "Menunggu terlalu lama")
            let after = try #require(try await f.client.getEmployeeCitizenSummary(Feedback.GetEmployeeCitizenSummaryRequest(nip: pegawai, dateRange: range),
                                                                                  options: hr).summary)
            #expect(after.ratingsReceived == before.ratingsReceived + 1)
            #expect(after.ratingsUsed == before.ratingsUsed + 1 || after.outliersExcluded > before.outliersExcluded)
            // The store is whole and its audit chain verifies.
            #expect(try await f.service.store.integrityCheck() == ["ok"])
            let chain = try await f.client.verifyAuditChain(Feedback.VerifyAuditChainRequest(), options: try await f.signIn("auditor"))
            #expect(chain.verification?.intact == true)
        }
    }

    @Test("rounds close at their deadline and unrated tickets expire after 7 days, written down by the deadlines job and audited as the system")
    func deadlines() async throws {
        try await withFeedback { f in
            let hr = try await f.signIn("pengelola")
            let unit = try await f.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let deadline = Common.Timestamp(seconds: Int64(Date().timeIntervalSince1970) + 2, nanos: 0)
            let round = try #require(try await f.client.openAssessmentRound(Feedback.OpenAssessmentRoundRequest(round: Feedback.AssessmentRound(
                unit: Common.UnitScope(unitID: unit), period: Common.Period(year: thisYear, kind: .annual), deadline: deadline, peersPerSubject: 2)),
                                                                               options: hr).round)
            while Int64(Date().timeIntervalSince1970) <= deadline.seconds { try await Task.sleep(for: .milliseconds(200)) }
            // Past the deadline the round reads CLOSED before the job writes it down…
            let read = try await f.client.getAssessmentRound(Feedback.GetAssessmentRoundRequest(roundID: round.roundID), options: hr)
            #expect(read.round?.state == .closed)
            let done = try await f.handlers.applyDeadlines()
            #expect(done.rounds == 1)
            let again = try await f.handlers.applyDeadlines()
            #expect(again.rounds == 0)
            let events = try await f.auditEvents(action: "feedback.round_deadline")
            #expect(events.count == 1 && events.first?.principal == "system")
            let pending = try await f.service.store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM assessment_assignment WHERE state = ?", arguments: [Feedback.AssignmentState.pending.rawValue])
            }
            #expect(pending == 0)
        }
    }
}
