public import Logging
public import KinerjaStore

/// Where authentication failures and denials are recorded.
public protocol AuditSink: Sendable {
    /// Records one entry; failures to record are logged, never thrown at the caller.
    func record(_ entry: AuditRecord) async
}

/// Records into the service's own store.
public struct StoreAuditSink: AuditSink {
    private let store: Store
    private let logger: Logger

    /// A sink writing to `store`.
    public init(store: Store, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    public func record(_ entry: AuditRecord) async {
        do {
            try await store.audit(entry)
        } catch {
            logger.error("cannot write an audit entry", metadata: ["action": "\(entry.action)", "error": "\(error)"])
        }
    }
}
