public import KinerjaProto
import KinerjaStore

extension AccessRule {
    /// Who reads and verifies a service's audit log: auditors and admins.
    public static let auditReaders = AccessRule(.role(.auditor), .role(.admin))
}

extension StoreBackedService {
    /// `ListAuditEvents`, the same in every service: the filter is checked (text limits, a time
    /// range that runs forwards), then one page of events oldest first. The cursor is the last
    /// sequence returned, so pages stay stable while the log grows.
    public func auditEvents(filter: Common.AuditEventFilter?, page: Common.PageRequest?) async throws
        -> (events: [Common.AuditEvent], page: Common.PageResponse) {
        let size = try Paging.size(page)
        let after = try Paging.offset(page)
        if let filter {
            try Invalid.requireText(filter.principal, "filter.principal", max: 200, optional: true)
            try Invalid.requireText(filter.actionPrefix, "filter.action_prefix", max: 200, optional: true)
            if let range = filter.timeRange, let start = range.startTime, let end = range.endTime, start.seconds > end.seconds {
                throw Invalid.field("filter.time_range", "start_time must not be after end_time")
            }
        }
        return try await store.read { db in
            let events = try AuditLog.events(matching: filter, after: UInt64(after), limit: size + 1, in: db)
            let returned = Array(events.prefix(size))
            let next = events.count > size ? "o\(returned.last?.sequence ?? 0)" : ""
            return (returned, Common.PageResponse(nextCursor: next))
        }
    }

    /// `VerifyAuditChain`, the same in every service: recomputes the hash chain over a range
    /// (0 = from the start / to the head).
    public func auditChain(from: UInt64, to: UInt64) async throws -> Common.AuditChainVerification {
        if to != 0 && from > to { throw Invalid.field("from_sequence", "must not be after to_sequence") }
        let head = try await store.read { db in try AuditLog.head(in: db).sequence }
        if from > head || to > head { throw RPCError(.outOfRange, "the audit log ends at sequence \(head)") }
        return try await store.verifyAudit(from: from, to: to)
    }
}
