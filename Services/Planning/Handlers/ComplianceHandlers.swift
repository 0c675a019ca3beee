public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension PlanningHandlers {
    /// Who in a unit has no approved SKP by the deadline, and why (``SkpCompliance``,
    /// ``SkpDeadlinePolicy``). Identity is asked in batches only: the unit's members, then the
    /// pejabat penilai of all of them today.
    public func getSkpCompliance(_ request: Planning.GetSkpComplianceRequest, context: ServerContext) async throws -> Planning.GetSkpComplianceResponse {
        guard let scope = request.unit, !scope.unitID.isEmpty else { throw Invalid.field("unit.unit_id", "is required", reason: "REQUIRED") }
        let today = self.today
        let year = try skpYear(request.year)
        let asOf = request.asOf ?? today
        guard asOf.isValid else { throw Invalid.field("as_of", "is not a real date") }
        for (index, status) in request.statuses.enumerated() {
            switch status {
            case .unspecified, .unrecognized: throw Invalid.field("statuses[\(index)]", "is not a compliance status", reason: "UNKNOWN_STATUS")
            default: break
            }
        }
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let tree = try await directory.unitTree()
        guard tree.unit(scope.unitID) != nil else { throw RPCError(.notFound, "no unit \(scope.unitID)") }
        try await Access.required().require(.unit(id: scope.unitID))

        // Non-ASN officials (the Kepala Daerah) have no SKP.
        let members = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits).filter { $0.asnType != .nonAsn }
        let penilai = try await directory.penilai(of: members.map(\.nip), on: today)
        let facts = try await store.read { db in try Self.complianceFacts(of: members.map(\.nip), year: year, in: db) }
        let policy = configuration.deadlinePolicy
        var rows: [(unit: String, row: Planning.SkpComplianceRow)] = []
        for member in members {
            let answer = penilai[member.nip] ?? Identity.PejabatPenilai(nip: member.nip, kind: .none)
            let found = facts[member.nip]
            let deadline = policy.deadline(year: year, tmtJabatan: member.tmtJabatan)
            let judgement = SkpCompliance.judge(
                SkpCompliance.Facts(latestState: found?.state, firstApproval: found?.firstApproval, hasValidPenilai: PenilaiToday.isValid(answer)),
                deadline: deadline, asOf: asOf)
            rows.append((tree.unit(member.unitID)?.code ?? member.unitID, Planning.SkpComplianceRow(
                employee: member.reference, status: judgement.status, deadline: deadline, skpID: found?.skpID ?? "",
                penilai: PenilaiToday.reference(answer), daysLate: judgement.daysLate)))
        }
        rows.sort { a, b in
            (a.unit, a.row.employee?.displayName ?? "", a.row.employee?.nip ?? "") < (b.unit, b.row.employee?.displayName ?? "", b.row.employee?.nip ?? "")
        }
        let counts = SkpCompliance.counts(rows.map(\.row.status))
        let wanted = Set(request.statuses.map(\.rawValue))
        let filtered = wanted.isEmpty ? rows.map(\.row) : rows.map(\.row).filter { wanted.contains($0.status.rawValue) }
        let page = Array(filtered.dropFirst(offset).prefix(size))
        return Planning.GetSkpComplianceResponse(rows: page, counts: counts, page: Paging.response(
            offset: offset, size: size, returned: page.count, more: offset + page.count < filtered.count))
    }

    /// What the store says about one employee's SKP of the year for compliance.
    struct ComplianceFacts: Sendable {
        /// Their latest SKP of the year (period order).
        var skpID: String
        /// The state of its latest version.
        var state: Planning.SkpState
        /// The WITA day of its first approval.
        var firstApproval: Common.Date?
    }

    /// Per NIP, the latest SKP of `year` (last in period order) with its state and first approval;
    /// NIPs without an SKP are absent. Reads bodies only of approved versions.
    static func complianceFacts(of nips: [String], year: Int32, in db: Database) throws -> [String: ComplianceFacts] {
        var latest: [String: (skpID: String, state: Planning.SkpState, start: String)] = [:]
        var start = 0
        while start < nips.count {
            let batch = Array(nips[start..<min(start + 500, nips.count)])
            start += 500
            let rows = try Row.fetchAll(db, sql: """
                SELECT nip, skp_id, state, period_start FROM skp_version
                WHERE year = ? AND latest = 1 AND nip IN (\(batch.map { _ in "?" }.joined(separator: ",")))
                """, arguments: [year] + StatementArguments(batch))
            for row in rows {
                let nip: String = row["nip"]
                let candidate = (skpID: row["skp_id"] as String, state: Planning.SkpState(rawValue: row["state"]), start: row["period_start"] as String)
                if let current = latest[nip], (current.start, current.skpID) > (candidate.start, candidate.skpID) { continue }
                latest[nip] = candidate
            }
        }
        var result: [String: ComplianceFacts] = [:]
        let chosen = Array(latest)
        start = 0
        while start < chosen.count {
            let batch = Array(chosen[start..<min(start + 500, chosen.count)])
            start += 500
            var first: [String: Common.Date] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT skp_id, body FROM skp_version WHERE state IN (?, ?) AND skp_id IN (\(batch.map { _ in "?" }.joined(separator: ",")))
                ORDER BY version
                """, arguments: [Planning.SkpState.disetujui.rawValue, Planning.SkpState.diganti.rawValue] + StatementArguments(batch.map(\.value.skpID)))
            for row in rows {
                let skpID: String = row["skp_id"]
                guard first[skpID] == nil else { continue }
                let skp = try Planning.Skp(serializedBytes: Array(row["body"] as Data))
                if let at = skp.approval?.at ?? skp.decided?.at {
                    first[skpID] = Wita.today(now: Date(timeIntervalSince1970: TimeInterval(at.seconds)))
                }
            }
            for (nip, skp) in batch {
                result[nip] = ComplianceFacts(skpID: skp.skpID, state: skp.state, firstApproval: first[skp.skpID])
            }
        }
        return result
    }
}
