public import Foundation
public import KinerjaStore
import GRDB
import KinerjaProto

/// Deletes what is past retention: every rule in one write transaction, with one audit entry
/// (action `kinerja.retention`, principal `system`) counting what each rule removed when anything
/// was. A service registers it as a periodic task (``ServiceAssembly/retention(_:every:clock:)``).
public struct RetentionSweep: Sendable {
    /// The rules, run in order (a rule may rely on an earlier one: tokens before their sessions).
    public let rules: [RetentionRule]

    /// A sweep of `rules`.
    public init(_ rules: [RetentionRule]) {
        self.rules = rules
    }

    /// Runs every rule at `now` against `store`; returns the rows removed per kind (zeros included).
    @discardableResult
    public func run(store: Store, now: Date) async throws -> [String: Int] {
        let seconds = Int64(now.timeIntervalSince1970)
        return try await store.write { [rules] db in
            var removed: [String: Int] = [:]
            for rule in rules { removed[rule.kind] = try rule.purge(db, seconds - rule.retainedSeconds) }
            let total = removed.values.reduce(0, +)
            if total > 0 {
                let detail = rules.map { "\($0.kind)=\(removed[$0.kind] ?? 0)" }.joined(separator: " ")
                try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "kinerja.retention",
                                                target: "retention", outcome: .success, detail: "removed past retention: \(detail)"),
                                    at: now, in: db)
            }
            return removed
        }
    }
}

extension ServiceAssembly {
    /// Runs `sweep` every `interval` (first at start) until shutdown.
    public func retention(_ sweep: RetentionSweep, every interval: Duration = .seconds(3600),
                          clock: @escaping @Sendable () -> Date = { Date() }) {
        let store = runtime.store
        every(interval, name: "retention") { try await sweep.run(store: store, now: clock()) }
    }
}
