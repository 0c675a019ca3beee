import Foundation
import GRDB
import KinerjaStore

/// A fresh directory under the system temporary directory, removed by `cleanup()`.
struct TemporaryDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "kinerja-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

/// A store with one table `note(id, text)` for the tests.
func openTestStore(at path: String, extra: [Migration] = []) throws -> Store {
    try Store(configuration: StoreConfiguration(path: path), migrations: [
        Migration("test.v1.note") { db in
            try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        },
    ] + extra)
}
