import Foundation
import GRDB
import KinerjaProto
import KinerjaStore
import Testing

@Suite("Idempotent writes")
struct IdempotencyTests {
    func insert(_ store: Store, key: String?, text: String, principal: String = "p") async throws -> Common.StringValue {
        let request = try Common.StringValue(value: text).serializedBytes()
        return try await store.write(idempotencyKey: key, principal: principal, method: "/t/Insert", request: request) { db in
            try db.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: [text])
            return Common.StringValue(value: "row \(db.lastInsertedRowID)")
        }
    }

    func count(_ store: Store) async throws -> Int {
        try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM note") ?? -1 }
    }

    @Test("a write repeated with the same key is applied once and returns the first response")
    func appliedOnce() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        let first = try await insert(store, key: "k-1", text: "a")
        let again = try await insert(store, key: "k-1", text: "a")
        #expect(first == again)
        #expect(try await count(store) == 1)
        _ = try await insert(store, key: nil, text: "a")
        _ = try await insert(store, key: nil, text: "a")
        #expect(try await count(store) == 3)
        try store.close()
    }

    @Test("the same key with a different request is refused and changes nothing")
    func conflict() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        _ = try await insert(store, key: "k-1", text: "a")
        await #expect(throws: StoreError.self) { _ = try await insert(store, key: "k-1", text: "b") }
        #expect(try await count(store) == 1)
        try store.close()
    }

    @Test("keys are scoped per principal")
    func scoped() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        _ = try await insert(store, key: "k", text: "a", principal: "alice")
        _ = try await insert(store, key: "k", text: "a", principal: "bob")
        #expect(try await count(store) == 2)
        try store.close()
    }

    @Test("a write that fails leaves no idempotency record, so a retry runs again")
    func failureNotRemembered() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        let request = try Common.StringValue(value: "x").serializedBytes()
        await #expect(throws: (any Error).self) {
            _ = try await store.write(idempotencyKey: "k", principal: "p", method: "/t/Fail", request: request) { db -> Common.StringValue in
                try db.execute(sql: "INSERT INTO note (text) VALUES ('x')")
                throw StoreError(.database, "refused")
            }
        }
        #expect(try await count(store) == 0)
        let keys = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM idempotency") }
        #expect(keys == 0)
        try store.close()
    }

    @Test("an over-long or non-ASCII key is refused")
    func badKey() async throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let store = try openTestStore(at: dir.path + "/s.sqlite")
        await #expect(throws: StoreError.self) { _ = try await insert(store, key: String(repeating: "k", count: 129), text: "a") }
        await #expect(throws: StoreError.self) { _ = try await insert(store, key: "kunci rahasia", text: "a") }
        #expect(try await count(store) == 0)
        try store.close()
    }
}
