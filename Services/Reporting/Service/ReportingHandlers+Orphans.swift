import Foundation
import GRDB
import KinerjaStore

extension ReportingHandlers {
    /// Removes uploaded files no report refers to once they are older than
    /// `reporting.orphan_grace_seconds`; returns how many were removed.
    ///
    /// Two steps: the candidates are found without blocking writers; then, inside one write
    /// transaction (which every submission that links a file also takes), each candidate is
    /// removed only if no report refers to it now. A submission linking a file either committed
    /// before (and the file is kept) or runs after and finds the file gone (and is refused with
    /// EVIDENCE_NOT_FOUND: upload it again). Each removal is audited.
    public func collectOrphans() async throws -> Int {
        let grace = TimeInterval(configuration.orphanGraceSeconds)
        let now = clock()
        let referenced = try await store.read { db in try EvidenceRecords.referencedFiles(in: db) }
        let candidates = try await offLoop { [evidence] in try evidence.orphans(referenced: referenced, olderThan: grace, now: now) }
        guard !candidates.isEmpty else { return 0 }
        return try await store.write { [evidence] db in
            var removed = 0
            for candidate in candidates where try !EvidenceRecords.referenced(candidate.hash, in: db) {
                guard try evidence.remove(candidate.hash) else { continue }
                removed += 1
                try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "reporting.evidence_orphan",
                                                target: "evidence/\(candidate.hash.hex)", outcome: .success,
                                                detail: "collected: \(candidate.size) bytes, no report refers to it"), at: now, in: db)
            }
            return removed
        }
    }
}
