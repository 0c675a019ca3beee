import Foundation
import GRDB
import KinerjaStore
import Testing

@Suite("Online backup")
struct BackupTests {
    @Test("a backup taken while writes go on is a verified, consistent copy")
    func backupUnderWrites() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let path = dir.path + "/s.sqlite"
        let store = try openTestStore(at: path)
        try await store.pool.write { db in
            for i in 0..<500 { try db.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: ["n\(i)"]) }
        }
        try await store.audit(AuditRecord(principal: "system", principalKind: .system, action: "test", outcome: .success))
        let writer = Task {
            for i in 0..<200 {
                try await store.pool.write { db in try db.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: ["w\(i)"]) }
            }
        }
        let report = try Store.backup(databaseAt: path, to: dir.path + "/backup/s.sqlite")
        try await writer.value
        #expect(report.bytes > 0)
        #expect(report.auditHeadSequence == 1)
        let copy = try DatabaseQueue(path: report.path)
        let count = try await copy.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM note") ?? 0 }
        #expect(count >= 500 && count <= 700)
        let check = try await copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/backup").filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        try store.close()
    }

    @Test("a backup of a missing database fails and leaves nothing behind")
    func missingSource() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        #expect(throws: StoreError.self) { _ = try Store.backup(databaseAt: dir.path + "/none.sqlite", to: dir.path + "/b.sqlite") }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/b.sqlite"))
    }
}
