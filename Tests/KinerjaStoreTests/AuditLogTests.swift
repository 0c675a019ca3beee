import Foundation
import GRDB
import KinerjaProto
import KinerjaStore
import Testing

@Suite("The audit hash chain")
struct AuditLogTests {
    func record(_ i: Int) -> AuditRecord {
        AuditRecord(principal: "199001012015031001", principalKind: .user, action: "test.action.\(i)", target: "t\(i)",
                    outcome: .success, requestID: "r\(i)")
    }

    @Test("each entry links to the previous one and the untouched chain verifies")
    func intact() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        for i in 1...50 { try await store.audit(record(i)) }
        let result = try await store.verifyAudit()
        #expect(result.intact)
        #expect(result.checkedCount == 50)
        #expect(result.lastSequence == 50)
        let events = try await store.pool.read { db in try AuditLog.events(matching: nil, after: 0, limit: 100, in: db) }
        #expect(events.first?.prevHash == AuditLog.genesis)
        for (previous, next) in zip(events, events.dropFirst()) { #expect(next.prevHash == previous.hash) }
        try store.close()
    }

    @Test("the service cannot update or delete an audit row")
    func appendOnly() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        try await store.audit(record(1))
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "UPDATE audit_log SET detail = 'x'") }
        }
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log") }
        }
        try store.close()
    }

    @Test("an edited row is detected at its sequence even when the attacker drops the triggers")
    func editDetected() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        for i in 1...20 { try await store.audit(record(i)) }
        try await store.pool.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET principal = 'someone-else' WHERE sequence = 7")
        }
        let result = try await store.verifyAudit()
        #expect(!result.intact)
        #expect(result.firstBrokenSequence == 7)
        #expect(result.failure.contains("altered"))
        try store.close()
    }

    @Test("a deleted row is detected at its sequence")
    func deleteDetected() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        for i in 1...20 { try await store.audit(record(i)) }
        try await store.pool.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE sequence = 12")
        }
        let result = try await store.verifyAudit()
        #expect(!result.intact)
        #expect(result.firstBrokenSequence == 12)
        try store.close()
    }

    @Test("a re-hashed forgery of one row still breaks the link to the next row")
    func forgedHashDetected() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        for i in 1...10 { try await store.audit(record(i)) }
        try await store.pool.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            var event = try #require(try AuditLog.events(matching: nil, after: 4, limit: 1, in: db).first)
            event.detail = "forged"
            event.hash = try AuditLog.hash(of: event)
            try db.execute(sql: "UPDATE audit_log SET detail = ?, hash = ? WHERE sequence = 5", arguments: [event.detail, Data(event.hash)])
        }
        let result = try await store.verifyAudit()
        #expect(!result.intact)
        #expect(result.firstBrokenSequence == 6)
        try store.close()
    }

    @Test("filters select by principal, target, action prefix and outcome")
    func filters() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        for i in 1...10 { try await store.audit(record(i)) }
        try await store.audit(AuditRecord(principal: "x", principalKind: .service, action: "other.denied", outcome: .denied))
        var deniedFilter = Common.AuditEventFilter()
        deniedFilter.outcome = .denied
        let byOutcome = deniedFilter
        let denied = try await store.pool.read { db in try AuditLog.events(matching: byOutcome, after: 0, limit: 100, in: db) }
        #expect(denied.map(\.action) == ["other.denied"])
        var prefixFilter = Common.AuditEventFilter()
        prefixFilter.actionPrefix = "test.action.1"
        let byPrefix = prefixFilter
        let prefixed = try await store.pool.read { db in try AuditLog.events(matching: byPrefix, after: 0, limit: 100, in: db) }
        #expect(prefixed.map(\.action) == ["test.action.1", "test.action.10"])
        try store.close()
    }
}
