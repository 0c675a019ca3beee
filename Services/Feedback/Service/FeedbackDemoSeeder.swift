public import Logging
import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaProto
import KinerjaStore

/// Fills an empty feedback store with the demo of ``KupangFeedbackDemo``: the organisation comes
/// from identity (so units, people and supervisors are identity's), RHK links and ekspektasi
/// khusus from planning, everything else from the seed.
public enum FeedbackDemoSeeder {
    /// Seeds when the store holds no feedback; waits up to a minute for identity and planning to answer.
    public static func seedIfEmpty(handlers: FeedbackHandlers, logger: Logger) async throws {
        guard let seed = handlers.configuration.demoSeed else { return }
        let empty = try await handlers.store.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM feedback_item) + (SELECT count(*) FROM service_ticket)") == 0
        }
        guard empty else { return }
        let deadline = ContinuousClock.now + .seconds(60)
        func patiently<T>(_ body: () async throws -> T) async throws -> T {
            while true {
                do { return try await body() } catch {
                    if ContinuousClock.now > deadline { throw error }
                    try await Task.sleep(for: .seconds(1))
                }
            }
        }
        let tree = try await patiently { try await handlers.directory.unitTree() }
        guard let root = tree.rootID else { return }
        let employees = try await patiently { try await handlers.directory.members(of: root, includeSubunits: true) }
        let now = handlers.clock()
        let today = Wita.today(now: now)
        let year = handlers.configuration.demoYear ?? today.year
        let personas = Dictionary(KupangDemo(seed: seed).organisation(today: today).users.map { ($0.persona, $0.nip) },
                                  uniquingKeysWith: { first, _ in first })
        // Planning's side, for Dukcapil only (the round's population and the linked feedback).
        let dukcapil = tree.unit(code: "KPG.DUKCAPIL").map { Set(tree.subtree(of: $0.unitID)) } ?? []
        let asked = employees.filter { dukcapil.contains($0.unitID) }
        if let first = asked.first { _ = try await patiently { try await handlers.evidence.rhkIDs(of: first.nip, year: year) } }
        var rhks: [String: [String]] = [:]
        var expectations: [String: [Feedback.ValueExpectation]] = [:]
        let roundYear = KupangFeedbackDemo.lastEndedTriwulan(today).year
        for batch in asked.chunked(8) {
            try await withThrowingTaskGroup(of: (String, [String], [Feedback.ValueExpectation]).self) { group in
                for person in batch {
                    group.addTask {
                        (person.nip, try await handlers.evidence.rhkIDs(of: person.nip, year: year),
                         ValueExpectations.from(try await handlers.evidence.expectations(of: person.nip, year: roundYear)))
                    }
                }
                for try await (nip, ids, values) in group {
                    rhks[nip] = ids
                    expectations[nip] = values
                }
            }
        }
        let demo = try KupangFeedbackDemo(seed: seed).generate(KupangFeedbackDemo.Input(
            employees: employees, tree: tree, personas: personas, year: year, now: now, rhks: rhks, expectations: expectations,
            secret: handlers.secret))
        try await handlers.store.write { db in
            for (item, unit) in demo.feedback { try ContinuousRecords.insert(item, recipientUnitID: unit, in: db) }
            for (item, unit) in demo.solicitations { try ContinuousRecords.insert(item, requesterUnitID: unit, in: db) }
            for (item, unit) in demo.dialogs { try DialogRecords.insert(item, employeeUnitID: unit, in: db) }
            for (item, unit) in demo.coaching { try DialogRecords.insert(item, coacheeUnitID: unit, in: db) }
            for round in demo.rounds { try AssessmentRecords.insert(round, in: db) }
            for assignment in demo.assignments { try AssessmentRecords.insert(assignment, in: db) }
            for (answer, round) in demo.assessments { try AssessmentRecords.insert(answer, roundID: round, in: db) }
            for (ticket, code) in demo.tickets { try CitizenRecords.insert(ticket, canonical: code, in: db) }
            for (rating, code) in demo.ratings { try CitizenRecords.insert(rating, canonicalCode: code, in: db) }
            try AuditLog.append(AuditRecord(
                principal: "system", principalKind: .system, action: "feedback.demo_seed", outcome: .success,
                detail: "demo feedback seed \(seed), year \(year): \(demo.feedback.count) feedback, \(demo.dialogs.count) dialogs, "
                    + "\(demo.coaching.count) coaching, \(demo.rounds.count) rounds (\(demo.assessments.count) answers), "
                    + "\(demo.tickets.count) tickets, \(demo.ratings.count) ratings"), at: now, in: db)
        }
        logger.notice("demo feedback loaded", metadata: [
            "feedback": "\(demo.feedback.count)", "dialogs": "\(demo.dialogs.count)", "coaching": "\(demo.coaching.count)",
            "assessments": "\(demo.assessments.count)", "tickets": "\(demo.tickets.count)", "ratings": "\(demo.ratings.count)",
        ])
        // Shown once at first start (development only), so a demo can rate a real ticket.
        for ticket in demo.openTickets {
            FileHandle.standardOutput.write(Data(
                "demo: ticket \(ticket.ticketCode) \(ticket.servedByNIP) \(ticket.serviceName), \(ticket.counterName)\n".utf8))
        }
    }
}
